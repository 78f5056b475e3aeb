"""The now-serving board window: full screen on the hall display, updated on every call.

A call reaches the board straight from ``sig_changed`` (no database round trip), so the hall
sees it within one event-loop turn; waiting counts and changes made elsewhere (terminal,
another console) are reloaded through the database worker.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.context import AppContext
from console.speech import Announcer, chime_player, espeak_engine
from console.stranded import StrandedBanner
from console.tasks import CoalescedLoad
from services.board import CALL_KINDS, GONE_KINDS, UPDATE_TYPE_NAMES, BoardCall, BoardFeed, BoardSnapshot
from services.clock import SITE_ZONE
from services.queue import QueueChange
from vocabulary import UpdateType
from widgets.board import BoardRow, BoardView, WaitingRow


def announcer_from_config(ctx: AppContext) -> Announcer:
    """The speech and chime the configuration asks for, with whatever engine is installed."""
    board = ctx.config.board
    speak = espeak_engine() if board.speech != "off" else None
    return Announcer(speak, board.speech, chime_player() if board.chime else None)


class BoardWindow(QWidget):
    """A top-level window holding a :class:`BoardView` fed by the queue's signals."""

    def __init__(self, ctx: AppContext, announcer: Announcer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Now serving — %1").replace("%1", ctx.config.site.name))
        self.announcer = announcer if announcer is not None else announcer_from_config(ctx)
        self.feed = BoardFeed(ctx.store, ctx.clock, ctx.site_id)
        self.view = BoardView(self)
        self.view.set_site(ctx.config.site.name, ctx.config.site.name_ur)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        # The operator's view (the board in a window on the console's screen) warns of visitors
        # waiting for a type no open counter serves; full screen, in the hall, it stays hidden.
        self.stranded = StrandedBanner(ctx, self)
        lay.addWidget(self.stranded)
        lay.addWidget(self.view)
        self._calls: deque[BoardCall] = deque(maxlen=BoardView.HISTORY + 1)
        self._counter_numbers: dict[int, int] = {}
        self._shut_down = False
        # Bursts of changes (a simulation, a close of day) cost one reload, not one each.
        self.loader = CoalescedLoad(ctx.tasks, self._load, self._on_snapshot,
                                    source=self.tr("Now-serving board"), delay_ms=250, parent=self)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._on_clock_timeout)
        self._clock_timer.start(15_000)
        self._on_clock_timeout()
        ctx.events.sig_changed.connect(self._on_events_changed)
        ctx.events.sig_external.connect(self.loader.request)
        self.reload()

    # ---- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Reload calls and waiting counts from the store (off the GUI thread)."""
        self.loader.now()

    def _load(self) -> tuple[BoardSnapshot, dict[UpdateType, int | None]]:
        """On the database worker: the snapshot and, per shown type, a new token's estimated wait."""
        snap = self.feed.snapshot(BoardView.HISTORY + 1)
        waits: dict[UpdateType, int | None] = {}
        for t in UPDATE_TYPE_NAMES:
            if t in snap.served_types or snap.waiting.get(t, 0):
                eta = self.ctx.queue.estimated_wait(t)
                waits[t] = None if eta is None else int(eta.total_seconds() // 60)
        return snap, waits

    def _on_snapshot(self, loaded: tuple[BoardSnapshot, dict[UpdateType, int | None]]) -> None:
        snap, waits = loaded
        self._counter_numbers = dict(snap.counter_numbers)
        self._calls = deque(reversed(snap.calls), maxlen=BoardView.HISTORY + 1)
        self._show_calls(flash=False)
        self.view.set_waiting([
            WaitingRow(en, ur, snap.waiting.get(t, 0), waits.get(t))
            for t, (en, ur) in UPDATE_TYPE_NAMES.items()
            if t in waits
        ])

    def _show_calls(self, *, flash: bool) -> None:
        rows = [BoardRow(c.number, str(c.counter), c.recalled) for c in reversed(self._calls)]
        self.view.set_calls(rows, flash=flash)

    def _on_events_changed(self, change: QueueChange) -> None:
        if change.kind in CALL_KINDS and change.counter_id is not None:
            number = self._counter_numbers.get(change.counter_id)
            if number is None:
                number = next((c.number for c in self.ctx.site.counters() if c.id == change.counter_id), 0)
                self._counter_numbers[change.counter_id] = number
            # One line per token: a recall moves the token back to the top.
            self._calls = deque((c for c in self._calls if c.token_id != change.token.id),
                                maxlen=BoardView.HISTORY + 1)
            self._calls.append(BoardCall(change.token.id, change.token.number, number,
                                         self.ctx.clock.now(), change.kind == "recalled"))
            self._show_calls(flash=True)
            self.announcer.announce(change.token.number, number)
        elif change.kind in GONE_KINDS and any(c.token_id == change.token.id for c in self._calls):
            self._calls = deque((c for c in self._calls if c.token_id != change.token.id),
                                maxlen=BoardView.HISTORY + 1)
            self._show_calls(flash=False)
        self.loader.request()

    def _on_clock_timeout(self) -> None:
        self.view.set_clock(self.ctx.clock.now().astimezone(SITE_ZONE).strftime("%H:%M"))

    # ---- window --------------------------------------------------------------------
    def target_screen(self) -> QScreen | None:
        """The configured screen (``board.screen``); -1 picks the last one (the hall display)."""
        screens = QGuiApplication.screens()
        if not screens:
            return None
        index = self.ctx.config.board.screen
        return screens[index] if 0 <= index < len(screens) else screens[-1]

    def show_on_screen(self, *, full_screen: bool = True) -> None:
        """Show the board on its screen, full screen unless asked otherwise."""
        screen = self.target_screen()
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
            self.resize(screen.geometry().size())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            self.stranded.set_suppressed(self.isFullScreen())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Disconnect from the queue signals and stop speaking (the window is going away; idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.loader.stop()
        self.stranded.stop()
        for timer in (self._clock_timer, self.view._flash):
            timer.stop()
        self.ctx.events.sig_changed.disconnect(self._on_events_changed)
        self.ctx.events.sig_external.disconnect(self.loader.request)
        self.announcer.close()


def open_board(ctx: AppContext, parent: QWidget | None = None, *, full_screen: bool = True) -> BoardWindow:
    """Open (or raise) the board window; the main window's "Board" action calls this."""
    existing = ctx.board
    if existing is not None and existing.isVisible():
        existing.raise_()
        return existing
    board = BoardWindow(ctx, parent=parent)
    board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    ctx.board = board
    board.show_on_screen(full_screen=full_screen)
    return board
