"""Apply the site store's Alembic migrations (``drc-console db upgrade``), safely.

Before a SQLite store with data is migrated, it is copied (``db.snapshot``) and a marker file
``<db>.migrating`` names the copy. A migration that raises is rolled back to the copy at once;
one that is killed (power cut, task manager) leaves the marker, and the next ``upgrade`` puts the
copy back before it tries again. PostgreSQL runs each migration in its own transaction instead.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from db.engine import default_url
from db.snapshot import SnapshotError, copy_sqlite, replace_sqlite, sqlite_file

MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


class MigrationError(Exception):
    """A migration failed; the message says whether the database was put back as it was."""


def alembic_config(url: str | None = None, migrations: Path = MIGRATIONS) -> Config:
    """An Alembic config pointing at ``migrations`` (default: this package's) and ``url``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    cfg.set_main_option("sqlalchemy.url", (url or default_url()).replace("%", "%%"))
    return cfg


def marker_for(db: Path) -> Path:
    """The file that says a migration of ``db`` started and names the copy taken before it."""
    return db.with_name(db.name + ".migrating")


def backup_folder_for(db: Path) -> Path:
    """Where the copies taken before migrations go: ``backups`` beside the database."""
    return db.parent / "backups"


def _applied(url: str) -> set[str] | None:
    """The revisions the database is at; None when it has no tables at all (a new store)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).get_table_names():
                return None
            return set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()


def recover_interrupted(db: Path) -> bool:
    """Put back the copy named by a migration marker left by a killed migration; True if it did."""
    marker = marker_for(db)
    if not marker.exists():
        return False
    try:
        backup = Path(json.loads(marker.read_text(encoding="utf-8"))["backup"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MigrationError(f"{marker}: unreadable migration marker ({exc}); the database was not touched") from None
    _roll_back(db, backup, f"an earlier migration of {db} was interrupted")
    log.warning("an interrupted migration of %s was rolled back to %s", db, backup)
    return True


def _roll_back(db: Path, backup: Path, what: str) -> None:
    """Put ``backup`` back into ``db`` and drop the marker; if that fails the marker stays for the next try."""
    try:
        replace_sqlite(db, backup)
    except SnapshotError as exc:
        raise MigrationError(f"{what} and the backup {backup} could not be restored ({exc}); "
                             f"{marker_for(db)} stays so the next start tries again") from None
    marker_for(db).unlink()


def upgrade(url: str | None = None, revision: str = "heads", *, migrations: Path = MIGRATIONS) -> Path | None:
    """Bring the database at ``url`` to the newest schema; returns the backup taken first, if any."""
    url = url or default_url()
    cfg = alembic_config(url, migrations)
    db = sqlite_file(url)
    if db is None or not db.exists() or db.stat().st_size == 0:
        command.upgrade(cfg, revision)
        return None
    recover_interrupted(db)
    applied = _applied(url)
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    if applied is None or applied == heads:
        command.upgrade(cfg, revision)  # a new store, or nothing to do
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = copy_sqlite(db, backup_folder_for(db) / f"{db.stem}-pre-migrate-{stamp}.sqlite3")
    marker = marker_for(db)
    with marker.open("w", encoding="utf-8") as fh:
        json.dump({"backup": str(backup), "from": sorted(applied)}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        command.upgrade(cfg, revision)
    except Exception as exc:
        _roll_back(db, backup, f"migration failed ({exc})")
        raise MigrationError(f"migration failed ({exc}); the database was rolled back to {backup}") from exc
    marker.unlink()
    log.info("migrated %s from %s (backup %s)", db, ",".join(sorted(applied)), backup)
    return backup


def current_heads() -> set[str]:
    """Revision ids of the newest migrations in the tree."""
    return set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def known_revisions(migrations: Path = MIGRATIONS) -> set[str]:
    """Every revision id in the migration tree (a backup at any of them can be restored and upgraded)."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://", migrations))
    return {rev.revision for rev in script.walk_revisions()}
