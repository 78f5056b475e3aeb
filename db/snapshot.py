"""Consistent copies of a live SQLite site store through SQLite's online backup API.

A copy is taken while consoles keep writing (the backup API copies a consistent snapshot),
written to a temporary file that only the site's account can read (0600), checked with
``PRAGMA integrity_check``, flushed to disk and only then renamed into place: a power cut
leaves either the old file or a complete new one. The copy is a plain rollback-journal file,
so it opens read-only anywhere without WAL side files.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

SQLITE_MAGIC = b"SQLite format 3\x00"


class SnapshotError(Exception):
    """A copy or a replacement could not be made; the message says why, nothing was replaced."""


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def integrity_problem(path: Path) -> str | None:
    """Why the SQLite file at ``path`` cannot be trusted, or None when it is sound."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if head != SQLITE_MAGIC:
        return "is not a SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"cannot be opened ({exc})"
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})"
    finally:
        conn.close()
    verdict = "; ".join(str(r[0]) for r in rows[:3])
    return None if verdict == "ok" else f"failed the integrity check ({verdict})"


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_sqlite(source: Path, target: Path) -> Path:
    """Copy the live database ``source`` to ``target`` (0600, verified, atomic); returns ``target``."""
    if not source.is_file():
        raise SnapshotError(f"{source}: no such database file")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        src = sqlite3.connect(source, timeout=30)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        os.chmod(tmp, 0o600)
        problem = integrity_problem(tmp)
        if problem:
            raise SnapshotError(f"the copy of {source} {problem}")
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise SnapshotError(f"{source}: could not copy ({exc})") from None
    except OSError as exc:
        raise SnapshotError(f"{target}: could not write the copy ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target


def replace_sqlite(target: Path, backup: Path) -> None:
    """Make the database ``target`` hold exactly what ``backup`` holds, through the backup API.

    Writing through SQLite (not renaming files) keeps the live database's WAL consistent and
    takes the write lock, so a console that is still open sees the restored data, not a torn file.
    """
    problem = integrity_problem(backup)
    if problem:
        raise SnapshotError(f"{backup} {problem}")
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
            verdict = dst.execute("PRAGMA integrity_check").fetchone()
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        raise SnapshotError(f"{target}: could not restore from {backup} ({exc})") from None
    if not verdict or verdict[0] != "ok":
        raise SnapshotError(f"{target}: the restored database failed the integrity check")
