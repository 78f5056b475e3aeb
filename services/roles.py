"""Who may do what. Checked inside the services, not only by hiding buttons."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from db.models import Role


class Permission(str, enum.Enum):
    """Actions a signed-in person can attempt."""

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


_P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.SUPERVISOR: frozenset(
        {
            _P.ISSUE_TOKEN, _P.CANCEL_TOKEN, _P.TRANSFER_TOKEN, _P.REPRINT, _P.SERVE_ANY_COUNTER,
            _P.SERVE_OWN_COUNTER, _P.MANAGE_COUNTERS, _P.OPEN_CLOSE_DAY, _P.VIEW_METRICS, _P.CONFIGURE,
        }
    ),
    Role.TRIAGE: frozenset({_P.ISSUE_TOKEN, _P.REPRINT, _P.SEE_FULL_CNIC}),
    Role.DEO: frozenset({_P.SERVE_OWN_COUNTER, _P.TRANSFER_TOKEN, _P.SEE_FULL_CNIC}),
    Role.REGIONAL_MANAGER: frozenset({_P.VIEW_METRICS, _P.VIEW_REGION}),
}


class PermissionDenied(Exception):
    """The signed-in person's role does not allow the action; nothing was changed."""


@dataclass(frozen=True)
class Actor:
    """The signed-in person a service acts for (recorded on every event)."""

    username: str
    role: Role
    staff_id: int | None = None

    def can(self, permission: Permission) -> bool:
        """True if the role grants ``permission``."""
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        """Raise :class:`PermissionDenied` unless the role grants ``permission``."""
        if not self.can(permission):
            raise PermissionDenied(f"{self.username} ({self.role.value}) may not {permission.value.replace('_', ' ')}")


SYSTEM = Actor("system", Role.ADMIN)
"""The console itself (simulation, carry-over, background verification)."""
