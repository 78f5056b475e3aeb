"""Site health checks for ``drc-console doctor`` and the Diagnostics page.

Each check returns one :class:`CheckResult`: a plain verdict (pass / warn / fail), what was
found, and what to do about it. A warning is worth a look; only a failure makes ``doctor`` exit 1.
Checks never raise: whatever goes wrong becomes the check's verdict. The printer check takes a
probe from the console (the printing layer is not the domain's to import).
"""

from __future__ import annotations

import enum
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests
from sqlalchemy import create_engine, text

from db.migrate import current_heads
from db.snapshot import integrity_problem, sqlite_file

MB = 1024 * 1024
WAL_WARN_BYTES = 64 * MB  # a WAL this big means checkpoints are not keeping up
DISK_FAIL_BYTES = 500 * MB
DISK_WARN_BYTES = 2048 * MB
SKEW_WARN_SECONDS = 60.0
SKEW_FAIL_SECONDS = 300.0


class Verdict(str, enum.Enum):
    """How a check came out."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, verdict, what was found and how to fix it (empty when nothing to fix)."""

    name: str
    verdict: Verdict
    found: str
    fix: str = ""


def _ok(name: str, found: str) -> CheckResult:
    return CheckResult(name, Verdict.PASS, found)


def _bad(name: str, found: str, fix: str, *, warn: bool = False) -> CheckResult:
    return CheckResult(name, Verdict.WARN if warn else Verdict.FAIL, found, fix)


def check_database(url: str) -> CheckResult:
    """The site store opens, passes SQLite's integrity check, is at the newest schema; its size and WAL."""
    name = "database"
    path = sqlite_file(url)
    if path is not None:
        if not path.is_file():
            return _bad(name, f"{path} does not exist", "run `drc-console db upgrade` or restore a backup")
        problem = integrity_problem(path)
        if problem:
            return _bad(name, f"{path} {problem}", "restore the newest backup: `drc-console restore FILE`")
    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                revs = {str(r[0]) for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
        finally:
            engine.dispose()
    except Exception as exc:
        return _bad(name, f"cannot read the database ({type(exc).__name__}: {str(exc).splitlines()[0][:160]})",
                    "check [database] url, or run `drc-console db upgrade`")
    if revs != current_heads():
        return _bad(name, f"schema {','.join(sorted(revs)) or '(none)'} is not the newest",
                    "run `drc-console db upgrade` (it takes a backup first)")
    if path is None:
        return _ok(name, "PostgreSQL store reachable, newest schema")
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    found = f"integrity ok, newest schema, {size / MB:.1f} MB, WAL {wal_size / MB:.1f} MB"
    if wal_size > WAL_WARN_BYTES:
        return _bad(name, found, "the write-ahead log is large: close other consoles for a moment so SQLite "
                    "can checkpoint it, or restart the console", warn=True)
    return _ok(name, found)


def check_disk(folder: Path) -> CheckResult:
    """Free space where the database and its backups live."""
    name = "disk space"
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        return _bad(name, f"cannot read free space of {folder} ({exc.strerror or exc})", "check the drive")
    found = f"{free / MB:,.0f} MB free on the drive of {folder}"
    if free < DISK_FAIL_BYTES:
        return _bad(name, found, "free space now: the queue stops when the disk is full (delete old files, "
                    "move backups to a USB stick)")
    if free < DISK_WARN_BYTES:
        return _bad(name, found, "free some space soon (old backups, downloads)", warn=True)
    return _ok(name, found)


class PrinterSetupError(Exception):
    """The printer settings are incomplete or wrong, so there is no printer to ask."""


PrinterProbe = Callable[[], str]
"""Asks the printer for its status value (ready, paper_low, paper_out, offline, unknown); raises when unreachable."""


def check_printer(where: str, probe: PrinterProbe) -> CheckResult:
    """The slip printer answers, is online and has paper."""
    name = "printer"
    try:
        status = probe()
    except PrinterSetupError as exc:
        return _bad(name, f"{where}: not set up ({exc})", "choose the printer on the Printer page ([printer] settings)")
    except Exception as exc:
        return _bad(name, f"{where}: not reachable ({exc})",
                    "switch the printer on, check its cable or network address ([printer] settings), then "
                    "reprint any slips marked 'not printed'")
    if status == "ready":
        return _ok(name, f"{where}: ready, paper loaded")
    if status == "unknown":
        return _bad(name, f"{where}: connected, but this connection does not report status or paper",
                    "print a test slip from the Printer page to be sure", warn=True)
    if status == "paper_low":
        return _bad(name, f"{where}: paper nearly out", "load a new paper roll soon", warn=True)
    if status == "paper_out":
        return _bad(name, f"{where}: out of paper", "load a new paper roll")
    return _bad(name, f"{where}: offline (cover open or an error)", "close the cover; switch the printer off and on")


def check_hub(url: str, api_key: str, *, timeout: float = 3.0, now: Callable[[], datetime] | None = None) -> CheckResult:
    """The hub answers, its clock agrees with ours, and it accepts the site key."""
    name = "hub"
    now = now or (lambda: datetime.now(UTC))
    base = url.rstrip("/")
    try:
        resp = requests.get(f"{base}/v1/health", timeout=timeout)
    except requests.RequestException as exc:
        return _bad(name, f"{base}: not reachable ({type(exc).__name__})",
                    "the site keeps working offline (tokens are issued unverified); check the network "
                    "cable or Wi-Fi and [hub] url")
    if resp.status_code != 200:
        return _bad(name, f"{base}: answered HTTP {resp.status_code} to a health check",
                    "the hub is unwell; tell the central help desk")
    skew = None
    if resp.headers.get("Date"):
        try:
            skew = abs((now() - parsedate_to_datetime(resp.headers["Date"])).total_seconds())
        except (TypeError, ValueError):
            skew = None
    if not api_key:
        return _bad(name, f"{base}: reachable, but no site key is configured", "enter the site key from the "
                    "centre ([hub] api_key)")
    try:
        auth = requests.get(f"{base}/v1/shock-areas", headers={"Authorization": f"Bearer {api_key}"},
                            timeout=timeout)
    except requests.RequestException as exc:
        return _bad(name, f"{base}: stopped answering ({type(exc).__name__})", "try again in a moment")
    if auth.status_code in (401, 403):
        return _bad(name, f"{base}: reachable, but the site key was refused (HTTP {auth.status_code})",
                    "ask the centre for this site's key and enter it in [hub] api_key")
    found = f"{base}: reachable, site key accepted"
    if skew is None:
        return _ok(name, found + ", clock not compared (no Date header)")
    found += f", clocks differ by {skew:.0f} s"
    if skew >= SKEW_FAIL_SECONDS:
        return _bad(name, found, "set this PC's date and time (automatic time, zone Asia/Karachi)")
    if skew >= SKEW_WARN_SECONDS:
        return _bad(name, found, "turn on automatic time on this PC", warn=True)
    return _ok(name, found)


def check_urdu_fonts(font_dir: Path, fc_list: str | None = None) -> CheckResult:
    """The slip's Urdu font ships and loads; the PC has a system font for Urdu text in the window."""
    from PIL import ImageFont

    name = "Urdu fonts"
    slip_font = font_dir / "NotoNaskhArabic-Regular.ttf"
    try:
        if not slip_font.is_file():  # Pillow would otherwise look for the name among system fonts
            raise FileNotFoundError(2, "no such file")
        family = ImageFont.truetype(str(slip_font), 24).getname()[0] or ""
    except OSError as exc:
        return _bad(name, f"slip font {slip_font} missing or unreadable ({exc})",
                    "reinstall DRC Console (the font ships in resources/fonts)")
    found = f"slip font {family}"
    exe = fc_list if fc_list is not None else shutil.which("fc-list")
    if not exe:
        return _ok(name, found + "; system fonts not listed on this platform")
    try:
        out = subprocess.run([exe, ":lang=ur", "family"], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return _bad(name, found + f"; could not list system fonts ({exc})", "", warn=True)
    families = sorted({f.split(",")[0].strip() for f in out.splitlines() if f.strip()})
    if not families:
        return _bad(name, found + "; no system font covers Urdu, so the window may show boxes",
                    "install Noto fonts (Debian/Ubuntu: apt-get install fonts-noto-core)", warn=True)
    return _ok(name, found + f"; {len(families)} system fonts cover Urdu (e.g. {families[0]})")


def check_time_zone(site_zone: str = "Asia/Karachi", local_offset: Callable[[], object] | None = None) -> CheckResult:
    """The site's zone is known (tzdata) and this PC's clock runs in the same offset."""
    name = "time zone"
    try:
        zone = ZoneInfo(site_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return _bad(name, f"time zone {site_zone} is not known on this PC",
                    "reinstall DRC Console (it needs the tzdata package)")
    now = datetime.now(UTC)
    site_offset = now.astimezone(zone).utcoffset()
    pc_offset = (local_offset or (lambda: now.astimezone().utcoffset()))()
    if pc_offset != site_offset:
        return _bad(name, f"this PC runs at UTC{_hours(pc_offset)}, the site at UTC{_hours(site_offset)} ({site_zone})",
                    "the console shows site time anyway; set the PC's zone to Pakistan so logs and file "
                    "times match", warn=True)
    return _ok(name, f"{site_zone}, and this PC agrees (UTC{_hours(site_offset)})")


def _hours(offset: object) -> str:
    seconds = offset.total_seconds() if hasattr(offset, "total_seconds") else 0.0
    sign = "-" if seconds < 0 else "+"
    minutes = int(abs(seconds)) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def check_data_dir(folder: Path, private: list[Path]) -> CheckResult:
    """The data folder exists and is writable; files holding personal data or secrets are private (0600)."""
    name = "data folder"
    if not folder.is_dir():
        return _bad(name, f"{folder} does not exist", "start the console once, or create the folder")
    if not os.access(folder, os.W_OK):
        return _bad(name, f"{folder} is not writable by this account", "give the console's account write access")
    if os.name != "posix":
        return _ok(name, f"{folder} writable")
    open_files = [p for p in private if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077]
    if stat.S_IMODE(folder.stat().st_mode) & 0o002:
        open_files.insert(0, folder)
    if open_files:
        return _bad(name, "readable or writable by other accounts: " + ", ".join(str(p) for p in open_files),
                    "chmod 600 on those files (700 on the folder): they hold CNICs and the site key")
    return _ok(name, f"{folder} writable; database and configuration readable by this account only")


def overall(results: list[CheckResult]) -> Verdict:
    """The worst verdict of a run."""
    verdicts = {r.verdict for r in results}
    return Verdict.FAIL if Verdict.FAIL in verdicts else Verdict.WARN if Verdict.WARN in verdicts else Verdict.PASS
