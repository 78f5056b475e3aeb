"""Monthly partitions of ``hub_site_event`` on PostgreSQL: created ahead, dropped after retention.

Raw events are the bulky part (a year of 617 sites is ~200 million rows); roll-ups are small and
kept for ever. So raw events live in one partition per month of their business day, partitions
are created before they are needed (at start-up, and for any month an upload reaches), and
``drop_old_partitions`` removes whole months past the retention - a metadata operation, not a
DELETE. SQLite (demo hubs) has one plain table and none of this.
"""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import Connection, Engine, text

PARENT = "hub_site_event"
PARTITION_LOCK = 0x44524348  # advisory lock key held while creating partitions ("DRCH")


def month_start(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after ``month`` (n may be negative)."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def partition_name(month: date) -> str:
    """``hub_site_event_y2026m03``."""
    return f"{PARENT}_y{month.year:04d}m{month.month:02d}"


def is_partitioned(conn: Connection) -> bool:
    """Whether the events table is a partitioned PostgreSQL table."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.execute(text("SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                                  "WHERE c.relname = :t"), {"t": PARENT}).first())


def existing_months(conn: Connection) -> set[date]:
    """Months that have a partition now."""
    rows = conn.execute(text("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                             "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = :t"), {"t": PARENT})
    months = set()
    for (name,) in rows:
        tail = name.removeprefix(PARENT + "_y")
        months.add(date(int(tail[:4]), int(tail[5:7]), 1))
    return months


def create_month(conn: Connection, month: date) -> None:
    """Create one month's partition if it does not exist."""
    nxt = add_months(month, 1)
    conn.execute(text(f'CREATE TABLE IF NOT EXISTS "{partition_name(month)}" PARTITION OF {PARENT} '
                      f"FOR VALUES FROM ('{month.isoformat()}') TO ('{nxt.isoformat()}')"))


def drop_old_partitions(conn: Connection, today: date, keep_months: int) -> list[str]:
    """Drop partitions wholly older than the ``keep_months`` months up to ``today``'s; returns their names."""
    oldest_kept = add_months(month_start(today), -(keep_months - 1))
    dropped = []
    for month in sorted(existing_months(conn)):
        if month < oldest_kept:
            conn.execute(text(f'DROP TABLE IF EXISTS "{partition_name(month)}"'))
            dropped.append(partition_name(month))
    return dropped


class PartitionKeeper:
    """Makes sure a month has its partition before rows for it are inserted (cached per process)."""

    def __init__(self, engine: Engine, *, ahead: int = 2) -> None:
        self.engine = engine
        self.ahead = ahead
        self._known: set[date] = set()
        self._lock = threading.Lock()
        self._active: bool | None = None

    def active(self) -> bool:
        """True on a partitioned PostgreSQL table."""
        if self._active is None:
            with self.engine.connect() as conn:
                self._active = is_partitioned(conn)
                if self._active:
                    self._known |= existing_months(conn)
        return self._active

    def ensure(self, days: set[date], today: date | None = None) -> None:
        """Create the partitions of ``days``' months (and ``ahead`` months past ``today``) that are missing."""
        if not self.active():
            return
        months = {month_start(d) for d in days}
        if today is not None:
            months |= {add_months(month_start(today), n) for n in range(self.ahead + 1)}
        missing = months - self._known
        if not missing:
            return
        with self._lock, self.engine.begin() as conn:
            # Several hub processes may reach a new month at once; CREATE ... IF NOT EXISTS alone races.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PARTITION_LOCK})
            for month in sorted(missing - existing_months(conn)):
                create_month(conn, month)
            self._known |= missing
