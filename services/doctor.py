"""Site health checks for ``drc-console doctor`` and the Diagnostics page.

Each check returns one :class:`CheckResult`: a plain verdict (pass / warn / fail), what was
found, and what to do about it, each as a code with parameters (``services.labels.DOCTOR_FINDINGS``,
``DOCTOR_FIXES``) and as the English text the command line prints. A warning is worth a look; only a failure makes ``doctor`` exit 1.
Checks never raise: whatever goes wrong becomes the check's verdict. The printer check takes a
probe from the console (the printing layer is not the domain's to import).
"""

from __future__ import annotations

import enum
import os
import shutil
import stat
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests
from sqlalchemy import create_engine, text

from db.migrate import current_heads
from db.snapshot import integrity_problem, sqlite_file
from services.labels import DOCTOR_FINDINGS, DOCTOR_FIXES

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


UPGRADE = "`drc-console db upgrade`"


@dataclass(frozen=True)
class CheckResult:
    """One check: its name, verdict, what was found and how to fix it (empty when nothing to fix).

    ``found`` and ``fix`` are English; ``code`` / ``fix_code`` with ``params`` say the same for a
    translator (``params`` are data: paths, addresses, figures, technical error texts).
    """

    name: str
    verdict: Verdict
    found: str
    fix: str = ""
    code: str = ""
    fix_code: str = ""
    params: dict[str, str] = field(default_factory=dict)


def finding(name: str, verdict: Verdict, code: str, fix_code: str = "",
            params: Mapping[str, object] | None = None) -> CheckResult:
    """A result from its codes (``DOCTOR_FINDINGS`` / ``DOCTOR_FIXES``), with the English texts filled in."""
    text = {k: str(v) for k, v in (params or {}).items()}
    fix = DOCTOR_FIXES[fix_code].format(**text) if fix_code else ""
    return CheckResult(name, verdict, DOCTOR_FINDINGS[code].format(**text), fix, code, fix_code, text)


def _ok(name: str, code: str, **params: object) -> CheckResult:
    return finding(name, Verdict.PASS, code, "", params)


def _bad(name: str, code: str, fix_code: str, *, warn: bool = False, **params: object) -> CheckResult:
    return finding(name, Verdict.WARN if warn else Verdict.FAIL, code, fix_code, params)


def check_database(url: str) -> CheckResult:
    """The site store opens, passes SQLite's integrity check, is at the newest schema; its size and WAL."""
    name = "database"
    path = sqlite_file(url)
    if path is not None:
        if not path.is_file():
            return _bad(name, "db_missing", "db_upgrade_or_restore", path=path, upgrade=UPGRADE)
        problem = integrity_problem(path)
        if problem:
            return _bad(name, "db_damaged", "db_restore", path=path, problem=problem,
                        restore="`drc-console restore FILE`")
    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                revs = {str(r[0]) for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
        finally:
            engine.dispose()
    except Exception as exc:
        return _bad(name, "db_unreadable", "db_config", error=f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}",
                    setting="[database] url", upgrade=UPGRADE)
    if revs != current_heads():
        return _bad(name, "db_old_schema", "db_upgrade", revisions=",".join(sorted(revs)) or "(none)", upgrade=UPGRADE)
    if path is None:
        return _ok(name, "db_pg_ok")
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size > WAL_WARN_BYTES:
        return _bad(name, "db_ok", "db_wal", warn=True, size=f"{size / MB:.1f}", wal=f"{wal_size / MB:.1f}")
    return _ok(name, "db_ok", size=f"{size / MB:.1f}", wal=f"{wal_size / MB:.1f}")


def check_disk(folder: Path) -> CheckResult:
    """Free space where the database and its backups live."""
    name = "disk space"
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        return _bad(name, "disk_unreadable", "disk_check", folder=folder, error=exc.strerror or exc)
    mb = f"{free / MB:,.0f}"
    if free < DISK_FAIL_BYTES:
        return _bad(name, "disk_free", "disk_now", free=mb, folder=folder)
    if free < DISK_WARN_BYTES:
        return _bad(name, "disk_free", "disk_soon", warn=True, free=mb, folder=folder)
    return _ok(name, "disk_free", free=mb, folder=folder)


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
        return _bad(name, "printer_not_set_up", "printer_choose", where=where, error=exc)
    except Exception as exc:
        return _bad(name, "printer_unreachable", "printer_power", where=where, error=exc)
    if status == "ready":
        return _ok(name, "printer_ready", where=where)
    if status == "unknown":
        return _bad(name, "printer_no_status", "printer_test", warn=True, where=where)
    if status == "paper_low":
        return _bad(name, "printer_paper_low", "paper_soon", warn=True, where=where)
    if status == "paper_out":
        return _bad(name, "printer_paper_out", "paper_now", where=where)
    return _bad(name, "printer_offline", "printer_cover", where=where)


def check_hub(url: str, api_key: str, *, timeout: float = 3.0, now: Callable[[], datetime] | None = None) -> CheckResult:
    """The hub answers, its clock agrees with ours, and it accepts the site key."""
    name = "hub"
    now = now or (lambda: datetime.now(UTC))
    base = url.rstrip("/")
    try:
        resp = requests.get(f"{base}/v1/health", timeout=timeout)
    except requests.RequestException as exc:
        return _bad(name, "hub_unreachable", "hub_network", url=base, error=type(exc).__name__)
    if resp.status_code != 200:
        return _bad(name, "hub_unwell", "hub_help_desk", url=base, status=resp.status_code)
    skew = None
    if resp.headers.get("Date"):
        try:
            skew = abs((now() - parsedate_to_datetime(resp.headers["Date"])).total_seconds())
        except (TypeError, ValueError):
            skew = None
    if not api_key:
        return _bad(name, "hub_no_key", "hub_enter_key", url=base)
    try:
        auth = requests.get(f"{base}/v1/shock-areas", headers={"Authorization": f"Bearer {api_key}"},
                            timeout=timeout)
    except requests.RequestException as exc:
        return _bad(name, "hub_stopped", "try_again", url=base, error=type(exc).__name__)
    if auth.status_code in (401, 403):
        return _bad(name, "hub_key_refused", "hub_ask_key", url=base, status=auth.status_code)
    if skew is None:
        return _ok(name, "hub_ok_no_clock", url=base)
    seconds = f"{skew:.0f}"
    if skew >= SKEW_FAIL_SECONDS:
        return _bad(name, "hub_ok", "clock_set", url=base, skew=seconds)
    if skew >= SKEW_WARN_SECONDS:
        return _bad(name, "hub_ok", "clock_auto", warn=True, url=base, skew=seconds)
    return _ok(name, "hub_ok", url=base, skew=seconds)


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
        return _bad(name, "font_missing", "reinstall_fonts", path=slip_font, error=exc)
    exe = fc_list if fc_list is not None else shutil.which("fc-list")
    if not exe:
        return _ok(name, "font_not_listed", family=family)
    try:
        out = subprocess.run([exe, ":lang=ur", "family"], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return _bad(name, "font_list_failed", "", warn=True, family=family, error=exc)
    families = sorted({f.split(",")[0].strip() for f in out.splitlines() if f.strip()})
    if not families:
        return _bad(name, "font_no_urdu", "install_noto", warn=True, family=family,
                    command="apt-get install fonts-noto-core")
    return _ok(name, "font_ok", family=family, count=len(families), example=families[0])


def check_time_zone(site_zone: str = "Asia/Karachi", local_offset: Callable[[], object] | None = None) -> CheckResult:
    """The site's zone is known (tzdata) and this PC's clock runs in the same offset."""
    name = "time zone"
    try:
        zone = ZoneInfo(site_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return _bad(name, "zone_unknown", "reinstall_tzdata", zone=site_zone, package="tzdata")
    now = datetime.now(UTC)
    site_offset = now.astimezone(zone).utcoffset()
    pc_offset = (local_offset or (lambda: now.astimezone().utcoffset()))()
    if pc_offset != site_offset:
        return _bad(name, "zone_differs", "zone_set", warn=True, pc="UTC" + _hours(pc_offset), site="UTC" + _hours(site_offset),
                    zone=site_zone)
    return _ok(name, "zone_ok", zone=site_zone, site="UTC" + _hours(site_offset))


def _hours(offset: object) -> str:
    seconds = offset.total_seconds() if hasattr(offset, "total_seconds") else 0.0
    sign = "-" if seconds < 0 else "+"
    minutes = int(abs(seconds)) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def check_data_dir(folder: Path, private: list[Path]) -> CheckResult:
    """The data folder exists and is writable; files holding personal data or secrets are private (0600)."""
    name = "data folder"
    if not folder.is_dir():
        return _bad(name, "folder_missing", "folder_create", folder=folder)
    if not os.access(folder, os.W_OK):
        return _bad(name, "folder_read_only", "folder_access", folder=folder)
    if os.name != "posix":
        return _ok(name, "folder_writable", folder=folder)
    open_files = [p for p in private if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077]
    if stat.S_IMODE(folder.stat().st_mode) & 0o002:
        open_files.insert(0, folder)
    if open_files:
        return _bad(name, "folder_open", "folder_chmod", files=", ".join(str(p) for p in open_files),
                    command="chmod 600")
    return _ok(name, "folder_ok", folder=folder)


def overall(results: list[CheckResult]) -> Verdict:
    """The worst verdict of a run."""
    verdicts = {r.verdict for r in results}
    return Verdict.FAIL if Verdict.FAIL in verdicts else Verdict.WARN if Verdict.WARN in verdicts else Verdict.PASS
