"""Benchmark: one triage lookup over a slow link (300 ms round trip), three calls before vs one now.

Seeds a hub (SQLite), serves it with ``drc-hub serve`` in its own process, and puts a loopback TCP
proxy in front that delays each direction 150 ms (``tests/registry/slow_link.py``). The console's
``TriageService`` looks CNICs up through one kept-alive session, as at a DRC:

- before: identity, then household, then the shock list (``/v1/identity/verify``,
  ``/v1/households/{id}/status``, ``/v1/shock-areas``; the shock list is cached for 5 minutes, so
  most lookups at a desk paid two trips and the first after expiry three);
- after: ``/v1/triage/lookup``, everything in one answer.

Prints medians (ms), the ratio, and the target: under 1.2 x RTT + 50 ms.

    python tests/benchmarks/lookup_rtt_bench.py [--lookups 40] [--rtt 0.3] [--households 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.clock import SITE_ZONE, FixedClock
from services.hub.db import make_engine, upgrade
from services.hub.seed import seed
from services.registry import RegistryClient
from services.triage import TriagePolicy, TriageService
from tests.benchmarks.triage_bench import AS_OF, KEY, served, sqlite_db
from tests.registry.slow_link import SlowLink


def _visitors(n: int) -> list[str]:
    """Adults of registered households whose identity verifies (the demo route is off on this hub)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from services.hub.models import Member

    engine = make_engine(os.environ["LOOKUP_BENCH_DB"])
    with Session(engine) as ses:
        rows = ses.execute(select(Member.cnic).where(Member.cnic.is_not(None), Member.id_status == "ok")
                           .order_by(Member.member_id).limit(n)).scalars().all()
    engine.dispose()
    return [str(c) for c in rows]


def _time(triage: TriageService, cnics: list[str], before: bool) -> list[float]:
    out: list[float] = []
    client = triage.client
    assert client is not None
    client._no_single_trip = before  # what an older hub's 404 leaves behind
    triage.lookup(cnics[0])  # warm: connection made, handshake paid
    for cnic in cnics:
        if before:
            client._shock_cache.clear()  # the shock list too, as after its 5-minute TTL
        t0 = time.perf_counter()
        triage.lookup(cnic)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lookups", type=int, default=40)
    ap.add_argument("--rtt", type=float, default=0.3)
    ap.add_argument("--households", type=int, default=5000)
    args = ap.parse_args()
    with sqlite_db() as url:
        upgrade(url)
        engine = make_engine(url)
        seed(engine, households=args.households, seed=7, as_of=AS_OF, paradata_days=1)
        engine.dispose()
        os.environ["LOOKUP_BENCH_DB"] = url
        cnics = _visitors(args.lookups)
        with served(url) as base:
            link = SlowLink(int(base.rsplit(":", 1)[1]), delay=args.rtt / 2).start()
            try:
                clock = FixedClock(datetime(AS_OF.year, AS_OF.month, AS_OF.day, 10, tzinfo=SITE_ZONE))
                results: dict[str, list[float]] = {}
                for label, before in (("before (3 calls)", True), ("after (1 call)", False)):
                    client = RegistryClient(link.url, KEY, read_timeout=10, retries=0)
                    results[label] = _time(TriageService(client, TriagePolicy(), clock), cnics, before)
                    client.close()
                cached = RegistryClient(link.url, KEY, read_timeout=10, retries=0)
                cached._no_single_trip = True
                triage = TriageService(cached, TriagePolicy(), clock)
                triage.lookup(cnics[0])
                two = []
                for cnic in cnics:  # shock list still cached: identity + household only
                    t0 = time.perf_counter()
                    triage.lookup(cnic)
                    two.append((time.perf_counter() - t0) * 1000)
                cached.close()
                results["before, shock list cached (2 calls)"] = two
            finally:
                link.stop()
    target = 1.2 * args.rtt * 1000 + 50
    rtt_ms = args.rtt * 1000
    print(f"lookups: {len(cnics)} each; RTT {rtt_ms:.0f} ms through the proxy; load {os.getloadavg()[0]:.2f}")
    for label, values in results.items():
        med = statistics.median(values)
        print(f"  {label:38s} median {med:7.1f} ms  p90 {sorted(values)[int(len(values) * 0.9) - 1]:7.1f} ms"
              f"  = {med / rtt_ms:.2f} x RTT")
    after = statistics.median(results["after (1 call)"])
    print(f"  speed-up vs 3 calls: {statistics.median(results['before (3 calls)']) / after:.2f} x;"
          f" vs 2 calls: {statistics.median(two) / after:.2f} x")
    print(f"  target: under {target:.0f} ms -> {'MET' if after < target else 'NOT MET'} ({after:.1f} ms)")


if __name__ == "__main__":
    main()
