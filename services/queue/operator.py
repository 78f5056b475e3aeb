"""Whose work a token event is: the operator (the DEO on the counter) apart from the actor.

A supervisor who presses Complete on Sana's counter acts, but the visitor was served at Sana's
counter, so per-DEO figures credit Sana. On a counter nobody staffs at that moment the actor is
the operator too, and the event says so (``"unstaffed": true`` in its payload).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from services.queue import statements as sql

UNSTAFFED = "unstaffed"


def operator_at(conn: Connection, counter_id: int | None, day: date, actor: str) -> tuple[str, bool]:
    """``(operator, unstaffed)`` of an event by ``actor`` at ``counter_id`` on business day ``day``."""
    if counter_id is None:
        return actor, False
    found = conn.execute(sql.OPERATOR_AT, {"counter_id": counter_id, "day": day}).scalar()
    return (actor, True) if found is None else (str(found), False)


def mark_unstaffed(payload: dict[str, Any] | None, unstaffed: bool) -> dict[str, Any]:
    """The event payload, with the unstaffed marker when no DEO was on the counter."""
    out = dict(payload or {})
    if unstaffed:
        out[UNSTAFFED] = True
    return out
