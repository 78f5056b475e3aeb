"""The first token of a day opens the day (a token issued after the close reopens it).

Otherwise the Counters page would say "not opened yet" (or "closed") while visitors wait. Runs
inside the issuing transaction, through the ORM, so the audit chain records ``day_opened`` /
``day_reopened`` as for the explicit Day > Open; the common case costs one indexed read.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.models import BusinessDay
from services.queue import statements as sql


def open_day_at_first_token(conn: Connection, site_id: str, day: date, now: datetime, username: str) -> None:
    """Open (or reopen) ``day`` for ``site_id`` unless it is open already; joins ``conn``'s transaction."""
    row = conn.execute(sql.DAY_ROW, {"site_id": site_id, "day": day}).first()
    if row is not None and row.closed_at is None:
        return
    with Session(bind=conn) as s:
        if row is None:
            s.add(BusinessDay(site_id=site_id, day=day, opened_at=now, opened_by=username))
        else:
            bd = s.get_one(BusinessDay, row.id)
            bd.closed_at, bd.closed_by = None, None
        s.flush()
