"""The operations centre at national scale, on PostgreSQL (issue #9's performance table).

Run by hand (not in the suite); the default run takes a few minutes:

    PYTHONPATH=. python tests/benchmarks/hub_scale_bench.py [--workers 2] [--uploaders 48]

1. **Ingest**: ``--ingest-sites`` sites upload ``--ingest-days`` days at once over HTTP in
   1000-event batches, one uploader per site (``--uploaders`` at a time) -> events/s. The default
   (48 sites x 8 days, ~290k events, ~10 s) is long enough to be a sustained rate: with 2 days
   (~47k events, 2-3 s) the hub's warm-up (new partitions, connections, statement caches) was
   most of the step and the figure swung between runs.
2. **Catch-up**: one full day of all 617 sites (about 600k events at ``--volume 6``) waiting at
   the sites, uploaded by ``--uploaders`` concurrent uploaders -> seconds, events/s, peak RSS of
   the hub's processes.
3. **Regional query**: history of 30, then 90, then 365 days for all 617 sites, built by
   ``simulate_network`` (roll-ups only; ``--history-volume``) -> p50/p95 of
   ``GET /v1/regions/performance`` over the last 30 / 90 / 365 days, and of the 30-day query
   again once 365 days are held (does it stay flat as history grows?). Each is timed twice:
   *built* (``Cache-Control: no-cache``: the hub sums and writes the answer every time) and
   *repeated* (the hub's answer for an unchanged data version, see ``services/hub/ops/answers.py``).

What it measures is the hub with the client's cost kept small, not a client: every body is
built as JSON bytes before the timed part (spooled to files by two processes) and sent by
threads that each hold one keep-alive ``requests.Session``. The load generator still shares the
same 2 cores with the hub and PostgreSQL, and so do the other people on this machine, so next to
each ingest figure it prints the CPU spent per 1000-event batch by the hub's processes, by the
database's PostgreSQL backends and by itself (``/proc``; PostgreSQL's background writers are not
counted). The hub runs as ``drc-hub serve --workers N`` in its own processes. Treat the figures as
what this box gave at that moment, and read the load average printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.clock import SITE_ZONE
from services.hub.db import make_engine, upgrade
from services.hub.ops.network import NetworkSite, network_sites, simulate_network, site_day_events
from services.hub.seed import seed
from services.hub.testing import free_port

ADMIN = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEY = "hub-scale-bench-central-key"
BATCH = 1000


def tree_pids(pid: int) -> list[int]:
    """A process and its descendants (uvicorn's workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return out


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU of each live process, in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        out[p] = (int(fields[11]) + int(fields[12])) / tick
    return out


def backends_of(database: str) -> list[int]:
    """PostgreSQL server processes serving ``database`` (their title names it)."""
    found = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if f" {database} ".encode() in (d / "cmdline").read_bytes().replace(b"\0", b" "):
                    found.append(int(d.name))
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                continue
    return found


class CpuTally:
    """CPU spent by the hub's processes, by the database's PostgreSQL backends and by this load generator.

    Backends that exit during the run take their CPU with them (the hub's pool keeps its
    connections open, so this is rare); PostgreSQL's background writers are not counted.
    """

    def __init__(self, hub_pid: int, database: str) -> None:
        self.hub_pid, self.database = hub_pid, database
        self.hub0 = cpu_seconds(tree_pids(hub_pid))
        self.pg0 = cpu_seconds(backends_of(database))
        self.me0 = sum(os.times()[:2])

    def per_batch_ms(self, batches: int) -> str:
        """CPU milliseconds per batch, by side, since construction."""
        def spent(before: dict[int, float], now: dict[int, float]) -> float:
            return sum(v - before.get(p, 0.0) for p, v in now.items())
        hub = spent(self.hub0, cpu_seconds(tree_pids(self.hub_pid)))
        pg = spent(self.pg0, cpu_seconds(backends_of(self.database)))
        me = sum(os.times()[:2]) - self.me0
        k = 1000 / max(batches, 1)
        return (f"CPU per batch: hub {hub * k:.0f} ms, PostgreSQL {pg * k:.0f} ms, load generator {me * k:.0f} ms "
                f"(total {(hub + pg + me) * k:.0f} ms)")


def tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (uvicorn workers), in MB."""
    total = 0.0
    for p in tree_pids(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


class RssWatch:
    """Samples a process tree's RSS in the background; ``peak`` is the largest sample."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, tree_rss_mb(pid), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            time.sleep(0.05)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._stop.set()
        self._thread.join(2)
        return self.peak


def wire_batches(site: NetworkSite, day: date, volume: float) -> list[bytes]:
    """A site-day as the JSON bodies a console would send, 1000 events each."""
    rows = site_day_events(site, day, volume=volume)
    events = [{"uuid": r["uuid"], "token_id": r["token_id"], "token_number": r["token_number"],
               "update_type": r["update_type"], "priority": r["priority"], "kind": r["kind"],
               "at": r["at"].isoformat() + "Z", "actor": r["actor"], "counter": r["counter"], "payload": r["payload"]}
              for r in rows]
    return [json.dumps({"events": events[i:i + BATCH]}).encode() for i in range(0, len(events), BATCH)]


def _spool(args: tuple[list[NetworkSite], list[date], float, str]) -> int:
    """Write the bodies of some sites' days to files (a worker process: keeps the parent's memory small)."""
    sites, days, volume, folder = args
    n = 0
    for site in sites:
        bodies = [b for day in days for b in wire_batches(site, day, volume)]
        Path(folder, f"{site.site_id}.jsonl").write_bytes(b"\n".join(bodies))
        n += sum(b.count(b'"uuid"') for b in bodies)
    return n


def spool(sites: list[NetworkSite], days: list[date], volume: float, folder: str) -> int:
    """Pre-build every body on disk with two processes; returns the number of events."""
    chunks = [sites[i::2] for i in range(2)]
    with get_context("fork").Pool(2) as pool:
        return sum(pool.map(_spool, [(c, days, volume, folder) for c in chunks]))


def upload(base: str, sites: list[NetworkSite], folder: str, uploaders: int) -> tuple[int, float, int, int]:
    """Every site's spooled batches, ``uploaders`` sites at a time; (events accepted, seconds, errors, batches)."""
    todo: queue.Queue[NetworkSite] = queue.Queue()
    for s in sites:
        todo.put(s)
    accepted, errors, batches = [0], [0], [0]
    lock = threading.Lock()

    def worker() -> None:
        ses = requests.Session()
        ses.headers.update({"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
        while True:
            try:
                site = todo.get_nowait()
            except queue.Empty:
                return
            for body in Path(folder, f"{site.site_id}.jsonl").read_bytes().split(b"\n"):
                for _attempt in range(5):
                    resp = ses.post(f"{base}/v1/sites/{site.site_id}/events", data=body, timeout=120)
                    if resp.ok:
                        with lock:
                            accepted[0] += resp.json()["accepted"]
                            batches[0] += 1
                        break
                    with lock:
                        errors[0] += 1
                        if errors[0] == 1:
                            print(f"  (retrying after HTTP {resp.status_code}: {resp.text[:160]})", flush=True)
                    time.sleep(0.2)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(uploaders) as pool:
        for f in [pool.submit(worker) for _ in range(uploaders)]:
            f.result()
    return accepted[0], time.perf_counter() - t0, errors[0], batches[0]


def query_times(base: str, start: date, end: date, runs: int, fresh: bool = False) -> tuple[float, float]:
    """p50 and p95 (ms) of the regional query over ``start..end`` (``fresh``: bypass the hub's answer cache)."""
    ses = requests.Session()
    ses.headers["Authorization"] = f"Bearer {KEY}"
    if fresh:
        ses.headers["Cache-Control"] = "no-cache"
    params = {"from": start.isoformat(), "to": end.isoformat()}
    ses.get(f"{base}/v1/regions/performance", params=params, timeout=60).raise_for_status()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        resp = ses.get(f"{base}/v1/regions/performance", params=params, timeout=60)
        times.append((time.perf_counter() - t0) * 1000)
        resp.raise_for_status()
    assert len(resp.json()["sites"]) == 617
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def _history_chunk(args: tuple[str, list[NetworkSite], date, int, float]) -> int:
    url, sites, end, days, volume = args
    engine = make_engine(url)
    try:
        return simulate_network(engine, sites, end, days, raw_days=0, volume=volume).events
    finally:
        engine.dispose()


def history(url: str, sites: list[NetworkSite], end: date, days: int, volume: float) -> tuple[int, float]:
    """Roll-ups of ``days`` days ending on ``end`` (two processes); (events simulated, seconds).

    The processes split the sites, not the days: each refreshes only its own sites' months, so
    they never rewrite the same ``hub_site_month`` rows at once.
    """
    t0 = time.perf_counter()
    parts = [(url, sites[0::2], end, days, volume), (url, sites[1::2], end, days, volume)]
    with get_context("fork").Pool(2) as pool:
        events = sum(pool.map(_history_chunk, parts))
    return events, time.perf_counter() - t0


def serve(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """``drc-hub serve --workers N`` in its own processes."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "services.hub.cli", "serve", "--port", str(port), "--db", url,
                             "--workers", str(workers)], cwd=ROOT,
                            env={**os.environ, "DRC_HUB_KEY": KEY, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(base + "/v1/health", timeout=1).ok:
                return proc, base
        except requests.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("drc-hub serve did not start") from None
            time.sleep(0.2)


def main() -> int:
    """Run the three measurements on a throw-away PostgreSQL database."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2, help="uvicorn workers (default 2: one per core)")
    ap.add_argument("--uploaders", type=int, default=48, help="concurrent site uploaders (default 48)")
    ap.add_argument("--ingest-sites", type=int, default=48)
    ap.add_argument("--ingest-days", type=int, default=8)
    ap.add_argument("--volume", type=float, default=6.0, help="demand scale of uploaded days (6 = ~600k events a day)")
    ap.add_argument("--history-volume", type=float, default=0.05, help="demand scale of the history")
    ap.add_argument("--query-runs", type=int, default=40)
    ap.add_argument("--skip-history", action="store_true")
    args = ap.parse_args()
    name = f"drc_hub_scale_{os.getpid()}"
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN.rsplit("/", 1)[0] + "/" + name
    today = datetime.now(SITE_ZONE).date()
    catchup_day = today - timedelta(days=1)
    ingest_days = [today - timedelta(days=2 + k) for k in range(args.ingest_days)]
    history_end = min(ingest_days) - timedelta(days=1)
    print(f"PostgreSQL database {name}; hub workers {args.workers}; {args.uploaders} uploaders; "
          f"load avg {os.getloadavg()[0]:.2f} on {os.cpu_count()} shared cores")
    proc = None
    try:
        upgrade(url)
        engine = make_engine(url)
        seed(engine, 300, 1, today, 1)
        sites = network_sites(engine, None)
        engine.dispose()
        proc, base = serve(url, args.workers)
        with tempfile.TemporaryDirectory() as folder:
            few = [sites[int(i * len(sites) / args.ingest_sites)] for i in range(args.ingest_sites)]
            n = spool(few, ingest_days, args.volume, folder)
            tally = CpuTally(proc.pid, name)
            accepted, secs, errors, batches = upload(base, few, folder, min(args.uploaders, len(few)))
            print(f"ingest    : {len(few)} sites x {args.ingest_days} days, {n} events in {BATCH}-event batches: "
                  f"{secs:6.1f} s, {accepted / secs:8.0f} events/s (accepted {accepted}, retried {errors}); "
                  f"load avg {os.getloadavg()[0]:.2f}")
            print(f"            {tally.per_batch_ms(batches)}")
        with tempfile.TemporaryDirectory() as folder:
            n = spool(sites, [catchup_day], args.volume, folder)
            watch = RssWatch(proc.pid)
            before = tree_rss_mb(proc.pid)
            tally = CpuTally(proc.pid, name)
            accepted, secs, errors, batches = upload(base, sites, folder, args.uploaders)
            peak = watch.stop()
            print(f"catch-up  : 617 sites x 1 day, {n} events: {secs:6.1f} s, {accepted / secs:8.0f} events/s "
                  f"(accepted {accepted}, retried {errors}); hub RSS {before:.0f} -> peak {peak:.0f} MB "
                  f"({args.workers} worker{'s + master' if args.workers > 1 else ''}); load avg {os.getloadavg()[0]:.2f}")
            print(f"            {tally.per_batch_ms(batches)}")
        if not args.skip_history:
            held = 0
            for span in (30, 90, 365):
                events, secs = history(url, sites, history_end - timedelta(days=held), span - held,
                                       args.history_volume)
                held = span
                start = history_end - timedelta(days=span - 1)
                f50, f95 = query_times(base, start, history_end, args.query_runs, fresh=True)
                p50, p95 = query_times(base, start, history_end, args.query_runs)
                print(f"regional  : {span:3d} days held, query over {span:3d} days: built p50 {f50:6.1f} ms, "
                      f"p95 {f95:6.1f} ms; repeated p50 {p50:6.1f} ms, p95 {p95:6.1f} ms  "
                      f"(history built in {secs:.0f} s, {events} events; load avg {os.getloadavg()[0]:.2f})")
            f50, f95 = query_times(base, history_end - timedelta(days=29), history_end, args.query_runs, fresh=True)
            p50, p95 = query_times(base, history_end - timedelta(days=29), history_end, args.query_runs)
            print(f"regional  : 365 days held, query over  30 days: built p50 {f50:6.1f} ms, p95 {f95:6.1f} ms; "
                  f"repeated p50 {p50:6.1f} ms, p95 {p95:6.1f} ms")
        print(f"load avg at the end {os.getloadavg()[0]:.2f}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(20)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
