"""``drc-console --demo`` end to end: sign in, every page opens, the local hub comes online, quit."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.app import run_gui
from console.login import SignInDialog
from console.main_window import MainWindow
from services.config import Config


def test_demo_runs_signs_in_and_reaches_the_hub(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # QSettings and platformdirs stay inside the test
    seen: dict[str, object] = {}

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, SignInDialog) and w.isVisible() and "signed" not in seen:
                seen["signed"] = True
                assert w.username.text() == "supervisor"
                w.secret.setText("1234")
                w.ok.click()
            if isinstance(w, MainWindow) and w.isVisible():
                seen["pages"] = sorted(w.pages)
                seen["online"] = w.ctx.status.online_label.text()
                seen["printer"] = w.ctx.status.printer_label.text()
                waiting = w.ctx.queue.waiting()
                if "online" in str(seen["online"]) and len(waiting) == 8:
                    seen["waiting"] = len(waiting)
                    w.close()
                    return
        if seen.get("ticks", 0) < 300:  # 300 x 100 ms: the hub seeds and starts within this
            seen["ticks"] = int(seen.get("ticks", 0)) + 1
            QTimer.singleShot(100, drive)
        else:
            for w in QApplication.topLevelWidgets():
                w.close()

    QTimer.singleShot(100, drive)
    assert run_gui(Config(), demo=True) == 0
    assert seen.get("signed") is True
    assert seen["pages"] == ["audit", "counters", "dashboard", "diagnostics", "printer", "quality", "queue", "triage"]
    assert "online" in str(seen["online"]), seen
    assert seen.get("waiting") == 8
