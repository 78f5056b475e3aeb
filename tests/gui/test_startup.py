"""Start-up order: the sign-in dialog is on screen before the store, the hub, seeding and the main window.

Order, not speed (``tests/benchmarks/startup_bench.py`` measures the time): each step that used
to come before the first window records itself, and so does the first window's Expose event.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

import console.demo
import db.migrate
import services.provision
from console.app import run_gui
from console.login import CreateAdminDialog, SignInDialog
from console.main_window import MainWindow
from services.config import Config


class _FirstExpose(QObject):
    """Records the first window that reaches the screen."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) and watched.isExposed() \
                and not any(e.startswith("window") for e in self.log):
            self.log.append(f"window:{watched.title()}")
        return False


def _recording(log: list[str], name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        log.append(f"{name}@{threading.current_thread().name}")
        return real(*args, **kwargs)

    return wrapper


@pytest.fixture
def steps(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The start-up steps in the order they happened (migration, hub, seeding, first window)."""
    monkeypatch.setenv("HOME", str(tmp_path))  # QSettings, platformdirs and the log stay in the test
    monkeypatch.setenv("DRC_LOG_DIR", str(tmp_path / "logs"))
    log: list[str] = []
    monkeypatch.setattr(db.migrate, "upgrade", _recording(log, "migrate", db.migrate.upgrade))
    monkeypatch.setattr(services.provision, "seed_demo", _recording(log, "seed", services.provision.seed_demo))
    watcher = _FirstExpose(log)
    qapp.installEventFilter(watcher)
    yield log
    qapp.removeEventFilter(watcher)


def test_the_demo_shows_sign_in_first_and_builds_the_console_only_when_its_hub_is_up(
        steps: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    hub_ready: list[threading.Event] = []

    def fake_hub(cfg: Config, data_dir: Path, *, households: int = 5000, network_days: int = 0,
                 central_key: str | None = None, ready: threading.Event | None = None) -> Callable[[], None]:
        steps.append(f"hub@{threading.current_thread().name}")
        cfg.hub.url, cfg.hub.api_key = "http://127.0.0.1:9", "demo-key"  # nothing listens there
        assert ready is not None
        hub_ready.append(ready)  # the test says when the hub "answers"
        return lambda: None

    monkeypatch.setattr(console.demo, "start_demo_hub", fake_hub)
    seen: dict[str, Any] = {"ticks": 0}

    def drive() -> None:
        seen["ticks"] += 1
        for w in QApplication.topLevelWidgets():
            if isinstance(w, SignInDialog) and w.isVisible() and "signed" not in seen:
                seen["signed"] = True
                w.secret.setText("1234")
                w.ok.click()  # before the services are ready: it signs in once they are
            if isinstance(w, SignInDialog) and w.isVisible() and hub_ready and "seed@drc-startup" in steps \
                    and not hub_ready[0].is_set():
                seen["button while the hub seeds"] = w.ok.text()
                steps.append("hub answers")
                hub_ready[0].set()
            if isinstance(w, MainWindow) and w.isVisible():
                steps.append("main window")
                w.close()
                return
        if seen["ticks"] < 600:
            QTimer.singleShot(50, drive)
        else:
            for w in QApplication.topLevelWidgets():
                w.close()

    QTimer.singleShot(0, drive)
    assert run_gui(Config(), demo=True) == 0
    assert steps == ["window:Sign in to DRC Console", "migrate@drc-startup", "hub@drc-startup", "seed@drc-startup",
                     "hub answers", "main window"], steps
    assert seen["button while the hub seeds"] == "Starting…"


def test_a_configured_site_without_an_administrator_signs_in_first_then_offers_to_create_one(
        steps: list[str], tmp_path: Path) -> None:
    cfg = Config(source=tmp_path / "config.toml")
    cfg.database.url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    cfg.printer.backend = "preview"
    seen: list[str] = []
    ticks = [0]

    def drive() -> None:
        ticks[0] += 1
        for w in QApplication.topLevelWidgets():
            if isinstance(w, CreateAdminDialog) and w.isVisible():
                seen.append("create admin")
                w.reject()
                return
            if isinstance(w, SignInDialog) and w.isVisible() and not seen:
                seen.append("sign in")
        if len(seen) < 2 and ticks[0] < 600:
            QTimer.singleShot(50, drive)
        elif len(seen) < 2:
            for w in QApplication.topLevelWidgets():
                w.close()

    QTimer.singleShot(0, drive)
    assert run_gui(cfg) == 0
    assert seen == ["sign in", "create admin"]
    assert steps == ["window:Sign in to DRC Console", "migrate@drc-startup"]
