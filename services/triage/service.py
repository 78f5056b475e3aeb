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
from services.registry import HouseholdStatus, IdentityResult, Member, RegistryClient, RegistryProblem
from services.registry.outbox import queue_verification
from services.roles import Actor
from services.triage.central import HeldPolicy, PolicyKeeper
from services.triage.desk import DeskNotes, audit_override, check_cnic_again, check_override, check_roster
from services.triage.policy import TriagePolicy
from services.triage.rules import DISPLAY_ORDER, Eligibility, assess, manual_choices, propose


class TriageRefused(QueueError):
    """The token was not issued: the type does not apply under the current policy.

    (A visitor who already holds a token is refused by the queue itself: :class:`AlreadyHasToken`.)
    """


__all__ = ["AlreadyHasToken", "Lookup", "LookupOutcome", "TriageRefused", "TriageService"]


_VERIFICATION = {"verified": Verification.VERIFIED, "unknown": Verification.NOT_FOUND,
                 "blocked": Verification.BLOCKED, "mismatch": Verification.MISMATCH,
                 "not_checked": Verification.VERIFIED}


@dataclass(frozen=True)
class Lookup:
    """What the registry said about one CNIC and what that means for the six types.

    ``identity_status`` is NADRA's word on the card (verified / unknown / blocked / mismatch;
    ``not_checked`` when an older hub could not tell NADRA from the registry), ``membership`` the
    registry's word on the household (not_registered / registered / beneficiary). For a blocked
    identity ``eligibility`` says "blocked" everywhere and ``overridable`` holds what a supervisor's
    override would allow.
    """

    cnic: str
    identity: IdentityResult
    household: HouseholdStatus
    eligibility: list[Eligibility]
    suggestions: list[Eligibility]
    verification: Verification
    shock_areas_known: bool = True
    existing: TokenView | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    identity_status: str = "verified"
    membership: str = "not_registered"
    overridable: list[Eligibility] = field(default_factory=list)

    @property
    def masked(self) -> str:
        """The CNIC as the screen shows it."""
        return mask_cnic(self.cnic)

    @property
    def family_size(self) -> int:
        """Members on record (family tree if given, else the household's count)."""
        return len(self.identity.members) or self.household.members

    @property
    def members(self) -> list[Member]:
        """The family tree (empty when the CNIC belongs to no household)."""
        return list(self.identity.members)

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

    def __init__(self, client: RegistryClient | None, policy: TriagePolicy, clock: Clock,
                 keeper: PolicyKeeper | None = None) -> None:
        self.client = client
        self._policy = policy
        self.clock = clock
        self.keeper = keeper

    @property
    def policy(self) -> TriagePolicy:
        """The rules in force: the keeper's (the centre's last word) when there is one."""
        return self.keeper.policy if self.keeper is not None else self._policy

    @policy.setter
    def policy(self, value: TriagePolicy) -> None:
        self._policy = value

    def refresh_policy(self) -> HeldPolicy | None:
        """Ask the centre for its policy now (start-up, I/O thread); None without a hub or keeper."""
        if self.client is None or self.keeper is None:
            return None
        return self.keeper.receive(self.client.policy())

    def today(self) -> date:
        """The business day now."""
        return business_day(self.clock.now())

    def lookup(self, cnic: str, name: str | None = None) -> Lookup:
        """Ask the registry about the CNIC in one round trip; raises ``RegistryProblem`` when it cannot."""
        digits = parse_cnic(cnic)
        if self.client is None:
            from services.registry import RegistryUnavailable

            raise RegistryUnavailable.coded("not_configured")
        answer = self.client.triage_lookup(digits, name)
        if answer is None:
            return self._lookup_in_three_trips(digits, name)
        if answer.policy is not None and self.keeper is not None:
            self.keeper.receive(answer.policy)  # decide by the centre's latest rules, fetched with the answer
        household = answer.household or HouseholdStatus.unregistered()
        return self._decide(digits, answer.identity, answer.membership, answer.identity_result(), household,
                            answer.shock_areas.codes(), True)

    def _lookup_in_three_trips(self, digits: str, name: str | None) -> Lookup:
        """An older hub: identity, then household, then the shock list (NADRA and registry not told apart)."""
        assert self.client is not None
        identity = self.client.verify_identity(digits, name)
        nadra = "not_checked" if identity.status in ("verified", "not_found") else identity.status
        if identity.status == "blocked" or not identity.household_id:
            household = HouseholdStatus.unregistered()
        else:
            household = self.client.household_status(identity.household_id)
        shocks: frozenset[str] | None = None
        known = True
        if household.registered:
            try:
                shocks = self.client.shock_areas().codes()
            except RegistryProblem:
                known = False  # the household's own flag still counts
        membership = ("beneficiary" if household.beneficiary else "registered") if household.registered \
            else "not_registered"
        return self._decide(digits, nadra, membership, identity, household, shocks, known)

    def _decide(self, digits: str, nadra: str, membership: str, identity: IdentityResult,
                household: HouseholdStatus, shocks: frozenset[str] | None, known: bool) -> Lookup:
        """Apply the rules: an unknown CNIC registers nothing, a blocked one gets nothing until overridden."""
        today = self.today()
        eligibility = assess(household, self.policy, today, shocks)
        if nadra == "unknown":
            eligibility = [Eligibility(e.update_type, False, "identity_unknown") if e.update_type is
                           UpdateType.MISSED_OUT else e for e in eligibility]
        suggestions = [e for e in propose(household, self.policy, today, shocks)
                       if e.update_type is not UpdateType.MISSED_OUT or nadra != "unknown"]
        verification = _VERIFICATION[nadra]
        if nadra == "blocked":
            blocked = [Eligibility(t, False, "blocked") for t in DISPLAY_ORDER]
            return Lookup(digits, identity, household, blocked, [], verification, known, identity_status=nadra,
                          membership=membership, overridable=eligibility)
        return Lookup(digits, identity, household, eligibility, suggestions, verification, known,
                      identity_status=nadra, membership=membership)

    def try_lookup(self, cnic: str, name: str | None = None) -> LookupOutcome:
        """:meth:`lookup`, returning a registry problem instead of raising it."""
        try:
            return LookupOutcome(cnic, self.lookup(cnic, name), None)
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
        notes: DeskNotes | None = None,
    ) -> TokenView:
        """Issue the token: verified from ``lookup``, or unverified with the check queued (same transaction).

        With ``notes`` (the triage desk's form) the desk's checks come first (``services.triage.desk``):
        the CNIC twice for a missed-out household the registry does not know, the change(s) of a
        roster update. A blocked identity always needs a supervisor's override with a reason. The queue refuses a second open token for the CNIC
        (:class:`AlreadyHasToken`) inside its writing transaction, so two consoles cannot both issue one.
        """
        digits = parse_cnic(cnic)
        update_type = UpdateType(update_type)
        desk_checks = notes is not None  # the desk's form and the kiosk send notes; the checks apply to both
        notes = notes or DeskNotes()
        if desk_checks:
            check_roster(update_type, notes)
        if lookup is not None:
            override_by = None
            verdicts = lookup.eligibility
            if lookup.identity_status == "blocked":
                override_by = check_override(actor, notes)
                verdicts = lookup.overridable
            verdict = next(e for e in verdicts if e.update_type is update_type)
            if not verdict.eligible:
                raise TriageRefused(f"Not eligible for {update_type.value}: {verdict.reason}", code="not_eligible",
                                    type=update_type.value, reason=verdict.reason)
            if desk_checks:
                check_cnic_again(update_type, lookup.household.registered, digits, notes.cnic_again)
            desk = notes.record(override_by, digits)
            details: dict[str, Any] = {"triage": {
                "type": update_type.value, "code": verdict.code, "reason": verdict.reason,
                "suggested": [e.update_type.value for e in lookup.suggestions],
                "identity": lookup.identity_status, "membership": lookup.membership, **desk}}
            hook = None if override_by is None else audit_override(actor, digits, update_type,
                                                                    notes.override_reason or "")
            return queue.issue_token(
                update_type, actor=actor, priority=priority, priority_reason=priority_reason, cnic=digits,
                verification=lookup.verification, household_ref=lookup.household.household_id or None,
                details=details, extra_outbox=hook,
                event_payload={"identity": lookup.identity_status, "membership": lookup.membership, **desk},
            )
        if update_type not in self.manual_choices():
            raise TriageRefused(f"{update_type.value} cannot be chosen by hand under the current policy.",
                                code="not_by_hand", type=update_type.value)
        if desk_checks:
            check_cnic_again(update_type, None, digits, notes.cnic_again)
        desk = notes.record(None)
        manual: dict[str, Any] = {"triage": {"type": update_type.value, "manual": True,
                                             "reason": offline_reason or "picked by hand: registry unreachable", **desk}}
        return queue.issue_token(
            update_type, actor=actor, priority=priority, priority_reason=priority_reason, cnic=digits,
            verification=Verification.UNVERIFIED, details=manual, extra_outbox=queue_verification(digits),
            event_payload=desk or None,
        )
