"""Online backup and verified restore of a busy day's site store, and what a backup costs the queue.

Run: ``python tests/benchmarks/backup_bench.py [--tokens 2000] [--runs 5]``. Simulates one day
(``services.simulate``), then prints the store's size and the median / max of: ``backup_now``
(online copy + integrity check + 0600 + rename), ``inspect_backup`` (integrity, schema, site) and
``restore`` (safety copy + replace + upgrade). Then it issues tokens while backups run in a loop on
another thread and prints issue-token p50 / p95 with and without the concurrent backups (the queue
must not stall behind a copy). Figures only, no pass/fail; the machine is shared, so they are noisy.
Not collected by pytest (no ``test_`` prefix).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.engine import Store
from db.migrate import upgrade
from db.models import Role, UpdateType
from services.backup import backup_now, inspect_backup, restore
from services.clock import SITE_ZONE, FixedClock
from services.queue import QueuePolicy, QueueService
from services.roles import Actor
from services.simulate import simulate_day

DAY = date(2026, 3, 4)


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"


def _issue_latencies(store: Store, n: int) -> list[float]:
    clock = FixedClock(datetime(2026, 3, 5, 10, 0, tzinfo=SITE_ZONE))
    queue = QueueService(store, clock, "PK10101-01", QueuePolicy())
    actor = Actor("bench", Role.TRIAGE)
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        queue.issue_token(UpdateType.ROSTER, actor=actor)
        out.append(time.perf_counter() - t0)
        clock.advance(5)
    return out


def main() -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tokens", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="drc-backup-bench-"))
    url = f"sqlite:///{folder / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    simulate_day(store, tokens=args.tokens, counters=6, seed=1, day=DAY)
    size = (folder / "site.sqlite3").stat().st_size / 1e6
    print(f"store: {args.tokens} tokens simulated, {size:.1f} MB")

    copies, checks, restores = [], [], []
    for i in range(args.runs):
        t0 = time.perf_counter()
        info = backup_now(url, folder / f"copy-{i}.sqlite3")
        copies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        inspect_backup(info.path)
        checks.append(time.perf_counter() - t0)
    for i in range(args.runs):
        t0 = time.perf_counter()
        restore(folder / f"copy-{i}.sqlite3", url, safety_folder=folder / "safety")
        restores.append(time.perf_counter() - t0)
    print(f"backup_now      {_ms(copies)}")
    print(f"inspect_backup  {_ms(checks)}")
    print(f"restore         {_ms(restores)}")

    quiet = _issue_latencies(store, 300)
    stop = threading.Event()
    taken = 0

    def copy_loop() -> None:
        nonlocal taken
        while not stop.is_set():
            backup_now(url, folder / "loop.sqlite3")
            taken += 1

    worker = threading.Thread(target=copy_loop)
    worker.start()
    busy = _issue_latencies(store, 300)
    stop.set()
    worker.join()
    print(f"issue_token, no backup running      {_ms(quiet)}")
    print(f"issue_token, backups in a loop ({taken:3d}) {_ms(busy)}")
    print(f"ratio of medians (busy / quiet): {statistics.median(busy) / statistics.median(quiet):.2f}")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
