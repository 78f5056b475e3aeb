"""Surveys linked to tokens at the hub (#11 item 2): every bad input gets its own 4xx and corrupts no count.

A fresh hub (SQLite and PostgreSQL) under uvicorn; the tokens are real ingested events; the tablet's
submissions go through ``POST /v1/sites/{site}/surveys`` exactly as ``drc-console simulate`` sends them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import requests

from services.deo_ids import deo_pseudonym
from tests.hub.conftest import SITE_ID, SITE_KEY, HubServer, seeded_hub_db
from vocabulary.slip_payload import sign

DAY = date(2026, 3, 2)
T0 = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # 10:00 in Asia/Karachi
SECRET = "site-slip-secret-0001"
OTHER = "PK10102-01"
CNIC = "6110112345671"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_hub(request: pytest.FixtureRequest, tmp_path: Any, hub_factory: Callable[[str], HubServer]) -> HubServer:
    """A hub over an empty seeded database, on SQLite or PostgreSQL."""
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    return hub_factory(seeded_hub_db(url, households=300, paradata_days=1))


def _ev(token: int, kind: str, minute: float, actor: str, operator: str | None = None) -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "token_id": token, "token_number": f"R-{token:03d}", "update_type": "roster",
            "priority": False, "kind": kind, "at": (T0 + timedelta(minutes=minute)).isoformat(), "actor": actor,
            "operator": operator or actor, "counter": None if kind == "issued" else 1,
            "payload": {"update_type": "roster", "priority": False} if kind == "issued" else {}}


def _served(token: int, deo: str, start: float) -> list[dict[str, Any]]:
    return [_ev(token, "issued", start, "triage"), _ev(token, "called", start + 5, deo),
            _ev(token, "started", start + 6, deo), _ev(token, "completed", start + 20, deo)]


def _survey(survey_id: str, deo: str, *, qr: str | None = None, token: dict[str, Any] | None = None,
            cnic: str = CNIC) -> dict[str, Any]:
    body: dict[str, Any] = {
        "survey_id": survey_id, "deo": deo, "started_at": "2026-03-02T05:10:00Z",
        "submitted_at": "2026-03-02T05:35:00Z", "lat": 33.9, "lon": 73.4,
        "address": "House 12, Street 4, near Jamia Masjid, Mohallah Awan, UC-7, Bagh", "household_size": 6,
        "assets": {"rooms": 2, "livestock": 3, "land_acres": 0.5, "has_fridge": True, "has_motorcycle": False,
                   "has_car": False, "has_ac": False},
        "b_form_present": True, "cnic": cnic, "phone": "03001234567"}
    if qr is not None:
        body["qr"] = qr
    if token is not None:
        body["token"] = token
    return body


def _post(hub: HubServer, path: str, body: Any, key: str = SITE_KEY, method: str = "POST") -> requests.Response:
    return requests.request(method, hub.url(path), json=body, headers={"Authorization": f"Bearer {key}"},
                            timeout=10)


def _problem(resp: requests.Response, status: int, slug: str) -> str:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["type"].endswith("/" + slug), body
    assert body["detail"]
    return str(body["detail"])


def _counts(hub: HubServer) -> tuple[int, dict[str, int], dict[str, Any]]:
    auth = {"Authorization": f"Bearer {hub.api_key}"}
    para = requests.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": DAY.isoformat()}, headers=auth,
                        timeout=10).json()
    drill = requests.get(hub.url(f"/v1/sites/{SITE_ID}/performance"), params={"date": DAY.isoformat()},
                         headers=auth, timeout=10).json()
    rec = requests.get(hub.url(f"/v1/sites/{SITE_ID}/reconciliation"),
                       params={"date": DAY.isoformat(), "hours": "2", "as_of": "2026-03-02T12:00:00Z"},
                       headers=auth, timeout=10)
    assert rec.status_code == 200, rec.text
    linked = [s for s in para["surveys"] if s["token_number"]]
    return len(linked), {d["deo_id"]: d["surveys"] for d in drill["deos"]}, rec.json()


def test_surveys_link_to_tokens_and_bad_input_corrupts_no_count(fresh_hub: HubServer) -> None:
    hub = fresh_hub
    events = _served(1, "deo1", 0) + _served(2, "deo2", 1) + _served(3, "deo1", 2) + _served(4, "deo2", 3)
    assert _post(hub, f"/v1/sites/{SITE_ID}/events", {"events": events}).status_code == 200
    qr1 = sign(SITE_ID, DAY, "R-001", "roster", SECRET, cnic=CNIC)

    # Before the site registered its slip key a code cannot be checked; the token reference still works.
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-1", "deo1", qr=qr1)), 409, "no-slip-key")
    resp = _post(hub, f"/v1/sites/{SITE_ID}/slip-key", {"secret": SECRET}, method="PUT")
    assert resp.status_code == 200 and SECRET not in resp.text

    ok = _post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-1", "deo1", qr=qr1))
    assert ok.status_code == 201, ok.text
    assert ok.json() | {} == {"survey_id": "S-1", "site_id": SITE_ID, "linked": True, "token_id": 1,
                              "token_number": "R-001", "day": DAY.isoformat(), "deo": "deo1"}
    by_ref = _post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-2", "deo2", token={"day": DAY.isoformat(), "number": "R-002"}))
    assert by_ref.status_code == 201 and by_ref.json()["token_id"] == 2
    unlinked = _post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-X", "deo2"))
    assert unlinked.status_code == 201 and unlinked.json()["linked"] is False
    before = _counts(hub)
    assert before[0] == 2

    # The same survey twice, and the same slip replayed for another survey.
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-1", "deo1", qr=qr1)), 409,
             "survey-already-received")
    assert "replayed" in _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-9", "deo1", qr=qr1)), 409,
                                  "qr-replayed")
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-8", "deo2", token={"day": DAY.isoformat(), "number": "R-002"})), 409,
             "token-already-surveyed")
    # A token the hub never heard of, by reference and by a genuine code.
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-7", "deo1", token={"day": DAY.isoformat(), "number": "R-042"})), 404, "unknown-token")
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-6", "deo1", qr=sign(SITE_ID, DAY, "R-001", "roster", SECRET, cnic=CNIC)
                           .replace("20260302", "20260303"))), 422, "forged-qr")
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-6", "deo1", qr=sign(SITE_ID, DAY - timedelta(days=1), "R-003", "roster", SECRET))),
             404, "unknown-token")
    # Another site's token: its genuine code, or a reference naming it.
    other_qr = sign(OTHER, DAY, "R-003", "roster", "other-site-secret", cnic=CNIC)
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-5", "deo1", qr=other_qr)), 403,
             "token-of-another-site")
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-5", "deo1", token={"day": DAY.isoformat(), "number": "R-003", "site_id": OTHER})),
             403, "token-of-another-site")
    # Forged: a code signed with a wrong key, and a genuine code with one character changed.
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys",
                   _survey("S-4", "deo1", qr=sign(SITE_ID, DAY, "R-003", "roster", "guessed-secret"))), 422,
             "forged-qr")
    good3 = sign(SITE_ID, DAY, "R-003", "roster", SECRET, cnic=CNIC)
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-4", "deo1", qr=good3.replace("R-003", "R-004"))),
             422, "forged-qr")
    # A genuine slip of someone else (its CNIC binding is not the surveyed person's).
    _problem(_post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-4", "deo1", qr=good3, cnic="6110199999999")),
             422, "qr-cnic-mismatch")
    # Another site's key may not submit for this site; malformed bodies are 422.
    assert _post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-4", "deo1", qr=good3),
                 key="not-a-key").status_code == 401
    bad = _survey("S-4", "deo1", qr=good3)
    bad["household_size"] = "6"
    assert _post(hub, f"/v1/sites/{SITE_ID}/surveys", bad).status_code == 422

    after = _counts(hub)
    assert after == before  # no refused submission changed a count
    linked, per_deo, rec = after
    assert per_deo[deo_pseudonym(SITE_ID, "deo1")] == 1 and per_deo[deo_pseudonym(SITE_ID, "deo2")] == 2
    assert rec["completed"] == 4 and rec["linked"] == 2
    assert [t["token_number"] for t in rec["missing_survey"]] == ["R-003", "R-004"]
    assert {t["deo_id"] for t in rec["missing_survey"]} == {deo_pseudonym(SITE_ID, "deo1"),
                                                             deo_pseudonym(SITE_ID, "deo2")}
    assert "S-X" in [s["survey_id"] for s in rec["missing_token"]]

    # The last good one still links, after every refusal.
    assert _post(hub, f"/v1/sites/{SITE_ID}/surveys", _survey("S-4", "deo1", qr=good3)).status_code == 201
    rec = _counts(hub)[2]
    assert [t["token_number"] for t in rec["missing_survey"]] == ["R-004"]


def test_reconciliation_waits_the_grace_period(fresh_hub: HubServer) -> None:
    hub = fresh_hub
    assert _post(hub, f"/v1/sites/{SITE_ID}/events", {"events": _served(7, "deo3", 0)}).status_code == 200
    auth = {"Authorization": f"Bearer {hub.api_key}"}

    def missing(as_of: str, hours: str) -> list[str]:
        resp = requests.get(hub.url(f"/v1/sites/{SITE_ID}/reconciliation"),
                            params={"date": DAY.isoformat(), "hours": hours, "as_of": as_of}, headers=auth, timeout=10)
        assert resp.status_code == 200, resp.text
        return [t["token_number"] for t in resp.json()["missing_survey"]]

    # Completed at 05:20Z: not yet missing one hour later with a two-hour grace, missing three hours later.
    assert missing("2026-03-02T06:20:00Z", "2") == []
    assert missing("2026-03-02T08:20:00Z", "2") == ["R-007"]
    resp = requests.get(hub.url(f"/v1/sites/{SITE_ID}/reconciliation"), params={"date": DAY.isoformat(), "hours": "-1"},
                        headers=auth, timeout=10)
    assert resp.status_code == 422
