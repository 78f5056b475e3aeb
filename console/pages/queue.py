"""The queue page: issue a token, watch the waiting line, run the counters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.counter_actions import ask_transfer_target, card_data, run_counter_action
from console.names import priority_reason_label, priority_text, type_label
from console.tasks import CoalescedLoad, describe_error
from db.models import SlipStatus, UpdateType, Verification
from services.queue import QueueError, TokenView
from services.roles import Permission, PermissionDenied
from services.site import CounterView
from vocabulary import PriorityReason
from widgets.bidi import semicolon_join
from widgets.counter_card import KEYS, CounterCard
from widgets.token_table import TokenRow, TokenTableModel


@dataclass
class QueueSnapshot:
    """What the page shows, loaded in one go on the database worker."""

    waiting: list[TokenView]
    counters: list[CounterView]
    current: dict[int, TokenView]
    estimates: dict[UpdateType, timedelta | None] = field(default_factory=dict)


def load_snapshot(ctx: AppContext) -> QueueSnapshot:
    """Read the waiting line, counters and their current tokens (runs off the GUI thread)."""
    counters = ctx.site.counters()
    current = {c.id: t for c in counters if (t := ctx.queue.current_at(c.id)) is not None}
    waiting = ctx.queue.waiting()
    estimates = {t: ctx.queue.estimated_wait(t) for t in ctx.queue.offered_types()}
    return QueueSnapshot(waiting, counters, current, estimates)


def _ignore(_result: object) -> None:
    """A counter action's result: the page reloads from the change signal instead."""


class QueuePage(QWidget):
    """Issue form, live waiting list and counter cards, with keyboard shortcuts."""

    sig_snapshot_applied = Signal()
    """The page finished showing a freshly loaded snapshot (tests wait on this)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: QueueSnapshot | None = None
        self.cards: dict[int, CounterCard] = {}
        self.selected_counter: int | None = None

        # --- issue form
        self.type_box = QComboBox()
        for t in ctx.queue.offered_types():
            self.type_box.addItem(type_label(t), t)
        self.priority = QCheckBox(self.tr("Priority"))
        self.priority_reason = QComboBox()
        for r in PriorityReason:
            self.priority_reason.addItem(priority_reason_label(r), r)
        self.priority_reason.setEnabled(False)
        self.priority.toggled.connect(self.priority_reason.setEnabled)
        self.issue_button = QPushButton(self.tr("Issue token  (F2)"))
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setMinimumHeight(40)
        self.issue_button.setStyleSheet(
            "QPushButton{background:#1565c0;color:white;font-weight:600;padding:4px 18px;border-radius:6px;}"
            "QPushButton:disabled{background:#90a4ae;}"
        )
        self.issue_button.clicked.connect(self.issue)
        self.last_issued = QLabel("")
        self.last_issued.setObjectName("lastIssued")
        # 16pt: the number stands out without making the row (and so the page) taller than the Issue button.
        self.last_issued.setStyleSheet("font-size:16pt;font-weight:700;color:#0d47a1;")
        form = QHBoxLayout()
        form.setContentsMargins(8, 4, 8, 4)
        form.addWidget(QLabel(self.tr("Update type")))
        form.addWidget(self.type_box, 2)
        form.addWidget(self.priority)
        form.addWidget(self.priority_reason, 1)
        form.addWidget(self.issue_button)
        form.addStretch(1)
        form.addWidget(self.last_issued)
        issue_box = QFrame()
        issue_box.setObjectName("issueBox")
        issue_box.setFrameShape(QFrame.Shape.StyledPanel)  # no style sheet: it would restyle the focus ring inside
        # No title row above the form (six counter cards must fit at 1366x768): the Issue button says it.
        issue_box.setAccessibleName(self.tr("Issue a token"))
        issue_box.setLayout(form)

        # --- waiting list
        self.model = TokenTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("waitingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.waiting_title = QLabel(self.tr("Waiting"))
        self.waiting_title.setStyleSheet("font-size:13pt;font-weight:600;")
        self.estimates = QLabel("")
        self.estimates.setWordWrap(True)
        self.estimates.setStyleSheet("color:#444;")
        self.transfer_button = QPushButton(self.tr("Transfer…  (F4)"))
        self.cancel_button = QPushButton(self.tr("Cancel token"))
        self.reprint_button = QPushButton(self.tr("Reprint slip"))
        self.transfer_button.clicked.connect(self._transfer_selected)
        self.cancel_button.clicked.connect(self._cancel_selected)
        self.reprint_button.clicked.connect(self._reprint_selected)
        row_actions = QHBoxLayout()
        for b in (self.transfer_button, self.cancel_button, self.reprint_button):
            row_actions.addWidget(b)
        row_actions.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.waiting_title)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.estimates)
        lv.addLayout(row_actions)

        # --- counters
        self.cards_host = QWidget()
        self.cards_grid = QGridLayout(self.cards_host)
        self.cards_grid.setSpacing(8)
        self.cards_grid.setVerticalSpacing(5)
        self.cards_grid.setContentsMargins(6, 5, 6, 5)
        self.cards_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards_host)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 900])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(9, 6, 9, 4)
        lay.addWidget(issue_box)
        lay.addWidget(split, 1)
        # Only the controls the signed-in role may use are shown (the services check again).
        actor = ctx.actor
        issue_box.setVisible(actor.can(Permission.ISSUE_TOKEN))
        self.transfer_button.setVisible(actor.can(Permission.TRANSFER_TOKEN))
        self.cancel_button.setVisible(actor.can(Permission.CANCEL_TOKEN))
        self.reprint_button.setVisible(actor.can(Permission.REPRINT))

        self._shortcuts()
        self.loader = CoalescedLoad(ctx.tasks, lambda: load_snapshot(ctx), self._apply, source=self.tr("Queue"),
                                    delay_ms=50, parent=self)
        # Elapsed times and waits tick even when nothing happens.
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.schedule_reload)
        self._tick.start()
        ctx.events.sig_changed.connect(self._on_events_changed)
        ctx.events.sig_external.connect(self.schedule_reload)
        self.reload()

    # ---- keyboard -------------------------------------------------------------------
    def _shortcuts(self) -> None:
        def bind(key: str | QKeySequence.StandardKey, slot: object) -> None:
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page is shown
            sc.activated.connect(slot)  # type: ignore[arg-type]

        bind("F2", self.issue)
        for action, key in KEYS.items():
            if action != "transfer":
                bind(key, lambda a=action: self._act_selected(a))
        bind(KEYS["transfer"], self._transfer_key)
        for n in range(1, 10):
            bind(f"Ctrl+{n}", lambda n=n: self._select_nth(n))

    def _select_nth(self, n: int) -> None:
        ids = list(self.cards)
        if 0 < n <= len(ids):
            self._on_card_selected(ids[n - 1])

    def _act_selected(self, action: str) -> None:
        card = self.cards.get(self.selected_counter) if self.selected_counter is not None else None
        if card is not None and card.actionable:
            self._show_card(card.counter_id)  # never act on a counter out of sight
            self.counter_action(card.counter_id, action)

    def may_serve(self, counter: CounterView) -> bool:
        """True when the signed-in person may run ``counter``: any counter, or the one they sit at."""
        actor = self.ctx.actor
        if actor.can(Permission.SERVE_ANY_COUNTER):
            return True
        return (actor.can(Permission.SERVE_OWN_COUNTER) and actor.staff_id is not None
                and counter.staff_id == actor.staff_id)

    def _transfer_key(self) -> None:
        """F4: the token selected in the waiting list while the list has focus, else the selected counter's."""
        if self.table.hasFocus() and self._selected_token() is not None:
            self._transfer_selected()
        else:
            self._act_selected("transfer")

    def _show_card(self, counter_id: int) -> None:
        card = self.cards.get(counter_id)
        if card is not None:
            self.cards_scroll.ensureWidgetVisible(card, 0, 0)

    # ---- loading --------------------------------------------------------------------
    def _on_events_changed(self, _change: object) -> None:
        self.schedule_reload()

    def schedule_reload(self) -> None:
        """Reload soon, coalescing bursts of changes into one read."""
        self.loader.request()

    def reload(self) -> None:
        """Read a fresh snapshot on the database worker and show it."""
        self.loader.now()

    def _apply(self, snap: QueueSnapshot) -> None:
        self.snapshot = snap
        now = self.ctx.clock.now()
        rows = [
            TokenRow(
                token_id=t.id, number=t.number, type_label=type_label(t.update_type),
                priority=self._priority_text(t), waited_min=int((now - t.queued_at).total_seconds() // 60),
                verification=self._verification_text(t.verification), slip=self._slip_text(t.slip_status),
                alert=t.slip_status is SlipStatus.FAILED,
            )
            for t in snap.waiting
        ]
        self.model.set_rows(rows)
        self.waiting_title.setText(self.tr("Waiting: %1").replace("%1", str(len(rows))))
        parts = []
        for t, eta in snap.estimates.items():
            if eta is None:
                continue
            parts.append(self.tr("%1 ≈ %2 min").replace("%1", type_label(t))
                         .replace("%2", str(int(eta.total_seconds() // 60))))
        self.estimates.setText(self.tr("Estimated wait for a new token: ") + (semicolon_join(parts) or "—"))
        self._apply_counters(snap)
        self.sig_snapshot_applied.emit()

    def _apply_counters(self, snap: QueueSnapshot) -> None:
        now = self.ctx.clock.now()
        for i, c in enumerate(snap.counters):
            data = card_data(c, snap.current.get(c.id), now, self.ctx.config.queue)
            card = self.cards.get(c.id)
            if card is None:
                card = CounterCard(data)
                card.sig_action.connect(self.counter_action)
                card.sig_selected.connect(self._on_card_selected)
                self.cards[c.id] = card
                self.cards_grid.addWidget(card, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
                self.cards_grid.setRowStretch(i // 2, 0)
                self.cards_grid.setRowStretch(i // 2 + 1, 1)  # spare height below the cards, not inside them
            else:
                card.set_data(data)
            card.set_actionable(self.may_serve(c))
        if self.selected_counter is None and self.cards:
            mine = [cid for cid, card in self.cards.items() if card.actionable]
            self._on_card_selected(mine[0] if mine else next(iter(self.cards)))

    def _on_card_selected(self, counter_id: int) -> None:
        self.selected_counter = counter_id
        for cid, card in self.cards.items():
            card.set_selected(cid == counter_id)
        self._show_card(counter_id)

    def _priority_text(self, t: TokenView) -> str:
        return priority_text(t.priority_reason) if t.priority else ""

    def _verification_text(self, v: Verification) -> str:
        return {
            Verification.NOT_ASKED: "—", Verification.UNVERIFIED: self.tr("Unverified"),
            Verification.VERIFIED: self.tr("Verified"), Verification.NOT_FOUND: self.tr("Not in registry"),
            Verification.MISMATCH: self.tr("Mismatch"), Verification.BLOCKED: self.tr("Blocked"),
        }[v]

    def _slip_text(self, s: SlipStatus) -> str:
        return {SlipStatus.NONE: "—", SlipStatus.PENDING: self.tr("Printing…"), SlipStatus.PRINTED: self.tr("Printed"),
                SlipStatus.FAILED: self.tr("NOT PRINTED")}[s]

    # ---- actions --------------------------------------------------------------------
    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, QueueError | PermissionDenied):
            self.ctx.status.alert(describe_error(exc), "warning")
        else:
            self.ctx.status.alert(self.tr("Could not complete the action: %1").replace("%1", describe_error(exc)),
                                  "error")

    def issue(self) -> None:
        """Issue a token of the chosen type (on the database worker); the slip prints after commit."""
        if not self.ctx.actor.can(Permission.ISSUE_TOKEN):
            return  # F2 from a role without the issue form
        update_type = self.type_box.currentData()
        priority = self.priority.isChecked()
        reason = self.priority_reason.currentData() if priority else None
        actor = self.ctx.actor
        self.issue_button.setEnabled(False)

        def done(view: TokenView) -> None:
            self.issue_button.setEnabled(True)
            self.last_issued.setText(view.number)
            self.priority.setChecked(False)

        def failed(exc: BaseException) -> None:
            self.issue_button.setEnabled(True)
            self._error(exc)

        self.ctx.tasks.run_db(
            lambda: self.ctx.queue.issue_token(update_type, actor=actor, priority=priority, priority_reason=reason),
            done, failed,
        )

    def counter_action(self, counter_id: int, action: str) -> None:
        """Run a counter button's action on the database worker."""
        cur = self.snapshot.current.get(counter_id) if self.snapshot else None
        run_counter_action(self.ctx, self, counter_id, action, cur,
                           self._on_called if action == "call" else _ignore, self._error, source=self.tr("Queue"),
                           counters=self.snapshot.counters if self.snapshot else [])

    def _on_called(self, view: TokenView | None) -> None:
        if view is None:
            self.ctx.status.alert(self.tr("Nobody is waiting for this counter's update types."), "info")

    def _selected_token(self) -> TokenView | None:
        idx = self.table.selectionModel().selectedRows()
        if not idx or self.snapshot is None:
            return None
        tid = self.model.token_id(idx[0].row())
        return next((t for t in self.snapshot.waiting if t.id == tid), None)

    def _transfer_selected(self) -> None:
        tok = self._selected_token()
        if tok is None or not self.ctx.actor.can(Permission.TRANSFER_TOKEN):
            return
        target = ask_transfer_target(self, self.ctx.queue, tok, self.snapshot.counters if self.snapshot else [])
        if target is not None:
            self.ctx.tasks.run_db(lambda: self.ctx.queue.transfer(tok.id, target, actor=self.ctx.actor),
                                  None, self._error)

    def _cancel_selected(self) -> None:
        tok = self._selected_token()
        if tok is None or not self.ctx.actor.can(Permission.CANCEL_TOKEN):
            return
        answer = QMessageBox.question(self, self.tr("Cancel token"),
                                      self.tr("Cancel token %1? The visitor loses this place.").replace("%1", tok.number))
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.tasks.run_db(lambda: self.ctx.queue.cancel(tok.id, actor=self.ctx.actor), None, self._error)

    def _reprint_selected(self) -> None:
        tok = self._selected_token()
        if tok is None or not self.ctx.actor.can(Permission.REPRINT):
            return
        if self.ctx.printing is None:
            self.ctx.status.alert(self.tr("No printer is configured."), "warning")
            return
        self.ctx.printing.reprint(tok.id)
