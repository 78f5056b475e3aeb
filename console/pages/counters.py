"""The supervisor's counters page: who sits where, what each counter serves, and how service goes.

Cards turn amber, then red, when a service runs past ``queue.long_service_minutes`` /
``queue.very_long_service_minutes``. Keyboard (same as the queue page): F5 call next, F6 recall, F7 start, F8 complete, F9 no-show
on the selected counter; Ctrl+1..9 select a counter. All database work runs on the DB worker;
the page reloads on every queue change (its own or another console's / terminal's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.close_day import close_day, day_service
from console.context import AppContext
from console.login import auth_service
from console.names import counter_label
from db.models import CounterState, Role, TokenState, UpdateType
from services.board import UPDATE_TYPE_NAMES
from services.clock import SITE_ZONE
from services.day import DayStatus
from services.queue import TokenView
from services.site import CounterView
from widgets.counter_admin import CounterAdminCard, StaffChoice
from widgets.counter_card import CounterCardData

_SHORT_TYPE = {  # marked for lupdate; translated with self.tr in the CountersPage context
    UpdateType.MISSED_OUT: QT_TRANSLATE_NOOP("CountersPage", "Missed-out"),
    UpdateType.ROSTER: QT_TRANSLATE_NOOP("CountersPage", "Roster"),
    UpdateType.SHOCK: QT_TRANSLATE_NOOP("CountersPage", "Shock"),
    UpdateType.APPEAL: QT_TRANSLATE_NOOP("CountersPage", "Appeal"),
    UpdateType.CYCLIC: QT_TRANSLATE_NOOP("CountersPage", "Cyclic"),
    UpdateType.RECERTIFICATION: QT_TRANSLATE_NOOP("CountersPage", "Recert."),
}
COLUMNS = 3


@dataclass(frozen=True)
class CountersSnapshot:
    """What the page shows, read in one go on the DB worker."""

    counters: list[CounterView]
    current: dict[int, TokenView | None]
    staff: list[StaffChoice]
    day: DayStatus


class CountersPage(QWidget):
    """Counter cards with assignment, served types, state and the serving actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.snapshot: CountersSnapshot | None = None
        self.cards: dict[int, CounterAdminCard] = {}
        self.selected: int | None = None
        self._loading = False
        self._load_again = False

        self.title = QLabel()
        self.title.setStyleSheet("font-size:17pt;font-weight:600;")
        self.day_label = QLabel()
        self.day_label.setObjectName("day_status")
        self.open_day_button = QPushButton(self.tr("Open day"))
        self.open_day_button.setObjectName("open_day")
        self.open_day_button.clicked.connect(self._on_open_day_clicked)
        self.close_day_button = QPushButton(self.tr("Close day…"))
        self.close_day_button.setObjectName("close_day")
        self.close_day_button.clicked.connect(self._on_close_day_clicked)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        hint = QLabel(self.tr("Keys on the selected counter: F5 call next · F6 recall · F7 start · F8 complete · F9 no-show · "
                              "Ctrl+1…9 select a counter"))
        hint.setStyleSheet("color:#555;")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(self.day_label)
        head.addStretch(1)
        head.addWidget(self.open_day_button)
        head.addWidget(self.close_day_button)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.addLayout(self.grid)
        inner_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(hint)
        lay.addWidget(self.message)
        lay.addWidget(scroll, 1)

        for key, action in (("F5", "call"), ("F6", "recall"), ("F7", "start"), ("F8", "complete"), ("F9", "no_show")):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda a=action: self.act_on_selected(a))
        for n in range(1, 10):
            sc = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=n - 1: self._select_index(i))

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(80)
        self._refresh_timer.timeout.connect(self.refresh)
        # Elapsed times and the amber/red levels move with the clock, not with events.
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._render_cards)
        self._tick.start()
        ctx.events.sig_changed.connect(self._on_events_changed)
        ctx.events.sig_external.connect(self._refresh_timer.start)
        self.refresh()

    # ---- loading -------------------------------------------------------------------
    def _load(self) -> CountersSnapshot:
        counters = self.ctx.site.counters()
        current = {c.id: self.ctx.queue.current_at(c.id) for c in counters}
        staff = [StaffChoice(s.id, s.full_name) for s in auth_service(self.ctx).staff(Role.DEO)]
        return CountersSnapshot(counters, current, staff, day_service(self.ctx).status())

    def refresh(self) -> None:
        """Reload everything from the store (coalesced while a load is running)."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        try:
            self.ctx.tasks.run_db(self._load, self._on_loaded, self._on_load_failed)
        except RuntimeError:  # the console is shutting down
            self._loading = False

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._show_message(str(exc), error=True)

    def _on_loaded(self, snap: CountersSnapshot) -> None:
        self._loading = False
        self.snapshot = snap
        self._render_head(snap.day)
        self._build_cards(snap)
        self._render_cards()
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _on_events_changed(self, _change: object) -> None:
        self._refresh_timer.start()

    # ---- rendering -----------------------------------------------------------------
    def _render_head(self, day: DayStatus) -> None:
        self.title.setText(self.tr("Counters — %1").replace("%1", day.day.strftime("%A %d %B")))
        if day.closed_at is not None:
            text = self.tr("Day closed at %1").replace("%1", day.closed_at.astimezone(SITE_ZONE).strftime("%H:%M"))
        elif day.opened_at is not None:
            text = self.tr("Day open since %1 (by %2)").replace(
                "%1", day.opened_at.astimezone(SITE_ZONE).strftime("%H:%M")).replace("%2", day.opened_by or "")
        else:
            text = self.tr("Day not opened yet")
        self.day_label.setText(text)
        self.open_day_button.setEnabled(not day.is_open)
        self.close_day_button.setEnabled(day.closed_at is None)

    def _build_cards(self, snap: CountersSnapshot) -> None:
        ids = [c.id for c in snap.counters]
        if list(self.cards) != ids:
            for card in self.cards.values():
                card.setParent(None)
                card.deleteLater()
            self.cards = {}
            names = [(t.value, self.tr(_SHORT_TYPE[t])) for t in UpdateType]
            for i, c in enumerate(snap.counters):
                card = CounterAdminCard(self._card_data(c, None), names, self)
                card.setAccessibleName(c.label)  # the objectName drives the base card's style
                card.sig_action.connect(self._on_card_action)
                card.sig_selected.connect(self.select)
                card.sig_assign.connect(self._on_card_assign)
                card.sig_types.connect(self._on_card_types)
                card.sig_state.connect(self._on_card_state)
                self.grid.addWidget(card, i // COLUMNS, i % COLUMNS)
                self.cards[c.id] = card
            if self.selected not in self.cards:
                self.selected = ids[0] if ids else None
        for c in snap.counters:
            self.cards[c.id].set_data(self._card_data(c, snap.current.get(c.id)))
            self.cards[c.id].set_admin(snap.staff, c.staff_id, [t.value for t in c.served_types])
        for cid, card in self.cards.items():
            card.set_selected(cid == self.selected)

    def _render_cards(self) -> None:
        """Recompute elapsed minutes and levels from the clock (no database)."""
        if self.snapshot is None:
            return
        for c in self.snapshot.counters:
            card = self.cards.get(c.id)
            if card is not None:
                card.set_data(self._card_data(c, self.snapshot.current.get(c.id)))

    def _card_data(self, c: CounterView, token: TokenView | None) -> CounterCardData:
        q = self.ctx.config.queue
        state_names = {CounterState.OPEN: self.tr("Open"), CounterState.PAUSED: self.tr("On break"),
                       CounterState.CLOSED: self.tr("Closed")}
        minutes, level = 0, "ok"
        if token is not None:
            since: datetime | None = token.started_at or token.called_at
            if since is not None:
                minutes = max(0, int((self.ctx.clock.now() - since).total_seconds() // 60))
            level = ("very_long" if minutes >= q.very_long_service_minutes
                     else "long" if minutes >= q.long_service_minutes else "ok")
        return CounterCardData(
            counter_id=c.id, label=counter_label(c.number, c.label), staff=c.staff_name or self.tr("No DEO"), state=c.state.value,
            state_label=state_names[c.state],
            types_label=", ".join(self.tr(_SHORT_TYPE[t]) for t in c.served_types),
            token_number=token.number if token else "",
            token_state=token.state.value if token else "",
            token_state_label=(self.tr("In service") if token and token.state is TokenState.IN_SERVICE
                               else self.tr("Called") if token else ""),
            elapsed_min=minutes, served_today=c.served_today, level=level,
        )

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color:#b71c1c;font-weight:600;" if error else "color:#1b5e20;")

    # ---- selection and actions -----------------------------------------------------
    def select(self, counter_id: int) -> None:
        """Make ``counter_id`` the card the keyboard acts on."""
        self.selected = counter_id
        for cid, card in self.cards.items():
            card.set_selected(cid == counter_id)
        self.setFocus()

    def _select_index(self, index: int) -> None:
        ids = list(self.cards)
        if 0 <= index < len(ids):
            self.select(ids[index])

    def act_on_selected(self, action: str) -> None:
        """Run ``action`` (call | recall | start | complete | no_show) on the selected counter."""
        if self.selected is not None:
            self._on_card_action(self.selected, action)

    def _on_card_action(self, counter_id: int, action: str) -> None:
        self.select(counter_id)
        q, actor = self.ctx.queue, self.ctx.actor
        current = self.snapshot.current.get(counter_id) if self.snapshot else None
        if action == "call":
            self._run(lambda: q.call_next(counter_id, actor=actor), self._on_called)
            return
        if current is None:
            self._show_message(self.tr("This counter has no token; call the next one first."), error=True)
            return
        tid = current.id
        if action == "transfer":
            names = [t for t in UpdateType if t is not current.update_type]
            label, ok = QInputDialog.getItem(self, self.tr("Transfer %1").replace("%1", current.number),
                                             self.tr("New update type"), [UPDATE_TYPE_NAMES[t][0] for t in names],
                                             0, False)
            if not ok:
                return
            target = names[[UPDATE_TYPE_NAMES[t][0] for t in names].index(label)]
            self._run(lambda: q.transfer(tid, target, actor=actor), self._on_acted)
            return
        verbs = {"recall": q.recall, "start": q.start, "complete": q.complete, "no_show": q.no_show}
        verb = verbs.get(action)
        if verb is not None:
            self._run(lambda: verb(tid, actor=actor), self._on_acted)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.ctx.tasks.run_db(fn, done, self._on_action_failed)

    def _on_called(self, token: TokenView | None) -> None:
        if token is None:
            self._show_message(self.tr("Nobody is waiting for the types this counter serves."))
        else:
            self._show_message(self.tr("Called %1").replace("%1", token.number))

    def _on_acted(self, token: TokenView) -> None:
        states = {TokenState.WAITING: self.tr("waiting"), TokenState.CALLED: self.tr("called"),
                  TokenState.IN_SERVICE: self.tr("in service"), TokenState.COMPLETED: self.tr("completed"),
                  TokenState.NO_SHOW: self.tr("no-show"), TokenState.CANCELLED: self.tr("cancelled")}
        self._show_message(self.tr("%1: %2").replace("%1", token.number).replace("%2", states[token.state]))

    def _on_action_failed(self, exc: BaseException) -> None:
        self._show_message(str(exc), error=True)
        self.refresh()

    def _on_card_assign(self, counter_id: int, staff_id: int) -> None:
        actor = self.ctx.actor
        self._run(lambda: self.ctx.site.assign(counter_id, staff_id or None, actor=actor), self._on_admin_done)

    def _on_card_types(self, counter_id: int, types: list[str]) -> None:
        actor = self.ctx.actor
        chosen = [UpdateType(t) for t in types]
        self._run(lambda: self.ctx.site.set_served_types(counter_id, chosen, actor=actor), self._on_admin_done)

    def _on_card_state(self, counter_id: int, state: str) -> None:
        actor = self.ctx.actor
        self._run(lambda: self.ctx.site.set_state(counter_id, CounterState(state), actor=actor), self._on_admin_done)

    def _on_admin_done(self, _result: object) -> None:
        self._show_message(self.tr("Saved."))
        self.refresh()

    def _on_open_day_clicked(self) -> None:
        actor = self.ctx.actor
        self._run(lambda: day_service(self.ctx).open_day(actor=actor), self._on_admin_done)

    def _on_close_day_clicked(self) -> None:
        if close_day(self.ctx, self) is not None:
            self.refresh()
