"""``drc-hub simulate-network``: same event model and roll-ups as ingestion; partitions and retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select, text

from services.clock import SITE_ZONE
from services.demand import deos_at
from services.hub.cli import main
from services.hub.db import make_engine
from services.hub.models import FlaggedToken, SiteDay, SiteEventRow, SiteMonth
from services.hub.ops.network import network_sites, site_day_events
from services.hub.ops.partitions import add_months, drop_old_partitions, existing_months, partition_name
from services.hub.reference import sites
from tests.hub.conftest import HUB_KEY, HubServer, seeded_hub_db

END = date(2026, 3, 3)  # a Tuesday; 1 March is a Sunday (closed)


def test_staffing_follows_the_domain() -> None:
    seen: set[tuple[str, str]] = set()
    total = 0
    for s in sites():
        total += deos_at(s.site_id, (s.region, s.district) not in seen)
        seen.add((s.region, s.district))
    assert len(sites()) == 617 and 1300 <= total <= 1500  # ~1,400 DEOs: 2 to 3 a site, more in big districts


def _auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {HUB_KEY}"}


def test_network_history_uses_the_ingest_rollups(tmp_path: Path, hub_factory: Callable[[str], HubServer],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    url = seeded_hub_db(f"sqlite:///{tmp_path / 'net.sqlite3'}", households=200, paradata_days=1)
    assert main(["simulate-network", "--sites", "6", "--days", "3", "--end", END.isoformat(), "--raw-days", "1",
                 "--db", url]) == 0
    assert "simulated 6 sites x 3 days" in capsys.readouterr().out
    engine = make_engine(url)
    with engine.connect() as conn:
        raw_days = set(conn.execute(select(SiteEventRow.day).distinct()).scalars())
        assert raw_days == {END}  # older days: roll-ups only
        assert conn.execute(select(func.count()).select_from(FlaggedToken)).scalar() == 0  # all legal histories
        day_rows = conn.execute(select(SiteDay.day, func.count()).group_by(SiteDay.day)).all()
        assert {d for d, _n in day_rows} == {date(2026, 3, 2), END}  # Sunday the 1st: closed
        assert conn.execute(select(func.sum(SiteMonth.issued))).scalar() == conn.execute(
            select(func.sum(SiteDay.issued))).scalar()
        site = network_sites(engine, 6)[0]
    engine.dispose()
    simulated = hub_factory(url)
    # The same day sent through the real ingest API of a fresh hub gives the same figures.
    fresh = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", households=200, paradata_days=1))
    rows = site_day_events(site, END)
    batch = [{"uuid": r["uuid"], "token_id": r["token_id"], "token_number": r["token_number"],
              "update_type": r["update_type"], "priority": r["priority"], "kind": r["kind"],
              "at": r["at"].isoformat() + "Z", "actor": r["actor"], "counter": r["counter"], "payload": r["payload"]}
             for r in rows]
    for i in range(0, len(batch), 1000):
        resp = requests.post(fresh.url(f"/v1/sites/{site.site_id}/events"), json={"events": batch[i:i + 1000]},
                             headers=_auth(), timeout=30)
        assert resp.status_code == 200, resp.text
    params = {"date": END.isoformat()}
    a = requests.get(simulated.url(f"/v1/sites/{site.site_id}/performance"), params=params, headers=_auth(),
                     timeout=10).json()
    b = requests.get(fresh.url(f"/v1/sites/{site.site_id}/performance"), params=params, headers=_auth(),
                     timeout=10).json()
    assert a["total"]["issued"] > 0 and a == b
    perf = requests.get(simulated.url("/v1/regions/performance"), params={"from": "2026-03-01", "to": END.isoformat()},
                        headers=_auth(), timeout=10).json()
    assert sum(not r["silent"] for r in perf["sites"]) == 6
    assert all(r["last_seen"] for r in perf["sites"] if not r["silent"])


@pytest.mark.postgres
def test_partitions_ahead_and_retention_keep_rollups(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    seeded_hub_db(pg_url, households=200, paradata_days=1)
    assert main(["simulate-network", "--sites", "3", "--days", "40", "--end", END.isoformat(), "--raw-days", "40",
                 "--volume", "0.2", "--db", pg_url]) == 0
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        months = existing_months(conn)
        assert {date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)} <= months
        kinds = conn.execute(text("SELECT relkind FROM pg_class WHERE relname = 'hub_site_event'")).scalar()
        assert kinds == "p"  # declaratively partitioned
        before = conn.execute(select(func.sum(SiteDay.issued))).scalar()
        dropped = drop_old_partitions(conn, END, keep_months=2)
        assert dropped == [partition_name(date(2026, 1, 1))]
        assert conn.execute(select(func.min(SiteEventRow.day))).scalar() >= date(2026, 2, 1)
        assert conn.execute(select(func.sum(SiteDay.issued))).scalar() == before  # roll-ups stay
    assert main(["maintain", "--keep-months", "13", "--ahead", "2", "--db", pg_url]) == 0
    with engine.connect() as conn:
        today = datetime.now(SITE_ZONE).date().replace(day=1)
        assert {add_months(today, n) for n in range(3)} <= existing_months(conn)
    engine.dispose()
