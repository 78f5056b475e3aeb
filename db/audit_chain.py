"""The audit log's hash chain, kept by the session itself so no writer can forget it.

The hash itself lives in :mod:`db.chain_hash` (shared with the hub's audit trail).

Every new :class:`AuditEntry` gets ``prev_hash`` (the hash of the record before it) and
``hash`` = SHA-256 over ``prev_hash`` and its own canonical content, in insert order, inside the
flush that writes it. Editing a record changes its hash; deleting one breaks the link of the
next. The same hook mirrors the security-relevant moments other tables already record into the
audit log: cancellations and transfers (supervisor overrides), reprints, opening and closing the
day - so they are audited whichever front end caused them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from db.chain_hash import GENESIS, entry_hash
from db.models import AuditEntry, BusinessDay, Token, TokenEvent

MIRRORED_EVENTS = {"cancelled": "token_cancelled", "transferred": "token_transferred", "reprinted": "slip_reprinted"}
_PG_LOCK = 0x6472_6341  # pg_advisory_xact_lock key: one chain writer at a time on PostgreSQL


def _mirror(session: Session) -> None:
    for obj in list(session.new):
        if isinstance(obj, TokenEvent) and obj.kind in MIRRORED_EVENTS:
            with session.no_autoflush:
                token = obj.token or (session.get(Token, obj.token_id) if obj.token_id else None)
            detail: dict[str, Any] = {"token": token.number if token is not None else None}
            detail.update({k: v for k, v in (obj.payload or {}).items() if k in ("reason", "to", "from", "update_type")})
            session.add(AuditEntry(at=obj.at, actor=obj.actor[:40], action=MIRRORED_EVENTS[obj.kind], detail=detail))
        elif isinstance(obj, BusinessDay):
            session.add(AuditEntry(at=obj.opened_at, actor=obj.opened_by[:40], action="day_opened",
                                   detail={"day": obj.day.isoformat()}))
    for obj in list(session.dirty):
        if isinstance(obj, BusinessDay):
            closed = inspect(obj).attrs.closed_at.history
            if closed.has_changes():
                if obj.closed_at is not None:
                    session.add(AuditEntry(at=obj.closed_at, actor=(obj.closed_by or "?")[:40], action="day_closed",
                                           detail={"day": obj.day.isoformat(), **_summary(obj)}))
                else:
                    session.add(AuditEntry(at=datetime.now(UTC), actor=obj.opened_by[:40], action="day_reopened",
                                           detail={"day": obj.day.isoformat()}))


def _summary(day: BusinessDay) -> dict[str, Any]:
    s = day.summary or {}
    return {k: s[k] for k in ("issued", "completed", "no_show", "cancelled", "carried_over", "choice") if k in s}


@event.listens_for(Session, "before_flush")
def _chain(session: Session, _context: Any, _instances: Any) -> None:
    _mirror(session)
    new = [o for o in session.new if isinstance(o, AuditEntry) and o.hash is None]
    if not new:
        return
    new.sort(key=lambda o: inspect(o).insert_order or 0)
    with session.no_autoflush:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        prev = session.scalar(select(AuditEntry.hash).where(AuditEntry.hash.is_not(None))
                              .order_by(AuditEntry.id.desc()).limit(1)) or GENESIS
    for entry in new:
        entry.detail = dict(entry.detail or {})
        entry.prev_hash = prev
        entry.hash = prev = entry_hash(prev, entry.at, entry.actor, entry.action, entry.detail)
