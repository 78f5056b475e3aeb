"""The site store's schema comes from the migrations, matches the models, and runs with the production pragmas."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError

import db
from db.engine import Store
from db.migrate import alembic_config, current_heads, upgrade
from db.models import Base, Site, Token, TokenState, UpdateType, UTCDateTime
from services.clock import SITE_ZONE
from tests.conftest import simulated_site_db

CORE_TABLES = {"site", "counter", "staff", "counter_assignment", "business_day", "token_sequence", "token",
               "token_event", "outbox", "audit", "alembic_version"}


def _all_models() -> None:
    """Import db/models_<area>.py too: other areas add tables to the same Base through their own migrations."""
    for mod in pkgutil.iter_modules(db.__path__):
        if mod.name.startswith("models"):
            importlib.import_module(f"db.{mod.name}")


def _schema_diff(url: str) -> list[object]:
    _all_models()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(ctx, Base.metadata))
    finally:
        engine.dispose()


def _revisions(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()


def _check_fresh_upgrade(url: str) -> None:
    engine = create_engine(url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()
    upgrade(url)
    engine = create_engine(url)
    try:
        assert set(inspect(engine).get_table_names()) >= CORE_TABLES
    finally:
        engine.dispose()
    assert _revisions(url) == current_heads()
    assert _schema_diff(url) == []
    upgrade(url)  # a second run is a no-op
    assert _revisions(url) == current_heads()


def test_upgrade_from_empty_on_sqlite(tmp_path: Path) -> None:
    _check_fresh_upgrade(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")


@pytest.mark.postgres
def test_upgrade_from_empty_on_postgres(pg_url: str) -> None:
    _check_fresh_upgrade(pg_url)


def test_migrations_round_trip_on_sqlite_with_a_day_in_the_store(tmp_path: Path) -> None:
    """Down to the first revision with a simulated day in the store (batch mode rebuilds ``token``, which
    the events point at), the day kept; down to nothing; up again to the models' schema."""
    url = simulated_site_db(tmp_path / "site.sqlite3", date(2026, 3, 4), tokens=30, counters=3, seed=2)

    def rows() -> list[int]:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return [conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ("token", "token_event")]
        finally:
            engine.dispose()

    day = rows()
    assert min(day) > 0
    command.downgrade(alembic_config(url), "0001")
    assert rows() == day
    command.downgrade(alembic_config(url), "base")
    engine = create_engine(url)
    assert inspect(engine).get_table_names() == ["alembic_version"]
    engine.dispose()
    upgrade(url)
    assert _revisions(url) == current_heads()
    assert _schema_diff(url) == []


def test_schema_diff_detects_a_missing_column(sqlite_url: str) -> None:
    """The comparison itself can fail: drop a column and it must report it."""
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit DROP COLUMN detail"))
    engine.dispose()
    diff = _schema_diff(sqlite_url)
    assert any(d[0] == "add_column" and d[2] == "audit" and d[3].name == "detail" for d in diff)  # type: ignore[index]


def test_store_connections_use_the_production_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    with store.read() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(store: Store) -> None:
    now = datetime.now(UTC)
    with pytest.raises(IntegrityError), store.session() as s, s.begin():
        s.add(Token(site_id="NOWHERE", business_day=date(2026, 3, 4), issued_type=UpdateType.ROSTER,
                    update_type=UpdateType.ROSTER, seq=1, number="R-001", state=TokenState.WAITING,
                    issued_at=now, queued_at=now))


def test_write_sessions_take_the_write_lock_at_begin_and_reads_do_not(store: Store, sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with store.read() as s:
            s.execute(select(Site.id)).all()
            other.execute("BEGIN IMMEDIATE")  # a reader does not hold the write lock
            other.execute("ROLLBACK")
        with store.session() as s, s.begin():
            s.execute(select(Site.id)).all()  # no write yet, but BEGIN IMMEDIATE already took the lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_utc_datetime_rejects_naive_and_stores_utc(store: Store) -> None:
    col = UTCDateTime()
    with pytest.raises(ValueError, match="naive"):
        col.process_bind_param(datetime(2026, 3, 4, 10, 0), None)
    pkt = datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE)
    assert col.process_bind_param(pkt, None) == datetime(2026, 3, 4, 5, 0)
    with store.session() as s, s.begin():
        s.add(Site(id="X", name="x"))
    with pytest.raises(StatementError) as info, store.session() as s, s.begin():
        s.add(Token(site_id="X", business_day=date(2026, 3, 4), issued_type=UpdateType.ROSTER,
                    update_type=UpdateType.ROSTER, seq=1, number="R-001", state=TokenState.WAITING,
                    issued_at=datetime(2026, 3, 4, 10, 0), queued_at=pkt))
    assert isinstance(info.value.orig, ValueError)
    with store.session() as s, s.begin():
        s.add(Token(site_id="X", business_day=date(2026, 3, 4), issued_type=UpdateType.ROSTER,
                    update_type=UpdateType.ROSTER, seq=1, number="R-001", state=TokenState.WAITING,
                    issued_at=pkt, queued_at=pkt))
    with store.read() as s:
        t = s.scalar(select(Token))
        assert t is not None and t.issued_at == pkt and t.issued_at.tzinfo is UTC
        raw = s.execute(text("SELECT issued_at FROM token")).scalar()
    assert str(raw).startswith("2026-03-04 05:00:00")
