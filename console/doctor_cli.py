"""``drc-console doctor``: the site health checks built from the configuration, and the bundle.

The same list of checks feeds the command line and the Diagnostics page, so both always agree.
The printer probe lives here because the domain (``services``) does not import the printing layer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import resources
from services import doctor
from services.config import Config
from services.doctor import CheckResult, Verdict

Check = Callable[[], CheckResult]


def printer_probe(cfg: Config) -> tuple[str, doctor.PrinterProbe]:
    """Where slips go, and a probe that asks that printer for its status value."""
    from console.printing_glue import default_preview_dir
    from printing.backends import PrinterError, make_backend

    try:
        backend = make_backend(cfg.printer, default_preview_dir=default_preview_dir())
    except PrinterError as exc:
        reason = str(exc)

        def broken() -> str:
            raise doctor.PrinterSetupError(reason)

        return cfg.printer.backend, broken
    return backend.describe(), lambda: backend.status().value


def site_checks(cfg: Config, url: str) -> list[Check]:
    """Every check of this site, in the order they are shown."""
    from services.backup import backup_folder, database_file

    db_file: Path | None
    try:
        db_file = database_file(url)
    except Exception:
        db_file = None
    data_dir = db_file.parent if db_file is not None else Path.cwd()
    where, probe = printer_probe(cfg)
    private = [p for p in (db_file, cfg.source) if p is not None]
    if db_file is not None:
        private.append(db_file.with_name(db_file.name + "-wal"))
    backups = backup_folder(cfg.backup.folder, db_file) if db_file is not None else data_dir
    checks: list[Check] = [lambda: doctor.check_database(url), lambda: doctor.check_disk(data_dir)]
    if backups.is_dir() and data_dir.is_dir() and backups.stat().st_dev != data_dir.stat().st_dev:
        checks.append(lambda: doctor.check_disk(backups))  # backups on another drive (a USB stick)
    return checks + [
        lambda: doctor.check_printer(where, probe),
        lambda: doctor.check_hub(cfg.hub.url, cfg.hub.api_key, timeout=min(cfg.hub.connect_timeout, 5.0)),
        lambda: doctor.check_urdu_fonts(resources.path("fonts")),
        doctor.check_time_zone,
        lambda: doctor.check_data_dir(data_dir, private),
    ]


def run_checks(checks: list[Check]) -> list[CheckResult]:
    """Run every check; a check that raises after all becomes a failure, never a crash."""
    results = []
    for check in checks:
        try:
            results.append(check())
        except Exception as exc:  # a check's own bug must not hide the other checks
            results.append(doctor.finding("check", Verdict.FAIL, "check_crashed", "", {"error": exc}))
    return results


def run_doctor(cfg: Config, url: str) -> int:
    """Print each check with its verdict and fix; 0 when none failed, 1 otherwise."""
    from services.bundle import doctor_report

    results = run_checks(site_checks(cfg, url))
    print(doctor_report(results), end="")
    failed = sum(r.verdict is Verdict.FAIL for r in results)
    warned = sum(r.verdict is Verdict.WARN for r in results)
    print(f"\n{failed} failed, {warned} to look at, {len(results) - failed - warned} passed")
    return 1 if failed else 0


def save_bundle(cfg: Config, results: list[CheckResult], out: Path | None = None) -> Path:
    """Write the diagnostics bundle (masked, no secrets) and return its path."""
    import PySide6
    from PySide6.QtCore import qVersion

    from console.logfiles import log_dir
    from services.bundle import write_bundle

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out = out or Path.home() / f"drc-diagnostics-{stamp}.zip"
    return write_bundle(out, results=results, config_path=cfg.source, log_dir=log_dir(),
                        secrets=[cfg.hub.api_key, cfg.printer.qr_secret],
                        versions=[f"Qt {qVersion()}, PySide6 {PySide6.__version__}"])

