"""What the queue page and the counters page share about a counter: its card and its actions.

Both pages show the same counters, so one builder makes the card's data (the long-service rule
is ``services.queue.service_level``) and one dispatcher runs a card's buttons on the database
worker; the transfer dialog offers only what the queue accepts and an open, staffed counter
calls (``QueueReads.transfer_targets`` over the counters the page already loaded).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from console.context import AppContext
from console.names import counter_label, counter_state_label, state_label, type_label, type_short_label
from services.config import QueueSection
from services.queue import QueueService, TokenView, service_level
from services.queue.routing import served_now
from services.site import CounterView
from vocabulary import UpdateType
from widgets.counter_admin import StaffChoice
from widgets.counter_card import CounterCardData


def card_data(c: CounterView, token: TokenView | None, now: datetime, limits: QueueSection) -> CounterCardData:
    """The card of counter ``c`` serving ``token`` (None: free) at ``now``."""
    minutes, level = service_level(token, now, limits.long_service_minutes, limits.very_long_service_minutes)
    return CounterCardData(
        counter_id=c.id, label=counter_label(c.number, c.label),
        staff=c.staff_name or QCoreApplication.translate("CounterCard", "No DEO assigned"),
        state=c.state.value, state_label=counter_state_label(c.state),
        types_label=QCoreApplication.translate("CounterCard", ", ").join(type_short_label(t) for t in c.served_types),
        token_number=token.number if token else "",
        token_state=token.state.value if token else "",
        token_state_label=state_label(token.state) if token else "",
        elapsed_min=minutes, served_today=c.served_today, level=level,
        has_deo=c.staff_id is not None, recalls=token.recall_count if token else 0,
        recall_limit=limits.recalls_before_no_show,
    )


def staff_choices(staff: Iterable[tuple[int, str]], counters: Iterable[CounterView]) -> list[StaffChoice]:
    """The DEO picker's entries: each person with the counter they sit at today, if any."""
    where = {c.staff_id: counter_label(c.number, c.label) for c in counters if c.staff_id is not None}
    return [StaffChoice(sid, name, where.get(sid, "")) for sid, name in staff]


def ask_transfer_target(parent: QWidget, queue: QueueService, token: TokenView,
                        counters: Collection[CounterView]) -> UpdateType | None:
    """Ask which update type ``token`` moves to; None when cancelled or when nothing can take it.

    Offered: the types the queue accepts (the appeal switch) that an open counter with a DEO calls,
    judged from ``counters`` as the page last loaded them (no database read on the GUI thread).
    """
    choices = queue.transfer_targets(token.update_type, served_now(counters))
    title = QCoreApplication.translate("CounterCard", "Transfer token")
    if not choices:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "CounterCard", "No open counter with a DEO serves another update type now: open a counter or "
            "assign a DEO first."))
        return None
    names = [type_label(t) for t in choices]
    name, ok = QInputDialog.getItem(
        parent, title,
        QCoreApplication.translate("CounterCard", "Move %1 to:").replace("%1", token.number), names, 0, False)
    return choices[names.index(name)] if ok and name in names else None


def run_counter_action(ctx: AppContext, parent: QWidget, counter_id: int, action: str, current: TokenView | None,
                       done: Callable[[Any], None], failed: Callable[[BaseException], None],
                       *, source: str = "", counters: Collection[CounterView] = ()) -> bool:
    """Run a card's ``action`` (call | recall | start | complete | no_show | transfer) on the DB worker.

    ``done`` receives the moved token (None after a call when nobody waits). Returns False when
    there was nothing to do (no token at the counter, or the transfer dialog was cancelled).
    ``counters`` (as the page shows them) decide the transfer list.
    """
    q, actor = ctx.queue, ctx.actor
    if action == "call":
        ctx.tasks.run_db(lambda: q.call_next(counter_id, actor=actor), done, failed, source=source)
        return True
    if current is None:
        return False
    tid = current.id
    if action == "transfer":
        target = ask_transfer_target(parent, q, current, counters)
        if target is None:
            return False
        ctx.tasks.run_db(lambda: q.transfer(tid, target, actor=actor), done, failed, source=source)
        return True
    verbs = {"recall": q.recall, "start": q.start, "complete": q.complete, "no_show": q.no_show}
    verb = verbs.get(action)
    if verb is None:
        return False
    ctx.tasks.run_db(lambda: verb(tid, actor=actor), done, failed, source=source)
    return True
