"""The automatic copy of the site store while the console runs.

A timer asks ``services.backup.AutoBackup`` every minute whether a copy is due (every N
hours, or a day was closed since the last copy). The copy runs on the I/O pool, never on the GUI
thread; SQLite's online backup lets the queue keep writing meanwhile. A failure (a USB stick
pulled out, a full disk) reaches the status bar as an alert.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from console.context import AppContext
from services.backup import AutoBackup, BackupInfo, backup_folder, database_file, last_close_of_day

log = logging.getLogger(__name__)


class BackupTimer(QObject):
    """Takes the automatic copies of one running console."""

    sig_backed_up = Signal(str)
    """A copy was written (its path)."""

    def __init__(self, ctx: AppContext, auto: AutoBackup, check_ms: int = 60_000) -> None:
        super().__init__(ctx.status)
        self._ctx = ctx
        self._auto = auto
        self._busy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(check_ms)

    def check(self) -> None:
        """Start a copy on the I/O pool if one is due and none is running."""
        if self._busy:
            return
        self._busy = True
        self._ctx.tasks.run_io(self._auto.run_if_due, self._on_done, self._on_failed)

    @property
    def busy(self) -> bool:
        """True while a copy is being taken."""
        return self._busy

    def stop(self) -> None:
        """No more copies (the console is closing)."""
        self._timer.stop()

    def _on_done(self, info: BackupInfo | None) -> None:
        self._busy = False
        if info is not None:
            self.sig_backed_up.emit(str(info.path))

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("automatic backup failed: %s", exc)
        self._ctx.status.alert(QCoreApplication.translate("BackupTimer", "Automatic backup failed: %1")
                               .replace("%1", str(exc)))


def install_auto_backup(ctx: AppContext) -> BackupTimer | None:
    """Start the automatic copies for a SQLite site store (not in the demo, whose data is thrown away)."""
    url = ctx.store.engine.url.render_as_string(hide_password=False)
    if ctx.demo or not ctx.store.is_sqlite or ctx.store.engine.url.database in (None, "", ":memory:"):
        return None
    cfg = ctx.config.backup
    auto = AutoBackup(url, backup_folder(cfg.folder, database_file(url)), every_hours=cfg.every_hours, keep=cfg.keep, clock=ctx.clock,
                      last_close=lambda: last_close_of_day(ctx.store))
    timer = BackupTimer(ctx, auto)
    timer.check()
    return timer
