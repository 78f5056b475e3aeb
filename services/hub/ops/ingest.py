"""Ingest a site's batch of token events, and keep its roll-ups current in the same transaction.

One transaction per batch: take the site's lock (so two uploads of one site do not interleave
their roll-up rewrites), insert the new events with ``ON CONFLICT DO NOTHING RETURNING`` (what
comes back is what was new; the rest are duplicates, counted per day), then roll the new events
in incrementally: only the tokens they belong to are rolled up again (their whole history, read
before the insert, without and with the new events) and the difference is applied to the
site-days those tokens touch. If the hub dies before the commit, nothing of the batch is kept,
and the site's retry is counted once. ``drc-hub rollup rebuild`` recomputes roll-ups from raw
events with the same ``roll_up``.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Date, DateTime, Integer, any_, bindparam, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from services.hub.deps import Problem
from services.hub.models import SiteEventRow
from services.hub.ops.regional import SUMMED
from services.hub.ops.rollup import HubEvent, local_time, roll_forward, roll_up
from services.hub.ops.store import add_to_months, held_rollups, replace_rollups

# A site may upload late (offline for weeks) but not from the far past or the future.
MAX_AGE = timedelta(days=400)
MAX_AHEAD = timedelta(days=2)
_EVENT_COLUMNS = (SiteEventRow.site_id, SiteEventRow.token_id, SiteEventRow.kind, SiteEventRow.at,
                  SiteEventRow.update_type, SiteEventRow.actor, SiteEventRow.counter, SiteEventRow.payload,
                  SiteEventRow.operator)


_COLUMNS = ("site_id", "day", "uuid", "token_id", "token_number", "update_type", "priority", "kind", "at", "actor",
            "counter", "operator", "payload")
_PG_STAGE = text("CREATE TEMP TABLE IF NOT EXISTS hub_ingest_stage "
                 "(LIKE hub_site_event INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
_PG_COPY = f"COPY hub_ingest_stage ({', '.join(_COLUMNS)}) FROM STDIN"
# Fixed upserts (PostgreSQL and SQLite >= 3.24 both speak them): cheap to compile, no read before the write.
_SEEN = text("INSERT INTO hub_site_seen (site_id, last_seen) VALUES (:site_id, :last_seen) "
             "ON CONFLICT (site_id) DO UPDATE SET last_seen = excluded.last_seen").bindparams(
    bindparam("last_seen", type_=DateTime))
_DUPLICATES = text(f"INSERT INTO hub_site_day (site_id, day, {', '.join(SUMMED)}) VALUES (:site_id, :day, "
                   + ", ".join(":n" if k == "duplicates" else "0" for k in SUMMED)
                   + ") ON CONFLICT (site_id, day) DO UPDATE SET duplicates = hub_site_day.duplicates + excluded.duplicates"
                   ).bindparams(bindparam("day", type_=Date))
_PG_MOVE = (f"INSERT INTO hub_site_event ({', '.join(_COLUMNS)}) SELECT {', '.join(_COLUMNS)} FROM hub_ingest_stage "
            "ON CONFLICT DO NOTHING RETURNING uuid")


class EventIn(Protocol):
    """A validated event (read-only): ``services.hub.schemas.SiteEventIn``, or its lean twin from ``ops.wire``."""

    @property
    def uuid(self) -> str: ...

    @property
    def token_id(self) -> int: ...

    @property
    def token_number(self) -> str: ...

    @property
    def update_type(self) -> str: ...

    @property
    def priority(self) -> bool: ...

    @property
    def kind(self) -> str: ...

    @property
    def at(self) -> datetime: ...

    @property
    def actor(self) -> str: ...

    @property
    def operator(self) -> str | None: ...

    @property
    def counter(self) -> int | None: ...

    @property
    def payload(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class IngestCounts:
    """What a batch did."""

    accepted: int
    duplicates: int


def check_window(events: Sequence[EventIn], today: date) -> None:
    """422 unless every event lies between ``today - MAX_AGE`` and ``today + MAX_AHEAD``."""
    low = datetime.combine(today - MAX_AGE, datetime.min.time())
    high = datetime.combine(today + MAX_AHEAD, datetime.min.time())
    for i, ev in enumerate(events):
        if not low <= ev.at <= high:
            raise Problem(422, "Invalid request", f"events.{i}.at: {ev.at.isoformat()}Z is outside the accepted "
                          f"window {low.date()} .. {high.date()}", "invalid-request")


def local_day(at: datetime) -> date:
    """The business day (Asia/Karachi) of a naive-UTC instant."""
    return local_time(at).date()


def event_row(site_id: str, ev: EventIn) -> dict[str, Any]:
    """The stored row of one event (``ev.at`` is already naive UTC)."""
    return {"uuid": ev.uuid, "site_id": site_id, "token_id": ev.token_id, "token_number": ev.token_number,
            "update_type": ev.update_type, "priority": ev.priority, "kind": ev.kind, "at": ev.at,
            "day": local_day(ev.at), "actor": ev.actor, "counter": ev.counter, "operator": ev.operator,
            "payload": ev.payload}


def lock_site(ses: Session, site_id: str) -> None:
    """Serialise writers of one site for the rest of the transaction (PostgreSQL; SQLite locks the file)."""
    if ses.get_bind().dialect.name == "postgresql":
        ses.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(site_id.encode()) - 2**31})


def insert_new(ses: Session, rows: list[dict[str, Any]]) -> list[str]:
    """Insert rows the hub does not hold yet; returns the uuid of each row actually inserted."""
    if not rows:
        return []
    conn = ses.connection()
    if conn.dialect.name == "postgresql":
        # COPY into a per-connection staging table, then one INSERT ... SELECT ... ON CONFLICT: a
        # 1000-row VALUES list cost more to build and parse than to execute.
        conn.execute(_PG_STAGE)
        dbapi: Any = conn.connection.driver_connection
        with dbapi.cursor() as cur:
            with cur.copy(_PG_COPY) as copy:
                for r in rows:
                    copy.write_row([*(r[c] for c in _COLUMNS[:-1]),
                                    "{}" if not r["payload"] else json.dumps(r["payload"])])
            cur.execute(_PG_MOVE)
            found = cur.fetchall()
    else:
        table: Any = SiteEventRow.__table__
        stmt = sqlite.insert(table).on_conflict_do_nothing().returning(table.c.uuid)
        found = conn.execute(stmt, rows).all()
    return [str(u) for (u,) in found]


def history_of(ses: Session, site_id: str, tokens: set[int]) -> list[HubEvent]:
    """Every event the hub holds of ``tokens`` at ``site_id`` (all their days)."""
    if not tokens:
        return []
    if ses.get_bind().dialect.name == "postgresql":  # one array parameter: the same short statement every time
        wanted: Any = SiteEventRow.token_id == any_(bindparam("tokens", sorted(tokens), type_=ARRAY(Integer)))
    else:
        wanted = SiteEventRow.token_id.in_(sorted(tokens))
    found = ses.execute(select(*_EVENT_COLUMNS).where(SiteEventRow.site_id == site_id, wanted))
    return [HubEvent(*row) for row in found]


def as_event(site_id: str, row: dict[str, Any]) -> HubEvent:
    """The roll-up's view of a stored row (see :func:`event_row`)."""
    return HubEvent(site_id, row["token_id"], row["kind"], row["at"], row["update_type"], row["actor"],
                    row["counter"], row["payload"], row["operator"])


def apply_new(ses: Session, site_id: str, held: list[HubEvent], new: list[HubEvent],
              new_duplicates: dict[tuple[str, date], int]) -> None:
    """Bring the roll-ups up to date with ``new`` events, given every event ``held`` of their tokens before.

    Only the tokens the new events belong to are rolled up again, once without and once with the
    new events; the difference goes onto the cells of the site-days those tokens touch.
    """
    tokens = {ev.token_id for ev in new}
    before = [ev for ev in held if ev.token_id in tokens]
    old, grown = roll_up(before), roll_up(before + new)
    days = {d for _s, d in old.health} | {d for _s, d in grown.health}
    held_cells = held_rollups(ses, site_id, days)
    merged = roll_forward(held_cells, old, grown)
    replace_rollups(ses, merged, [(site_id, d) for d in days], new_duplicates, empty=not held_cells.health)


def ingest(ses: Session, site_id: str, events: Sequence[EventIn], now: datetime | None = None) -> IngestCounts:
    """Store the new events of a batch and roll them into the roll-ups, in the session's transaction."""
    lock_site(ses, site_id)
    batch: dict[str, EventIn] = {}
    for ev in events:
        batch.setdefault(ev.uuid, ev)
    rows = [event_row(site_id, ev) for ev in batch.values()]
    held = history_of(ses, site_id, {r["token_id"] for r in rows})
    inserted = set(insert_new(ses, rows))
    new_rows = [r for r in rows if r["uuid"] in inserted]
    sent_per_day = Counter(r["day"] for r in rows)
    sent_per_day.update(local_day(ev.at) for ev in events if batch[ev.uuid] is not ev)  # repeats inside the batch
    new_per_day = Counter(r["day"] for r in new_rows)
    duplicates = {(site_id, d): n - new_per_day.get(d, 0) for d, n in sent_per_day.items()
                  if n - new_per_day.get(d, 0) > 0}
    touched = set(new_per_day)
    if new_rows:
        apply_new(ses, site_id, held, [as_event(site_id, r) for r in new_rows],
                  {k: n for k, n in duplicates.items() if k[1] in touched})
    add_duplicates(ses, site_id, {k[1]: n for k, n in duplicates.items() if k[1] not in touched})
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    ses.execute(_SEEN, {"site_id": site_id, "last_seen": stamp})
    return IngestCounts(len(inserted), len(events) - len(inserted))


def add_duplicates(ses: Session, site_id: str, per_day: dict[date, int]) -> None:
    """Count resent events of days the batch added nothing to (their figures do not change)."""
    if per_day:
        ses.execute(_DUPLICATES, [{"site_id": site_id, "day": day, "n": n} for day, n in per_day.items()])
    add_to_months(ses, {(site_id, day): [n if k == "duplicates" else 0 for k in SUMMED] + [0]
                        for day, n in per_day.items()})
