"""The centre's survey-quality API at scale and in scope (#11 item 3): SQL-side duplicates with paging,
flagged surveys, supervisors' overrides of blocked identities, and the migration that keys old surveys."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from sqlalchemy.orm import Session

from services.hub.db import make_engine, upgrade
from services.hub.models import HubSite, Survey
from services.hub.survey import central
from services.hub.survey.central_keys import survey_keys
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import HUB_KEY, SITE_ID, SITE_KEY, TODAY, HubServer, seeded_hub_db
from tests.survey.test_central_quality import _at, _send, _survey, _token

AJK_OTHER = "PK10102-01"
SINDH_SITE = "PK70101-01"
SINDH_KEY = "test-region-key-sindh"
AJK_KEY = "test-region-key-ajk"
DAY = date(2026, 1, 12)
TWICE = "6110177777771"  # surveyed in AJK and in Sindh three days apart
AJK_TWICE = "6110166666661"  # surveyed at two AJK DRCs
PHONE = "03215550001"


def _get(hub: HubServer, path: str, key: str = HUB_KEY, **params: str) -> requests.Response:
    return requests.get(hub.url(path), params=params, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def _override(token: int, day: date, by: str, reason: str, cnic: str) -> dict[str, Any]:
    return {"uuid": str(uuid.uuid4()), "token_id": token, "token_number": f"R-{token:03d}", "update_type": "roster",
            "priority": False, "kind": "issued", "at": _at(day, token).isoformat(), "actor": by, "operator": by,
            "counter": None, "payload": {"update_type": "roster", "priority": False, "identity": "blocked",
                                         "override": {"by": by, "reason": reason, "cnic": cnic}}}


@pytest.fixture
def pg_centre(pg_url: str) -> Iterator[HubServer]:
    """A PostgreSQL hub with duplicates inside AJK, across AJK and Sindh, and overrides in both regions."""
    url = seeded_hub_db(pg_url, households=300, paradata_days=1)
    keys = {SITE_ID: SITE_KEY, "region:Sindh": SINDH_KEY, "region:AJK": AJK_KEY}
    base, stop = run_hub_in_thread(url, HUB_KEY, site_keys=keys, today=lambda: TODAY)
    hub = HubServer(base, HUB_KEY, url, stop)
    try:
        later = DAY + timedelta(days=40)
        _send(hub, SITE_ID, SITE_KEY, _token(1, DAY) + _token(2, DAY) + _token(3, DAY) + _token(4, later)
              + _token(5, DAY) + [_override(9, DAY, "supervisor", "NADRA letter seen, card renewed", "61101-*****77-1")],
              [_survey("A-1", 1, DAY, cnic=TWICE, phone="03001110001"),
               _survey("A-2", 2, DAY, cnic="6110100000002", phone=PHONE),
               _survey("A-3", 3, DAY, cnic="6110100000003", phone="03001110003", minutes=3.5),
               _survey("A-4", 4, later, cnic="6110100000004", phone=PHONE),
               _survey("A-5", 5, DAY, cnic=AJK_TWICE, phone="03001110005")])
        _send(hub, AJK_OTHER, HUB_KEY, _token(1, DAY + timedelta(days=1)),
              [_survey("B-1", 1, DAY + timedelta(days=1), cnic=AJK_TWICE, phone="03001110006")])
        _send(hub, SINDH_SITE, HUB_KEY,
              _token(1, DAY + timedelta(days=3)) + [_override(7, DAY + timedelta(days=2), "sup.sindh",
                                                              "Court order shown to the supervisor", "4210112345671")],
              [_survey("S-1", 1, DAY + timedelta(days=3), cnic=TWICE, phone="03001110007")])
        yield hub
    finally:
        stop()


def _groups(hub: HubServer, key: str = HUB_KEY, **params: str) -> list[tuple[str, int, list[str]]]:
    resp = _get(hub, "/v1/surveys/duplicates", key=key, **params)
    assert resp.status_code == 200, resp.text
    return [(g["kind"], g["sites"], sorted(m["survey_id"] for m in g["surveys"])) for g in resp.json()["groups"]]


@pytest.mark.parametrize("scan_sites", [0, 10**6], ids=["scope-walks-the-key-index", "scope-keys-first"])
def test_duplicates_are_grouped_in_sql_paged_and_scoped(pg_centre: HubServer, scan_sites: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Both ways of answering a scope (one ordered pass over (key, day, site), or the scope's keys first) agree.
    monkeypatch.setattr(central, "SCAN_SITES", scan_sites)
    hub = pg_centre
    week = {"from": DAY.isoformat(), "to": (DAY + timedelta(days=3)).isoformat()}
    every = _groups(hub, **week)
    assert sorted(every) == [("cnic", 2, ["A-1", "S-1"]), ("cnic", 2, ["A-5", "B-1"])]
    body = _get(hub, "/v1/surveys/duplicates", **week).text
    assert TWICE not in body and AJK_TWICE not in body and body.count("*****") == 2  # masked on the way out
    # The reused phone is 40 days apart: only a 60-day window joins it.
    assert ("phone", 1, ["A-2", "A-4"]) in _groups(hub, window_days="60", **week)
    assert ("phone", 1, ["A-2", "A-4"]) not in _groups(hub, window_days="39", **week)

    # A page at a time: the pages put together are the whole answer, and the last says so.
    seen: list[tuple[str, int, list[str]]] = []
    cursor: str | None = None
    for _ in range(5):
        page = _get(hub, "/v1/surveys/duplicates", limit="1", **week, **({"after": cursor} if cursor else {})).json()
        seen += [(g["kind"], g["sites"], sorted(m["survey_id"] for m in g["surveys"])) for g in page["groups"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert cursor is None and sorted(seen) == sorted(every)

    # Scope: Sindh's key sees the household it shares with AJK, not AJK's own duplicates; it may not ask for AJK.
    assert _groups(hub, key=SINDH_KEY, **week) == [("cnic", 2, ["A-1", "S-1"])]
    assert _get(hub, "/v1/surveys/duplicates", key=SINDH_KEY, region="AJK", **week).status_code == 403
    assert sorted(_groups(hub, key=AJK_KEY, **week)) == sorted(every)
    assert _get(hub, "/v1/surveys/duplicates", after="nonsense", **week).status_code == 422

    # The page of candidate keys is itself scoped (else a region's pages come up short): Sindh's holds the
    # household it shares with AJK, not AJK's own.
    engine = make_engine(hub.db_url)
    try:
        with Session(engine) as ses:
            sindh = {s for (s,) in ses.execute(sa.select(HubSite.site_id).where(HubSite.region == "Sindh"))}
            lo, hi = DAY - timedelta(days=30), DAY + timedelta(days=33)
            keys = set(ses.scalars(central._candidates(Survey.cnic_key, "cnic", sindh, DAY, DAY + timedelta(days=3),
                                                       lo, hi)))
    finally:
        engine.dispose()
    assert survey_keys(TWICE, "", "")["cnic_key"] in keys and survey_keys(AJK_TWICE, "", "")["cnic_key"] not in keys


def test_flagged_surveys_in_scope_with_their_review_status(pg_centre: HubServer) -> None:
    hub = pg_centre
    day = {"date": DAY.isoformat()}
    resp = _get(hub, "/v1/surveys/flagged", key=AJK_KEY, **day)
    assert resp.status_code == 200, resp.text
    rows = {r["survey_id"]: r for r in resp.json()["surveys"]}
    assert "duration_short" in rows["A-3"]["flags"] and rows["A-3"]["status"] == "open"
    assert rows["A-3"]["token_number"] == "R-003" and rows["A-3"]["site_id"] == SITE_ID
    assert "6110100000003" not in resp.text
    ack = requests.post(hub.url("/v1/surveys/A-3/reviews"), headers={"Authorization": f"Bearer {SITE_KEY}"},
                        json={"action": "acknowledge", "flag": "duration_short", "by": "supervisor"}, timeout=10)
    assert ack.status_code == 201
    again = {r["survey_id"]: r for r in _get(hub, "/v1/surveys/flagged", key=AJK_KEY, **day).json()["surveys"]}
    assert again["A-3"]["status"] == "acknowledged"
    assert all(r["site_id"].startswith("PK7") for r in _get(hub, "/v1/surveys/flagged", key=SINDH_KEY,
                                                            **day).json()["surveys"])
    assert _get(hub, "/v1/surveys/flagged", **{"from": DAY.isoformat(),
                                                "to": (DAY + timedelta(days=31)).isoformat()}).status_code == 422


def test_identity_overrides_from_the_sites_issue_events_in_scope(pg_centre: HubServer) -> None:
    hub = pg_centre
    span = {"from": DAY.isoformat(), "to": (DAY + timedelta(days=3)).isoformat()}
    resp = _get(hub, "/v1/identity/overrides", **span)
    assert resp.status_code == 200, resp.text
    rows = resp.json()["overrides"]
    assert [(r["site_id"], r["token_number"], r["by"], r["cnic"]) for r in rows] == [
        (SINDH_SITE, "R-007", "sup.sindh", "42101-*****67-1"),  # newest first; sent in clear, masked here
        (SITE_ID, "R-009", "supervisor", "61101-*****77-1")]
    assert rows[1]["reason"] == "NADRA letter seen, card renewed" and "4210112345671" not in resp.text
    assert datetime.fromisoformat(rows[1]["at"]).astimezone(UTC) == _at(DAY, 9)
    assert [r["site_id"] for r in _get(hub, "/v1/identity/overrides", key=SINDH_KEY, **span).json()["overrides"]] \
        == [SINDH_SITE]
    assert [r["site_id"] for r in _get(hub, "/v1/identity/overrides", key=SITE_KEY, **span).json()["overrides"]] \
        == [SITE_ID]
    assert _get(hub, "/v1/identity/overrides", key=SINDH_KEY, region="AJK", **span).status_code == 403
    assert _get(hub, "/v1/identity/overrides", **{"date": (DAY - timedelta(days=1)).isoformat()}).json()[
        "overrides"] == []


def test_the_migration_keys_surveys_held_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    upgrade(url, "h0009")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO hub_site (site_id, name, region, district, tehsil, tehsil_code, lat, lon)"
                                 " VALUES ('PK10101-01', 'x', 'AJK', 'd', 't', 'c', 0, 0)"))
            for sid, cnic, phone, address in (("OLD-1", "6110100000001", "+92 300 1234567",
                                               "House 5, Street 2, Mohallah Awan, UC-3, Bagh"),
                                              ("OLD-2", "6110100000002", "123", "village")):
                conn.execute(sa.text(
                    "INSERT INTO hub_survey (survey_id, site_id, day, deo, cnic, phone, started_at, submitted_at, lat,"
                    " lon, address, household_size, region, assets) VALUES (:sid, 'PK10101-01', '2026-01-12', 'd1',"
                    " :cnic, :phone, '2026-01-12 05:00:00', '2026-01-12 05:30:00', 0, 0, :address, 5, 'AJK', '{}')"),
                    {"sid": sid, "cnic": cnic, "phone": phone, "address": address})
        upgrade(url)
        with engine.connect() as conn:
            got = {r[0]: {"cnic_key": r[1], "phone_key": r[2], "address_key": r[3]} for r in conn.execute(
                sa.text("SELECT survey_id, cnic_key, phone_key, address_key FROM hub_survey"))}
            indexes = {i["name"]: i["column_names"] for i in sa.inspect(conn).get_indexes("hub_survey")}
    finally:
        engine.dispose()
    assert got["OLD-1"] == survey_keys("6110100000001", "03001234567", "house 5 street 2 mohalla awan uc 3 bagh")
    assert got["OLD-1"]["phone_key"] is not None and got["OLD-1"]["address_key"] is not None
    assert got["OLD-2"]["phone_key"] is None and got["OLD-2"]["address_key"] is None  # too short to say anything
    for kind in ("cnic", "phone", "address"):  # h0012: the site too, so a region's pass reads only the index
        assert indexes[f"ix_hub_survey_{kind}_key"] == [f"{kind}_key", "day", "site_id"]
