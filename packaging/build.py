"""Build the one-folder DRC Console bundle with PyInstaller, and optionally smoke-test it.

    python packaging/build.py                     # -> dist/drc-console/drc-console[.exe]
    python packaging/build.py --smoke             # build, then run the bundle's --version and selftest
    python packaging/build.py --smoke-only        # smoke-test an existing bundle

The smoke test runs the bundle from a folder outside the source tree with a clean environment
(no PYTHONPATH), so it proves the bundle starts with nothing but itself: it opens the main window
offscreen, issues a token and prints its slip to a preview folder (``drc-console selftest``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "drc-console.spec"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def write_build_info(folder: Path) -> Path:
    """The JSON the bundle's ``--version`` and About box read."""
    try:
        version = metadata.version("drc-console")
    except metadata.PackageNotFoundError:
        version = "0+unknown"
    info = {"version": version, "commit": _commit(), "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
            "platform": f"{platform.system()}-{platform.machine()}"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "build-info.json"
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    env = {**os.environ, "DRC_BUILD_INFO": str(write_build_info(work))}
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, timeout=1800)
    return dist / "drc-console"


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def smoke(bundle: Path) -> None:
    """Run the bundle's --version and selftest from outside the source tree; raises on failure."""
    exe = bundle / ("drc-console.exe" if os.name == "nt" else "drc-console")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DRC_", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="drc-bundle-smoke-") as tmp:
        env["HOME"] = tmp  # no user configuration or data dir of the build machine
        env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = env["XDG_STATE_HOME"] = tmp
        version = subprocess.run([str(exe), "--version"], cwd=tmp, env=env, capture_output=True, text=True,
                                 timeout=120, check=True)
        print(version.stdout.strip())
        run = subprocess.run([str(exe), "selftest", "--out", str(Path(tmp) / "out")], cwd=tmp, env=env,
                             capture_output=True, text=True, timeout=300, check=False)
        print(run.stdout.strip())
        if run.returncode != 0:
            print(run.stderr[-4000:], file=sys.stderr)
            raise SystemExit(f"bundle smoke test failed (exit {run.returncode})")


def main(argv: list[str] | None = None) -> int:
    """Command line of the build script."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder")
    p.add_argument("--smoke", action="store_true", help="smoke-test the bundle after building it")
    p.add_argument("--smoke-only", action="store_true", help="smoke-test an existing bundle, do not build")
    args = p.parse_args(argv)
    # PyInstaller resolves relative paths against the spec's folder, not ours: make them absolute.
    args.dist, args.work = args.dist.resolve(), args.work.resolve()
    bundle = args.dist / "drc-console"
    if not args.smoke_only:
        if shutil.which("git") is None:
            print("note: git not found; the build info will say commit 'unknown'")
        started = time.monotonic()
        bundle = build(args.dist, args.work)
        print(f"built {bundle} in {time.monotonic() - started:.0f} s, {_size_mb(bundle):.0f} MB")
    if args.smoke or args.smoke_only:
        started = time.monotonic()
        smoke(bundle)
        print(f"bundle smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
