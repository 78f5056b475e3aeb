"""The kiosk follows the triage desk's rules (issue #11): the CNIC twice before a missed-out token for a
CNIC the registry does not know, and the change(s) of a roster update, which the DEO then sees on the
counter terminal. The real kiosk window, a real hub on loopback, the real store and terminal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.kiosk import CHANGES, CHOICES, CNIC, RESULT
from db.engine import Store
from db.models import UpdateType, Verification
from services.clock import FixedClock
from services.kiosk import Kiosk, KioskOffer, OfferKind
from services.queue import QueueService
from services.triage import DeskRefused, TriageService, load_policy
from tests.field.kiosk_steps import enter, sample, take_roster, texts, type_digits
from tests.registry.live_hub import LiveHub
from tests.terminal.conftest import Terminal, serve_terminal


@pytest.fixture
def terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[Terminal]:
    """The counter terminal over the kiosk's store (the DEO's side)."""
    yield from serve_terminal(store, clock, site, queue)


def _typo(cnic: str) -> str:
    return cnic[:7] + ("1" if cnic[7] != "1" else "2") + cnic[8:]


def test_a_roster_update_at_the_kiosk_says_what_changes_and_the_deo_sees_it(qtbot: Any, make_kiosk: Any,
                                                                            hub: LiveHub, terminal: Terminal) -> None:
    window = make_kiosk()
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    offer = enter(qtbot, window, sample(hub, "roster"))
    assert UpdateType.ROSTER in offer.types
    qtbot.mouseClick(window.type_buttons[UpdateType.ROSTER], Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == CHANGES and window.ctx.queue.tokens() == []
    screen = window.changes
    assert "What changes in your family?" in screen.head.text()
    assert [b.text() for b in screen.toggles.values()][:2] == ["Birth (add a child)", "Death (remove a member)"]
    assert not screen.continue_button.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(screen.toggles["death"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.toggles["death"], Qt.MouseButton.LeftButton)  # touched by mistake, undone
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == CHOICES and window.ctx.queue.tokens() == []

    view = take_roster(qtbot, window, ("marriage", "address"))
    assert screen.toggles["marriage"].text().startswith("✓")
    assert view.details["triage"]["roster_changes"] == ["marriage", "address"]
    issued = [e for e in window.ctx.queue.events() if e.token_id == view.id and e.kind == "issued"][0]
    assert issued.payload["roster_changes"] == ["marriage", "address"]
    assert view.number in window.result.text()

    http, csrf = terminal.sign_in("deo1")
    state = terminal.act(http, csrf, "call").json()
    assert state["token"]["number"] == view.number
    assert state["token"]["desk"]["roster_changes"] == ["marriage", "address"]
    assert "Changes:</b> Marriage, Address" in http.get(terminal.url, timeout=10).text


def test_a_missed_out_token_needs_the_cnic_twice_and_a_different_number_stops_it(qtbot: Any, make_kiosk: Any,
                                                                                 hub: LiveHub) -> None:
    window = make_kiosk()
    cnic = sample(hub, "missed_out")
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    offer = enter(qtbot, window, cnic)
    assert offer.registered is False and UpdateType.MISSED_OUT in offer.types
    qtbot.mouseClick(window.type_buttons[UpdateType.MISSED_OUT], Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == CNIC and "a second time" in window.cnic_prompt.text()
    assert window.cnic_display.text() == "_____-_______-_"  # the first number is not shown again
    type_digits(qtbot, window, _typo(cnic))
    qtbot.mouseClick(window.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == RESULT, timeout=15_000)
    assert "different from the first: nothing was issued" in window.result.text()
    assert window.ctx.queue.tokens() == []

    window.reset()  # start again, as the screen says
    qtbot.mouseClick(window.english_button, Qt.MouseButton.LeftButton)
    enter(qtbot, window, cnic)
    qtbot.mouseClick(window.type_buttons[UpdateType.MISSED_OUT], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
        qtbot.keyClicks(window, cnic)  # the card scanned again: digits, then Enter
        qtbot.keyClick(window, Qt.Key.Key_Return)
    view = issued.args[0]
    assert (view.update_type, view.verification) == (UpdateType.MISSED_OUT, Verification.VERIFIED)
    assert [t.number for t in window.ctx.queue.tokens()] == [view.number]


def test_in_urdu_by_keyboard_the_questions_are_asked_in_urdu(qtbot: Any, make_kiosk: Any, hub: LiveHub) -> None:
    window = make_kiosk()
    qtbot.mouseClick(window.urdu_button, Qt.MouseButton.LeftButton)
    enter(qtbot, window, sample(hub, "roster"))
    qtbot.mouseClick(window.type_buttons[UpdateType.ROSTER], Qt.MouseButton.LeftButton)
    screen = window.changes
    english = {"What changes in your family?", "Birth (add a child)", "Continue", "Back", "Marriage"}
    assert not any(word in texts(window) for word in english)
    assert screen.toggles["birth"].hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Return)  # nothing chosen: Enter does not continue
    assert window.stack.currentIndex() == CHANGES
    qtbot.keyClick(screen.toggles["birth"], Qt.Key.Key_Space)
    qtbot.keyClick(screen.toggles["birth"], Qt.Key.Key_Tab)
    qtbot.keyClick(screen.toggles["death"], Qt.Key.Key_Tab)
    assert screen.toggles["marriage"].hasFocus()
    qtbot.keyClick(screen.toggles["marriage"], Qt.Key.Key_Space)
    qtbot.keyClicks(window, "3520")  # a card scanned here ticks nothing
    assert screen.chosen() == ("birth", "marriage")
    with qtbot.waitSignal(window.sig_issued, timeout=15_000) as issued:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert issued.args[0].details["triage"]["roster_changes"] == ["birth", "marriage"]

    window.reset()
    qtbot.mouseClick(window.urdu_button, Qt.MouseButton.LeftButton)
    enter(qtbot, window, sample(hub, "missed_out"))
    qtbot.mouseClick(window.type_buttons[UpdateType.MISSED_OUT], Qt.MouseButton.LeftButton)
    assert window.cnic_prompt.text() and "second time" not in window.cnic_prompt.text()


def test_the_service_refuses_what_the_kiosk_screens_would_not_let_through(queue: QueueService, clock: Any) -> None:
    """Offline (the registry not asked): a missed-out token needs the CNIC twice, a roster update a change."""
    triage = TriageService(None, load_policy(), clock)
    kiosk = Kiosk(triage, queue)
    cnic = "3520212345671"
    offer = kiosk.offer(cnic)
    assert isinstance(offer, KioskOffer) and offer.kind is OfferKind.CHOOSE and offer.registered is None
    assert kiosk.steps(offer, UpdateType.MISSED_OUT).cnic_again and kiosk.steps(offer, UpdateType.ROSTER).roster_changes
    for kind, kw, code in ((UpdateType.MISSED_OUT, {}, "cnic_again_needed"),
                           (UpdateType.MISSED_OUT, {"cnic_again": "3520212345672"}, "cnic_again_mismatch"),
                           (UpdateType.ROSTER, {}, "roster_change_needed"),
                           (UpdateType.ROSTER, {"roster_changes": ("moved house",)}, "roster_change_unknown")):
        with pytest.raises(DeskRefused) as err:
            kiosk.take(offer, kind, **kw)
        assert err.value.code == code
    assert queue.tokens() == []
    view = kiosk.take(offer, UpdateType.MISSED_OUT, cnic_again="35202-1234567-1")
    assert view.verification is Verification.UNVERIFIED and view.details["triage"]["manual"] is True
