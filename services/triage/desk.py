"""What the triage desk adds to a token beyond the update type, and the checks on it.

- A roster update says which change(s) the visitor comes for (birth, death, marriage, divorce,
  disability, gender, contact, address), so the DEO knows before the visitor sits down.
- B-form presence: whether the visitor brought the children's registration certificate(s).
- The family-tree member the assistant confirmed the visitor to be.
- A missed-out token for a CNIC the registry does not know needs the CNIC typed a second time:
  one wrong digit must not become a new household.
- A blocked identity passes only on a supervisor's override with a reason; the override is written
  to the site's audit trail in the token's own transaction and travels to the centre in the
  issue event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry, Role, Token, UpdateType
from services.cnic import CnicError, mask_cnic, parse_cnic
from services.queue import QueueError
from services.roles import Actor

ROSTER_CHANGES = ("birth", "death", "marriage", "divorce", "disability", "gender", "contact", "address")
"""The demographic changes a roster update can bring (DOMAIN.md, update type 2)."""
OVERRIDE_REASON_MIN = 10
"""Characters an override reason needs at least: a word or two is not a reason."""
OVERRIDE_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


class DeskRefused(QueueError):
    """The desk's own checks refused the token (CNIC not confirmed, roster change missing, block)."""


@dataclass(frozen=True)
class DeskNotes:
    """The triage assistant's additions to one token."""

    roster_changes: tuple[str, ...] = ()
    bform: bool | None = None
    family_member: str | None = None
    cnic_again: str | None = None
    override_reason: str | None = None

    def record(self, override_by: str | None, cnic: str = "") -> dict[str, Any]:
        """The notes as stored with the token (details) and sent to the centre (issue event).

        An override carries the CNIC masked, so the centre can list it (``GET /v1/identity/overrides``).
        """
        out: dict[str, Any] = {}
        if self.roster_changes:
            out["roster_changes"] = list(self.roster_changes)
        if self.bform is not None:
            out["bform"] = self.bform
        if self.family_member:
            out["family_member"] = self.family_member
        if override_by is not None:
            out["override"] = {"by": override_by, "reason": (self.override_reason or "").strip()[:200],
                               "cnic": mask_cnic(cnic)}
        return out


def needs_cnic_again(update_type: UpdateType, registered: bool | None) -> bool:
    """A missed-out token for a CNIC the registry does not know (or could not be asked about)."""
    return update_type is UpdateType.MISSED_OUT and not registered


def needs_roster_changes(update_type: UpdateType) -> bool:
    """A roster update must say which change(s) the visitor comes for."""
    return update_type is UpdateType.ROSTER


def check_cnic_again(update_type: UpdateType, registered: bool | None, digits: str, again: str | None) -> None:
    """A missed-out token for a CNIC the registry does not know: the CNIC twice, the same both times."""
    if not needs_cnic_again(update_type, registered):
        return
    if not again:
        raise DeskRefused("Type the CNIC a second time before issuing a missed-out token.", code="cnic_again_needed")
    try:
        same = parse_cnic(again) == digits
    except CnicError:
        same = False
    if not same:
        raise DeskRefused("The CNIC typed the second time is different: check the card; nothing was issued.",
                          code="cnic_again_mismatch")


def check_roster(update_type: UpdateType, notes: DeskNotes) -> None:
    """A roster update names at least one known change."""
    if not needs_roster_changes(update_type):
        return
    unknown = sorted(set(notes.roster_changes) - set(ROSTER_CHANGES))
    if unknown:
        raise DeskRefused(f"Unknown roster change(s): {', '.join(unknown)}.", code="roster_change_unknown",
                          changes=", ".join(unknown))
    if not notes.roster_changes:
        raise DeskRefused("Tick what changes in the family (birth, death, marriage ...) for a roster update.",
                          code="roster_change_needed")


def check_override(actor: Actor, notes: DeskNotes) -> str:
    """A blocked identity: only a supervisor, only with a reason. Returns who overrode."""
    if actor.role not in OVERRIDE_ROLES:
        raise DeskRefused("NADRA has blocked this CNIC: only a supervisor can override the block.",
                          code="override_supervisor_only")
    if len((notes.override_reason or "").strip()) < OVERRIDE_REASON_MIN:
        raise DeskRefused(f"Give the reason for overriding the block (at least {OVERRIDE_REASON_MIN} characters).",
                          code="override_reason_needed", n=OVERRIDE_REASON_MIN)
    return actor.username


def audit_override(actor: Actor, cnic: str, update_type: UpdateType, reason: str,
                   then: Callable[[Session, Token], None] | None = None) -> Callable[[Session, Token], None]:
    """An ``extra_outbox`` hook: the override's audit record in the token's own transaction."""

    def add(session: Session, token: Token) -> None:
        session.add(AuditEntry(at=token.issued_at, actor=actor.username[:40], action="identity_override",
                               detail={"token": token.number, "cnic": mask_cnic(cnic), "update_type": update_type.value,
                                       "reason": reason.strip()[:200]}))
        if then is not None:
            then(session, token)

    return add
