"""Trusted ingestion and the roll-ups behind the regional API, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import requests

from services.deo_ids import deo_pseudonym
from tests.hub.conftest import HUB_KEY, SITE_ID, HubServer, seeded_hub_db

OTHER = "PK10102-01"  # AJK too
DAY = "2026-03-02"
T0 = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # 10:00 in Asia/Karachi


def ev(kind: str, minute: float, token: int, *, utype: str = "roster", actor: str = "deo1",
       counter: int | None = 1, payload: dict | None = None, uid: str | None = None) -> dict:
    """One event ``minute`` minutes after 10:00 on DAY."""
    if payload is None:
        payload = {"update_type": utype, "priority": False} if kind == "issued" else {}
    return {"uuid": uid or str(uuid.uuid4()), "token_id": token, "token_number": f"R-{token:03d}",
            "update_type": utype, "priority": False, "kind": kind,
            "at": (T0 + timedelta(minutes=minute)).isoformat(), "actor": actor,
            "counter": None if kind == "issued" else counter, "payload": payload}


def served(token: int, start: float, *, wait: float = 10, service: float = 12, utype: str = "roster",
           actor: str = "deo1") -> list[dict]:
    """A token's whole legal life: issued, called after ``wait``, started, completed after ``service``."""
    return [ev("issued", start, token, utype=utype), ev("called", start + wait, token, utype=utype, actor=actor),
            ev("started", start + wait + 1, token, utype=utype, actor=actor),
            ev("completed", start + wait + 1 + service, token, utype=utype, actor=actor)]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_hub(request: pytest.FixtureRequest, tmp_path, hub_factory: Callable[[str], HubServer]) -> HubServer:  # type: ignore[no-untyped-def]
    """A hub over an empty seeded database, on SQLite or PostgreSQL."""
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    return hub_factory(seeded_hub_db(url, households=300, paradata_days=1))


def _post(hub: HubServer, site: str, events: list[dict]) -> dict:
    resp = requests.post(hub.url(f"/v1/sites/{site}/events"), json={"events": events},
                         headers={"Authorization": f"Bearer {HUB_KEY}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _get(hub: HubServer, path: str, **params: str) -> dict:
    resp = requests.get(hub.url(path), params=params, headers={"Authorization": f"Bearer {HUB_KEY}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _row(perf: dict, site: str = SITE_ID) -> dict:
    return next(r for r in perf["sites"] if r["site_id"] == site)


def test_impossible_histories_are_kept_flagged_and_left_out(fresh_hub: HubServer) -> None:
    good = served(1, 0) + served(2, 5, wait=20)
    completed_first = [ev("completed", 1, 3), ev("issued", 2, 3)]
    called_twice = [ev("issued", 3, 4), ev("called", 4, 4), ev("called", 5, 4)]
    no_issue = [ev("called", 6, 5), ev("started", 7, 5), ev("completed", 9, 5)]
    result = _post(fresh_hub, SITE_ID, good + completed_first + called_twice + no_issue)
    assert result == {"accepted": 16, "duplicates": 0}  # every event is kept
    row = _row(_get(fresh_hub, "/v1/regions/performance", date=DAY))
    assert (row["issued"], row["called"], row["completed"]) == (2, 2, 2)  # only tokens 1 and 2 count
    assert row["flagged_tokens"] == 3
    health = _get(fresh_hub, "/v1/regions/data-health", date=DAY)
    assert health["flagged_tokens"] == 3 and health["events"] == 16 and health["tokens"] == 5
    detail = _get(fresh_hub, f"/v1/sites/{SITE_ID}/performance", date=DAY)
    assert {f["token_id"] for f in detail["flagged"]} == {3, 4, 5}
    assert all(f["reason"] for f in detail["flagged"])


def test_history_split_over_batches_is_legal_and_resends_are_duplicates(fresh_hub: HubServer) -> None:
    life = served(7, 0, wait=14, service=9)
    assert _post(fresh_hub, SITE_ID, life[:2]) == {"accepted": 2, "duplicates": 0}
    mid = _row(_get(fresh_hub, "/v1/regions/performance", date=DAY))
    assert (mid["issued"], mid["called"], mid["completed"], mid["flagged_tokens"]) == (1, 1, 0, 0)
    assert _post(fresh_hub, SITE_ID, life) == {"accepted": 2, "duplicates": 2}
    assert _post(fresh_hub, SITE_ID, life) == {"accepted": 0, "duplicates": 4}
    row = _row(_get(fresh_hub, "/v1/regions/performance", date=DAY))
    assert (row["issued"], row["completed"], row["flagged_tokens"], row["duplicates"]) == (1, 1, 0, 6)
    assert row["mean_wait_min"] == 14.0 and row["mean_service_min"] == 9.0


def test_same_uuid_at_two_sites_is_two_events(fresh_hub: HubServer) -> None:
    shared = str(uuid.uuid4())
    assert _post(fresh_hub, SITE_ID, [ev("issued", 0, 1, uid=shared)]) == {"accepted": 1, "duplicates": 0}
    assert _post(fresh_hub, OTHER, [ev("issued", 0, 1, uid=shared)]) == {"accepted": 1, "duplicates": 0}
    perf = _get(fresh_hub, "/v1/regions/performance", date=DAY)
    assert _row(perf)["issued"] == _row(perf, OTHER)["issued"] == 1


def test_carried_over_token_is_legal_across_days(fresh_hub: HubServer) -> None:
    day1 = [ev("issued", 0, 9), ev("carried_over", 60 * 10, 9, counter=None, payload={"to": "2026-03-03"})]
    day2 = [ev("called", 60 * 24, 9), ev("started", 60 * 24 + 1, 9), ev("completed", 60 * 24 + 10, 9)]
    _post(fresh_hub, SITE_ID, day1)
    _post(fresh_hub, SITE_ID, day2)
    both = _row(_get(fresh_hub, "/v1/regions/performance", **{"from": DAY, "to": "2026-03-03"}))
    assert (both["issued"], both["completed"], both["flagged_tokens"]) == (1, 1, 0)
    assert _row(_get(fresh_hub, "/v1/regions/performance", date="2026-03-03"))["completed"] == 1


def test_drilldown_hours_types_deos_and_metadata(fresh_hub: HubServer) -> None:
    events = (served(1, 0, actor="deo1") + served(2, 70, utype="shock", actor="deo2")
              + served(3, 75, actor="deo2", service=20) + [ev("issued", 80, 4), ev("called", 90, 4, actor="deo1"),
                                                          ev("no_show", 95, 4, actor="deo1")])
    _post(fresh_hub, SITE_ID, events)
    meta = {"counters": [{"counter": 1, "label": "Counter 1"}],
            "deos": [{"deo_id": deo_pseudonym(SITE_ID, "deo1"), "display_name": "Ayesha K."},
                     {"deo_id": deo_pseudonym(SITE_ID, "deo2"), "display_name": "Bilal R."}]}
    resp = requests.put(fresh_hub.url(f"/v1/sites/{SITE_ID}/metadata"), json=meta,
                        headers={"Authorization": f"Bearer {HUB_KEY}"}, timeout=5)
    assert resp.json() == {"counters": 1, "deos": 2}
    detail = _get(fresh_hub, f"/v1/sites/{SITE_ID}/performance", **{"from": DAY, "to": DAY})
    assert detail["total"]["issued"] == 4 and detail["total"]["completed"] == 3 and detail["total"]["no_show"] == 1
    assert {h["hour"]: h["issued"] for h in detail["hours"]} == {10: 1, 11: 3}
    assert {t["update_type"]: t["completed"] for t in detail["update_types"]} == {"roster": 2, "shock": 1}
    by_name = {d["display_name"]: d for d in detail["deos"]}
    assert (by_name["Ayesha K."]["completed"], by_name["Ayesha K."]["no_show"]) == (1, 1)
    assert by_name["Bilal R."]["completed"] == 2 and by_name["Bilal R."]["mean_service_min"] == 16.0
    assert all(d["deo_id"].startswith("deo-") and "deo1" not in d["deo_id"] for d in detail["deos"])
    assert [d["date"] for d in detail["days"]] == [DAY]


def test_ranking_and_region_filters(fresh_hub: HubServer) -> None:
    _post(fresh_hub, SITE_ID, served(1, 0) + served(2, 5) + served(3, 9))
    _post(fresh_hub, OTHER, served(1, 0, wait=50))
    sindh = "PK70101-01"
    _post(fresh_hub, sindh, served(1, 0, wait=2) + served(2, 1, wait=3))
    ranked = _get(fresh_hub, "/v1/regions/ranking", kpi="completed", n="2", date=DAY)
    assert [r["site_id"] for r in ranked["top"]] == [SITE_ID, sindh]
    assert [r["site_id"] for r in ranked["bottom"]] == [OTHER, sindh]
    waits = _get(fresh_hub, "/v1/regions/ranking", kpi="median_wait_min", n="1", date=DAY, region="AJK")
    assert waits["top"][0]["site_id"] == SITE_ID and waits["bottom"][0]["site_id"] == OTHER
    perf = _get(fresh_hub, "/v1/regions/performance", date=DAY, region="Sindh")
    assert {r["region"] for r in perf["sites"]} == {"Sindh"} and len(perf["sites"]) == 145
    assert perf["regions"] == [{**perf["regions"][0], "region": "Sindh", "sites": 145, "silent_sites": 144,
                                "issued": 2}]
    district = _get(fresh_hub, "/v1/regions/performance", date=DAY, district="Badin")
    assert district["sites"] and {r["district"] for r in district["sites"]} == {"Badin"}


def test_range_errors_are_422(fresh_hub: HubServer) -> None:
    auth = {"Authorization": f"Bearer {HUB_KEY}"}
    for params in ({}, {"from": DAY}, {"from": "2026-03-05", "to": DAY}, {"from": "2020-01-01", "to": "2026-01-01"},
                   {"date": DAY, "region": "Atlantis"}):
        resp = requests.get(fresh_hub.url("/v1/regions/performance"), params=params, headers=auth, timeout=5)
        assert resp.status_code == 422, params


def test_ranges_over_whole_months_read_the_month_rollups(fresh_hub: HubServer) -> None:
    for day, n in (("2026-01-15", 2), ("2026-02-10", 3), ("2026-02-27", 1), ("2026-03-02", 4)):
        shift = (datetime.fromisoformat(day).replace(tzinfo=UTC) - T0.replace(hour=0)).total_seconds() / 60
        _post(fresh_hub, SITE_ID, [e for t in range(n) for e in served(100 * int(day[5:7]) + int(day[8:]) * 10 + t,
                                                                     shift + t)])
    def issued(**params: str) -> int:
        return int(_row(_get(fresh_hub, "/v1/regions/performance", **params))["issued"])

    assert issued(**{"from": "2026-02-01", "to": "2026-02-28"}) == 4  # one whole month
    assert issued(**{"from": "2026-01-10", "to": "2026-03-03"}) == 10  # days + a month + days
    assert issued(**{"from": "2026-02-11", "to": "2026-03-01"}) == 1  # days only
    assert _row(_get(fresh_hub, "/v1/regions/performance", **{"from": "2026-01-01", "to": "2026-03-31"}))[
        "days_reporting"] == 4


def test_month_pieces() -> None:
    from datetime import date

    from services.hub.ops.regional import pieces

    d = date.fromisoformat
    assert pieces(d("2026-02-01"), d("2026-02-28")) == ([], [], [d("2026-02-01")])
    # January mostly inside: its month row less Jan 1-9; February whole; March 1-3 as days
    assert pieces(d("2026-01-10"), d("2026-03-03")) == ([(d("2026-03-01"), d("2026-03-03"))],
                                                        [(d("2026-01-01"), d("2026-01-09"))],
                                                        [d("2026-01-01"), d("2026-02-01")])
    assert pieces(d("2026-02-11"), d("2026-03-01")) == ([(d("2026-03-01"), d("2026-03-01"))],
                                                        [(d("2026-02-01"), d("2026-02-10"))], [d("2026-02-01")])
    assert pieces(d("2026-02-03"), d("2026-02-25")) == ([], [(d("2026-02-01"), d("2026-02-02")),
                                                             (d("2026-02-26"), d("2026-02-28"))], [d("2026-02-01")])
    assert pieces(d("2026-02-03"), d("2026-02-10")) == ([(d("2026-02-03"), d("2026-02-10"))], [], [])
    plus, minus, months = pieces(d("2025-03-05"), d("2026-03-04"))
    assert len(months) == 12 and sum((b - a).days + 1 for a, b in plus + minus) == 8
