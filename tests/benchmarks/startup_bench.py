"""Start-up: time to the first visible window, the console against a bare PySide6 window, same X server.

Run: ``python tests/benchmarks/startup_bench.py [--runs 5] [--display 21]``. Starts its own
``Xvfb :21`` (killed at the end), then, taking turns so load drifts hit all three alike:

- bare: ``python -c`` that makes a QApplication and shows one QWidget;
- site: ``drc-console --config site.toml`` for a configured site (migrated SQLite store, an
  administrator, preview printer, no hub): the first window is the sign-in dialog;
- demo: ``drc-console --demo``.

Each child reports the ``time.monotonic()`` of its first window's Expose event
(``console.startup_probe``; the bare script installs the same filter) and its RSS then; the
start is taken just before the process is spawned, so interpreter start and imports count.
``DRC_STARTUP_PROBE=quit`` makes the console close that first window at once and exit normally.
Prints medians (and min/max) per variant, the ratios to bare, and RSS at the sign-in dialog.
Targets (issue #14 item 7): site <= 2x bare, demo <= 3x bare, site RSS < 200 MB. Figures only,
no pass/fail; the machine is shared, so print ``uptime`` alongside.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MARKER = "DRC-FIRST-WINDOW"  # console.startup_probe.MARKER (not imported: keep this process light)

BARE = f"""
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
class Probe(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            print(f"{MARKER} t={{time.monotonic():.6f}} rss_kb={{rss()}} title=bare", flush=True)
            app.removeEventFilter(self)
            app.quit()
        return False
app = QApplication([])
probe = Probe()
app.installEventFilter(probe)
w = QWidget()
w.setWindowTitle("bare")
w.resize(420, 200)
w.show()
app.exec()
"""


@contextlib.contextmanager
def xvfb(display: int) -> Iterator[str]:
    """An Xvfb server on ``:display`` for the duration (bounded start, always killed)."""
    if Path(f"/tmp/.X11-unix/X{display}").exists():
        raise SystemExit(f":{display} is taken; pass --display N")
    proc = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{display}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("Xvfb did not start")
            time.sleep(0.05)
        yield f":{display}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def configured_site(folder: Path) -> Path:
    """A configured site as the setup wizard leaves it: config file, migrated store, an administrator."""
    from db.engine import Store
    from db.migrate import upgrade
    from services.auth import AuthService
    from services.clock import SystemClock
    from services.config import Config, save_config
    from services.provision import ensure_site

    cfg = Config()
    cfg.database.url = f"sqlite:///{folder / 'site.sqlite3'}"
    cfg.printer.backend = "preview"
    cfg.printer.preview_dir = str(folder / "slips")
    cfg.backup.folder = str(folder / "backups")
    path = save_config(cfg, folder / "config.toml")
    upgrade(cfg.database.url)
    store = Store.open(cfg.database.url)
    try:
        ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
        AuthService(store, SystemClock(), site_id=cfg.site.id).create_first_admin("admin", "Bench Admin", "bench-password-1")
    finally:
        store.dispose()
    return path


def one_start(argv: list[str], env: dict[str, str], timeout: float) -> tuple[float, int]:
    """Seconds from spawn to the first window's Expose, and the RSS (KiB) then."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise SystemExit(f"{argv[-1]}: no first window within {timeout:.0f} s\n{err[-2000:]}") from None
    for line in out.splitlines():
        if line.startswith(MARKER):
            parts = dict(p.split("=", 1) for p in line.split()[1:3])  # t=..., rss_kb=..., then the title
            return float(parts["t"]) - t0, int(parts["rss_kb"])
    raise SystemExit(f"{' '.join(argv)}: no marker (exit {proc.returncode})\n{err[-3000:]}")


def main() -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--display", type=int, default=21)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds one start may take (incl. exit)")
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="drc-startup-bench-"))
    console = [sys.executable, "-c", "import sys; from console.main import main; sys.exit(main())"]
    try:
        cfg_path = configured_site(home / "site")
        with xvfb(args.display) as display:
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
                "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home / "run"),
                "PYTHONPATH": str(ROOT), "DRC_STARTUP_PROBE": "quit", "LANG": "C.UTF-8",
            }
            (home / "run").mkdir(mode=0o700)
            variants = {
                "bare": [sys.executable, "-c", BARE],
                "site": [*console, "--config", str(cfg_path)],
                "demo": [*console, "--demo"],
            }
            times: dict[str, list[float]] = {k: [] for k in variants}
            rss: dict[str, list[int]] = {k: [] for k in variants}
            one_start(variants["bare"], env, args.timeout)  # warm the disk cache once, not counted
            for i in range(args.runs):
                for name, argv in variants.items():
                    seconds, kb = one_start(argv, env, args.timeout)
                    times[name].append(seconds)
                    rss[name].append(kb)
                print(f"run {i + 1}/{args.runs}: " + "  ".join(f"{k} {v[-1] * 1000:.0f} ms" for k, v in times.items()),
                      flush=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    bare = statistics.median(times["bare"])
    print(f"\nfirst visible window, median of {args.runs} (min-max), load: {os.getloadavg()[0]:.2f}")
    for name in variants:
        med = statistics.median(times[name])
        print(f"  {name:5s} {med * 1000:7.0f} ms  ({min(times[name]) * 1000:.0f}-{max(times[name]) * 1000:.0f})"
              f"  ratio {med / bare:4.2f}x  RSS {statistics.median(rss[name]) / 1024:6.1f} MB")
    print(f"targets: site <= 2x bare ({times['site'] and statistics.median(times['site']) / bare:.2f}x), "
          f"demo <= 3x ({statistics.median(times['demo']) / bare:.2f}x), "
          f"site RSS at the sign-in dialog < 200 MB ({statistics.median(rss['site']) / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
