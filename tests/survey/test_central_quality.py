"""Quality at the centre (#11 item 3): duplicates across sites and days, a survey's drill-down, reviews."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.hub.conftest import HUB_KEY, SITE_ID, SITE_KEY, HubServer, seeded_hub_db

OTHER = "PK10102-01"
DAY = date(2026, 1, 12)  # no seeded paradata near it
CNIC = "6110177777771"
PHONE = "03215550001"


def _at(day: date, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC) + timedelta(minutes=minute)


def _token(site_token: int, day: date) -> list[dict[str, Any]]:
    out = []
    for k, (kind, minute) in enumerate((("issued", 0), ("called", 3), ("started", 4), ("completed", 30))):
        out.append({"uuid": str(uuid.uuid4()), "token_id": site_token, "token_number": f"R-{site_token:03d}",
                    "update_type": "roster", "priority": False, "kind": kind,
                    "at": _at(day, site_token + minute).isoformat(), "actor": "triage" if k == 0 else "deo1",
                    "operator": "triage" if k == 0 else "deo1", "counter": None if k == 0 else 1,
                    "payload": {"update_type": "roster", "priority": False} if k == 0 else {}})
    return out


def _survey(sid: str, token: int, day: date, *, cnic: str, phone: str, minutes: float = 28.0) -> dict[str, Any]:
    start = _at(day, token + 4)
    return {"survey_id": sid, "deo": "deo1", "started_at": start.isoformat(),
            "submitted_at": (start + timedelta(minutes=minutes)).isoformat(), "lat": 34.3963, "lon": 73.8863,
            "address": f"House {token}, Street 2, near Eidgah, Mohallah Awan {sid}, UC-3, Bagh",
            "household_size": 5, "assets": {"rooms": 2, "livestock": 0, "land_acres": 0.0, "has_fridge": True,
                                            "has_motorcycle": False, "has_car": False, "has_ac": False},
            "b_form_present": True, "cnic": cnic, "phone": phone,
            "token": {"day": day.isoformat(), "number": f"R-{token:03d}"}}


def _send(hub: HubServer, site: str, key: str, events: list[dict[str, Any]], surveys: list[dict[str, Any]]) -> None:
    auth = {"Authorization": f"Bearer {key}"}
    assert requests.post(hub.url(f"/v1/sites/{site}/events"), json={"events": events}, headers=auth,
                         timeout=10).status_code == 200
    for body in surveys:
        resp = requests.post(hub.url(f"/v1/sites/{site}/surveys"), json=body, headers=auth, timeout=10)
        assert resp.status_code == 201, resp.text


@pytest.fixture
def central_hub(tmp_path: Path, hub_factory: Callable[[str], HubServer]) -> HubServer:
    """Two sites' surveys: one household surveyed at both DRCs three days apart, a phone reused 40 days on."""
    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    later = DAY + timedelta(days=40)
    _send(hub, SITE_ID, SITE_KEY, _token(1, DAY) + _token(2, DAY) + _token(3, DAY) + _token(4, later),
          [_survey("A-1", 1, DAY, cnic=CNIC, phone="03001110001"),
           _survey("A-2", 2, DAY, cnic="6110100000002", phone=PHONE),
           _survey("A-3", 3, DAY, cnic="6110100000003", phone="03001110003", minutes=3.5),
           _survey("A-4", 4, later, cnic="6110100000004", phone=PHONE)])
    _send(hub, OTHER, HUB_KEY, _token(1, DAY + timedelta(days=3)),
          [_survey("B-1", 1, DAY + timedelta(days=3), cnic=CNIC, phone="03001110009")])
    return hub


def _get(hub: HubServer, path: str, key: str = HUB_KEY, **params: str) -> requests.Response:
    return requests.get(hub.url(path), params=params, headers={"Authorization": f"Bearer {key}"}, timeout=10)


def test_duplicates_across_sites_and_days_within_a_window(central_hub: HubServer) -> None:
    hub = central_hub
    resp = _get(hub, "/v1/surveys/duplicates", **{"from": DAY.isoformat(), "to": (DAY + timedelta(days=3)).isoformat()})
    assert resp.status_code == 200, resp.text
    assert (resp.json()["from"], resp.json()["to"]) == (DAY.isoformat(), (DAY + timedelta(days=3)).isoformat())
    groups = resp.json()["groups"]
    assert [(g["kind"], g["sites"], sorted(m["survey_id"] for m in g["surveys"])) for g in groups] == [
        ("cnic", 2, ["A-1", "B-1"])]
    assert CNIC not in resp.text and "*****" in groups[0]["value"]  # masked on the way out
    # The reused phone is 40 days apart: a duplicate only with a wider window.
    wide = _get(hub, "/v1/surveys/duplicates", **{"from": DAY.isoformat(), "to": DAY.isoformat(),
                                                  "window_days": "60"}).json()["groups"]
    phone = [g for g in wide if g["kind"] == "phone"]
    assert len(phone) == 1 and sorted(m["survey_id"] for m in phone[0]["surveys"]) == ["A-2", "A-4"]
    assert PHONE not in str(wide)
    # A site key sees the groups that touch its own surveys (the other DRC's survey is how it knows).
    own = _get(hub, "/v1/surveys/duplicates", key=SITE_KEY, **{"date": DAY.isoformat()}).json()["groups"]
    assert [g["kind"] for g in own] == ["cnic"]


def test_drill_down_says_why_and_reviews_are_recorded_for_the_centre(central_hub: HubServer) -> None:
    hub = central_hub
    fast = _get(hub, "/v1/surveys/A-3")
    assert fast.status_code == 200, fast.text
    body = fast.json()
    assert body["token_number"] == "R-003" and body["minutes"] == 3.5 and body["status"] == "open"
    assert "*****" in body["cnic"] and "6110100000003" not in fast.text
    short = [f for f in body["flags"] if f["code"] == "duration_short"]
    assert short and "3.5 min" in short[0]["explanation"]
    twice = _get(hub, "/v1/surveys/A-1").json()
    assert any(f["code"] == "cross_site_cnic" for f in twice["flags"])

    auth = {"Authorization": f"Bearer {SITE_KEY}"}
    ack = requests.post(hub.url("/v1/surveys/A-3/reviews"), headers=auth, timeout=10,
                        json={"action": "acknowledge", "flag": "duration_short", "by": "supervisor",
                              "note": "Visitor had the form filled already"})
    assert ack.status_code == 201, ack.text
    no_note = requests.post(hub.url("/v1/surveys/A-1/reviews"), headers=auth, timeout=10,
                            json={"action": "return", "by": "supervisor"})
    assert no_note.status_code == 422 and no_note.json()["type"].endswith("/note-needed")
    back = requests.post(hub.url("/v1/surveys/A-1/reviews"), headers=auth, timeout=10,
                         json={"action": "return", "by": "supervisor", "note": "Check the CNIC with the visitor"})
    assert back.status_code == 201
    # Another site's survey is not this supervisor's to review; an unknown survey is 404.
    assert requests.post(hub.url("/v1/surveys/B-1/reviews"), headers=auth, timeout=10,
                         json={"action": "acknowledge", "by": "supervisor"}).status_code == 403
    assert requests.post(hub.url("/v1/surveys/NOPE/reviews"), headers=auth, timeout=10,
                         json={"action": "acknowledge", "by": "supervisor"}).status_code == 404
    assert _get(hub, "/v1/surveys/B-1", key=SITE_KEY).status_code == 403

    # Visible at the centre: on the survey, and in the list of the day's reviews.
    a1 = _get(hub, "/v1/surveys/A-1").json()
    assert a1["status"] == "returned" and a1["reviews"][0]["note"] == "Check the CNIC with the visitor"
    assert _get(hub, "/v1/surveys/A-3").json()["status"] == "acknowledged"
    today = datetime.now(UTC).date().isoformat()
    listed = _get(hub, "/v1/surveys/reviews", **{"date": today}).json()["reviews"]
    assert [(r["survey_id"], r["action"], r["by"]) for r in listed] == [
        ("A-1", "returned", "supervisor"), ("A-3", "acknowledged", "supervisor")]
