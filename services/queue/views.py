"""What the queue hands out: policy, read-only token snapshots and change notices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from db.models import SlipStatus, Token, TokenState, UpdateType, Verification


@dataclass(frozen=True)
class QueuePolicy:
    """Site rules for the queue (from the config file)."""

    max_priority_streak: int = 3
    recalls_before_no_show: int = 2
    default_service_minutes: float = 10.0
    rate_window: int = 20
    appeal_enabled: bool = False
    """Appeals against the cut-off are launched (central policy); off, no token may be of type appeal."""
    calibrate_wait: bool = True
    """Slips promise the wait calibrated from the same weekday and hour of recent weeks (off: the plain basis)."""


@dataclass(frozen=True)
class TokenView:
    """A read-only snapshot of a token, safe to hand to the UI thread."""

    id: int
    number: str
    update_type: UpdateType
    issued_type: UpdateType
    priority: bool
    priority_reason: str | None
    state: TokenState
    business_day: date
    issued_at: datetime
    queued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    closed_at: datetime | None
    counter_id: int | None
    recall_count: int
    cnic: str | None
    verification: Verification
    slip_status: SlipStatus
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, t: Token) -> TokenView:
        """Snapshot an ORM token."""
        return cls(
            id=t.id, number=t.number, update_type=t.update_type, issued_type=t.issued_type,
            priority=t.priority, priority_reason=t.priority_reason, state=t.state,
            business_day=t.business_day, issued_at=t.issued_at, queued_at=t.queued_at,
            called_at=t.called_at, started_at=t.started_at, closed_at=t.closed_at,
            counter_id=t.counter_id, recall_count=t.recall_count, cnic=t.cnic,
            verification=t.verification, slip_status=t.slip_status, details=dict(t.details or {}),
        )


@dataclass(frozen=True)
class IssuedToken(TokenView):
    """A token just issued, with what its slip says: place in its line and the estimated wait."""

    position: int = 0
    """1-based place among the waiting tokens of its type, in calling order."""
    estimated_wait: timedelta | None = None
    """None when no open counter serves its type."""


def service_level(token: TokenView | None, now: datetime, long_minutes: float,
                  very_long_minutes: float) -> tuple[int, str]:
    """(minutes the counter has spent on ``token``, "ok" | "long" | "very_long").

    The one long-service rule of every screen: minutes count from the start of service (from
    the call while the visitor has not arrived yet); only a service in progress turns amber
    ("long") or red ("very_long").
    """
    if token is None:
        return 0, "ok"
    since = token.started_at or token.called_at or now
    minutes = max(0, int((now - since).total_seconds() // 60))
    if token.state is not TokenState.IN_SERVICE:
        return minutes, "ok"
    return minutes, "very_long" if minutes >= very_long_minutes else "long" if minutes >= long_minutes else "ok"


@dataclass(frozen=True)
class QueueChange:
    """What one committed transition did; listeners (the Qt adapter) receive these."""

    event_id: int
    kind: str
    token: TokenView
    counter_id: int | None
    actor: str


Listener = Callable[[QueueChange], None]
