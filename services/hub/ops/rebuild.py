"""Rebuild roll-ups from raw events (``drc-hub rollup rebuild``), with the same ``roll_up`` as ingestion.

Ingestion keeps roll-ups current incrementally; this recomputes them from scratch for a site
and a range of days, e.g. after a fix to the roll-up rules. Only days that still hold raw events
are rebuilt: days older than the raw-event retention (or simulated as roll-ups only) keep their
roll-ups as they are. Duplicate counts are not in the raw events and are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.hub.models import SiteEventRow
from services.hub.ops.ingest import history_of, lock_site
from services.hub.ops.months import refresh_months
from services.hub.ops.rollup import roll_up
from services.hub.ops.store import replace_rollups

CHUNK_DAYS = 31  # days rebuilt per transaction: bounds memory to a month of one site's events


@dataclass(frozen=True)
class Rebuilt:
    """What a rebuild did for one site."""

    site_id: str
    days: int
    events: int


def raw_days(ses: Session, site_id: str, first: date | None, last: date | None) -> list[date]:
    """The days of ``site_id`` (within ``first..last`` when given) that hold raw events."""
    q = select(SiteEventRow.day).distinct().where(SiteEventRow.site_id == site_id)
    if first is not None:
        q = q.where(SiteEventRow.day >= first)
    if last is not None:
        q = q.where(SiteEventRow.day <= last)
    return sorted(ses.scalars(q))


def rebuild_days(ses: Session, site_id: str, days: list[date]) -> int:
    """Replace the roll-ups of ``site_id`` on ``days`` by a full roll-up of their tokens; returns events read.

    Every token with an event on those days is judged on its whole history (its other days too),
    exactly as incremental ingestion judges it.
    """
    if not days:
        return 0
    lock_site(ses, site_id)
    wanted = set(days)
    tokens = set(ses.scalars(select(SiteEventRow.token_id).distinct().where(
        SiteEventRow.site_id == site_id, SiteEventRow.day >= min(days), SiteEventRow.day <= max(days))))
    events = history_of(ses, site_id, tokens)
    replace_rollups(ses, roll_up(events, wanted), [(site_id, d) for d in sorted(wanted)], months=False)
    refresh_months(ses, wanted, [site_id])  # a repair re-sums its months rather than trusting them
    # A new version of the site's hub_site_seen row: cached regional answers (ops.answers) are stale now.
    ses.execute(text("UPDATE hub_site_seen SET last_seen = last_seen WHERE site_id = :s"), {"s": site_id})
    return len(events)


def rebuild_site(ses: Session, site_id: str, first: date | None = None, last: date | None = None) -> Rebuilt:
    """Rebuild one site's roll-ups over ``first..last`` (default: every day with raw events), a month per commit."""
    days = raw_days(ses, site_id, first, last)
    events, i = 0, 0
    while i < len(days):
        chunk = [d for d in days[i:] if d < days[i] + timedelta(days=CHUNK_DAYS)]
        events += rebuild_days(ses, site_id, chunk)
        ses.commit()
        i += len(chunk)
    return Rebuilt(site_id, len(days), events)


def sites_with_events(ses: Session) -> list[str]:
    """Every site the hub holds raw events of."""
    return sorted(ses.scalars(select(SiteEventRow.site_id).distinct()))

