"""What the queue page and the counters page share about a counter: its card and its actions.

Both pages show the same counters, so one builder makes the card's data (the long-service rule
is ``services.queue.service_level``) and one dispatcher runs a card's buttons on the database
worker; the transfer dialog offers only what the queue accepts (``QueueReads.transfer_targets``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from console.context import AppContext
from console.names import counter_label, counter_state_label, state_label, type_label, type_short_label
from services.config import QueueSection
from services.queue import QueueService, TokenView, service_level
from services.site import CounterView
from vocabulary import UpdateType
from widgets.counter_card import CounterCardData


def card_data(c: CounterView, token: TokenView | None, now: datetime, limits: QueueSection) -> CounterCardData:
    """The card of counter ``c`` serving ``token`` (None: free) at ``now``."""
    minutes, level = service_level(token, now, limits.long_service_minutes, limits.very_long_service_minutes)
    return CounterCardData(
        counter_id=c.id, label=counter_label(c.number, c.label),
        staff=c.staff_name or QCoreApplication.translate("CounterCard", "No DEO assigned"),
        state=c.state.value, state_label=counter_state_label(c.state),
        types_label=", ".join(type_short_label(t) for t in c.served_types),
        token_number=token.number if token else "",
        token_state=token.state.value if token else "",
        token_state_label=state_label(token.state) if token else "",
        elapsed_min=minutes, served_today=c.served_today, level=level,
    )


def ask_transfer_target(parent: QWidget, queue: QueueService, token: TokenView) -> UpdateType | None:
    """Ask which update type ``token`` moves to (only types the queue accepts); None when cancelled."""
    choices = queue.transfer_targets(token.update_type)
    names = [type_label(t) for t in choices]
    name, ok = QInputDialog.getItem(
        parent, QCoreApplication.translate("CounterCard", "Transfer token"),
        QCoreApplication.translate("CounterCard", "Move %1 to:").replace("%1", token.number), names, 0, False)
    return choices[names.index(name)] if ok and name in names else None


def run_counter_action(ctx: AppContext, parent: QWidget, counter_id: int, action: str, current: TokenView | None,
                       done: Callable[[Any], None], failed: Callable[[BaseException], None],
                       *, source: str = "") -> bool:
    """Run a card's ``action`` (call | recall | start | complete | no_show | transfer) on the DB worker.

    ``done`` receives the moved token (None after a call when nobody waits). Returns False when
    there was nothing to do (no token at the counter, or the transfer dialog was cancelled).
    """
    q, actor = ctx.queue, ctx.actor
    if action == "call":
        ctx.tasks.run_db(lambda: q.call_next(counter_id, actor=actor), done, failed, source=source)
        return True
    if current is None:
        return False
    tid = current.id
    if action == "transfer":
        target = ask_transfer_target(parent, q, current)
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
