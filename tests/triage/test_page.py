"""The triage page with real Qt widgets, a real hub on loopback and the real site store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.context import AppContext
from console.pages.triage import TriagePage
from db.models import Role, UpdateType, Verification
from services.registry import DemoSamples, RegistryClient
from services.roles import Actor
from tests.registry.live_hub import KEY, LiveHub
from tests.triage.conftest import hub_config


def _samples(hub: LiveHub) -> DemoSamples:
    return RegistryClient(hub.url, KEY).demo_samples()


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext], hub: LiveHub) -> AppContext:
    """A console context wired to the hub, with the outbox worker draining every 100 ms."""
    context = make_ctx(hub_config(hub), Actor("triage", Role.TRIAGE), sync_interval_ms=100)
    worker = context.sync
    assert worker is not None
    worker._sync.base_delay = 0.2  # back off in tenths of a second, not seconds
    worker.start()
    return context


def _lookup(qtbot: Any, page: TriagePage, cnic: str) -> Any:
    page.cnic_field.line_edit.clear()
    with qtbot.waitSignal(page.sig_lookup_done, timeout=10000) as blocker:
        qtbot.keyClicks(page.cnic_field.line_edit, cnic)
        qtbot.keyClick(page.cnic_field.line_edit, Qt.Key.Key_Return)
    return blocker.args[0]


def test_cnic_in_types_with_reasons_token_issued(qtbot: Any, ctx: AppContext, hub: LiveHub) -> None:
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    page.show()
    cnic = _samples(hub).samples["recertification"][0].cnic
    outcome = _lookup(qtbot, page, f"{cnic[:5]}-{cnic[5:12]}-{cnic[12]}")
    assert outcome.problem is None and outcome.lookup.verification is Verification.VERIFIED

    recert = page.type_buttons[UpdateType.RECERTIFICATION]
    assert recert.isEnabled() and recert.isChecked()
    assert "Beneficiary" in page.reason_labels[UpdateType.RECERTIFICATION].text()
    assert not page.type_buttons[UpdateType.CYCLIC].isEnabled()
    assert "recertification applies" in page.reason_labels[UpdateType.CYCLIC].text()
    assert not page.type_buttons[UpdateType.APPEAL].isEnabled()
    assert not page.type_buttons[UpdateType.MISSED_OUT].isEnabled()
    summary = page.summary_label.text()
    assert f"{cnic[:5]}-*****{cnic[10:12]}-{cnic[12]}" in summary and "family size" in summary
    assert cnic not in summary and page.offline_banner.isHidden()

    page.flag_boxes["elderly"].setChecked(True)
    with qtbot.waitSignal(page.sig_token_issued, timeout=10000) as issued:
        qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    view = issued.args[0]
    assert view.number.startswith("V-") and view.verification is Verification.VERIFIED
    stored = ctx.queue.token(view.id)
    assert stored.priority and stored.priority_reason == "elderly" and stored.cnic == cnic
    assert stored.details["triage"]["type"] == "recertification"
    assert "Token V-001 issued" in page.result_label.text()

    # The same visitor again: a warning and a reprint, never a second token.
    reprinted: list[int] = []

    class Printing:  # the printer's edge: record the reprint request instead of printing
        def reprint(self, token_id: int) -> None:
            reprinted.append(token_id)

        def shutdown(self) -> None:
            """Nothing runs."""

    ctx.printing = Printing()  # type: ignore[assignment]
    _lookup(qtbot, page, cnic)
    qtbot.waitUntil(page.existing_banner.isVisible, timeout=5000)
    assert "V-001" in page.existing_label.text() and not page.issue_button.isEnabled()
    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    assert reprinted == [view.id]
    page.issue()  # Ctrl+I while the warning shows does nothing
    assert len(ctx.queue.tokens()) == 1


def test_unregistered_visitor_only_missed_out_and_waiting_date_shown(qtbot: Any, ctx: AppContext,
                                                                     hub: LiveHub) -> None:
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    samples = _samples(hub).samples
    _lookup(qtbot, page, samples["missed_out"][0].cnic)
    enabled = {t for t, b in page.type_buttons.items() if b.isEnabled()}
    assert enabled == {UpdateType.MISSED_OUT} and page.type_buttons[UpdateType.MISSED_OUT].isChecked()
    outcome = _lookup(qtbot, page, samples["not_yet_eligible"][0].cnic)
    waiting = [e for e in outcome.lookup.eligibility if not e.eligible and e.eligible_from is not None]
    assert waiting  # cyclic or recertification, not due yet
    for e in waiting:
        assert not page.type_buttons[e.update_type].isEnabled()
        assert e.eligible_from.isoformat() in page.reason_labels[e.update_type].text()


def test_bad_cnic_shows_inline_error_and_asks_nobody(qtbot: Any, ctx: AppContext) -> None:
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.cnic_field.line_edit, "35202-12A4567-1")
    with qtbot.assertNotEmitted(page.sig_lookup_done, wait=200):
        qtbot.keyClick(page.cnic_field.line_edit, Qt.Key.Key_Return)
    assert not page.cnic_field.error_label.isHidden()
    assert "'A'" in page.cnic_field.error_label.text()
    assert not page.issue_button.isEnabled()


def test_offline_banner_unverified_token_then_verified_when_hub_returns(
    qtbot: Any, ctx: AppContext, hub: LiveHub,
) -> None:
    cnic = _samples(hub).samples["roster"][0].cnic
    hub.stop()
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    outcome = _lookup(qtbot, page, cnic)
    assert outcome.problem is not None
    assert not page.offline_banner.isHidden()
    assert page.offline_banner.text().startswith("Central registry unreachable - pick the update type by hand")
    assert page.type_buttons[UpdateType.ROSTER].isEnabled()
    assert not page.type_buttons[UpdateType.APPEAL].isEnabled()  # switched off by policy, even by hand
    assert not page.issue_button.isEnabled()  # nothing chosen yet
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # "&2 Roster update"
    assert page.type_buttons[UpdateType.ROSTER].isChecked()
    assert page.desk.roster_box.isVisibleTo(page) and not page.issue_button.isEnabled()  # which change?
    page.desk.change_boxes["address"].setChecked(True)
    with qtbot.waitSignal(page.sig_token_issued, timeout=10000) as issued:
        qtbot.keyClick(page.cnic_field.line_edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    view = issued.args[0]
    assert view.verification is Verification.UNVERIFIED
    assert view.details["triage"]["roster_changes"] == ["address"]
    assert "Unverified" in page.result_label.text()
    qtbot.waitUntil(lambda: "OFFLINE" in ctx.status.online_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: "waiting" in ctx.status.backlog_label.text(), timeout=5000)

    hub.start()
    qtbot.waitUntil(lambda: ctx.queue.token(view.id).verification is Verification.VERIFIED, timeout=15000)
    assert ctx.queue.token(view.id).details["registry_check"]["type_confirmed"] is True
    qtbot.waitUntil(lambda: ctx.status.backlog_label.text() == "", timeout=10000)
    assert "online" in ctx.status.online_label.text()


def test_demo_samples_fill_the_field(qtbot: Any, ctx: AppContext) -> None:
    ctx.demo = True
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.samples_list.count() > 0, timeout=5000)
    texts = [page.samples_list.item(i).text() for i in range(page.samples_list.count())]
    assert any(t.startswith("Shock update: ") for t in texts)
    assert all("*****" in t for t in texts)  # masked in the list
    with qtbot.waitSignal(page.sig_lookup_done, timeout=10000):
        page._on_samples_list_item_activated(page.samples_list.item(0))
    assert page.cnic_field.digits() is not None
