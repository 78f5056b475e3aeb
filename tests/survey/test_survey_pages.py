"""The Quality page's reconciliation panel against a real hub: what has no survey, what has no token, by name."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.quality import QualityPage
from services.registry import RegistryClient
from tests.hub.conftest import SITE_ID, SITE_KEY, HubServer, seeded_hub_db

T0 = datetime(2026, 3, 4, 4, 0, tzinfo=UTC)  # 09:00 on the ctx clock's day


def _served(token: int, deo: str) -> list[dict[str, Any]]:
    out = []
    for k, (kind, minute) in enumerate((("issued", 0), ("called", 4), ("started", 5), ("completed", 25))):
        out.append({"uuid": str(uuid.uuid4()), "token_id": token, "token_number": f"R-{token:03d}",
                    "update_type": "roster", "priority": False, "kind": kind,
                    "at": (T0 + timedelta(minutes=token * 30 + minute)).isoformat(),
                    "actor": "triage" if k == 0 else deo, "operator": "triage" if k == 0 else deo,
                    "counter": None if k == 0 else 1,
                    "payload": {"update_type": "roster", "priority": False} if k == 0 else {}})
    return out


def _survey(survey_id: str, deo: str, token: dict[str, str] | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "survey_id": survey_id, "deo": deo, "started_at": "2026-03-04T04:40:00Z",
        "submitted_at": "2026-03-04T05:05:00Z", "lat": 34.396, "lon": 73.886,
        "address": "House 3, Street 9, near Eidgah, Mohallah Awan, UC-2, Bagh", "household_size": 5,
        "assets": {"rooms": 2, "livestock": 1, "land_acres": 0.0, "has_fridge": True, "has_motorcycle": True,
                   "has_car": False, "has_ac": False},
        "b_form_present": False, "cnic": "6110155555551", "phone": "03111234567"}
    if token:
        body["token"] = token
    return body


def test_reconciliation_lists_tokens_without_surveys_and_surveys_without_tokens(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, hub_factory: Callable[[str], HubServer]) -> None:
    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    auth = {"Authorization": f"Bearer {SITE_KEY}"}
    events = _served(1, "deo1") + _served(2, "deo2") + _served(3, "deo1")
    assert requests.post(hub.url(f"/v1/sites/{SITE_ID}/events"), json={"events": events}, headers=auth,
                         timeout=10).status_code == 200
    for body in (_survey("T-1", "deo1", {"day": "2026-03-04", "number": "R-001"}), _survey("T-loose", "deo2", None)):
        resp = requests.post(hub.url(f"/v1/sites/{SITE_ID}/surveys"), json=body, headers=auth, timeout=10)
        assert resp.status_code == 201, resp.text

    client = RegistryClient(hub.base_url, hub.api_key)
    ctx.registry = client
    try:
        page = QualityPage(ctx)
        qtbot.addWidget(page)
        panel = page.reconcile
        qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
        assert panel.missing_survey.rowCount() == 2
        missing = {(panel.missing_survey.item(r, 0).text(), panel.missing_survey.item(r, 1).text())
                   for r in range(2)}
        assert missing == {("R-002", "Imran Shah"), ("R-003", "Sana Iqbal")}  # names, not pseudonyms
        # The seeded paradata of the day names no token either; our loose survey is among them.
        loose = [panel.missing_token.item(r, 0).text() for r in range(panel.missing_token.rowCount())]
        assert "T-loose" in loose
        assert "3 completed tokens" in panel.summary.text() and "2 tokens have no survey" in panel.summary.text()
        # Another grace period asks again (these completions are months old: still missing).
        with qtbot.waitSignal(panel.sig_applied, timeout=15_000):
            panel.hours.setValue(0)
        assert panel.missing_survey.rowCount() == 2
    finally:
        client.close()


def test_dashboard_shows_surveys_per_deo_next_to_tokens_served(
        qtbot: QtBot, ctx: AppContext, site: list[int], tmp_path: Path,
        hub_factory: Callable[[str], HubServer]) -> None:
    from collections import Counter

    from console.pages.dashboard import DashboardPage
    from db.models import UpdateType
    from services.roles import Actor, Role

    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    client = RegistryClient(hub.base_url, hub.api_key)
    expected = Counter(s.deo for s in client.survey_paradata(SITE_ID, ctx.clock.now().date()).surveys)
    assert expected  # the seeded paradata of the day
    supervisor, triage = Actor("supervisor", Role.SUPERVISOR), Actor("triage", Role.TRIAGE)
    t = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage)
    ctx.queue.call_next(site[0], actor=supervisor)
    ctx.queue.start(t.id, actor=supervisor)
    ctx.queue.complete(t.id, actor=supervisor)
    ctx.registry = client
    try:
        page = DashboardPage(ctx)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.surveys.available and "Sana" in page.deo_surveys.text(), timeout=15_000)
        text = page.deo_surveys.text()
        assert f"Sana: 1 served, {expected['deo1']} surveys" in text
        assert "Ayesha" not in text  # the supervisor pressed the keys; Sana served
        assert page.deo_chart is not None
        qtbot.waitUntil(lambda: "Surveys: " in (page.deo_chart.tooltip_at(0, 0.5) or ""), timeout=5_000)
    finally:
        client.close()


def test_supervisor_acknowledges_or_returns_a_flagged_survey_and_the_centre_sees_it(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, hub_factory: Callable[[str], HubServer],
        monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    client = RegistryClient(hub.base_url, SITE_KEY)
    ctx.registry = client
    try:
        page = QualityPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.report is not None, timeout=15_000)
        assert page.survey_model.rowCount() >= 2  # the demo site's seeded bad surveys
        assert not page.review.ack.isEnabled()  # nothing selected yet
        page.survey_table.selectRow(0)
        first = page.selected_survey()
        assert first is not None and page.review.ack.isEnabled()
        with qtbot.waitSignal(page.review.sig_reviewed, timeout=15_000):
            page.review.ack.click()
        assert "acknowledged" in page.review.outcome.text()

        page.survey_table.selectRow(1)
        second = page.selected_survey()
        assert second is not None and second["survey_id"] != first["survey_id"]
        monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: ("Fix the address, please", True))
        with qtbot.waitSignal(page.review.sig_reviewed, timeout=15_000):
            page.review.back.click()
    finally:
        client.close()
    central = {"Authorization": f"Bearer {hub.api_key}"}
    one = requests.get(hub.url(f"/v1/surveys/{first['survey_id']}"), headers=central, timeout=10).json()
    assert one["status"] == "acknowledged" and one["reviews"][0]["flag"] == first["codes"][0]
    assert one["reviews"][0]["by"] == ctx.actor.username
    two = requests.get(hub.url(f"/v1/surveys/{second['survey_id']}"), headers=central, timeout=10).json()
    assert two["status"] == "returned" and two["reviews"][0]["note"] == "Fix the address, please"
