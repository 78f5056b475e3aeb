"""The domain's words as enums: update types, token states, roles, permissions, priority reasons, ...

Dependency-free on purpose (standard library only), so every layer - the store, the services,
the widgets and the console - can name the same thing the same way. People-facing names of
these values live in ``services.labels``; the console translates them in ``console.names``.
"""

from __future__ import annotations

import enum


class UpdateType(str, enum.Enum):
    """The six dynamic update types of the registry (DOMAIN.md)."""

    MISSED_OUT = "missed_out"
    ROSTER = "roster"
    SHOCK = "shock"
    APPEAL = "appeal"
    CYCLIC = "cyclic"
    RECERTIFICATION = "recertification"

    @property
    def prefix(self) -> str:
        """Letter printed before the token number, e.g. ``R-042``."""
        return _PREFIX[self]


_PREFIX = {
    UpdateType.MISSED_OUT: "M",
    UpdateType.ROSTER: "R",
    UpdateType.SHOCK: "S",
    UpdateType.APPEAL: "A",
    UpdateType.CYCLIC: "C",
    UpdateType.RECERTIFICATION: "V",
}


class TokenState(str, enum.Enum):
    """Where a token is in its life; see ``services.queue.states`` for legal moves."""

    WAITING = "waiting"
    CALLED = "called"
    IN_SERVICE = "in_service"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        """True while the visitor still needs something from the site today."""
        return self in (TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE)


class Role(str, enum.Enum):
    """Staff roles; permissions per role are in ``services.roles``."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    TRIAGE = "triage"
    DEO = "deo"
    REGIONAL_MANAGER = "regional_manager"


class Permission(str, enum.Enum):
    """Actions a signed-in person can attempt; which role may do which is in ``services.roles``."""

    ISSUE_TOKEN = "issue_token"
    CANCEL_TOKEN = "cancel_token"
    TRANSFER_TOKEN = "transfer_token"
    REPRINT = "reprint"
    SERVE_ANY_COUNTER = "serve_any_counter"
    SERVE_OWN_COUNTER = "serve_own_counter"
    MANAGE_COUNTERS = "manage_counters"
    OPEN_CLOSE_DAY = "open_close_day"
    MANAGE_STAFF = "manage_staff"
    VIEW_METRICS = "view_metrics"
    VIEW_REGION = "view_region"
    SEE_FULL_CNIC = "see_full_cnic"
    CONFIGURE = "configure"


class CounterState(str, enum.Enum):
    """Whether a counter is taking visitors."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class Verification(str, enum.Enum):
    """What the central registry said of a token's CNIC (or that it was not asked yet)."""

    NOT_ASKED = "not_asked"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    NOT_FOUND = "not_found"
    MISMATCH = "mismatch"
    BLOCKED = "blocked"


class SlipStatus(str, enum.Enum):
    """Whether the token's paper slip reached the printer."""

    PENDING = "pending"
    PRINTED = "printed"
    FAILED = "failed"
    NONE = "none"


class PriorityReason(str, enum.Enum):
    """Why a visitor is served first; a token stores one or more, comma-separated (see ``stored``)."""

    ELDERLY = "elderly"
    DISABILITY = "disability"
    PREGNANT_OR_INFANT = "pregnant_or_infant"
    OTHER = "other"

    @classmethod
    def parse(cls, stored: str | None) -> list[PriorityReason]:
        """The reasons of a stored ``priority_reason`` ("elderly,disability"); raises ValueError on an unknown code."""
        return [cls(part.strip()) for part in (stored or "").split(",") if part.strip()]

    @classmethod
    def stored(cls, reasons: list[PriorityReason]) -> str | None:
        """The stored form of ``reasons`` (None when there are none), duplicates dropped, order kept."""
        seen = list(dict.fromkeys(cls(r) for r in reasons))
        return ",".join(r.value for r in seen) or None
