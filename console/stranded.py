"""The "waiting for nobody" banner: tokens of a type no open, staffed counter serves.

A visitor transferred to Appeal while appeals were off, or left in the line of a counter that
closed or lost its DEO, waits for a call that never comes. The banner says so beside every page,
at the foot of the page list (and above the board's operator view) and offers one key, F3, to move them to a type that is served;
they keep their place in line (``QueueService.transfer``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import type_label
from console.tasks import CoalescedLoad, describe_error
from services.queue import QueueError, TokenView
from services.roles import Permission
from vocabulary import UpdateType

TRANSFER_KEY = "F3"


class StrandedBanner(QWidget):
    """Shown only while some token waits for a type nobody calls; F3 moves them (if the role may)."""

    sig_counts = Signal(dict)
    """The stranded tokens per type were (re)read: ``{UpdateType: count}`` (empty: nobody is stranded)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, key: bool = True,
                 side: bool = False) -> None:
        """``side``: stacked for the main window's page column (the text above the button), so the pages
        keep their height (six counter cards at 1366x768); otherwise one row (the board's operator view)."""
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[UpdateType, int] = {}
        self.suppressed = False
        self.setObjectName("strandedBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#strandedBanner{background:#b71c1c;}"
                           "QLabel{color:white;font-weight:600;font-size:12pt;}")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Transfer them…  (%1)").replace("%1", TRANSFER_KEY))
        self.button.setObjectName("strandedTransfer")
        self.button.clicked.connect(self.transfer_stranded)
        lay: QBoxLayout = QVBoxLayout(self) if side else QHBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 12) if side else lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.button)
        if key:
            shortcut = QShortcut(QKeySequence(TRANSFER_KEY), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.transfer_stranded)
        self.hide()
        self.loader = CoalescedLoad(ctx.tasks, ctx.queue.stranded, self._apply, delay_ms=200, parent=self)
        # Counters change without a token event when another console closes one: look again now and then.
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self.loader.request)
        self._tick.start()
        for signal in (ctx.events.sig_changed, ctx.events.sig_external, ctx.events.sig_counters):
            signal.connect(self._on_change)
        self.loader.now()

    def _on_change(self, *_args: object) -> None:
        self.loader.request()

    def _apply(self, counts: dict[UpdateType, int]) -> None:
        self.counts = counts
        parts = [self.tr("%1 waiting for %2").replace("%1", str(n)).replace("%2", type_label(t))
                 for t, n in counts.items()]
        self.text.setText(self.tr("%1: no open counter with a DEO serves them.").replace(
            "%1", self.tr("; ").join(parts)))
        self.text.setToolTip(self.tr("Open a counter for them, or transfer them."))
        self.button.setVisible(self.ctx.actor.can(Permission.TRANSFER_TOKEN))
        self.setVisible(bool(counts) and not self.suppressed)
        self.sig_counts.emit(counts)

    def set_suppressed(self, suppressed: bool) -> None:
        """Keep the banner hidden (the board in full screen is the hall's view, not the operator's)."""
        self.suppressed = suppressed
        self.setVisible(bool(self.counts) and not suppressed)

    def transfer_stranded(self) -> None:
        """Ask where the largest stranded group goes, then move each of its tokens (in line order)."""
        if not self.counts or not self.ctx.actor.can(Permission.TRANSFER_TOKEN):
            return
        stuck = max(self.counts, key=lambda t: self.counts[t])
        queue = self.ctx.queue
        self.ctx.tasks.run_db(lambda: (queue.waiting(stuck), queue.transfer_targets(stuck)),
                              lambda found: self._ask(stuck, *found), self._failed)

    def _ask(self, stuck: UpdateType, tokens: list[TokenView], targets: list[UpdateType]) -> None:
        title = self.tr("Transfer waiting tokens")
        if not tokens:
            self.loader.now()
            return
        if not targets:
            QMessageBox.information(self, title, self.tr("No open counter with a DEO serves any other type either: "
                                                         "open a counter or assign a DEO first."))
            return
        names = [type_label(t) for t in targets]
        question = self.tr("%1 tokens wait for %2, which no open counter serves. They keep their place in line. "
                           "Move them to:").replace("%1", str(len(tokens))).replace("%2", type_label(stuck))
        name, ok = QInputDialog.getItem(self, title, question, names, 0, False)
        if not ok or name not in names:
            return
        target, actor, queue = targets[names.index(name)], self.ctx.actor, self.ctx.queue
        ids = [t.id for t in tokens]

        def move_all() -> list[TokenView]:
            moved = []
            for token_id in ids:
                try:
                    moved.append(queue.transfer(token_id, target, actor=actor))
                except QueueError:  # called or cancelled meanwhile: it is no longer stranded
                    continue
            return moved

        self.ctx.tasks.run_db(move_all, self._moved, self._failed)

    def _moved(self, moved: list[TokenView]) -> None:
        self.ctx.status.alert(self.tr("%1 tokens transferred.").replace("%1", str(len(moved))), "info")
        self.loader.now()

    def _failed(self, exc: BaseException) -> None:
        self.ctx.status.alert(describe_error(exc), "warning")
        self.loader.now()

    def stop(self) -> None:
        """Load no more (the window is closing)."""
        self._tick.stop()
        self.loader.stop()
        for signal in (self.ctx.events.sig_changed, self.ctx.events.sig_external, self.ctx.events.sig_counters):
            signal.disconnect(self._on_change)
