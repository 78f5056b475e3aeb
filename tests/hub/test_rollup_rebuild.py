"""Incremental roll-ups equal a full re-roll: a simulated history cut into random batches, in random
order and with resends, on SQLite and PostgreSQL, then ``drc-hub rollup rebuild`` over it."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from services.hub import schemas as s
from services.hub.cli import main as hub_main
from services.hub.db import make_engine
from services.hub.models import FlaggedToken, RollupDeo, RollupHour, SiteDay, SiteMonth
from services.hub.ops.ingest import ingest
from services.hub.ops.network import network_sites, site_day_events
from services.hub.ops.partitions import PartitionKeeper
from services.hub.ops.rebuild import rebuild_site
from tests.hub.conftest import TODAY, seeded_hub_db

DAYS = [date(2026, 2, 26), date(2026, 2, 27), date(2026, 3, 2)]  # working days, across a month end
TABLES = (RollupHour, RollupDeo, SiteDay, SiteMonth, FlaggedToken)


def _wire(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("uuid", "token_id", "token_number", "update_type", "priority", "kind", "actor",
                                "counter", "payload")} | {"at": row["at"].isoformat() + "Z"}


def _history(site: Any) -> list[dict[str, Any]]:
    """Three simulated days of one site, with impossible histories and a token carried over a night."""
    rows = [r for day in DAYS for r in site_day_events(site, day, seed=3, volume=0.4)]
    called = [r for r in rows if r["kind"] == "called"]
    rows.remove(next(r for r in rows if r["kind"] == "issued" and r["token_id"] == called[3]["token_id"]))
    rows.append({**called[7], "uuid": "dup-call-" + called[7]["uuid"][:20],  # a second call of a finished token
                 "at": called[7]["at"] + timedelta(hours=3)})
    first = DAYS[0]
    issued_at = datetime(first.year, first.month, first.day, 12, 30)  # 17:30 in Karachi
    carried = {"token_id": 777, "token_number": "R-777", "update_type": "roster", "priority": False, "actor": "deo1"}
    for n, (kind, at, counter, payload) in enumerate([
            ("issued", issued_at, None, {"update_type": "roster", "priority": False}),
            ("carried_over", issued_at + timedelta(hours=1), None, {"to": DAYS[1].isoformat()}),
            ("called", issued_at + timedelta(hours=17), 1, {}),
            ("started", issued_at + timedelta(hours=17, minutes=1), 1, {}),
            ("completed", issued_at + timedelta(hours=17, minutes=9), 1, {})]):
        rows.append({**carried, "uuid": f"carried-777-{n}", "kind": kind, "at": at, "counter": counter,
                     "payload": payload})
    return rows


def _snapshot(engine: Engine, site_id: str) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with Session(engine) as ses:
        for table in TABLES:
            cols = [c for c in table.__table__.columns]
            rows = ses.execute(select(*cols).where(table.site_id == site_id)).all()
            out[table.__tablename__] = sorted(tuple(row) for row in rows)
    return out


def _upload_in_random_batches(engine: Engine, site_id: str, rows: list[dict[str, Any]], rng: random.Random) -> int:
    """Upload ``rows`` shuffled, cut at random, then resend some; returns how many were resent."""
    wire = [_wire(r) for r in rows]
    rng.shuffle(wire)  # out of order: a call may arrive before its issue
    cuts = sorted(rng.sample(range(1, len(wire)), 12))
    batches = [wire[a:b] for a, b in zip([0, *cuts], [*cuts, len(wire)], strict=True)]
    batches += [rng.sample(wire, 25), batches[2]]  # resends: counted as duplicates, change nothing else
    for batch in batches:
        events = s.EventBatch.model_validate({"events": batch}).events
        with Session(engine) as ses:
            ingest(ses, site_id, events)
            ses.commit()
    return 25 + len(batches[-1])


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_incremental_rollups_equal_a_full_rebuild(backend: str, tmp_path, request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    seeded_hub_db(url, households=300, paradata_days=1)
    engine = make_engine(url)
    try:
        PartitionKeeper(engine).ensure(set(DAYS), TODAY)  # what the HTTP route does before ingest
        site = network_sites(engine, 5)[2]
        rows = _history(site)
        resent = _upload_in_random_batches(engine, site.site_id, rows, random.Random(backend))
        incremental = _snapshot(engine, site.site_id)
        assert len(incremental["hub_flagged_token"]) == 2  # the token never issued, the one called twice
        with Session(engine) as ses:
            held = {d.day: d for d in ses.scalars(select(SiteDay).where(SiteDay.site_id == site.site_id))}
            assert sorted(held) == DAYS
            assert sum(d.duplicates for d in held.values()) == resent
            assert sum(d.events for d in held.values()) == len(rows)
            assert all(d.served > 0 and d.wait_n > 0 for d in held.values())
        # Wipe the figures (keep duplicates), then rebuild them from raw events.
        with Session(engine) as ses:
            for table in (RollupHour, RollupDeo, FlaggedToken):
                ses.query(table).filter(table.site_id == site.site_id).delete()
            ses.query(SiteDay).filter(SiteDay.site_id == site.site_id).update({"issued": 0, "served": 0, "w3": 0})
            ses.commit()
        assert _snapshot(engine, site.site_id) != incremental
        assert hub_main(["rollup", "rebuild", "--site", site.site_id, "--db", url]) == 0
        assert f"rebuilt {len(DAYS)} site-days from {len(rows)} raw events" in capsys.readouterr().out
        assert _snapshot(engine, site.site_id) == incremental
        with Session(engine) as ses:  # a range narrower than the history changes nothing either
            assert rebuild_site(ses, site.site_id, DAYS[1], DAYS[2]).days == 2
        assert _snapshot(engine, site.site_id) == incremental
        assert hub_main(["rollup", "rebuild", "--site", "PK99999-99", "--db", url]) == 2
    finally:
        engine.dispose()
