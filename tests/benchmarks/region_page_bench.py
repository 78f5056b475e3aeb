"""Region page refresh against a loopback hub on PostgreSQL: time to drawn and the longest GUI stall.

Fills a fresh PostgreSQL hub database with ``--sites`` simulated sites (``simulate-network``,
roll-ups only) over the last ``--days`` days, serves it with ``drc-hub serve`` on loopback in its own
process, and drives the real Region page (central key, all regions) through ``--runs`` refreshes for each range given in
``--ranges``: from ``reload()`` to the table drawn (``sig_loaded``) and to every answer in (the
day-by-day series behind the trends too), with a 2 ms GUI-thread ticker recording the longest gap
between ticks (a stall), the most CPU time the GUI thread itself used between two ticks (what the
page's own work costs; on a loaded machine the wall-time stall also holds the time the thread waited
for a core or for the GIL), and the GUI thread's CPU time for the whole refresh. ``--views map`` or ``--views trends`` keeps that tab shown, so the map or
the charts are redrawn by every refresh (``--views sites,map,trends`` measures each in turn; the
switch to a tab, which makes the map or the charts the first time, is measured apart and followed by
a second's rest). The cycle collector runs as in the console (on the GUI thread, the objects alive
once the page is up frozen). Prints medians and p95 per range.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen python tests/benchmarks/region_page_bench.py --sites 617 --days 30 \\
        --volume 0.2 --ranges 30,365

The history's volume only changes how long the fill takes: the page reads roll-ups (one row per
site and day, or per month), whose count does not depend on the volume. ``--keep-db NAME`` fills the
database NAME once and keeps it, so runs of two versions of the page can alternate on the same data
(and the same machine load): ``PYTHONPATH=<other checkout>`` runs the other version's page.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] or Path(__file__).resolve().parents[2])  # whose page runs
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

ADMIN = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
KEY = "region-page-bench-key"
TODAY = date(2026, 3, 4)


def main() -> int:
    """Fill, serve, refresh, print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=617)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--volume", type=float, default=0.2)
    ap.add_argument("--ranges", default="30,365", help="range lengths in days, comma separated")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--views", default="sites", help="tabs shown while refreshing, comma separated: sites,map,trends")
    ap.add_argument("--keep-db", metavar="NAME", help="use (and keep) this database; filled only if empty")
    ap.add_argument("--hub-in-process", action="store_true",
                    help="serve the hub on a thread of this process (its Python work then competes for the GIL)")
    args = ap.parse_args()
    app = QApplication(sys.argv[:1])
    from console.app import collect_garbage_on_gui_thread, freeze_long_lived
    from console.context import build_context
    from console.pages.region import RegionPage
    from db.engine import Store
    from db.migrate import upgrade
    from db.models import Role
    from services.clock import SITE_ZONE, FixedClock
    from services.config import Config
    from services.hub.db import make_engine
    from services.hub.db import upgrade as hub_upgrade
    from services.hub.ops.network import network_sites, simulate_network
    from services.hub.seed import seed
    from services.hub.testing import run_hub_in_thread, serve_hub_process
    from services.provision import ensure_site
    from services.roles import Actor

    name = args.keep_db or f"region_bench_{os.getpid()}"
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN.rsplit("/", 1)[0] + "/" + name
    stop = None
    try:
        hub_upgrade(url)
        engine = make_engine(url)
        with engine.connect() as conn:
            filled = exists and conn.execute(text("SELECT count(*) FROM hub_site_day")).scalar()
        if filled:
            print(f"reusing {name} (filled before)")
        else:
            seed(engine, 300, 1, as_of=TODAY, paradata_days=1)
            t0 = time.perf_counter()
            report = simulate_network(engine, network_sites(engine, args.sites), TODAY - timedelta(days=1),
                                      args.days, raw_days=0, volume=args.volume)
            print(f"filled {report.sites} sites x {args.days} days ({report.events} events, roll-ups only) "
                  f"in {time.perf_counter() - t0:.0f} s")
        engine.dispose()
        if args.hub_in_process:
            base, stop = run_hub_in_thread(url, KEY, today=lambda: TODAY)
        else:  # as in production: the hub's Python work does not compete for this process's GIL
            served = ExitStack()
            base, stop = served.enter_context(serve_hub_process(url, KEY, pythonpath=str(ROOT))), served.close
        tmp = Path(tempfile.mkdtemp())
        site_url = f"sqlite:///{tmp / 's.db'}"
        upgrade(site_url)
        store = Store.open(site_url)
        ensure_site(store, "PK10101-01", "DRC Bagh", "DRC Bagh")
        cfg = Config()
        cfg.site.id = "PK10101-01"
        cfg.hub.url, cfg.hub.api_key, cfg.hub.read_timeout = base, KEY, 30.0
        clock = FixedClock(datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE))
        ctx = build_context(cfg, store, clock, Actor("manager", Role.REGIONAL_MANAGER), region_cache=tmp / "cache")
        collect_garbage_on_gui_thread(app)  # as the console: the cycle collector runs on the GUI thread only
        page = RegionPage(ctx)
        page.resize(1500, 950)
        page.period.setCurrentIndex(page.period.findData("custom"))
        page.show()
        freeze_long_lived()  # as the console does once its window is up
        last = [time.perf_counter(), time.thread_time()]
        stall = [0.0, 0.0]  # longest gap between ticks: wall time, and the GUI thread's own CPU time in it

        def tick() -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            stall[0] = max(stall[0], now - last[0])
            stall[1] = max(stall[1], cpu - last[1])
            last[0], last[1] = now, cpu

        ticker = QTimer()
        ticker.setInterval(2)
        ticker.timeout.connect(tick)
        ticker.start()
        plan = [(view, int(x)) for view in args.views.split(",") for x in args.ranges.split(",")]
        shown = ""
        for view, days in plan:
            if view != shown:  # switching tabs (the first show of the map or charts makes them) is not a refresh
                shown = view
                last[0], last[1], stall[0], stall[1] = time.perf_counter(), time.thread_time(), 0.0, 0.0
                {"sites": lambda: page.panels.views.setCurrentIndex(0), "map": page.panels.show_map,
                 "trends": page.panels.show_trends}[view]()
                settle = QEventLoop()
                QTimer.singleShot(1000, settle.quit)
                settle.exec()
                print(f"{view} tab shown: longest GUI stall {stall[0] * 1000:.0f} ms "
                      f"(most GUI-thread CPU between two ticks {stall[1] * 1000:.0f} ms)")
            start = TODAY - timedelta(days=days - 1)
            page.start.setDate(start)
            page.end.setDate(TODAY)
            times, whole, stalls, busy, work = [], [], [], [], []
            for _ in range(args.runs):
                loop = QEventLoop()
                arrived: dict[str, float] = {}

                def mark(name: str, loop: QEventLoop = loop, arrived: dict[str, float] = arrived) -> None:
                    arrived.setdefault(name, time.perf_counter())
                    if {"table", "daily"} <= set(arrived) or "failed" in arrived:
                        loop.quit()

                slots = [(page.sig_loaded, lambda: mark("table")), (page.sig_daily_loaded, lambda: mark("daily")),
                         (page.sig_failed, lambda _text: mark("failed"))]
                for sig, slot in slots:
                    sig.connect(slot)
                last[0], last[1], stall[0], stall[1] = time.perf_counter(), time.thread_time(), 0.0, 0.0
                t, cpu0 = time.perf_counter(), time.thread_time()
                page.reload()
                loop.exec()
                times.append((arrived.get("table", time.perf_counter()) - t) * 1000)
                whole.append((time.perf_counter() - t) * 1000)
                QTimer.singleShot(50, loop.quit)
                loop.exec()  # let the drawn table settle; stalls while painting count too
                stalls.append(stall[0] * 1000)
                busy.append(stall[1] * 1000)
                work.append((time.thread_time() - cpu0) * 1000)
                for sig, slot in slots:
                    sig.disconnect(slot)
            times.sort()
            whole.sort()
            stalls.sort()
            busy.sort()
            print(f"{days:>4} days x {page.sites.figures.rowCount()} sites ({view} shown): refresh to table drawn "
                  f"median {statistics.median(times):.0f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms; "
                  f"to every answer in median {statistics.median(whole):.0f} ms; "
                  f"longest GUI stall median {statistics.median(stalls):.0f} ms, max {stalls[-1]:.0f} ms "
                  f"(most GUI-thread CPU between two ticks: median {statistics.median(busy):.0f} ms, "
                  f"max {busy[-1]:.0f} ms; in all, median {statistics.median(work):.0f} ms)")
        ticker.stop()
        page.close()
        ctx.events.stop()
        ctx.tasks.shutdown()
        ctx.registry.close()
        del app
    finally:
        gc.unfreeze()
        gc.enable()
        if stop is not None:
            stop()
        if not args.keep_db:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print(f"load: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
