"""Wait promise on a simulated month: today's plain estimate against the calibrated one.

Run: ``python tests/benchmarks/wait_promise_bench.py [--weeks 5] [--tokens 230] [--seed 7]``.
Simulates every working day (Sundays closed) of ``weeks`` weeks through the real queue engine
(``services.simulate.simulate_day``: morning peak, weekday demand from ``services.demand``, a
network outage hour on some days), so each token's issue event records the plain basis and the
calibrated promise. The first week only feeds the calibration; the rest is scored: median absolute
error (minutes) of each, the ratio, and how often the real wait was longer than promised.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db.engine import Store
from db.migrate import upgrade
from services.clock import FixedClock
from services.demand import WEEKDAY_FACTOR
from services.queue import QueuePolicy, QueueService
from services.queue.promise import PromiseSample
from services.simulate import simulate_day

SITE = "PK10101-01"


def simulate_month(store: Store, first: date, weeks: int, tokens: int, seed: int) -> list[date]:
    """Simulate every open day from ``first`` for ``weeks`` weeks; returns the days simulated."""
    rng = random.Random(seed)
    days = []
    for n in range(weeks * 7):
        day = first + timedelta(days=n)
        factor = WEEKDAY_FACTOR[day.weekday()]
        if factor == 0:
            continue
        outage = (rng.choice([10, 11, 12, 13, 14]),) if rng.random() < 0.15 else ()
        simulate_day(store, tokens=round(tokens * factor), counters=6, seed=seed * 1000 + n, day=day,
                     site_id=SITE, outage_hours=outage)
        days.append(day)
    return days


def errors(samples: list[PromiseSample]) -> tuple[list[float], list[float], float, float]:
    """Absolute errors of the plain basis and of the promise, and the share waited longer than each."""
    plain = [abs(s.actual_min - s.basis_min) for s in samples]
    promised = [abs(s.actual_min - (s.promised_min or 0.0)) for s in samples]
    longer_plain = sum(s.actual_min > s.basis_min + 1 for s in samples) / len(samples)
    longer_promised = sum(s.actual_min > (s.promised_min or 0.0) + 1 for s in samples) / len(samples)
    return plain, promised, longer_plain, longer_promised


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=230, help="visitors on an average weekday")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="drc-promise-"))
    url = f"sqlite:///{tmp / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    first = date(2026, 2, 2)  # a Monday
    started = time.monotonic()
    days = simulate_month(store, first, args.weeks, args.tokens, args.seed)
    took = time.monotonic() - started
    scored = [d for d in days if d >= first + timedelta(weeks=1)]
    reads = QueueService(store, FixedClock.__new__(FixedClock), SITE, QueuePolicy())
    samples = reads.promise_samples(scored)
    plain, promised, longer_plain, longer_promised = errors(samples)
    med_plain, med_promised = statistics.median(plain), statistics.median(promised)
    print(f"simulated {len(days)} open days ({args.weeks} weeks, ~{args.tokens} visitors a weekday) in {took:.0f} s; "
          f"scored {len(scored)} days after the first week, {len(samples)} called tokens")
    print(f"today's estimator : median absolute error {med_plain:5.1f} min, mean {statistics.fmean(plain):5.1f} min, "
          f"real wait longer than promised {longer_plain:.0%}")
    print(f"calibrated        : median absolute error {med_promised:5.1f} min, mean {statistics.fmean(promised):5.1f} min, "
          f"real wait longer than promised {longer_promised:.0%}")
    ratio = med_promised / med_plain if med_plain else float("nan")
    print(f"ratio calibrated / today (median absolute error): {ratio:.2f} (target <= 0.67)")
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
