"""Ingest a site's batch of token events: validate the window, drop what the hub already holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from services.clock import SITE_ZONE
from services.hub import schemas as s
from services.hub.deps import Problem
from services.hub.models import SiteEventRow

# A site may upload late (offline for weeks) but not from the far past or the future.
MAX_AGE = timedelta(days=400)
MAX_AHEAD = timedelta(days=2)


@dataclass(frozen=True)
class IngestCounts:
    """What a batch did."""

    accepted: int
    duplicates: int


def check_window(events: Sequence[s.SiteEventIn], today: date) -> None:
    """422 unless every event lies between ``today - MAX_AGE`` and ``today + MAX_AHEAD``."""
    low = datetime.combine(today - MAX_AGE, datetime.min.time())
    high = datetime.combine(today + MAX_AHEAD, datetime.min.time())
    for i, ev in enumerate(events):
        if not low <= ev.at <= high:
            raise Problem(422, "Invalid request", f"events.{i}.at: {ev.at.isoformat()}Z is outside the accepted "
                          f"window {low.date()} .. {high.date()}", "invalid-request")


def event_row(site_id: str, ev: s.SiteEventIn) -> dict[str, Any]:
    """The stored row of one event (``ev.at`` is already naive UTC)."""
    return {"uuid": ev.uuid, "site_id": site_id, "token_id": ev.token_id, "token_number": ev.token_number,
            "update_type": ev.update_type, "priority": ev.priority, "kind": ev.kind, "at": ev.at,
            "day": ev.at.replace(tzinfo=UTC).astimezone(SITE_ZONE).date(), "actor": ev.actor,
            "counter": ev.counter, "payload": ev.payload}


def ingest(ses: Session, site_id: str, events: Sequence[s.SiteEventIn]) -> IngestCounts:
    """Store the new events of a batch in the session's transaction; uuids already held are duplicates."""
    batch: dict[str, s.SiteEventIn] = {}
    for ev in events:
        batch.setdefault(ev.uuid, ev)
    known: set[str] = set()
    uuids = list(batch)
    for i in range(0, len(uuids), 500):
        known |= set(ses.execute(select(SiteEventRow.uuid).where(SiteEventRow.site_id == site_id,
                                                                 SiteEventRow.uuid.in_(uuids[i:i + 500]))).scalars())
    rows = [event_row(site_id, ev) for uid, ev in batch.items() if uid not in known]
    if rows:
        # ON CONFLICT DO NOTHING: a concurrent resend of the same batch must not fail.
        dialect = ses.get_bind().dialect.name
        ins = postgresql.insert(SiteEventRow) if dialect == "postgresql" else sqlite.insert(SiteEventRow)
        ses.execute(ins.on_conflict_do_nothing(), rows)
    return IngestCounts(len(rows), len(events) - len(rows))
