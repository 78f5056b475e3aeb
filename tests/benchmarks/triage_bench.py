"""Benchmark: a full triage lookup (verify identity + household status) against the hub.

Seeds 100,000 households (SQLite and PostgreSQL), serves them with ``drc-hub serve`` in a separate
process on loopback, and times lookups through one ``requests.Session``, as a console would.
Prints seed time, median, p95 and p99 (ms). Target: median under 15 ms.

    python tests/benchmarks/triage_bench.py [--households 100000] [--lookups 1000] [--backend sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import requests
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.hub.db import make_engine, upgrade
from services.hub.models import Member
from services.hub.seed import missed_out_cnics, seed
from services.hub.testing import serve_hub_process

PG_ADMIN_URL = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEY = "bench-key"
AS_OF = date(2026, 3, 4)


@contextmanager
def sqlite_db() -> Iterator[str]:
    """A fresh SQLite file."""
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{Path(tmp) / 'hub.sqlite3'}"


@contextmanager
def postgres_db() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    name = f"drc_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def lookup(ses: requests.Session, base: str, cnic: str) -> None:
    """What triage does for one visitor: verify, then the household's status."""
    verified = ses.post(base + "/v1/identity/verify", json={"cnic": cnic}, timeout=5)
    verified.raise_for_status()
    hid = verified.json()["household_id"]
    if hid:
        status = ses.get(base + f"/v1/households/{hid}/status", timeout=5)
    else:
        status = ses.post(base + "/v1/households/status-by-cnic", json={"cnic": cnic}, timeout=5)
    assert status.status_code in (200, 404), status.text
    status.json()


def run(backend: str, households: int, lookups: int) -> dict[str, float]:
    """Seed, serve and time one backend."""
    with (sqlite_db() if backend == "sqlite" else postgres_db()) as url:
        upgrade(url)
        engine = make_engine(url)
        t0 = time.perf_counter()
        seed(engine, households, 1, as_of=AS_OF)
        seed_s = time.perf_counter() - t0
        rng = random.Random(42)
        with Session(engine) as ses:
            cnics = list(ses.scalars(select(Member.cnic).where(Member.cnic.is_not(None)).limit(200_000)))
            visitors = rng.sample(cnics, min(lookups, len(cnics)))
            visitors[: max(1, lookups // 20)] = missed_out_cnics(ses, max(1, lookups // 20))  # ~5% not registered
        engine.dispose()
        rng.shuffle(visitors)
        with serve_hub_process(url, KEY) as base, requests.Session() as ses:
            ses.headers["Authorization"] = f"Bearer {KEY}"
            for cnic in visitors[:50]:  # warm-up: connections, caches
                lookup(ses, base, cnic)
            times = []
            for cnic in visitors:
                t = time.perf_counter()
                lookup(ses, base, cnic)
                times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"seed_s": seed_s, "median_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1],
            "p99_ms": times[int(0.99 * len(times)) - 1], "n": len(times)}


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), action="append")
    args = parser.parse_args()
    print(f"triage lookup (verify + household status), {args.households:,} households, {args.lookups} lookups; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    for backend in args.backend or ["sqlite", "postgresql"]:
        r = run(backend, args.households, args.lookups)
        print(f"{backend:10s} seed {r['seed_s']:6.1f} s   median {r['median_ms']:6.2f} ms   "
              f"p95 {r['p95_ms']:6.2f} ms   p99 {r['p99_ms']:6.2f} ms   (n={r['n']:.0f}; target median < 15 ms; "
              f"load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
