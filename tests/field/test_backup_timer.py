"""The running console takes its automatic copies off the GUI thread and reports a failure."""

from __future__ import annotations

import stat
from pathlib import Path

from console.backup_timer import install_auto_backup
from console.context import AppContext
from services.backup import auto_backups, inspect_backup


def test_the_console_copies_the_store_when_a_copy_is_due(ctx: AppContext, qtbot, tmp_path: Path) -> None:
    ctx.config.backup.folder = str(tmp_path / "usb")
    timer = install_auto_backup(ctx)
    assert timer is not None
    with qtbot.waitSignal(timer.sig_backed_up, timeout=15_000) as blocker:
        pass
    path = Path(blocker.args[0])
    assert auto_backups(tmp_path / "usb") == [path]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert inspect_backup(path).sites == (ctx.site_id,)
    timer.check()  # not due again: no second copy
    qtbot.waitUntil(lambda: not timer.busy, timeout=10_000)
    assert auto_backups(tmp_path / "usb") == [path]
    timer.stop()


def test_a_failed_automatic_copy_alerts_the_status_bar(ctx: AppContext, qtbot, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be", encoding="utf-8")
    ctx.config.backup.folder = str(blocked)
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=15_000) as blocker:
        timer = install_auto_backup(ctx)
    assert "Automatic backup failed" in blocker.args[0]
    assert timer is not None
    timer.stop()


def test_no_automatic_copies_in_the_demo(ctx: AppContext) -> None:
    ctx.demo = True
    assert install_auto_backup(ctx) is None
