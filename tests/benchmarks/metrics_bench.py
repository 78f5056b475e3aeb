"""Benchmark: compute every metric of a 20,000-token day, and redraw the dashboard offscreen.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/metrics_bench.py [--tokens 20000]``.
The day is written with Core bulk inserts (not 20,000 service calls). Targets: metrics < 20 ms,
redraw < 16 ms. Prints medians and p99; asserts nothing.
"""

from __future__ import annotations

import argparse
import heapq
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.engine import Store
from db.migrate import upgrade
from db.models import SlipStatus, Staff, Token, TokenEvent, TokenState, UpdateType, Verification
from services.clock import SITE_ZONE, FixedClock
from services.provision import ensure_site, seed_demo

SITE_ID = "PK10101-01"
TYPES = [UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.RECERTIFICATION, UpdateType.CYCLIC, UpdateType.SHOCK]
TYPE_P = [0.34, 0.22, 0.18, 0.16, 0.10]


def build_day(store: Store, day: date, *, tokens: int, counters: int, seed: int = 1, open_hours: float = 8.0,
              mean_service_min: float = 9.0, now: datetime | None = None) -> int:
    """Write one busy day (tokens and their events) with bulk inserts; returns the number of events.

    A multi-counter queue in plain Python decides call/start/complete times; events after ``now``
    are left out and the tokens' states follow, so a day can be cut in the middle for screenshots.
    """
    rng = np.random.default_rng(seed)
    clock = FixedClock(datetime(day.year, day.month, day.day, 8, 30, tzinfo=SITE_ZONE))
    ensure_site(store, SITE_ID, "DRC Bagh", "ڈی آر سی باغ", region="AJK", district="Bagh", tehsil="Bagh",
                lat=34.39633, lon=73.88635)
    counter_ids = seed_demo(store, clock, SITE_ID, counters)
    with store.read() as s:
        deo_names = {st.username for st in s.scalars(select(Staff))}
        next_token = int(s.scalar(select(func.max(Token.id))) or 0) + 1
    deos = [f"deo{i + 1}" for i in range(counters)]
    assert all(d in deo_names for d in deos)
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=SITE_ZONE).timestamp()
    # Morning peak, lunch dip: a smooth profile over the opening hours.
    u = np.sort(rng.beta(2.0, 2.6, tokens)) * open_hours * 3600
    arrivals = start + u
    types = rng.choice(len(TYPES), size=tokens, p=TYPE_P)
    priority = rng.random(tokens) < 0.08
    no_show = rng.random(tokens) < 0.04
    service = rng.lognormal(np.log(mean_service_min * 60) - 0.06, 0.35, tokens)
    cut = now.timestamp() if now else float("inf")
    free: list[tuple[float, int]] = [(start + rng.uniform(0, 300), c) for c in range(counters)]
    heapq.heapify(free)
    seq = dict.fromkeys(TYPES, 0)
    tok_rows: list[dict[str, Any]] = []
    ev_rows: list[dict[str, Any]] = []

    def ts(x: float) -> datetime:
        return datetime.fromtimestamp(x, UTC)

    def ev(tid: int, kind: str, at: float, actor: str, counter: int | None,
           payload: dict[str, Any]) -> None:
        if at <= cut:
            ev_rows.append({"uuid": str(uuid.uuid4()), "site_id": SITE_ID, "token_id": tid, "kind": kind,
                            "at": ts(at), "actor": actor, "counter_id": counter, "payload": payload})

    for i in range(tokens):
        tid = next_token + i
        t = TYPES[types[i]]
        seq[t] += 1
        a = float(arrivals[i])
        free_at, c = heapq.heappop(free)
        call = max(a, free_at) + 5
        cid, deo = counter_ids[c], deos[c]
        if no_show[i]:
            times = [call, call + 60, call + 120, call + 180]
            done = times[-1] + 20
            kinds = ["called", "recalled", "recalled", "no_show"]
        else:
            st = call + rng.uniform(20, 90)
            times = [call, st, st + float(service[i])]
            done = times[-1] + rng.uniform(10, 40)
            kinds = ["called", "started", "completed"]
        heapq.heappush(free, (done, c))
        ev(tid, "issued", a, "triage", None, {"priority": bool(priority[i]), "update_type": t.value})
        state, called_at, started_at, closed_at, counter, recalls = TokenState.WAITING, None, None, None, None, 0
        for k, at in zip(kinds, times, strict=True):
            ev(tid, k, at, deo, cid, {"recall": recalls + 1} if k == "recalled" else {})
            if at > cut:
                break
            if k == "called":
                state, called_at, counter = TokenState.CALLED, ts(at), cid
            elif k == "recalled":
                recalls += 1
            elif k == "started":
                state, started_at = TokenState.IN_SERVICE, ts(at)
            elif k == "completed":
                state, closed_at = TokenState.COMPLETED, ts(at)
            elif k == "no_show":
                state, closed_at = TokenState.NO_SHOW, ts(at)
        if a > cut:
            seq[t] -= 1
            continue
        tok_rows.append({
            "id": tid, "site_id": SITE_ID, "business_day": day, "issued_type": t, "update_type": t, "seq": seq[t],
            "number": f"{t.prefix}-{seq[t]:03d}", "priority": bool(priority[i]),
            "priority_reason": "elderly" if priority[i] else None, "state": state, "issued_at": ts(a),
            "queued_at": ts(a), "called_at": called_at, "started_at": started_at, "closed_at": closed_at,
            "counter_id": counter, "served_by": deo if counter else None, "recall_count": recalls, "cnic": None,
            "household_ref": None, "verification": Verification.NOT_ASKED, "slip_status": SlipStatus.NONE,
            "details": {},
        })
    with store.session() as s, s.begin():
        for k in range(0, len(tok_rows), 5000):
            s.execute(insert(Token), tok_rows[k:k + 5000])
        for k in range(0, len(ev_rows), 20000):
            s.execute(insert(TokenEvent), ev_rows[k:k + 20000])
    return len(ev_rows)


def _stats(xs: list[float], cpu: list[float] | None = None) -> str:
    xs_ms = sorted(x * 1000 for x in xs)
    p99 = xs_ms[min(len(xs_ms) - 1, int(round(0.99 * (len(xs_ms) - 1))))]
    text = f"median {statistics.median(xs_ms):7.2f} ms   p99 {p99:7.2f} ms"
    if cpu:
        # CPU time of this thread: what the work costs when other processes share the cores.
        text += f"   cpu median {statistics.median(cpu) * 1000:7.2f} ms"
    return text + f"   (n={len(xs_ms)})"


class _Timer:
    """Wall and thread-CPU time of a block."""

    def __init__(self, wall: list[float], cpu: list[float]) -> None:
        self.wall, self.cpu = wall, cpu

    def __enter__(self) -> None:
        self._w, self._c = time.perf_counter(), time.thread_time()

    def __exit__(self, *_exc: object) -> None:
        self.wall.append(time.perf_counter() - self._w)
        self.cpu.append(time.thread_time() - self._c)


def main() -> int:
    """Build the day, time the metrics and the redraw, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tokens", type=int, default=20_000)
    ap.add_argument("--counters", type=int, default=40)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from services.metrics import compute_day, load_events
    from services.metrics.compute import TokenFrame

    day = date(2026, 3, 4)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        upgrade(url)
        store = Store.open(url)
        t0 = time.perf_counter()
        # 20,000 arrivals over 12 hours at 40 counters: about a minute and a half each.
        n_events = build_day(store, day, tokens=args.tokens, counters=args.counters, open_hours=12.0,
                             mean_service_min=1.2)
        print(f"built {args.tokens} tokens / {n_events} events with Core bulk inserts in "
              f"{time.perf_counter() - t0:.2f} s")
        loads = []
        for _ in range(5):
            t = time.perf_counter()
            log = load_events(store, SITE_ID, day - timedelta(days=7), day)
            loads.append(time.perf_counter() - t)
        print(f"load (one query -> numpy, 8 days)          : {_stats(loads)}")
        now = datetime(2026, 3, 4, 23, 0, tzinfo=SITE_ZONE)
        compute_day(log, SITE_ID, day, now=now)  # warm-up
        frames, frames_cpu, full, full_cpu = [], [], [], []
        for _ in range(args.runs):
            with _Timer(frames, frames_cpu):
                TokenFrame.of(log)
            with _Timer(full, full_cpu):
                m = compute_day(log, SITE_ID, day, now=now)
        print(f"metrics: all KPIs of the day (target 20 ms): {_stats(full, full_cpu)}")
        print(f"  of which events -> per-token frame      : {_stats(frames, frames_cpu)}")
        print(f"  (issued {m.issued}, served {m.served}, DEOs {len(m.per_deo)}, median wait "
              f"{m.wait.median:.1f} min)")

        from PySide6.QtWidgets import QApplication

        from console.app import build_context
        from console.pages.dashboard import DashboardPage
        from db.models import Role
        from services.config import Config
        from services.roles import Actor

        app = QApplication.instance() or QApplication([])
        ctx = build_context(Config(), store, FixedClock(now), Actor("supervisor", Role.SUPERVISOR), poll_ms=600_000)
        page = DashboardPage(ctx, throttle_ms=600_000)
        page.resize(1500, 950)
        page.show()
        app.processEvents()
        page.apply(m)
        page.repaint()
        redraws, redraws_cpu = [], []
        for _ in range(args.runs):
            with _Timer(redraws, redraws_cpu):
                page.apply(m)
                page.repaint()  # synchronous paint of tiles and all three charts
        print(f"dashboard redraw offscreen (target 16 ms): {_stats(redraws, redraws_cpu)}")
        page.close()
        ctx.events.stop()
        ctx.tasks.shutdown(wait=True)
        store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
