"""Triage as the page uses it: look a CNIC up (network) and issue the chosen token (database).

``lookup`` runs on the I/O pool, ``issue`` on the database worker; neither touches Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db.models import UpdateType, Verification
from services.clock import Clock, business_day
from services.cnic import mask_cnic, parse_cnic
from services.queue import AlreadyHasToken, QueueError, QueueService, TokenView
from services.queue.engine import Reasons
from services.registry import HouseholdStatus, IdentityResult, RegistryClient, RegistryProblem
from services.registry.outbox import RESULT_TO_VERIFICATION, queue_verification
from services.roles import Actor
from services.triage.policy import TriagePolicy
from services.triage.rules import DISPLAY_ORDER, Eligibility, assess, manual_choices, propose


class TriageRefused(QueueError):
    """The token was not issued: the type does not apply under the current policy.

    (A visitor who already holds a token is refused by the queue itself: :class:`AlreadyHasToken`.)
    """


__all__ = ["AlreadyHasToken", "Lookup", "LookupOutcome", "TriageRefused", "TriageService"]


@dataclass(frozen=True)
class Lookup:
    """What the registry said about one CNIC and what that means for the six types."""

    cnic: str
    identity: IdentityResult
    household: HouseholdStatus
    eligibility: list[Eligibility]
    suggestions: list[Eligibility]
    verification: Verification
    shock_areas_known: bool = True
    existing: TokenView | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def masked(self) -> str:
        """The CNIC as the screen shows it."""
        return mask_cnic(self.cnic)

    @property
    def family_size(self) -> int:
        """Members on record (family tree if given, else the household's count)."""
        return len(self.identity.members) or self.household.members

    def eligible(self, update_type: UpdateType) -> Eligibility:
        """The verdict for one type."""
        return next(e for e in self.eligibility if e.update_type is update_type)


@dataclass(frozen=True)
class LookupOutcome:
    """A lookup, or the registry problem that prevented it (offline is expected, not an error)."""

    cnic: str
    lookup: Lookup | None
    problem: RegistryProblem | None


class TriageService:
    """Registry lookups and token issue for the triage desk."""

    def __init__(self, client: RegistryClient | None, policy: TriagePolicy, clock: Clock) -> None:
        self.client = client
        self.policy = policy
        self.clock = clock

    def today(self) -> date:
        """The business day now."""
        return business_day(self.clock.now())

    def lookup(self, cnic: str) -> Lookup:
        """Verify the CNIC and read the household's status; raises ``RegistryProblem`` when it cannot."""
        digits = parse_cnic(cnic)
        if self.client is None:
            from services.registry import RegistryUnavailable

            raise RegistryUnavailable("No central registry is configured ([hub] url); pick the update type by hand.")
        identity = self.client.verify_identity(digits)
        verification = RESULT_TO_VERIFICATION[identity.status]
        if identity.status == "blocked":
            household = HouseholdStatus.unregistered()
            eligibility = [Eligibility(t, False, "blocked") for t in DISPLAY_ORDER]
            return Lookup(digits, identity, household, eligibility, [], verification)
        if identity.household_id:
            household = self.client.household_status(identity.household_id)
        else:
            household = HouseholdStatus.unregistered()
        shocks: frozenset[str] | None = None
        known = True
        if household.registered:
            try:
                shocks = self.client.shock_areas().codes()
            except RegistryProblem:
                known = False  # the household's own flag still counts
        today = self.today()
        return Lookup(digits, identity, household, assess(household, self.policy, today, shocks),
                      propose(household, self.policy, today, shocks), verification, known)

    def try_lookup(self, cnic: str) -> LookupOutcome:
        """:meth:`lookup`, returning a registry problem instead of raising it."""
        try:
            return LookupOutcome(cnic, self.lookup(cnic), None)
        except RegistryProblem as exc:
            return LookupOutcome(cnic, None, exc)

    def manual_choices(self) -> list[UpdateType]:
        """Types offered by hand when the registry cannot be asked."""
        return manual_choices(self.policy)

    def issue(
        self,
        queue: QueueService,
        update_type: UpdateType,
        *,
        actor: Actor,
        cnic: str,
        lookup: Lookup | None,
        priority: bool = False,
        priority_reason: Reasons = None,
        offline_reason: str | None = None,
    ) -> TokenView:
        """Issue the token: verified from ``lookup``, or unverified with the check queued (same transaction).

        The queue refuses a second open token for the CNIC (:class:`AlreadyHasToken`) inside its
        writing transaction, so two consoles cannot both issue one.
        """
        digits = parse_cnic(cnic)
        update_type = UpdateType(update_type)
        if lookup is not None:
            verdict = lookup.eligible(update_type)
            if not verdict.eligible:
                raise TriageRefused(f"Not eligible for {update_type.value}: {verdict.reason}", code="not_eligible",
                                    type=update_type.value, reason=verdict.reason)
            details: dict[str, Any] = {"triage": {"type": update_type.value, "code": verdict.code, "reason": verdict.reason,
                                  "suggested": [e.update_type.value for e in lookup.suggestions],
                                  "identity": lookup.identity.status}}
            return queue.issue_token(
                update_type, actor=actor, priority=priority, priority_reason=priority_reason, cnic=digits,
                verification=lookup.verification, household_ref=lookup.household.household_id or None,
                details=details,
            )
        if update_type not in self.manual_choices():
            raise TriageRefused(f"{update_type.value} cannot be chosen by hand under the current policy.",
                                code="not_by_hand", type=update_type.value)
        manual: dict[str, Any] = {"triage": {"type": update_type.value, "manual": True,
                              "reason": offline_reason or "picked by hand: registry unreachable"}}
        return queue.issue_token(
            update_type, actor=actor, priority=priority, priority_reason=priority_reason, cnic=digits,
            verification=Verification.UNVERIFIED, details=manual, extra_outbox=queue_verification(digits),
        )
