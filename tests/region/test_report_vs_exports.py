"""The regional report's tables equal an independent count from the sites' own exported events.

Six sites in four regions each run two simulated days through the real queue services, upload
them through the outbox to a real hub, and export their events (``drc-console export events``'s
CSV). The test counts from those CSV files alone - issued and served per site, reporting days,
DEOs who called, issues per local hour - and compares with ``/v1/regions/report``, which is built
by the same function as ``drc-hub report``.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from db.engine import Store
from db.migrate import upgrade
from services.clock import SITE_ZONE, FixedClock
from services.deo_ids import deo_pseudonym
from services.export import write_events_csv
from services.hub.testing import run_hub_in_thread
from services.provision import ensure_site
from services.registry import RegistryClient
from services.simulate import simulate_day
from services.site_upload import upload_site
from tests.hub.conftest import HUB_KEY, TODAY, seeded_hub_db

DAYS = (TODAY - timedelta(days=3), TODAY - timedelta(days=2))
SITES = {"PK10101-01": 18, "PK20101-01": 12, "PK60101-01": 26, "PK60201-01": 10, "PK70101-01": 22,
         "PK70201-01": 14}  # site -> visitors a day
PEAKS = 3


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, list[dict[str, str]]]]]:
    """A hub holding the sites' uploads, and each site's exported event rows."""
    tmp = tmp_path_factory.mktemp("exports")
    hub_url = seeded_hub_db(f"sqlite:///{tmp / 'hub.sqlite3'}", households=200, paradata_days=1)
    base, stop = run_hub_in_thread(hub_url, HUB_KEY, today=lambda: TODAY)
    rows: dict[str, list[dict[str, str]]] = {}
    try:
        for n, (site_id, visitors) in enumerate(SITES.items()):
            url = f"sqlite:///{tmp / f'{site_id}.sqlite3'}"
            upgrade(url)
            store = Store.open(url)
            ensure_site(store, site_id, f"DRC {site_id}", f"DRC {site_id}")
            client = RegistryClient(base, HUB_KEY)
            try:
                for k, day in enumerate(DAYS):
                    simulate_day(store, tokens=visitors, counters=2 + n % 2, seed=10 * n + k, day=day,
                                 site_id=site_id)
                    end = datetime(day.year, day.month, day.day, 20, tzinfo=SITE_ZONE)
                    assert upload_site(store, site_id, client, FixedClock(end)).error is None
                    buf = io.StringIO()
                    write_events_csv(store, day, buf, site_id)  # what `drc-console export events` writes
                    rows.setdefault(site_id, []).extend(csv.DictReader(io.StringIO(buf.getvalue())))
            finally:
                client.close()
                store.dispose()
        yield base, rows
    finally:
        stop()


def counted(rows: dict[str, list[dict[str, str]]], region_of: dict[str, str]) -> dict[str, Any]:
    """Everything the report states, counted from the exported rows only."""
    issued: dict[str, int] = defaultdict(int)
    served: dict[str, int] = defaultdict(int)
    days: dict[str, set[str]] = defaultdict(set)
    deo_served: dict[tuple[str, str], int] = defaultdict(int)
    deo_days: dict[tuple[str, str], set[str]] = defaultdict(set)
    hours: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for site_id, events in rows.items():
        for ev in events:
            at = datetime.fromisoformat(ev["at_utc"].replace("Z", "+00:00")).astimezone(SITE_ZONE)
            days[site_id].add(at.date().isoformat())
            if ev["kind"] == "issued":
                issued[site_id] += 1
                hours[region_of[site_id]][at.hour] += 1
            elif ev["kind"] == "completed":
                served[site_id] += 1
                deo_served[(site_id, ev["operator"])] += 1  # per-DEO figures are the operator's (DOMAIN.md)
            elif ev["kind"] == "called":
                deo_days[(site_id, ev["operator"])].add(at.date().isoformat())
    return {"issued": issued, "served": served, "days": days, "deo_served": deo_served, "deo_days": deo_days,
            "hours": hours}


def test_report_tables_equal_the_count_from_exported_events(exported: tuple[str, dict[str, list[dict[str, str]]]]
                                                            ) -> None:
    base, rows = exported
    auth = {"Authorization": f"Bearer {HUB_KEY}"}
    span = {"from": DAYS[0].isoformat(), "to": DAYS[-1].isoformat()}
    health = requests.get(base + "/v1/regions/data-health", params=span, headers=auth, timeout=10).json()
    assert health["flagged_tokens"] == 0  # KPIs leave flagged tokens out; here there are none to leave
    sites = requests.get(base + "/v1/sites", headers=auth, timeout=10).json()["sites"]
    region_of = {s["site_id"]: s["region"] for s in sites}
    report = requests.get(base + "/v1/regions/report", params=span, headers=auth, timeout=10).json()["tables"]
    c = counted(rows, region_of)
    assert sum(c["issued"].values()) == sum(len(DAYS) * v for v in SITES.values())

    # DRCs and DEOs per region; served per DRC per reporting day.
    by_region: dict[str, list[Any]] = defaultdict(lambda: [0, 0, set(), 0, 0])
    for s in sites:
        by_region[s["region"]][0] += 1
    for site_id in rows:
        r = by_region[region_of[site_id]]
        r[1] += 1
        r[3] += c["served"][site_id]
        r[4] += len(c["days"][site_id])
    for (site_id, actor), active in c["deo_days"].items():
        if active:
            by_region[region_of[site_id]][2].add((site_id, actor))
    expected = {name: [r[0], r[1], len(r[2]), r[3], r[4], round(r[3] / r[4], 1) if r[4] else None]
                for name, r in by_region.items()}
    assert {row[0]: row[1:] for row in report["regions"]["rows"]} == expected

    # Top and bottom DRCs by served per reporting day (every reporting site here is in one of the lists).
    per_day = {s: round(c["served"][s] / len(c["days"][s]), 1) for s in rows}
    top = [(r[0], r[4], r[5], r[6]) for r in report["top_drcs"]["rows"]]
    assert [t[3] for t in top] == sorted(per_day.values(), reverse=True)[:5]
    assert all((c["served"][s], len(c["days"][s]), v) == (served, d, v) for s, served, d, v in top)
    bottom = [r[6] for r in report["bottom_drcs"]["rows"]]
    assert bottom == sorted(per_day.values())[:5]

    # Top and bottom DEOs by served per active day (a DEO is one operator at one site; ties: more days, site, id).
    deos = [(round(c["deo_served"][k] / len(d), 1), len(d), k[0], deo_pseudonym(*k), c["deo_served"][k])
            for k, d in c["deo_days"].items() if d]
    best = sorted(deos, key=lambda x: (-x[0], -x[1], x[2], x[3]))[:5]
    worst = sorted(deos, key=lambda x: (x[0], -x[1], x[2], x[3]))[:5]
    for key, expected_deos in (("top_deos", best), ("bottom_deos", worst)):
        assert [(r[1], r[4], r[5], r[6]) for r in report[key]["rows"]] == \
            [(site, done, days_, rate) for rate, days_, site, _, done in expected_deos]

    # Peak hours per region and tokens issued per local hour.
    all_hours: dict[int, int] = defaultdict(int)
    for per_hour in c["hours"].values():
        for h, n in per_hour.items():
            all_hours[h] += n
    assert {r[0]: r[1] for r in report["hours"]["rows"]} == {f"{h:02d}:00": n for h, n in all_hours.items()}
    for row in report["peak_hours"]["rows"]:
        busiest = sorted(c["hours"][row[0]].items(), key=lambda kv: (-kv[1], kv[0]))[:PEAKS]
        assert row[1:] == [f"{h:02d}:00 ({n})" for h, n in busiest] + [""] * (PEAKS - len(busiest))

    # Silent sites: every DRC that exported nothing.
    assert {r[0] for r in report["silent_sites"]["rows"]} == set(region_of) - set(rows)
    assert len(report["silent_sites"]["rows"]) == 617 - len(SITES)


def test_a_range_before_the_uploads_is_all_silent(exported: tuple[str, dict[str, list[dict[str, str]]]]) -> None:
    """A range before the uploads is all silent: the report invents nothing."""
    base, _ = exported
    day = (DAYS[0] - timedelta(days=5)).isoformat()
    report = requests.get(base + "/v1/regions/report", params={"from": day, "to": day},
                          headers={"Authorization": f"Bearer {HUB_KEY}"}, timeout=10).json()["tables"]
    assert sum(r[2] for r in report["regions"]["rows"]) == 0 and len(report["silent_sites"]["rows"]) == 617
    assert report["top_drcs"]["rows"] == [] and report["hours"]["rows"] == []
