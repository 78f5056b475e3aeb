"""Exports of the append-only event log."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from sqlalchemy import select

from db.engine import Store
from db.models import Token, TokenEvent
from services.clock import day_bounds_utc

EVENT_COLUMNS = ["event_id", "token_id", "token_number", "update_type", "priority", "kind", "at_utc", "actor", "counter",
                 "operator"]


def iter_event_rows(store: Store, day: date, site_id: str | None = None) -> Iterator[list[str]]:
    """One row per TokenEvent of the business day ``day`` (site zone), in time order."""
    start, end = day_bounds_utc(day)
    with store.read() as s:
        q = (
            select(TokenEvent, Token)
            .join(Token, Token.id == TokenEvent.token_id)
            .where(TokenEvent.at >= start, TokenEvent.at < end)
            .order_by(TokenEvent.at, TokenEvent.id)
        )
        if site_id:
            q = q.where(TokenEvent.site_id == site_id)
        for ev, tok in s.execute(q):
            # update_type is the token's type now; a transfer event's payload holds from/to.
            yield [
                ev.uuid, str(tok.id), tok.number, tok.update_type.value, "1" if tok.priority else "0",
                ev.kind, ev.at.isoformat().replace("+00:00", "Z"), ev.actor,
                "" if ev.counter_id is None else str(ev.counter_id),
                ev.operator or ev.actor,  # events older than the operator column: the actor did the work
            ]


def write_events_csv(store: Store, day: date, out: Path | IO[str], site_id: str | None = None) -> int:
    """Write the day's events as CSV (header ``EVENT_COLUMNS``); returns the row count."""
    if isinstance(out, Path):
        with out.open("w", newline="", encoding="utf-8") as fh:
            return write_events_csv(store, day, fh, site_id)
    writer = csv.writer(out)
    writer.writerow(EVENT_COLUMNS)
    n = 0
    for row in iter_event_rows(store, day, site_id):
        writer.writerow(row)
        n += 1
    return n
