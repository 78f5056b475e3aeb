"""Qt glue for the outbox: drain it in the background and show online/backlog in the status bar.

Built by ``console.context.build_context`` when a hub is configured; it drains soon after every
issued token because it listens to the adapter's ``sig_issued``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.names import error_text
from console.status import StatusBar
from console.tasks import CoalescedLoad, TaskRunner
from services.sync import OutboxSync, SyncReport


class SyncWorker(QObject):
    """Runs ``OutboxSync.drain`` on the I/O pool every few seconds and soon after each new token."""

    sig_report = Signal(object)
    """A drain finished: its :class:`SyncReport` (on the GUI thread)."""

    def __init__(self, tasks: TaskRunner, status: StatusBar, sync: OutboxSync, interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._status = status
        self._sync = sync
        self.last_report: SyncReport | None = None
        # New work (a token, its events) is sent shortly after, not at the next tick.
        self._drain = CoalescedLoad(tasks, sync.drain, self._on_drained, io=True, delay_ms=300, parent=self)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain_now)

    def start(self) -> None:
        """Start periodic draining (and drain once now)."""
        self._timer.start()
        self.drain_now()

    def stop(self) -> None:
        """Stop the timers (on exit); a drain already running finishes on its own."""
        self._timer.stop()
        self._drain.stop()

    def nudge(self, *_args: object) -> None:
        """Something new waits for the hub: drain soon."""
        self._drain.request()

    def drain_now(self) -> None:
        """Drain at once unless a drain is running (then once more right after it)."""
        self._drain.now()

    def _on_drained(self, report: SyncReport) -> None:
        self.last_report = report
        status = self._status
        if report.online is not None:
            status.set_online(report.online)
            if not report.online and report.error:
                status.online_label.setToolTip(error_text(report.problem) if report.problem else report.error)
            else:
                status.online_label.setToolTip("")
        status.set_backlog(report.backlog)
        self.sig_report.emit(report)
