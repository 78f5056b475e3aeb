"""The visitor kiosk end to end: real hub on loopback, real store, real slips (preview or loopback printer)."""

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
from db.models import Role, SlipStatus, UpdateType, Verification
from services.config import Config
from services.kiosk import Kiosk, OfferKind
from services.labels import UPDATE_TYPE_UR
from services.registry import RegistryClient
from services.roles import Actor
from tests.printing.conftest import SECRET, FakePrinter
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


def _texts(window: KioskWindow) -> str:
    return "\n".join(w.text() for w in window.findChildren(QLabel) + window.findChildren(QPushButton))


def _enter(qtbot: Any, window: KioskWindow, cnic: str) -> Any:
    for digit in cnic:
        qtbot.mouseClick(window.keys[digit], Qt.MouseButton.LeftButton)
        assert not FULL_CNIC.search(_texts(window))
    with qtbot.waitSignal(window.sig_offer, timeout=15_000) as blocker:
        qtbot.mouseClick(window.keys["OK"], Qt.MouseButton.LeftButton)
    return blocker.args[0]


def _sample(hub: LiveHub, kind: str) -> str:
    return RegistryClient(hub.url, KEY).demo_samples().samples[kind][0].cnic


def test_a_visitor_takes_one_token_in_urdu_and_gets_a_slip(qtbot: Any, make_kiosk: Any, hub: LiveHub,
                                                           tmp_path: Path) -> None:
    window = make_kiosk(idle_s=1.0)
    cnic = _sample(hub, "recertification")
    qtbot.mouseClick(window.urdu_button, Qt.MouseButton.LeftButton)
    offer = _enter(qtbot, window, cnic)
    assert offer.kind is OfferKind.CHOOSE and not offer.offline
    assert UpdateType.RECERTIFICATION in offer.types and UpdateType.CYCLIC not in offer.types
    assert set(window.type_buttons) == set(offer.types)  # only what the rules allow
    button = window.type_buttons[UpdateType.RECERTIFICATION]
    assert button.text().startswith(UPDATE_TYPE_UR[UpdateType.RECERTIFICATION])
    assert offer.masked in _texts(window) and not FULL_CNIC.search(_texts(window))

    with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
        for _ in range(5):  # a visitor hammering the button
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = issued.args[0]
    assert view.verification is Verification.VERIFIED
    qtbot.waitUntil(lambda: len(list((tmp_path / "slips").glob(f"*{view.number}_print*.png"))) == 1, timeout=15_000)
    qtbot.waitUntil(lambda: window.result.text().endswith("✓"), timeout=10_000)
    assert view.number in window.result.text()
    assert [t.number for t in window.ctx.queue.tokens()] == [view.number]
    with qtbot.waitSignal(window.sig_reset, timeout=5_000):
        pass  # idle: back to the language screen, the visitor forgotten
    assert window.stack.currentIndex() == 0 and window.offer is None

    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    again = _enter(qtbot, window, cnic)
    assert again.kind is OfferKind.HAS_TOKEN
    assert window.result.text() == f"You already have token {view.number}."
    assert len(window.ctx.queue.tokens()) == 1


def test_offline_the_kiosk_issues_an_unverified_token_from_a_scanned_card(qtbot: Any, make_kiosk: Any,
                                                                           hub: LiveHub) -> None:
    cnic = _sample(hub, "roster")
    window = make_kiosk()
    hub.stop()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_offer, timeout=20_000) as blocker:
        qtbot.keyClicks(window, cnic)  # a card scanner types the digits, then Enter
        qtbot.keyClick(window, Qt.Key.Key_Return)
    offer = blocker.args[0]
    assert offer.offline and UpdateType.APPEAL not in offer.types and UpdateType.ROSTER in offer.types
    with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
        qtbot.mouseClick(window.type_buttons[UpdateType.ROSTER], Qt.MouseButton.LeftButton)
    assert issued.args[0].verification is Verification.UNVERIFIED


def test_priority_visitors_and_blocked_identities_go_to_the_desk(qtbot: Any, make_kiosk: Any, hub: LiveHub) -> None:
    window = make_kiosk()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    _enter(qtbot, window, _sample(hub, "roster"))
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.result.text() == "Please go to the triage desk."
    window.reset()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    blocked = _enter(qtbot, window, _sample(hub, "blocked"))
    assert blocked.kind is OfferKind.SEE_DESK and window.result.text() == "Please go to the triage desk."
    assert window.ctx.queue.tokens() == []


def test_a_printer_out_of_paper_sends_the_visitor_to_the_desk_and_keeps_the_token(qtbot: Any, make_kiosk: Any,
                                                                                   hub: LiveHub) -> None:
    printer = FakePrinter("paper_out")
    try:
        window = make_kiosk({"backend": "network", "host": "127.0.0.1", "port": printer.port})
        qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
        offer = _enter(qtbot, window, _sample(hub, "roster"))
        with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
            qtbot.mouseClick(window.type_buttons[offer.types[0]], Qt.MouseButton.LeftButton)
        number = issued.args[0].number
        qtbot.waitUntil(lambda: "could not print" in window.result.text(), timeout=15_000)
        assert f"your token {number} is kept" in window.result.text()
        kept = window.ctx.queue.tokens()
        assert [t.number for t in kept] == [number]
        qtbot.waitUntil(lambda: window.ctx.queue.tokens()[0].slip_status is SlipStatus.FAILED, timeout=10_000)
    finally:
        printer.close()


def test_a_wrong_number_is_explained_on_the_keypad(qtbot: Any, make_kiosk: Any) -> None:
    window = make_kiosk()
    qtbot.mouseClick(window.urdu_button, Qt.MouseButton.LeftButton)
    for digit in "12345":
        qtbot.mouseClick(window.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.keys["OK"], Qt.MouseButton.LeftButton)
    assert window.cnic_message.text() and window.stack.currentIndex() == 1
    assert window.cnic_message.text() != "A CNIC has 13 digits"  # said in Urdu
    qtbot.mouseClick(window.keys["⌫"], Qt.MouseButton.LeftButton)
    assert window.cnic_display.text() == "1234"
