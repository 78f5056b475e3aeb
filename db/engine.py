"""Engine and session factory for the site store (SQLite by default, PostgreSQL by URL).

SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``: a token that was printed
must survive a power cut. Writes take ``BEGIN IMMEDIATE`` so two consoles (or processes)
serialise on the write lock instead of failing half-way; read-only sessions use a plain BEGIN.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

import db.audit_chain  # noqa: F401  (registers the audit hash chain on every session)

APP_NAME = "drc-console"
_READ_ONLY = "drc_read_only"


def data_dir() -> Path:
    """The site's data folder (database, certificates), created on first use readable by its owner only."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    restrict(path, 0o700)
    return path


def restrict(path: Path, mode: int = 0o600) -> None:
    """Make ``path`` private to its owner (POSIX; a no-op elsewhere or for files we do not own)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)


def default_db_path() -> Path:
    """The site database in the user's data dir (created on first use)."""
    return data_dir() / "site.sqlite3"


def default_url() -> str:
    """SQLAlchemy URL of the default site database."""
    return f"sqlite:///{default_db_path()}"


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """Create an engine with the production settings for its dialect."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, connect_args={"timeout": 15, "check_same_thread": False})
        _precreate_private(engine.url.database)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _precreate_private(database: str | None) -> None:
    """Create a new SQLite file 0600 before SQLite does (it would use the umask, often 0644)."""
    if not database or database == ":memory:" or database.startswith("file:") or os.name != "posix":
        return
    path = Path(database)
    with contextlib.suppress(FileExistsError, FileNotFoundError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    restrict(path)


def _restrict_sidecars(database: str | None) -> None:
    # SQLite makes the -wal and -shm files with the umask: they hold recent pages in clear.
    if database and database != ":memory:" and not database.startswith("file:"):
        for suffix in ("", "-wal", "-shm", "-journal"):
            side = Path(database + suffix)
            if side.exists():
                restrict(side)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook issue BEGIN itself, so it can choose IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not engine.url.database or engine.url.database == ":memory:":
            cur.execute("PRAGMA journal_mode=MEMORY")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.close()
        _restrict_sidecars(engine.url.database)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    """The two session factories a service needs: one for writes, one for reads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.write = sessionmaker(engine, expire_on_commit=False)
        self.read = sessionmaker(engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open a store on ``url`` (default: the user's site database)."""
        return cls(make_engine(url))

    @property
    def is_sqlite(self) -> bool:
        """True when the store is a SQLite file (no row locks; the write lock serialises)."""
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        """A new writing session (``with store.session() as s, s.begin(): ...``)."""
        return self.write()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
