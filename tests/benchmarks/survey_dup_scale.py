"""The centre's duplicate check at national volume on PostgreSQL (``survey_bench.py --scale``).

Fills a throw-away database with ``--sites`` (617) x ``--per-day`` (50) surveys a day for the range
plus the window on both sides (one bulk ``INSERT ... SELECT generate_series``: 4.6 M surveys for the
90-day range), keys computed in SQL exactly as ``central_keys`` computes them (SHA-256 of the kind and
the normalised value, 32 hex digits). One survey in fifty shares its CNIC with surveys at other sites
and days. Then times ``duplicates`` (the first page of groups, central scope, then Punjab's DRCs as a
regional key sees them, then Punjab the old way: its keys grouped first) over 30 and 90 days with a
30-day window: median and p95. "Before" is the implementation this replaced (main at
``BEFORE_COMMIT``, every survey of the window read into Python), timed on a tenth of the volume
because at full volume it holds millions of rows in memory.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
import types
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from services.hub.db import make_engine, upgrade
from services.hub.seed import seed

ADMIN = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BEFORE_COMMIT = "2decdc7"
WINDOW = 30
LAST = date(2026, 6, 30)

_FILL = """
INSERT INTO hub_survey (survey_id, site_id, day, deo, cnic, phone, started_at, submitted_at, lat, lon, address,
                        household_size, region, assets, cnic_key, phone_key, address_key)
SELECT 'S' || g, site_id, day, 'deo' || (i % 5), cnic, phone, day + time '09:00', day + time '09:30', lat, lon,
       address, 5, region, '{}'::json,
       left(encode(sha256(('cnic:' || cnic)::bytea), 'hex'), 32),
       left(encode(sha256(('phone:' || phone)::bytea), 'hex'), 32),
       left(encode(sha256(('address:' || address)::bytea), 'hex'), 32)
FROM (
  SELECT (d * :sites + s.n) * :per_day + i AS g, s.site_id, s.region, s.lat, s.lon, :first + d AS day, i,
         CASE WHEN i = 1 THEN '9' || lpad(((s.n * 7 + d) % :shared)::text, 12, '0')
              ELSE lpad(((d * :sites + s.n) * :per_day + i)::text, 13, '0') END AS cnic,
         '03' || lpad((((d * :sites + s.n) * :per_day + i) % 1000000000)::text, 9, '0') AS phone,
         'house ' || i || ' street ' || (s.n % 40) || ' mohalla awan ' || d || ' uc ' || s.n || ' bagh' AS address
  FROM generate_series(0, :days - 1) AS d
  CROSS JOIN (SELECT site_id, region, lat, lon, row_number() OVER (ORDER BY site_id) AS n FROM hub_site
              ORDER BY site_id LIMIT :sites) AS s
  CROSS JOIN generate_series(1, :per_day) AS i
) AS rows
"""


def _before() -> Callable[..., Any]:
    """The replaced ``duplicates`` (main at ``BEFORE_COMMIT``), loaded from git into its own module."""
    root = Path(__file__).resolve().parents[2]
    source = subprocess.run(["git", "show", f"{BEFORE_COMMIT}:services/hub/survey/central.py"], cwd=root,
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType("central_before")
    exec(compile(source, "central_before.py", "exec"), module.__dict__)  # the code this replaced, from our own history
    return module.__dict__["duplicates"]  # type: ignore[no-any-return]


def _ms(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]
    return f"median {statistics.median(samples) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (n={len(samples)})"


def _database(tag: str) -> tuple[str, Callable[[], None]]:
    name = f"drc_bench_{tag}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return ADMIN.rsplit("/", 1)[0] + f"/{name}", drop


def _filled(url: str, sites: int, per_day: int, days: int) -> int:
    upgrade(url)
    engine = make_engine(url)
    try:
        seed(engine, 50, 1, as_of=date(2025, 1, 1), paradata_days=0)
        began = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(text(_FILL), {"sites": sites, "per_day": per_day, "days": days,
                                       "first": LAST - timedelta(days=days - 1), "shared": 5000})
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE hub_survey"))
            count = int(conn.execute(text("SELECT count(*) FROM hub_survey")).scalar_one())
        print(f"  filled {count:,} surveys in {time.perf_counter() - began:.0f} s")
        return count
    finally:
        engine.dispose()


def _time(url: str, run: Callable[[Session, date, date], Any], ranges: list[int], reads: int, label: str) -> None:
    engine = make_engine(url)
    try:
        for span in ranges:
            end = LAST - timedelta(days=WINDOW)
            start = end - timedelta(days=span - 1)
            samples, found = [], 0
            for _ in range(reads):
                with Session(engine) as ses:
                    began = time.perf_counter()
                    out = run(ses, start, end)
                    samples.append(time.perf_counter() - began)
                found = len(out[0] if isinstance(out, tuple) else out)
            print(f"  {label} {span:>2} days, window {WINDOW}: {_ms(samples)}, {found} groups on the page")
    finally:
        engine.dispose()


def run(sites: int, per_day: int, reads: int) -> None:
    """Fill, time after (full volume) and before (a tenth of it), print medians and p95."""
    from services.hub.survey import central
    from services.hub.survey.central import duplicates

    scan = central.SCAN_SITES

    after = lambda ses, a, b: duplicates(ses, None, a, b, WINDOW)  # noqa: E731
    url, drop = _database("dup")
    try:
        print(f"after: SQL GROUP BY on indexed keys, {sites} sites x {per_day} surveys/day")
        _filled(url, sites, per_day, 90 + 2 * WINDOW)
        _time(url, after, [30, 90], reads, "after ")
        punjab = _site_ids(url, "Punjab")
        _time(url, lambda ses, a, b: duplicates(ses, punjab, a, b, WINDOW), [30, 90], reads,
              f"after, Punjab's {len(punjab)} DRCs")
        central.SCAN_SITES = len(punjab) + 1  # the region's keys grouped first, as before h0012's single pass
        try:
            _time(url, lambda ses, a, b: duplicates(ses, punjab, a, b, WINDOW), [30, 90], reads,
                  f"before (region's keys first), Punjab's {len(punjab)} DRCs")
        finally:
            central.SCAN_SITES = scan
    finally:
        drop()
    old = _before()
    small = max(1, per_day // 10)
    url, drop = _database("dup_small")
    try:
        print(f"before vs after at a tenth of the volume: {sites} sites x {small} surveys/day")
        _filled(url, sites, small, 30 + 2 * WINDOW)
        every = _site_ids(url)
        _time(url, lambda ses, a, b: old(ses, every, a, b, WINDOW), [30], max(3, reads // 2), "before")
        _time(url, after, [30], reads, "after ")
    finally:
        drop()


def _site_ids(url: str, region: str | None = None) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT site_id, region FROM hub_site")).all()
            return {site for site, where in rows if region is None or where == region}
    finally:
        engine.dispose()
