"""Qt glue for the outbox: drain it in the background and show online/backlog in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.context import AppContext
from services.queue import TokenView
from services.registry import RegistryClient
from services.sync import OutboxSync, SyncReport
from services.triage import TriageService, load_policy


class SyncWorker(QObject):
    """Runs ``OutboxSync.drain`` on the I/O pool every few seconds and soon after each new token."""

    sig_report = Signal(object)
    """A drain finished: its :class:`SyncReport` (on the GUI thread)."""

    def __init__(self, ctx: AppContext, sync: OutboxSync, interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._sync = sync
        self._running = False
        self._again = False
        self.last_report: SyncReport | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain_now)
        # New work (a token, its events) is sent shortly after, not at the next tick.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(300)
        self._soon.timeout.connect(self.drain_now)

    def start(self) -> None:
        """Start periodic draining (and drain once now)."""
        self._timer.start()
        self.drain_now()

    def stop(self) -> None:
        """Stop the timers (on exit); a drain already running finishes on its own."""
        self._timer.stop()
        self._soon.stop()

    def nudge(self, *_args: object) -> None:
        """Something new waits for the hub: drain soon."""
        self._soon.start()

    def drain_now(self) -> None:
        """Drain at once unless a drain is running (then once more right after it)."""
        if self._running:
            self._again = True
            return
        self._running = True
        try:
            self._ctx.tasks.run_io(self._sync.drain, self._on_drained, self._on_failed)
        except RuntimeError:  # the pool is shut down: the console is closing
            self._running = False
            self.stop()

    def _on_drained(self, report: SyncReport) -> None:
        self._running = False
        self.last_report = report
        status = self._ctx.status
        if report.online is not None:
            status.set_online(report.online)
            if not report.online and report.error:
                status.online_label.setToolTip(report.error)
            else:
                status.online_label.setToolTip("")
        status.set_backlog(report.backlog)
        self.sig_report.emit(report)
        if self._again:
            self._again = False
            self.drain_now()

    def _on_failed(self, _exc: BaseException) -> None:
        # A bug or a database problem: already reported through TaskRunner.sig_error.
        self._running = False


def install_registry(ctx: AppContext, *, interval_ms: int = 5000) -> SyncWorker | None:
    """Create the registry client, triage service and outbox worker for ``ctx`` (None: no hub configured).

    Fills ``ctx.registry``, ``ctx.extras["triage"]`` and ``ctx.extras["sync"]``; nudges the worker
    after every issued token.
    """
    cfg = ctx.config
    if not cfg.hub.url:
        return None
    policy = load_policy(cfg.policy)
    client = RegistryClient.from_config(cfg.hub, shock_ttl=policy.shock_areas_ttl_seconds)
    ctx.registry = client
    ctx.extras["triage"] = TriageService(client, policy, ctx.clock)
    sync = OutboxSync(ctx.store, ctx.queue, client, ctx.clock, ctx.site_id, policy=policy)
    worker = SyncWorker(ctx, sync, interval_ms, parent=ctx.tasks)
    ctx.extras["sync"] = worker

    def _on_issued(_view: TokenView) -> None:
        worker.nudge()

    ctx.on_token_issued.append(_on_issued)
    worker.start()
    return worker
