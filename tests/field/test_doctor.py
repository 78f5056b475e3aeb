"""``drc-console doctor``: each check's verdict and fix, against a real store, a loopback printer and a real hub."""

from __future__ import annotations

import io
import os
import re
import sqlite3
from contextlib import redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.main import main
from db.migrate import upgrade
from services import doctor
from services.doctor import Verdict
from tests.printing.conftest import FakePrinter, refused_port
from tests.registry.live_hub import KEY, LiveHub

CONFIG = """schema_version = 1
[database]
url = "sqlite:///{db}"
[hub]
url = "{hub}"
api_key = "{key}"
connect_timeout = 1.0
[printer]
backend = "network"
host = "127.0.0.1"
port = {port}
"""


@pytest.fixture
def site_db(tmp_path: Path) -> Path:
    """A migrated site store, private to this account as the console leaves it."""
    path = tmp_path / "data" / "site.sqlite3"
    path.parent.mkdir()
    upgrade(f"sqlite:///{path}")
    path.chmod(0o600)
    return path


def _doctor(tmp_path: Path, db: Path, *, hub: str, port: int, key: str = KEY) -> tuple[int, str]:
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG.format(db=db, hub=hub, key=key, port=port), encoding="utf-8")
    cfg.chmod(0o600)
    out = io.StringIO()
    with redirect_stdout(out):
        rc = main(["--config", str(cfg), "doctor"])
    return rc, out.getvalue()


def _line(report: str, name: str) -> str:
    return next(ln for ln in report.splitlines() if ln.split(" ", 1)[-1].strip().startswith(name + ":"))


def test_a_healthy_site_passes(tmp_path: Path, site_db: Path, hub: LiveHub) -> None:
    printer = FakePrinter("ok")
    try:
        rc, report = _doctor(tmp_path, site_db, hub=hub.url, port=printer.port)
    finally:
        printer.close()
    assert rc == 0, report
    assert _line(report, "database").startswith("PASS")
    assert "integrity ok, newest schema" in report
    assert _line(report, "printer").startswith("PASS") and "ready, paper loaded" in report
    assert _line(report, "hub").startswith("PASS") and "site key accepted" in report
    assert _line(report, "data folder").startswith("PASS")
    assert "0 failed" in report


def test_a_stopped_printer_and_an_offline_hub_fail_with_a_fix(tmp_path: Path, site_db: Path) -> None:
    rc, report = _doctor(tmp_path, site_db, hub=f"http://127.0.0.1:{refused_port()}", port=refused_port())
    assert rc == 1
    printer = _line(report, "printer")
    assert printer.startswith("FAIL") and "not reachable" in printer
    hub = _line(report, "hub")
    assert hub.startswith("FAIL") and "not reachable" in hub
    fixes = report.split(hub, 1)[1]
    assert "fix: the site keeps working offline" in fixes.splitlines()[1]
    assert "2 failed" in report


def test_a_printer_out_of_paper_and_a_refused_key(tmp_path: Path, site_db: Path, hub: LiveHub) -> None:
    printer = FakePrinter("paper_out")
    try:
        rc, report = _doctor(tmp_path, site_db, hub=hub.url, port=printer.port, key="not-the-site-key")
    finally:
        printer.close()
    assert rc == 1
    assert _line(report, "printer").startswith("FAIL") and "out of paper" in report
    assert "fix: load a new paper roll" in report
    assert _line(report, "hub").startswith("FAIL") and "site key was refused (HTTP 401)" in report


def test_clock_skew_against_the_hub(hub: LiveHub) -> None:
    ahead = doctor.check_hub(hub.url, KEY, now=lambda: datetime.now(UTC) + timedelta(minutes=10))
    assert ahead.verdict is Verdict.FAIL and "clocks differ by 6" in ahead.found
    close = doctor.check_hub(hub.url, KEY)
    assert close.verdict is Verdict.PASS
    assert re.search(r"clocks differ by [01] s", close.found)


def test_database_problems(tmp_path: Path, site_db: Path) -> None:
    url = f"sqlite:///{site_db}"
    assert doctor.check_database(url).verdict is Verdict.PASS
    conn = sqlite3.connect(site_db)
    conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.commit()
    conn.close()
    old = doctor.check_database(url)
    assert old.verdict is Verdict.FAIL and "db upgrade" in old.fix
    missing = doctor.check_database(f"sqlite:///{tmp_path / 'gone.sqlite3'}")
    assert missing.verdict is Verdict.FAIL and "does not exist" in missing.found
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    damaged = doctor.check_database(f"sqlite:///{junk}")
    assert damaged.verdict is Verdict.FAIL and "drc-console restore" in damaged.fix


def test_files_readable_by_others_fail_the_data_folder_check(site_db: Path) -> None:
    assert doctor.check_data_dir(site_db.parent, [site_db]).verdict is Verdict.PASS
    site_db.chmod(0o644)
    loose = doctor.check_data_dir(site_db.parent, [site_db])
    assert loose.verdict is Verdict.FAIL and str(site_db) in loose.found and "chmod 600" in loose.fix
    assert doctor.check_data_dir(site_db.parent / "nope", []).verdict is Verdict.FAIL


def test_fonts_time_zone_and_disk(tmp_path: Path) -> None:
    import resources

    fonts = doctor.check_urdu_fonts(resources.path("fonts"), fc_list="")
    assert fonts.verdict is Verdict.PASS and "Noto Naskh Arabic" in fonts.found
    assert doctor.check_urdu_fonts(tmp_path).verdict is Verdict.FAIL
    no_system_font = tmp_path / "fc-list"
    no_system_font.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    no_system_font.chmod(0o755)
    bare = doctor.check_urdu_fonts(resources.path("fonts"), fc_list=str(no_system_font))
    assert bare.verdict is Verdict.WARN and "fonts-noto-core" in bare.fix

    assert doctor.check_time_zone(local_offset=lambda: timedelta(hours=5)).verdict is Verdict.PASS
    utc_pc = doctor.check_time_zone(local_offset=lambda: timedelta(0))
    assert utc_pc.verdict is Verdict.WARN and "UTC+00:00" in utc_pc.found and "UTC+05:00" in utc_pc.found
    assert doctor.check_time_zone("Mars/Olympus").verdict is Verdict.FAIL

    assert doctor.check_disk(tmp_path / "not" / "yet").verdict in (Verdict.PASS, Verdict.WARN)
    assert "MB free" in doctor.check_disk(tmp_path).found


def test_a_large_write_ahead_log_is_worth_a_look(site_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "WAL_WARN_BYTES", 1024)
    conn = sqlite3.connect(site_db)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")  # a reader that never lets go looks like this
        conn.execute("CREATE TABLE filler (x BLOB)")
        conn.execute("INSERT INTO filler VALUES (zeroblob(65536))")
        conn.commit()
        result = doctor.check_database(f"sqlite:///{site_db}")
    finally:
        conn.close()
    assert result.verdict is Verdict.WARN
    assert "WAL 0.1 MB" in result.found and "checkpoint" in result.fix


def test_findings_are_coded_for_the_console_and_english_for_the_command_line(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QLocale, Qt

    from console.app import install_translations
    from console.names import finding_text, fix_text

    result = doctor.check_data_dir(tmp_path / "missing", [])
    assert (result.code, result.fix_code) == ("folder_missing", "folder_create")
    assert result.found == f"{tmp_path / 'missing'} does not exist"
    assert finding_text(result) == result.found and fix_text(result) == result.fix
    tr = install_translations(qapp, "ur")  # type: ignore[arg-type]
    try:
        assert finding_text(result) == f"\u2066{tmp_path / 'missing'}\u2069 موجود نہیں"
        assert fix_text(result) == "کنسول ایک بار چلائیں، یا فولڈر بنائیں"
    finally:
        qapp.removeTranslator(tr)  # type: ignore[attr-defined]
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # type: ignore[attr-defined]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
