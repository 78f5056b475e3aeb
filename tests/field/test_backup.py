"""Backups and restore of the site store through ``drc-console backup`` / ``restore`` and the service."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from db.engine import Store
from services.backup import AUTO_PREFIX, AutoBackup, BackupError, auto_backups, backup_now, inspect_backup, restore
from services.clock import FixedClock
from tests.command_line import run_cli
from tests.conftest import simulated_site_db

DAY = date(2026, 3, 4)


pytestmark = pytest.mark.usefixtures("no_user_config")


def _day(tmp_path: Path, name: str = "site.sqlite3", site_id: str = "PK10101-01", tokens: int = 60) -> str:
    return simulated_site_db(tmp_path / name, DAY, tokens=tokens, counters=3, seed=5, site_id=site_id)


def _export(url: str, out: Path) -> str:
    rc, _, err = run_cli("export", "events", "--date", DAY.isoformat(), "--out", str(out), "--db", url)
    assert rc == 0, err
    return out.read_text(encoding="utf-8")


def _damage_the_day(url: str) -> None:
    """What a bad day looks like: events lost, one token added after the backup."""
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    with conn:
        conn.execute("DELETE FROM token_event WHERE id % 3 = 0")
    conn.close()


def test_backup_and_restore_round_trip_a_day_with_equal_event_exports(tmp_path: Path) -> None:
    url = _day(tmp_path)
    before = _export(url, tmp_path / "before.csv")
    assert before.count("\n") > 100
    copy = tmp_path / "usb" / "day.sqlite3"

    rc, out, err = run_cli("backup", "--db", url, "--out", str(copy))
    assert rc == 0, err
    assert "60 tokens" in out
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    _damage_the_day(url)
    assert _export(url, tmp_path / "damaged.csv") != before

    rc, out, err = run_cli("restore", str(copy), "--db", url, "--yes")
    assert rc == 0, err
    assert "previous database was saved as" in out
    assert _export(url, tmp_path / "after.csv") == before
    saved = next((tmp_path / "backups").glob("site-pre-restore-*.sqlite3"))
    assert inspect_backup(saved).events < inspect_backup(copy).events  # the damaged state was kept aside


def test_restore_asks_first_and_a_no_leaves_the_database_alone(tmp_path: Path) -> None:
    url = _day(tmp_path)
    copy = tmp_path / "copy.sqlite3"
    backup_now(url, copy)
    _damage_the_day(url)
    damaged = _export(url, tmp_path / "damaged.csv")

    rc, out, _ = run_cli("restore", str(copy), "--db", url, stdin="n\n")
    assert rc == 1
    assert "Replace" in out and "nothing was restored" in out
    assert _export(url, tmp_path / "still.csv") == damaged

    rc, _, _ = run_cli("restore", str(copy), "--db", url, stdin="yes\n")
    assert rc == 0
    assert _export(url, tmp_path / "restored.csv") != damaged


def _untouched(url: str, tmp_path: Path, backup: Path, expected: str) -> None:
    rc, _, err = run_cli("restore", str(backup), "--db", url, "--yes")
    assert rc == 1
    assert "drc-console restore:" in err
    assert _export(url, tmp_path / "check.csv") == expected
    assert not list(tmp_path.glob("backups/*pre-restore*"))  # refused before anything was touched


def test_restore_refuses_a_corrupt_backup_and_keeps_the_database(tmp_path: Path) -> None:
    url = _day(tmp_path)
    before = _export(url, tmp_path / "before.csv")
    good = tmp_path / "good.sqlite3"
    backup_now(url, good)
    data = bytearray(good.read_bytes())
    # Overwrite the middle of the file (b-tree pages) with noise: the header still says SQLite.
    for i in range(len(data) // 3, len(data) // 3 + 8192):
        data[i] = (i * 37) % 251
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(bytes(data))
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[:5000])
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all", encoding="utf-8")

    for bad in (corrupt, truncated, text):
        with pytest.raises(BackupError):
            inspect_backup(bad)
        _untouched(url, tmp_path, bad, before)


def test_restore_refuses_a_foreign_backup_and_keeps_the_database(tmp_path: Path) -> None:
    url = _day(tmp_path)
    before = _export(url, tmp_path / "before.csv")
    other_site = Path(_day(tmp_path, "other.sqlite3", site_id="PK20202-01", tokens=10).removeprefix("sqlite:///"))
    other_app = tmp_path / "other-app.sqlite3"
    conn = sqlite3.connect(other_app)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite3"
    backup_now(url, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfacef00d'")
    conn.commit()
    conn.close()

    for bad, reason in ((other_site, "belongs to site PK20202-01"), (other_app, "not a DRC Console site database"),
                        (newer, "does not know")):
        rc, _, err = run_cli("restore", str(bad), "--db", url, "--yes")
        assert rc == 1
        assert reason in err
        assert _export(url, tmp_path / "check.csv") == before


def test_restore_into_a_missing_database_creates_it(tmp_path: Path) -> None:
    url = _day(tmp_path)
    copy = tmp_path / "copy.sqlite3"
    backup_now(url, copy)
    new_url = f"sqlite:///{tmp_path / 'new-pc' / 'site.sqlite3'}"
    info, previous = restore(copy, new_url)
    assert previous is None
    assert _export(new_url, tmp_path / "a.csv") == _export(url, tmp_path / "b.csv")
    assert info.tokens == 60


def test_backup_of_postgresql_or_a_missing_file_says_why(tmp_path: Path) -> None:
    rc, _, err = run_cli("backup", "--db", "postgresql+psycopg://x@127.0.0.1/none", "--out", str(tmp_path / "x"))
    assert rc == 1 and "pg_dump" in err
    rc, _, err = run_cli("backup", "--db", f"sqlite:///{tmp_path / 'nothing.sqlite3'}", "--out", str(tmp_path / "x"))
    assert rc == 1 and "no such database file" in err
    assert not (tmp_path / "x").exists()


def test_automatic_backups_every_n_hours_after_close_of_day_and_rotated(tmp_path: Path) -> None:
    url = _day(tmp_path, tokens=5)
    folder = tmp_path / "usb"
    clock = FixedClock(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    closed: list[datetime] = []
    auto = AutoBackup(url, folder, every_hours=2, keep=3, clock=clock, last_close=lambda: max(closed, default=None))

    first = auto.run_if_due()
    assert first is not None and first.path.name.startswith(AUTO_PREFIX) and "scheduled" in first.path.name
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    clock.advance(timedelta(hours=1, minutes=59))
    assert auto.due() is None and auto.run_if_due() is None
    clock.advance(timedelta(minutes=1))
    assert auto.due() == "scheduled"
    auto.run_if_due()

    clock.advance(timedelta(minutes=10))
    closed.append(clock.now())
    clock.advance(timedelta(seconds=30))
    assert auto.due() == "close-of-day"
    assert "close-of-day" in auto.run_if_due().path.name  # type: ignore[union-attr]
    assert auto.due() is None  # one copy per close

    for _ in range(3):
        clock.advance(timedelta(hours=2))
        auto.run_if_due()
    kept = auto_backups(folder)
    assert len(kept) == 3
    assert kept[-1].name.startswith(f"{AUTO_PREFIX}20260304-171030-scheduled")
    assert first.path not in kept


def test_the_day_close_time_drives_the_close_of_day_copy(tmp_path: Path, clock: FixedClock) -> None:
    from services.backup import last_close_of_day
    from services.day import CloseChoice, DayService
    from services.queue import QueuePolicy, QueueService
    from services.roles import Actor, Role

    url = _day(tmp_path, tokens=3)
    store = Store.open(url)
    try:
        days = DayService(store, clock, "PK10101-01", QueueService(store, clock, "PK10101-01", QueuePolicy()))
        boss = Actor("supervisor", Role.SUPERVISOR)
        assert last_close_of_day(store) is None
        days.open_day(actor=boss)
        days.close_day(CloseChoice.CANCEL, actor=boss)
        assert last_close_of_day(store) == clock.now()
    finally:
        store.dispose()
