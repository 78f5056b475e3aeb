"""Who may do what. Checked inside the services, not only by hiding buttons."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Role
from services.errors import DomainError
from vocabulary import Permission

__all__ = ["ROLE_PERMISSIONS", "SYSTEM", "Actor", "Permission", "PermissionDenied"]


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


class PermissionDenied(DomainError):
    """The signed-in person may not do the action; nothing was changed.

    Codes (templates in ``services.labels.ERROR_TEMPLATES``): ``permission_denied`` (the role lacks
    the permission; params ``role``, ``permission``), ``not_your_counter`` (``username``),
    ``admin_exists``.
    """

    code = "permission_denied"


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
            raise PermissionDenied(f"{self.username} ({self.role.value}) may not {permission.value.replace('_', ' ')}",
                                   code="permission_denied", role=self.role.value, permission=permission.value)


SYSTEM = Actor("system", Role.ADMIN)
"""The console itself (simulation, carry-over, background verification)."""
