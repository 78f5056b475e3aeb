"""Keep ``hub_site_month`` equal to the sum of its ``hub_site_day`` rows.

Run after any change to daily roll-ups (ingestion, the network simulator): the touched months of
the touched sites are recomputed with one ``INSERT ... SELECT ... GROUP BY`` each.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from services.hub.models import SiteDay, SiteMonth
from services.hub.ops.partitions import add_months, month_start
from services.hub.ops.regional import SUMMED


def refresh_months(ses: Session | Connection, months: Iterable[date], site_ids: Iterable[str] | None = None) -> None:
    """Recompute the given months (first days) for ``site_ids`` (None: every site)."""
    sites = None if site_ids is None else sorted(set(site_ids))
    for month in sorted({month_start(m) for m in months}):
        nxt = add_months(month, 1)
        gone: Any = delete(SiteMonth).where(SiteMonth.month == month)
        source = (select(SiteDay.site_id, literal(month).label("month"),
                         *[func.sum(getattr(SiteDay, k)) for k in SUMMED],
                         func.count(SiteDay.day).filter(SiteDay.events > 0))
                  .where(SiteDay.day >= month, SiteDay.day < nxt).group_by(SiteDay.site_id))
        if sites is not None:
            gone = gone.where(SiteMonth.site_id.in_(sites))
            source = source.where(SiteDay.site_id.in_(sites))
        ses.execute(gone)
        ses.execute(insert(SiteMonth).from_select(["site_id", "month", *SUMMED, "days_reporting"], source))


def refresh_all_months(conn: Connection) -> None:
    """Rebuild every month that has daily rows (migrations, repairs)."""
    low, high = conn.execute(select(func.min(SiteDay.day), func.max(SiteDay.day))).one()
    if low is None:
        return
    months, month = [], month_start(low)
    while month <= high:
        months.append(month)
        month = add_months(month, 1)
    refresh_months(conn, months)
