"""The visitor kiosk end to end: real hub on loopback, real store, real slips (preview or loopback printer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from db.models import SlipStatus, UpdateType, Verification
from services.kiosk import OfferKind
from services.labels import UPDATE_TYPE_UR
from tests.field.kiosk_steps import FULL_CNIC, enter, sample, take_roster, texts
from tests.printing.conftest import FakePrinter
from tests.registry.live_hub import LiveHub


def test_a_visitor_takes_one_token_in_urdu_and_gets_a_slip(qtbot: Any, make_kiosk: Any, hub: LiveHub,
                                                           tmp_path: Path) -> None:
    window = make_kiosk(idle_s=1.0)
    cnic = sample(hub, "recertification")
    qtbot.mouseClick(window.urdu_button, Qt.MouseButton.LeftButton)
    offer = enter(qtbot, window, cnic)
    assert offer.kind is OfferKind.CHOOSE and not offer.offline
    assert UpdateType.RECERTIFICATION in offer.types and UpdateType.CYCLIC not in offer.types
    assert set(window.type_buttons) == set(offer.types)  # only what the rules allow
    button = window.type_buttons[UpdateType.RECERTIFICATION]
    assert button.text().startswith(UPDATE_TYPE_UR[UpdateType.RECERTIFICATION])
    assert offer.masked in texts(window) and not FULL_CNIC.search(texts(window))

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
    again = enter(qtbot, window, cnic)
    assert again.kind is OfferKind.HAS_TOKEN
    assert window.result.text() == f"You already have token {view.number}."
    assert len(window.ctx.queue.tokens()) == 1


def test_offline_the_kiosk_issues_an_unverified_token_from_a_scanned_card(qtbot: Any, make_kiosk: Any,
                                                                           hub: LiveHub) -> None:
    cnic = sample(hub, "roster")
    window = make_kiosk()
    hub.stop()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_offer, timeout=20_000) as blocker:
        qtbot.keyClicks(window, cnic)  # a card scanner types the digits, then Enter
        qtbot.keyClick(window, Qt.Key.Key_Return)
    offer = blocker.args[0]
    assert offer.offline and UpdateType.APPEAL not in offer.types and UpdateType.ROSTER in offer.types
    view = take_roster(qtbot, window, ("contact",))
    assert view.verification is Verification.UNVERIFIED and view.details["triage"]["roster_changes"] == ["contact"]


def test_priority_visitors_and_blocked_identities_go_to_the_desk(qtbot: Any, make_kiosk: Any, hub: LiveHub) -> None:
    window = make_kiosk()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    enter(qtbot, window, sample(hub, "roster"))
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.result.text() == "Please go to the triage desk."
    window.reset()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    blocked = enter(qtbot, window, sample(hub, "blocked"))
    assert blocked.kind is OfferKind.SEE_DESK and window.result.text() == "Please go to the triage desk."
    assert window.ctx.queue.tokens() == []


def test_a_printer_out_of_paper_sends_the_visitor_to_the_desk_and_keeps_the_token(qtbot: Any, make_kiosk: Any,
                                                                                   hub: LiveHub) -> None:
    printer = FakePrinter("paper_out")
    try:
        window = make_kiosk({"backend": "network", "host": "127.0.0.1", "port": printer.port})
        qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
        offer = enter(qtbot, window, sample(hub, "roster"))
        assert UpdateType.ROSTER in offer.types
        number = take_roster(qtbot, window).number
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
