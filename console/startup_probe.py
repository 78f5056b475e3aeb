"""When did the first window reach the screen? Logged at every start; printed for the start-up benchmark.

Start-up time is what a supervisor feels each morning, so the console notes in its log how long
after the process began its first window was exposed, and the resident memory then. With
``DRC_STARTUP_PROBE=quit`` it also prints one machine-readable line to stdout and closes that
window at once (``tests/benchmarks/startup_bench.py`` times many starts that way). Imports only
QtCore/QtGui: it must not itself slow the start it measures.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

log = logging.getLogger(__name__)

PROBE_ENV = "DRC_STARTUP_PROBE"
MARKER = "DRC-FIRST-WINDOW"


def rss_kb() -> int:
    """This process's resident set size in KiB (0 where /proc is not available)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_age_s() -> float:
    """Seconds since this process was started by the system (not since Python began importing)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - started)
    except (OSError, ValueError, IndexError):
        return 0.0


class FirstWindowProbe(QObject):
    """Notices the first exposed top-level window, reports once, then removes itself."""

    sig_shown = Signal(str)
    """The first window is on screen (its title); start-up work that was held back may begin."""

    def __init__(self, app: QGuiApplication, *, quit_after: bool = False) -> None:
        super().__init__(app)
        self._app = app
        self._quit_after = quit_after
        self.seen: str | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Report the first Expose of a visible window; never consumes an event."""
        if self.seen is None and event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) \
                and watched.isExposed():
            self._report(watched)
        return False

    def _report(self, window: QWindow) -> None:
        self.seen = window.title() or window.objectName() or type(window).__name__
        self._app.removeEventFilter(self)
        rss = rss_kb()
        log.info("first window (%s) on screen %.0f ms after the process started; RSS %.0f MB",
                 self.seen, process_age_s() * 1000, rss / 1024)
        if self._quit_after:
            print(f"{MARKER} t={time.monotonic():.6f} rss_kb={rss} title={self.seen}", flush=True)
            QTimer.singleShot(0, _close_everything)
        else:
            self.sig_shown.emit(self.seen)


def _close_everything() -> None:
    """Close the modal dialog (start-up then ends as if the person cancelled) and leave the event loop."""
    from PySide6.QtWidgets import QApplication, QDialog

    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.reject()
    QCoreApplication.exit(0)


def watch_first_window(app: QGuiApplication) -> FirstWindowProbe:
    """Install the probe; ``DRC_STARTUP_PROBE=quit`` makes it print the marker and close the app."""
    return FirstWindowProbe(app, quit_after=os.environ.get(PROBE_ENV, "") == "quit")


