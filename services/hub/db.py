"""Engine and migrations of the hub database (SQLite for demos, PostgreSQL in production)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "hub_alembic_version"


def make_engine(url: str) -> Engine:
    """An engine for the hub: WAL and a busy timeout on SQLite, a recycled pool on PostgreSQL."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            if engine.url.database and engine.url.database != ":memory:":
                cur.execute("PRAGMA journal_mode=WAL")
            # The hub is a reference server: NORMAL keeps WAL durable enough at a fraction of the fsyncs.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=15000")
            cur.close()

        return engine
    # No pre-ping: it is one more round trip on every lookup. A dropped connection fails one request
    # and SQLAlchemy then invalidates the pool, so the next request reconnects.
    return create_engine(url, pool_size=10, max_overflow=10, pool_recycle=1800)


def alembic_config(url: str) -> Config:
    """An Alembic config over the hub's own migrations and version table."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "heads") -> None:
    """Bring the hub database at ``url`` to the newest schema."""
    command.upgrade(alembic_config(url), revision)
