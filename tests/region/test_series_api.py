"""The hub's DEO ranking and day-by-day series over a simulated network, checked against the roll-up tables."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.hub.conftest import TODAY
from tests.region.conftest import DAYS, SINDH_KEY, NetworkHub

START, END = TODAY - timedelta(days=DAYS + 2), TODAY
RANGE = {"from": START.isoformat(), "to": END.isoformat()}


def test_daily_has_every_day_and_adds_up_to_the_sites(network_hub: NetworkHub) -> None:
    daily = network_hub.get("/v1/regions/daily", **RANGE)
    perf = network_hub.get("/v1/regions/performance", **RANGE)
    assert [d["date"] for d in daily["days"]] == [(START + timedelta(days=i)).isoformat()
                                                  for i in range((END - START).days + 1)]
    assert daily["sites"] == len(perf["sites"]) == 617
    for key in ("issued", "completed", "no_show", "called"):
        assert sum(d[key] for d in daily["days"]) == sum(s[key] for s in perf["sites"]) > 0
    assert sum(d["sites_reporting"] for d in daily["days"]) == sum(s["days_reporting"] for s in perf["sites"])
    assert daily["days"][0]["issued"] == 0 and daily["days"][0]["median_wait_min"] is None  # before the history


def test_daily_of_a_regional_key_is_its_region(network_hub: NetworkHub) -> None:
    mine = network_hub.get("/v1/regions/daily", key=SINDH_KEY, **RANGE)
    perf = network_hub.get("/v1/regions/performance", region="Sindh", **RANGE)
    assert mine["sites"] == 145
    assert sum(d["completed"] for d in mine["days"]) == sum(s["completed"] for s in perf["sites"])
    for path in ("/v1/regions/daily", "/v1/regions/deo-ranking"):
        with pytest.raises(requests.HTTPError) as refused:
            network_hub.get(path, key=SINDH_KEY, region="Punjab", **RANGE)
        assert refused.value.response.status_code == 403


def test_deo_ranking_equals_the_deo_rollups(network_hub: NetworkHub) -> None:
    engine = create_engine(network_hub.db_url)
    served: dict[tuple[str, str], int] = defaultdict(int)
    active: dict[tuple[str, str], int] = defaultdict(int)
    with engine.connect() as conn:
        for site, deo, called, done in conn.execute(text(
                "SELECT site_id, deo_id, called, served FROM hub_rollup_deo WHERE day BETWEEN :a AND :b"),
                {"a": START, "b": END}):
            served[(site, deo)] += done
            active[(site, deo)] += called > 0
    engine.dispose()
    per_day = {k: round(served[k] / active[k], 1) for k in served if active[k]}
    ranked = network_hub.get("/v1/regions/deo-ranking", n=5, **RANGE)
    assert ranked["deos"] == len(per_day) > 10
    best = sorted(per_day.values(), reverse=True)[:5]
    assert [d["completed_per_day"] for d in ranked["top"]] == best
    assert [d["completed_per_day"] for d in ranked["bottom"]] == sorted(per_day.values())[:5]
    for d in ranked["top"] + ranked["bottom"]:
        key = (d["site_id"], d["deo_id"])
        assert (d["completed"], d["days_active"]) == (served[key], active[key])
        assert d["region"] and d["site_name"]
    sindh = network_hub.get("/v1/regions/deo-ranking", key=SINDH_KEY, n=50, **RANGE)
    assert sindh["top"] and {d["region"] for d in sindh["top"] + sindh["bottom"]} == {"Sindh"}
