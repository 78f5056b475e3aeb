"""The supervisor's counters page: who sits where, what each counter serves, and how service goes.

Cards turn amber, then red, when a service runs past ``queue.long_service_minutes`` /
``queue.very_long_service_minutes``. Keyboard (same as the queue page): F5 call next, F6 recall, F7 start, F8 complete,
F9 no-show, F4 transfer on the selected counter; Ctrl+1..9 select a counter (and scroll it into view). All database work runs on the DB worker;
the page reloads on every queue change (its own or another console's / terminal's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.close_day import close_day
from console.context import AppContext
from console.counter_actions import card_data, run_counter_action, staff_choices
from console.names import DAY_NO_YEAR, day_text, type_short_label
from console.tasks import CoalescedLoad, describe_error
from db.models import CounterState, Role, TokenState, UpdateType
from services.clock import SITE_ZONE
from services.day import DayStatus
from services.queue import TokenView
from services.roles import Permission
from services.site import CounterView
from widgets.counter_admin import CounterAdminCard
from widgets.counter_card import KEYS, CounterCardData

COLUMNS = 3


@dataclass(frozen=True)
class CountersSnapshot:
    """What the page shows, read in one go on the DB worker."""

    counters: list[CounterView]
    current: dict[int, TokenView | None]
    staff: list[tuple[int, str]]
    """Every DEO: (staff id, name)."""
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
                              "F4 transfer · Ctrl+1…9 select a counter"))
        hint.setStyleSheet("color:#4a4a4a;")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(self.day_label)
        head.addStretch(1)
        head.addWidget(self.open_day_button)
        head.addWidget(self.close_day_button)
        may_run_day = ctx.actor.can(Permission.OPEN_CLOSE_DAY)
        self.open_day_button.setVisible(may_run_day)
        self.close_day_button.setVisible(may_run_day)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.addLayout(self.grid)
        inner_lay.addStretch(1)
        self.cards_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(hint)
        lay.addWidget(self.message)
        lay.addWidget(scroll, 1)

        for action, key in KEYS.items():
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda a=action: self.act_on_selected(a))
        for n in range(1, 10):
            sc = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=n - 1: self._select_index(i))

        self.loader = CoalescedLoad(ctx.tasks, self._load, self._on_loaded, on_error=self._on_load_failed,
                                    source=self.tr("Counters"), delay_ms=80, parent=self)
        # Elapsed times and the amber/red levels move with the clock, not with events.
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._render_cards)
        self._tick.start()
        ctx.events.sig_changed.connect(self._on_events_changed)
        ctx.events.sig_external.connect(self.loader.request)
        self.refresh()

    # ---- loading -------------------------------------------------------------------
    def _load(self) -> CountersSnapshot:
        counters = self.ctx.site.counters()
        current = {c.id: self.ctx.queue.current_at(c.id) for c in counters}
        staff = [(s.id, s.full_name) for s in self.ctx.auth.staff(Role.DEO)]
        return CountersSnapshot(counters, current, staff, self.ctx.day.status())

    def refresh(self) -> None:
        """Reload everything from the store (coalesced while a load is running)."""
        self.loader.now()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_message(describe_error(exc), error=True)

    def _on_loaded(self, snap: CountersSnapshot) -> None:
        self.snapshot = snap
        self._render_head(snap.day)
        self._build_cards(snap)
        self._render_cards()

    def _on_events_changed(self, _change: object) -> None:
        self.loader.request()

    # ---- rendering -----------------------------------------------------------------
    def _render_head(self, day: DayStatus) -> None:
        self.title.setText(self.tr("Counters — %1").replace("%1", day_text(day.day, DAY_NO_YEAR)))
        if day.closed_at is not None:
            text = self.tr("Day closed at %1").replace("%1", day.closed_at.astimezone(SITE_ZONE).strftime("%H:%M"))
        elif day.opened_at is not None:
            text = self.tr("Day open since %1 (by %2)").replace(
                "%1", day.opened_at.astimezone(SITE_ZONE).strftime("%H:%M")).replace("%2", day.opened_by or "")
        elif day.open_tokens:
            # Carried over from the last day: they wait, and the first token issued opens the day.
            text = self.tr("Day not opened yet: %1 tokens carried over wait").replace(
                "%1", str(sum(day.open_tokens.values())))
        else:
            text = self.tr("Day not opened yet (the first token opens it)")
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
            names = [(t.value, type_short_label(t)) for t in UpdateType]
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
        choices = staff_choices(snap.staff, snap.counters)
        for c in snap.counters:
            self.cards[c.id].set_data(self._card_data(c, snap.current.get(c.id)))
            self.cards[c.id].set_admin(choices, c.staff_id, [t.value for t in c.served_types])
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
        return card_data(c, token, self.ctx.clock.now(), self.ctx.config.queue)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color:#b71c1c;font-weight:600;" if error else "color:#1b5e20;")

    # ---- selection and actions -----------------------------------------------------
    def select(self, counter_id: int) -> None:
        """Make ``counter_id`` the card the keyboard acts on, and scroll it into view (no action unseen)."""
        self.selected = counter_id
        for cid, card in self.cards.items():
            card.set_selected(cid == counter_id)
        chosen = self.cards.get(counter_id)
        if chosen is not None:
            self.cards_scroll.ensureWidgetVisible(chosen, 0, 0)
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
        current = self.snapshot.current.get(counter_id) if self.snapshot else None
        done = self._on_called if action == "call" else self._on_acted
        counters = self.snapshot.counters if self.snapshot else []
        if not run_counter_action(self.ctx, self, counter_id, action, current, done, self._on_action_failed,
                                  source=self.tr("Counters"), counters=counters) and current is None:
            self._show_message(self.tr("This counter has no token; call the next one first."), error=True)

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
        self._show_message(describe_error(exc), error=True)
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
        self.ctx.events.sig_counters.emit()

    def _on_open_day_clicked(self) -> None:
        actor = self.ctx.actor
        self._run(lambda: self.ctx.day.open_day(actor=actor), self._on_admin_done)

    def _on_close_day_clicked(self) -> None:
        if close_day(self.ctx, self) is not None:
            self.refresh()
