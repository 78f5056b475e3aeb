"""Verifications that wait in the site's outbox until the registry answers.

A token issued while the registry is unreachable is marked unverified, and in the SAME
transaction an outbox row asks for the check later; ``services.sync`` drains it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

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
