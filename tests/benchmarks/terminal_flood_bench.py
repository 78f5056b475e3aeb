"""Counter terminal memory and responsiveness under a flood of oversize, unauthenticated requests.

Run: ``python tests/benchmarks/terminal_flood_bench.py [--requests 400] [--workers 16]``. Starts
``drc-console terminal`` (a real uvicorn process) on loopback over a fresh site database, then sends
``--requests`` bounded bad requests from ``--workers`` threads: half declare a 100 MB body and send
1 MB of it, half stream 1 MB chunked with no length. Prints the process's resident memory (VmRSS)
before, its peak while flooded (sampled every 10 ms) and after; how many answers were 413; and the
median / p95 of a signed-out page load during the flood. Target (issue #12): peak < +50 MB.
Then ``--signins`` (80) concurrent sign-ins with wrong PINs and the production argon2 cost, while
a signed-in DEO's page is loaded over and over: prints that page's median / p95 / max (the finding
was an 8 s stall of every DEO page) and how long the burst took.
Not collected by pytest (no ``test_`` prefix). Loopback only; bounded.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def bad_request(host: str, port: int, chunked: bool) -> int:
    """One oversize POST /login; returns the HTTP status (0 when the server just closed)."""
    with socket.create_connection((host, port), timeout=30) as s:
        head = b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        head += b"Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {100 * MB}\r\n\r\n".encode()
        try:
            s.sendall(head)
            block = b"a" * 65536
            for _ in range(16):  # 1 MB
                s.sendall((b"10000\r\n" + block + b"\r\n") if chunked else block)
        except OSError:
            pass  # the server answered and closed early: exactly what should happen
        try:
            answer = s.recv(64)
        except OSError:
            return 0
    return int(answer.split()[1]) if answer.startswith(b"HTTP/") else 0


def _seed(db: str) -> None:
    """A site with demo counters and DEOs whose PIN is 1234 (production argon2 cost)."""
    sys.path.insert(0, str(ROOT))
    from db.engine import Store
    from db.migrate import upgrade
    from services.auth import set_demo_pins
    from services.clock import SystemClock
    from services.provision import ensure_site, seed_demo

    upgrade(db)
    store = Store.open(db)
    ensure_site(store, "PK10101-01", "DRC Bagh")
    seed_demo(store, SystemClock(), "PK10101-01", 6)
    set_demo_pins(store)
    store.dispose()


def signin_burst(url: str, count: int) -> None:
    """``count`` wrong sign-ins at once (spread over the DEOs) while a signed-in DEO reloads their page."""
    deo = requests.Session()
    r = deo.post(url + "login", data={"username": "deo6", "pin": "1234"}, headers={"Accept": "application/json"},
                 timeout=60)
    r.raise_for_status()
    done = threading.Event()
    latencies: list[float] = []

    def page() -> None:
        while not done.is_set():
            t0 = time.perf_counter()
            deo.get(url + "api/state", timeout=60).raise_for_status()
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.05)

    def guess(i: int) -> None:
        requests.post(url + "login", data={"username": f"deo{i % 5 + 1}", "pin": "0000"}, timeout=120)

    watcher = threading.Thread(target=page)
    watcher.start()
    t0 = time.perf_counter()
    burst = [threading.Thread(target=guess, args=(i,)) for i in range(count)]
    for b in burst:
        b.start()
    for b in burst:
        b.join()
    elapsed = time.perf_counter() - t0
    done.set()
    watcher.join()
    lat = sorted(latencies)
    print(f"sign-in burst: {count} wrong PINs at once (production argon2) in {elapsed:.1f} s; a DEO's page meanwhile: "
          f"median {statistics.median(lat):.1f} ms, p95 {lat[int(0.95 * (len(lat) - 1))]:.1f} ms, "
          f"max {lat[-1]:.1f} ms over {len(lat)} loads")


def main() -> None:
    """Run the flood and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--workers", type=int, default=16)
    ap.add_argument("--signins", type=int, default=80)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="drc-flood-"))
    db = f"sqlite:///{tmp / 's.sqlite3'}"
    _seed(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp), "DRC_CONFIG": str(tmp / "none.toml"),
           "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "console.main", "terminal", "--db", db, "--port", "0"],
                            env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split(": ", 1)[1].strip()
        host, port = url.split("//", 1)[1].rstrip("/").split(":")
        for _ in range(20):
            requests.get(url, timeout=10)
        before = rss_mb(proc.pid)
        peak = [before]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], rss_mb(proc.pid))
                time.sleep(0.01)

        statuses: list[int] = []
        latencies: list[float] = []
        lock = threading.Lock()
        todo = list(range(args.requests))

        def flood() -> None:
            while True:
                with lock:
                    if not todo:
                        return
                    i = todo.pop()
                st = bad_request(host, int(port), chunked=bool(i % 2))
                with lock:
                    statuses.append(st)

        def probe() -> None:
            while not done.is_set():
                t0 = time.perf_counter()
                requests.get(url, timeout=30)
                latencies.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.05)

        watchers = [threading.Thread(target=sample), threading.Thread(target=probe)]
        for w in watchers:
            w.start()
        t0 = time.perf_counter()
        workers = [threading.Thread(target=flood) for _ in range(args.workers)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - t0
        done.set()
        for w in watchers:
            w.join()
        after = rss_mb(proc.pid)
        lat = sorted(latencies)
        print(f"terminal flood: {args.requests} oversize unauthenticated POST /login, {args.workers} workers, "
              f"{elapsed:.1f} s (load avg {os.getloadavg()[0]:.2f}; shared 2-core machine, figures are noisy)")
        print(f"  RSS before {before:.1f} MB, peak {peak[0]:.1f} MB (+{peak[0] - before:.1f} MB), "
              f"after {after:.1f} MB (+{after - before:.1f} MB)   target: peak < +50 MB")
        print(f"  answers: {statuses.count(413)} x 413, {statuses.count(0)} closed early, "
              f"other {[s for s in statuses if s not in (0, 413)][:5]}")
        if lat:
            print(f"  sign-in page during the flood: median {statistics.median(lat):.1f} ms, "
                  f"p95 {lat[int(0.95 * (len(lat) - 1))]:.1f} ms over {len(lat)} loads")
        signin_burst(url, args.signins)
    finally:
        proc.terminate()
        proc.wait(20)


if __name__ == "__main__":
    main()
