"""Every triage path of issue #11 item 5 on the real page, a real hub on loopback and the real store.

Identity apart from membership, the family tree, roster changes and the B-form (seen again on the
counter terminal), the CNIC twice for a missed-out household, a supervisor's override of a NADRA
block (audit trail and the centre), a carried-over token's reprint, and a screen that keeps
working while a slow link answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from console.context import AppContext
from console.pages.triage import TriagePage
from db.models import AuditEntry, Role, TokenEvent, UpdateType, Verification
from services.clock import FixedClock
from services.cnic import mask_cnic
from services.config import Config
from services.hub.db import make_engine
from services.hub.models import SiteEventRow
from services.queue import QueueService
from services.roles import SYSTEM, Actor
from tests.registry.live_hub import KEY, LiveHub
from tests.registry.slow_link import SlowLink
from tests.terminal.conftest import Terminal
from tests.triage.test_page import _lookup, _samples

FULL_CNIC = re.compile(r"\d{13}|\d{5}-\d{7}-\d")


def _context(make_ctx: Callable[..., AppContext], url: str, actor: Actor, **kw: Any) -> AppContext:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key = url, KEY
    cfg.hub.connect_timeout, cfg.hub.read_timeout, cfg.hub.retries = 2.0, 5.0, 0
    return make_ctx(cfg, actor, **kw)


@pytest.fixture
def desk(qtbot: Any, make_ctx: Callable[..., AppContext], hub: LiveHub) -> TriagePage:
    """The triage page of a triage assistant, wired to the hub."""
    page = TriagePage(_context(make_ctx, hub.url, Actor("triage", Role.TRIAGE)))
    qtbot.addWidget(page)
    return page


def _issue(qtbot: Any, page: TriagePage) -> Any:
    with qtbot.waitSignal(page.sig_token_issued, timeout=10000) as issued:
        qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    return issued.args[0]


def test_the_screen_keeps_working_while_a_slow_link_answers(qtbot: Any, make_ctx: Callable[..., AppContext],
                                                            hub: LiveHub) -> None:
    """Over a 1.2 s round trip the page still handles timers and typing while it waits."""
    link = SlowLink(hub.port, delay=0.6).start()
    try:
        page = TriagePage(_context(make_ctx, link.url, Actor("triage", Role.TRIAGE)))
        qtbot.addWidget(page)
        page.show()
        ticks: list[int] = []
        timer = QTimer(page)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        cnic = _samples(hub).samples["roster"][0].cnic
        with qtbot.waitSignal(page.sig_lookup_done, timeout=20000) as done:
            page.lookup(cnic)
            assert page.busy_bar.isVisible() and not page.lookup_button.isEnabled()
            qtbot.keyClicks(page.desk.override_reason, "typed meanwhile")  # input is handled, not queued
            assert page.desk.override_reason.text() == "typed meanwhile"
        timer.stop()
        assert done.args[0].problem is None and done.args[0].lookup.membership in ("registered", "beneficiary")
        assert len(ticks) >= 5  # a blocked event loop would have coalesced them into one
        assert not page.busy_bar.isVisible()
    finally:
        link.stop()


def test_a_card_nadra_does_not_know_is_not_a_new_household(qtbot: Any, desk: TriagePage,
                                                           hub: LiveHub) -> None:
    outcome = _lookup(qtbot, desk, _samples(hub).samples["unknown"][0].cnic)
    lookup = outcome.lookup
    assert (lookup.identity_status, lookup.membership) == ("unknown", "not_registered")
    summary = desk.summary_label.text()
    assert "NADRA identity: UNKNOWN" in summary and "Registry (NSER): not registered" in summary
    assert "missed-out household" not in summary
    assert not any(b.isEnabled() for b in desk.type_buttons.values()) and not desk.issue_button.isEnabled()
    assert "NADRA does not know this CNIC" in desk.reason_labels[UpdateType.MISSED_OUT].text()
    assert desk.family_box.isHidden()


def test_family_tree_roster_changes_and_bform_reach_the_deo(qtbot: Any, desk: TriagePage, hub: LiveHub,
                                                            terminal: Terminal) -> None:
    cnic = _samples(hub).samples["roster"][0].cnic
    lookup = _lookup(qtbot, desk, cnic).lookup
    assert "NADRA identity: verified" in desk.summary_label.text()
    tree = desk.family_box
    assert tree.isVisibleTo(desk) and tree.table.rowCount() == len(lookup.members) >= 4
    cells = [[tree.table.item(r, c).text() for c in range(4)] for r in range(tree.table.rowCount())]
    assert cells[0][0].startswith("Head") and "this CNIC" in cells[0][0]  # the visitor is the head
    assert cells[0][3] == f"{cnic[:5]}-*****{cnic[10:12]}-{cnic[12]}"
    assert all(row[2].isdigit() for row in cells) and not FULL_CNIC.search(str(cells))
    assert tree.selected_member() is not None and tree.selected_member().cnic == cnic
    tree.confirm_box.setChecked(True)

    assert desk.type_buttons[UpdateType.ROSTER].isChecked() and desk.desk.roster_box.isVisibleTo(desk)
    assert not desk.issue_button.isEnabled()  # no change ticked yet
    desk.desk.change_boxes["birth"].setChecked(True)
    desk.desk.change_boxes["address"].setChecked(True)
    desk.desk.bform_box.setChecked(True)
    view = _issue(qtbot, desk)
    notes = view.details["triage"]
    assert notes["roster_changes"] == ["birth", "address"] and notes["bform"] is True
    assert notes["family_member"] == lookup.members[0].member_id
    assert (notes["identity"], notes["membership"]) == ("verified", lookup.membership)
    issued = [e for e in desk._ctx.queue.events() if e.token_id == view.id and e.kind == "issued"][0]
    assert issued.payload["roster_changes"] == ["birth", "address"] and issued.payload["bform"] is True

    http, csrf = terminal.sign_in("deo1")
    state = terminal.act(http, csrf, "call").json()
    assert state["token"]["number"] == view.number
    assert state["token"]["desk"]["roster_changes"] == ["birth", "address"] and state["token"]["desk"]["bform"]
    page = http.get(terminal.url, timeout=10).text
    assert "Changes:</b> Birth, Address" in page and "B-form: shown at the desk" in page


def test_missed_out_needs_the_cnic_twice_and_a_different_one_stops_the_issue(qtbot: Any, desk: TriagePage,
                                                                             hub: LiveHub) -> None:
    cnic = _samples(hub).samples["missed_out"][0].cnic
    lookup = _lookup(qtbot, desk, cnic).lookup
    assert (lookup.identity_status, lookup.membership) == ("verified", "not_registered")
    assert "a missed-out household" in desk.summary_label.text()
    assert desk.type_buttons[UpdateType.MISSED_OUT].isChecked() and desk.desk.again_row.isVisibleTo(desk)
    assert not desk.issue_button.isEnabled()
    typo = cnic[:7] + ("1" if cnic[7] != "1" else "2") + cnic[8:]
    qtbot.keyClicks(desk.desk.again_edit, typo)
    assert desk.issue_button.isEnabled()  # 13 digits: the service compares them
    qtbot.mouseClick(desk.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not desk.result_label.isHidden(), timeout=10000)
    assert "typed the second time is different" in desk.result_label.text()
    assert desk._ctx.queue.tokens() == []
    desk.desk.again_edit.clear()
    qtbot.keyClicks(desk.desk.again_edit, f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}")
    view = _issue(qtbot, desk)
    assert view.update_type is UpdateType.MISSED_OUT and view.verification is Verification.VERIFIED


def test_a_blocked_identity_passes_only_on_a_supervisors_override(
        qtbot: Any, desk: TriagePage, make_ctx: Callable[..., AppContext], hub: LiveHub) -> None:
    cnic = _samples(hub).samples["blocked"][0].cnic
    _lookup(qtbot, desk, cnic)
    assert "BLOCKED by NADRA" in desk.summary_label.text()
    assert desk.desk.send_to_supervisor.isVisibleTo(desk) and not desk.desk.override_box.isVisibleTo(desk)
    assert not any(b.isEnabled() for b in desk.type_buttons.values()) and desk.family_box.isHidden()

    sup_ctx = _context(make_ctx, hub.url, Actor("supervisor", Role.SUPERVISOR), sync_interval_ms=100)
    page = TriagePage(sup_ctx)
    qtbot.addWidget(page)
    _lookup(qtbot, page, cnic)
    assert page.desk.override_box.isVisibleTo(page) and not page.desk.send_to_supervisor.isVisibleTo(page)
    page.desk.override_box.setChecked(True)
    assert page.type_buttons[UpdateType.ROSTER].isEnabled()  # what the household allows, once overridden
    assert page.family_box.isVisibleTo(page)
    page.type_buttons[UpdateType.ROSTER].setChecked(True)
    page.desk.change_boxes["contact"].setChecked(True)
    qtbot.keyClicks(page.desk.override_reason, "short")
    assert not page.issue_button.isEnabled()  # a reason of a few letters is not one
    qtbot.keyClicks(page.desk.override_reason, ": card renewed, NADRA letter seen")
    view = _issue(qtbot, page)
    assert view.verification is Verification.BLOCKED
    assert view.details["triage"]["override"] == {"by": "supervisor",
                                                  "reason": "short: card renewed, NADRA letter seen",
                                                  "cnic": mask_cnic(cnic)}
    with sup_ctx.store.session() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "identity_override")).all()
        assert [(a.actor, a.detail["token"], a.detail["reason"]) for a in audit] == [
            ("supervisor", view.number, "short: card renewed, NADRA letter seen")]
        assert cnic not in str(audit[0].detail)  # masked in the trail
        issued = s.scalars(select(TokenEvent).where(TokenEvent.token_id == view.id)).one()
    assert issued.payload["override"]["by"] == "supervisor"

    # The issue event reaches the centre with the override in it.
    worker = sup_ctx.sync
    assert worker is not None
    worker.start()
    engine = make_engine(hub.db_url)

    def at_the_centre() -> Any:
        with engine.connect() as conn:
            return conn.execute(select(SiteEventRow.payload).where(SiteEventRow.uuid == issued.uuid)).scalar()

    try:
        qtbot.waitUntil(lambda: at_the_centre() is not None, timeout=15000)
        assert at_the_centre()["override"] == {"by": "supervisor", "reason": "short: card renewed, NADRA letter seen",
                                               "cnic": mask_cnic(cnic)}  # masked: the centre lists it
    finally:
        engine.dispose()


def test_a_carried_over_token_prompts_a_reprint(qtbot: Any, desk: TriagePage, clock: FixedClock,
                                                queue: QueueService, hub: LiveHub) -> None:
    cnic = _samples(hub).samples["cyclic"][0].cnic
    today = clock.now()
    clock.set(today - timedelta(days=1))
    yesterday = queue.issue_token(UpdateType.CYCLIC, actor=SYSTEM, cnic=cnic)
    clock.set(today)
    moved = queue.carry_over([yesterday.id], desk._triage.today(), actor=SYSTEM)[0]
    reprinted: list[int] = []

    class Printing:  # the printer's edge: record the reprint request
        def reprint(self, token_id: int) -> None:
            reprinted.append(token_id)

        def shutdown(self) -> None:
            """Nothing runs."""

    desk._ctx.printing = Printing()  # type: ignore[assignment]
    desk.show()
    _lookup(qtbot, desk, cnic)
    qtbot.waitUntil(desk.existing_banner.isVisible, timeout=5000)
    text = desk.existing_label.text()
    assert f"{moved.number} was carried over from {yesterday.business_day.isoformat()}" in text
    assert "Reprint the slip now" in text and desk.reprint_button.isDefault()
    assert not desk.issue_button.isEnabled()
    qtbot.mouseClick(desk.reprint_button, Qt.MouseButton.LeftButton)
    assert reprinted == [moved.id]
