"""The kiosk under test: fixtures (a real hub on loopback, a console context, a printer) and the
visitor's steps (keypad, types, roster changes), shared by the kiosk test files."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from console.context import AppContext
from console.kiosk import KioskWindow
from console.printing_glue import install_printing
from db.models import Role, UpdateType
from services.config import Config
from services.kiosk import Kiosk
from services.registry import RegistryClient
from services.roles import Actor
from tests.printing.conftest import SECRET
from tests.registry.live_hub import KEY, LiveHub

FULL_CNIC = re.compile(r"\d{5}-?\d{7}-?\d")


@pytest.fixture
def hub(hub_db: str) -> Iterator[LiveHub]:
    """The real hub; a test may stop it."""
    live = LiveHub(hub_db).start()
    yield live
    live.stop()


@pytest.fixture
def make_kiosk(qtbot: Any, make_ctx: Callable[..., AppContext], hub: LiveHub,
               tmp_path: Path) -> Iterator[Callable[..., KioskWindow]]:
    """Build the kiosk over a console context with the hub and a printer (shut down by ``make_ctx``)."""
    windows: list[KioskWindow] = []

    def build(printer: dict[str, Any] | None = None, idle_s: float = 30.0) -> KioskWindow:
        cfg = Config()
        cfg.hub.url, cfg.hub.api_key = hub.url, KEY
        cfg.hub.connect_timeout, cfg.hub.read_timeout, cfg.hub.retries = 0.5, 2.0, 0
        cfg.printer.qr_secret = SECRET
        cfg.printer.preview_dir = str(tmp_path / "slips")
        for key, value in (printer or {}).items():
            setattr(cfg.printer, key, value)
        ctx = make_ctx(cfg, Actor("kiosk", Role.TRIAGE))
        install_printing(ctx)
        window = KioskWindow(ctx, Kiosk(ctx.triage, ctx.queue), idle_s=idle_s)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:  # no idle timer may fire into a later test
        window.idle.stop()
        window.deleteLater()


def texts(window: KioskWindow) -> str:
    """Every label and button text the kiosk holds."""
    return "\n".join(w.text() for w in window.findChildren(QLabel) + window.findChildren(QPushButton))


def type_digits(qtbot: Any, window: KioskWindow, cnic: str) -> None:
    """Touch the keypad's digits, checking that no full CNIC ever shows."""
    for digit in cnic:
        qtbot.mouseClick(window.keys[digit], Qt.MouseButton.LeftButton)
        assert not FULL_CNIC.search(texts(window))


def enter(qtbot: Any, window: KioskWindow, cnic: str) -> Any:
    """Type the CNIC on the keypad and press OK; returns the kiosk's offer."""
    type_digits(qtbot, window, cnic)
    with qtbot.waitSignal(window.sig_offer, timeout=15_000) as blocker:
        qtbot.mouseClick(window.keys["OK"], Qt.MouseButton.LeftButton)
    return blocker.args[0]


def sample(hub: LiveHub, kind: str) -> str:
    """A CNIC of the hub's seeded population of this kind (roster, missed_out, blocked, ...)."""
    return RegistryClient(hub.url, KEY).demo_samples().samples[kind][0].cnic


def take_roster(qtbot: Any, window: KioskWindow, changes: tuple[str, ...] = ("birth",)) -> Any:
    """Touch Roster update, then the changes, then Continue; returns the issued ``TokenView``."""
    qtbot.mouseClick(window.type_buttons[UpdateType.ROSTER], Qt.MouseButton.LeftButton)
    for change in changes:
        qtbot.mouseClick(window.changes.toggles[change], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
        qtbot.mouseClick(window.changes.continue_button, Qt.MouseButton.LeftButton)
    return issued.args[0]
