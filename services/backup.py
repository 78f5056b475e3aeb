"""Backups of the site store: on demand, automatic (every N hours and after close of day), rotated,
and a restore that checks a backup before it replaces anything.

Copies are SQLite online backups (``db.snapshot``): consoles keep working while one is taken.
A restore refuses a file that is damaged, is not a DRC site store, was made by a newer version
of the console, or belongs to another site; the current database stays as it was. Before it
replaces anything it takes one more copy of the current database, so a restore can be undone.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from db.engine import Store
from db.migrate import backup_folder_for, known_revisions, upgrade
from db.models import BusinessDay
from db.snapshot import SnapshotError, copy_sqlite, integrity_problem, replace_sqlite, sqlite_file
from services.clock import Clock

log = logging.getLogger(__name__)

AUTO_PREFIX = "drc-site-auto-"
STAMP = "%Y%m%d-%H%M%S"
# A site store has at least these tables at every revision of the schema.
SITE_TABLES = frozenset({"alembic_version", "site", "counter", "staff", "token", "token_event", "outbox"})


class BackupError(Exception):
    """A backup or restore was refused or failed; the message says why. Nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds."""

    path: Path
    revision: str
    sites: tuple[str, ...]
    tokens: int
    events: int


def database_file(url: str) -> Path:
    """The SQLite file of the site store at ``url``; other databases have their own backup tools."""
    path = sqlite_file(url)
    if path is None:
        raise BackupError(f"{url.split('://', 1)[0]}: only a SQLite site store can be backed up here; "
                          "back up PostgreSQL with pg_dump")
    return path


def backup_folder(configured: str, db: Path) -> Path:
    """Where backups go: the configured ``[backup] folder`` (e.g. a USB stick), else ``backups`` beside ``db``."""
    return Path(configured).expanduser() if configured else backup_folder_for(db)


def _site_ids(conn: sqlite3.Connection) -> set[str]:
    try:
        return {str(r[0]) for r in conn.execute("SELECT id FROM site")}
    except sqlite3.DatabaseError:
        return set()


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a sound site store this version can restore, and say what it holds."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    problem = integrity_problem(path)
    if problem:
        raise BackupError(f"{path} {problem}; it cannot be restored")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = SITE_TABLES - tables
        if missing:
            raise BackupError(f"{path} is not a DRC Console site database (no {', '.join(sorted(missing))} table)")
        revisions = [str(r[0]) for r in conn.execute("SELECT version_num FROM alembic_version")]
        unknown = set(revisions) - known_revisions()
        if not revisions or unknown:
            raise BackupError(f"{path} has schema {', '.join(sorted(unknown)) or '(none)'}, which this version "
                              "of DRC Console does not know (made by a newer version?)")
        tokens = int(conn.execute("SELECT count(*) FROM token").fetchone()[0])
        events = int(conn.execute("SELECT count(*) FROM token_event").fetchone()[0])
        sites = tuple(sorted(_site_ids(conn)))
    finally:
        conn.close()
    return BackupInfo(path, ",".join(sorted(revisions)), sites, tokens, events)


def backup_now(url: str, out: Path) -> BackupInfo:
    """Copy the live site store at ``url`` to ``out`` (0600) and verify the copy."""
    try:
        copy_sqlite(database_file(url), out)
    except SnapshotError as exc:
        raise BackupError(str(exc)) from None
    return inspect_backup(out)


def restore(backup: Path, url: str, *, safety_folder: Path | None = None) -> tuple[BackupInfo, Path | None]:
    """Replace the site store at ``url`` with ``backup`` after checking it; then bring it to the newest schema.

    Returns what was restored and the copy of the previous database taken first (None when there
    was no database yet). Refuses a backup of another site when the current store names a site.
    """
    info = inspect_backup(backup)
    target = database_file(url)
    previous: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            current_sites = _site_ids(conn)
        finally:
            conn.close()
        if current_sites and not current_sites & set(info.sites):
            raise BackupError(f"{backup} belongs to site {', '.join(info.sites) or '(none)'}, but this database "
                              f"is site {', '.join(sorted(current_sites))}; nothing was restored")
        folder = safety_folder or backup_folder_for(target)
        stamp = datetime.now(UTC).strftime(STAMP)
        try:
            previous = copy_sqlite(target, folder / f"{target.stem}-pre-restore-{stamp}.sqlite3")
        except SnapshotError as exc:
            raise BackupError(f"could not save the current database first ({exc}); nothing was restored") from None
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        replace_sqlite(target, backup)
    except SnapshotError as exc:
        raise BackupError(str(exc)) from None
    upgrade(url)
    log.info("restored %s from %s (%d tokens, %d events)", target, backup, info.tokens, info.events)
    return info, previous


def auto_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first (names carry the UTC time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{AUTO_PREFIX}*.sqlite3") if p.is_file())


def _taken_at(path: Path) -> datetime | None:
    stamp = path.name[len(AUTO_PREFIX):len(AUTO_PREFIX) + 15]
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns the deleted files."""
    old = auto_backups(folder)[:-keep] if keep > 0 else []
    for path in old:
        path.unlink(missing_ok=True)
    return old


def last_close_of_day(store: Store) -> datetime | None:
    """When a business day of this store was last closed (None before the first close)."""
    with store.read() as s:
        return s.scalar(select(func.max(BusinessDay.closed_at)))


class AutoBackup:
    """Decides when the site store is copied: every ``every_hours``, and once after each close of day."""

    def __init__(self, url: str, folder: Path, *, every_hours: float, keep: int, clock: Clock,
                 last_close: Callable[[], datetime | None]) -> None:
        self.url = url
        self.folder = folder
        self.every = timedelta(hours=every_hours) if every_hours > 0 else None
        self.keep = keep
        self.clock = clock
        self.last_close = last_close

    def last_backup(self) -> datetime | None:
        """When the newest automatic backup was taken."""
        times = [t for t in (_taken_at(p) for p in auto_backups(self.folder)) if t is not None]
        return max(times, default=None)

    def due(self) -> str | None:
        """Why a backup is due now ("close-of-day" or "scheduled"), or None."""
        now = self.clock.now()
        last = self.last_backup()
        closed = self.last_close()
        if closed is not None and (last is None or closed > last):
            return "close-of-day"
        if self.every is not None and (last is None or now - last >= self.every):
            return "scheduled"
        return None

    def run_if_due(self) -> BackupInfo | None:
        """Take, verify and rotate an automatic backup when one is due; returns it, or None."""
        reason = self.due()
        if reason is None:
            return None
        # Seconds in the name keep two backups apart; a second one in the same second replaces the first.
        name = f"{AUTO_PREFIX}{self.clock.now().astimezone(UTC).strftime(STAMP)}-{reason}.sqlite3"
        info = backup_now(self.url, self.folder / name)
        rotate(self.folder, self.keep)
        log.info("automatic backup (%s): %s", reason, info.path)
        return info
