"""Verifications that wait in the site's outbox until the registry answers.

A token issued while the registry is unreachable is marked unverified, and in the SAME
transaction an outbox row asks for the check later; ``services.sync`` drains it.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from db.models import OutboxItem, Token, Verification

VERIFY = "verify"
"""Outbox kind: check a token's CNIC with the registry; ``ref`` is the token id."""
EVENTS_CURSOR = "events_cursor"
"""Outbox kind: one row per site holding the id of the last token event the hub has."""

RESULT_TO_VERIFICATION = {
    "verified": Verification.VERIFIED,
    "not_found": Verification.NOT_FOUND,
    "mismatch": Verification.MISMATCH,
    "blocked": Verification.BLOCKED,
}


def queue_verification(cnic: str, *, name: str | None = None) -> Callable[[Session, Token], None]:
    """An ``extra_outbox`` hook for ``QueueService.issue_token``: queue the CNIC check with the token."""

    def add(session: Session, token: Token) -> None:
        now = token.issued_at
        payload: dict[str, str] = {"cnic": cnic, "update_type": token.update_type.value}
        if name:
            payload["name"] = name
        session.add(OutboxItem(kind=VERIFY, ref=str(token.id), payload=payload, created_at=now,
                               attempts=0, next_attempt_at=now))

    return add


def backoff_delay(attempts: int, *, base: float = 5.0, cap: float = 300.0) -> timedelta:
    """Wait before the next try after ``attempts`` failures: 5 s, 10 s, 20 s ... at most 5 min."""
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def next_attempt(now: datetime, attempts: int, *, base: float = 5.0, cap: float = 300.0) -> datetime:
    """When to try again after ``attempts`` failures."""
    return now + backoff_delay(attempts, base=base, cap=cap)


class LeaseLost(Exception):
    """Another console took the item over (our lease ran out): our result is not recorded."""


def worker_id() -> str:
    """A name for one draining console: host, process and a random part (unique per instance)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(s: Session, item_id: int, owner: str, now: datetime, lease: timedelta, *, due_only: bool,
          pending_only: bool = True) -> bool:
    """Take ``item_id`` for ``owner`` until ``now + lease``; False when it is done, leased or not due.

    One ``UPDATE ... WHERE`` decides: SQLite serialises writers, and PostgreSQL re-checks the
    condition on the locked row, so of two consoles exactly one gets the item.
    """
    free: Any = or_(OutboxItem.lease_until.is_(None), OutboxItem.lease_until <= now, OutboxItem.lease_owner == owner)
    stmt = update(OutboxItem).where(OutboxItem.id == item_id, free).values(lease_owner=owner, lease_until=now + lease)
    if pending_only:
        stmt = stmt.where(OutboxItem.sent_at.is_(None))
    if due_only:
        stmt = stmt.where(OutboxItem.next_attempt_at <= now)
    return s.execute(stmt.execution_options(synchronize_session=False)).rowcount == 1  # type: ignore[attr-defined]


def complete(s: Session, item_id: int, owner: str, now: datetime, note: str | None = None) -> None:
    """Mark a claimed item done and drop its personal data; raises :class:`LeaseLost` if not ours."""
    item = s.get(OutboxItem, item_id, with_for_update=True)
    if item is None or item.sent_at is not None or item.lease_owner != owner:
        raise LeaseLost(f"outbox item {item_id} is no longer ours")
    item.attempts += 1
    item.sent_at = now
    item.last_error = note
    item.lease_owner = item.lease_until = None
    # The CNIC is needed only until the registry has answered (docs/SECURITY.md, retention).
    item.payload = {k: v for k, v in (item.payload or {}).items() if k not in ("cnic", "name")}


def release(s: Session, item_id: int, owner: str, now: datetime, message: str, *, base: float, cap: float) -> None:
    """Give a claimed item back after a failure, with the next attempt pushed back."""
    item = s.get(OutboxItem, item_id, with_for_update=True)
    if item is None or item.sent_at is not None or item.lease_owner not in (owner, None):
        return
    item.attempts += 1
    item.next_attempt_at = next_attempt(now, item.attempts, base=base, cap=cap)
    item.last_error = message
    item.lease_owner = item.lease_until = None
