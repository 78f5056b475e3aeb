"""Hub memory under a flood of oversize requests (issue #12: the hub must stay under +50 MB RSS).

Serves a small seeded SQLite hub with ``drc-hub serve`` in its own process, then sends a bounded
flood: ``--workers`` connections at a time, ``--requests`` in all, each announcing a 100 MB body
and streaming up to ``--send-mb`` of it until the hub hangs up. Rounds: no key (401), a valid key
(413 on Content-Length), and a valid key with a chunked body (413 while counting). Prints the
hub's baseline and peak RSS per round and the latency of a valid look-up during the flood.

    PYTHONPATH=. python tests/benchmarks/hub_flood_bench.py [--requests 200] [--workers 8]

Figures are from a shared 2-core machine: treat them as orders of magnitude.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.hub.testing import free_port, prepare_hub_db

KEY = "flood-bench-central-key"
SITE = "PK10101-01"
CHUNK = b"x" * 65536


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def one(port: int, key: str | None, chunked: bool, send_bytes: int) -> int:
    """Announce a 100 MB body, stream up to ``send_bytes`` of it, return the status the hub gave."""
    auth = f"Authorization: Bearer {key}\r\n" if key else ""
    length = "Transfer-Encoding: chunked\r\n" if chunked else "Content-Length: 104857600\r\n"
    head = (f"POST /v1/sites/{SITE}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
            f"Content-Type: application/json\r\n{length}\r\n").encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head)
        sent = 0
        try:
            while sent < send_bytes:
                piece = (f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n") if chunked else CHUNK
                sock.sendall(piece)
                sent += len(CHUNK)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while b"\r\n" not in data:
                more = sock.recv(4096)
                if not more:
                    break
                data += more
        except (ConnectionResetError, TimeoutError):
            return -1
    try:
        return int(data.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return -1


def flood(port: int, pid: int, label: str, key: str | None, chunked: bool, args: argparse.Namespace) -> None:
    """One round; prints peak RSS over the baseline and look-up latency during the round."""
    base = rss_mb(pid)
    peak = base
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, rss_mb(pid))
            time.sleep(0.02)

    lat: list[float] = []

    def probe() -> None:
        ses = requests.Session()
        ses.headers["Authorization"] = f"Bearer {KEY}"
        while not stop.is_set():
            t0 = time.perf_counter()
            ses.get(f"http://127.0.0.1:{port}/v1/shock-areas", timeout=30).raise_for_status()
            lat.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.05)

    watchers = [threading.Thread(target=sample, daemon=True), threading.Thread(target=probe, daemon=True)]
    for w in watchers:
        w.start()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(args.workers) as pool:
        codes = list(pool.map(lambda _: one(port, key, chunked, int(args.send_mb * 1024 * 1024)),
                              range(args.requests)))
    took = time.perf_counter() - t0
    stop.set()
    for w in watchers:
        w.join(5)
    seen = {c: codes.count(c) for c in sorted(set(codes))}
    p95 = statistics.quantiles(lat, n=20)[-1] if len(lat) >= 2 else float("nan")
    print(f"{label:<34} answers {seen}  in {took:5.1f} s  RSS {base:6.1f} -> peak {peak:6.1f} MB "
          f"(+{peak - base:5.1f} MB)  look-up during flood: median {statistics.median(lat) if lat else 0:.1f} ms, "
          f"p95 {p95:.1f} ms ({len(lat)} probes)")


def main() -> int:
    """Run the three rounds against a fresh hub process."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="oversize requests per round (default 200)")
    ap.add_argument("--workers", type=int, default=8, help="connections at a time (default 8)")
    ap.add_argument("--send-mb", type=float, default=8.0, help="MB each request streams before giving up")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'hub.sqlite3'}"
        prepare_hub_db(url, households=500, paradata_days=1)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "services.hub.cli", "serve", "--port", str(port),
                                 "--db", url], cwd=ROOT, env={**os.environ, "DRC_HUB_KEY": KEY,
                                                              "PYTHONPATH": str(ROOT)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError("drc-hub serve did not start") from None
                    time.sleep(0.1)
            print(f"hub pid {proc.pid}, cap 2 MB; {args.requests} requests x {args.send_mb} MB streamed, "
                  f"{args.workers} at a time; load avg {os.getloadavg()[0]:.2f} (2 shared cores)")
            flood(port, proc.pid, "no key, Content-Length 100 MB", None, False, args)
            flood(port, proc.pid, "valid key, Content-Length 100 MB", KEY, False, args)
            flood(port, proc.pid, "valid key, chunked (counted)", KEY, True, args)
        finally:
            proc.terminate()
            proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
