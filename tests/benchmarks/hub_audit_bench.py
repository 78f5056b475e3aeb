"""What counting key use for the audit trail costs the hub's front door (issue #12, item 6).

Drives :class:`services.hub.guard.RequestGuard` in-process over a trivial ASGI app with a start-up
key, with and without a :class:`services.hub.key_use.KeyUse` (no flush during the run), and prints
the median and p95 per-call time of each over several rounds, and their ratio. Also times one
flush of 100 keys into a SQLite trail. No network and no database on the request path: this is the
guard's own cost, which an ingest request (parse, validate, write) dwarfs.

    PYTHONPATH=. python tests/benchmarks/hub_audit_bench.py [--calls 20000] [--rounds 7]

Figures are from a shared 2-core machine: treat small differences as noise.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from services.hub.db import make_engine, upgrade
from services.hub.guard import RequestGuard
from services.hub.key_use import KeyUse
from services.hub.keys import Caller, KeyRing

DAY = date(2026, 3, 4)


async def _ok(_scope: dict, _receive: object, send: object) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"{}"})  # type: ignore[operator]


async def _drive(guard: RequestGuard, calls: int) -> list[float]:
    scope = {"type": "http", "path": "/v1/sites/PK10101-01/events", "headers": [(b"authorization", b"Bearer k1")]}

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: dict) -> None:
        return None

    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        await guard(dict(scope), receive, send)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    """Print per-call medians / p95 with and without key-use counting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'hub.sqlite3'}"
        upgrade(url)
        engine = make_engine(url)
        keys = KeyRing({"PK10101-01": "k1"}, None)
        use = KeyUse(engine, lambda: DAY, interval=3600)
        plain, counted = RequestGuard(_ok, keys=keys), RequestGuard(_ok, keys=keys, key_use=use)
        medians: dict[str, list[float]] = {"plain": [], "counted": []}
        p95s: dict[str, list[float]] = {"plain": [], "counted": []}
        for _ in range(args.rounds):
            for name, guard in (("plain", plain), ("counted", counted)):
                times = sorted(asyncio.run(_drive(guard, args.calls)))
                medians[name].append(statistics.median(times) * 1e6)
                p95s[name].append(times[int(len(times) * 0.95)] * 1e6)
        for name in ("plain", "counted"):
            print(f"{name:>8}: median {statistics.median(medians[name]):.2f} us/call, "
                  f"p95 {statistics.median(p95s[name]):.2f} us/call (median of {args.rounds} rounds x {args.calls})")
        print(f"   ratio: {statistics.median(medians['counted']) / statistics.median(medians['plain']):.2f}x median")
        use.flush()
        for i in range(100):
            use.served(Caller("site", f"PK{i:05d}-01", f"key{i:05d}"), refused=False)
        t0 = time.perf_counter()
        written = use.flush()
        print(f"   flush: {written} key records chained in {(time.perf_counter() - t0) * 1000:.0f} ms (SQLite, off the request path)")
        engine.dispose()


if __name__ == "__main__":
    main()
