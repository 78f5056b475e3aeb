"""Self-service tokens at a touch kiosk: the triage desk's rules, without the desk's view of people.

A visitor gives a CNIC; the kiosk asks the registry through the same ``TriageService`` as the
triage page and offers only the update types the visitor qualifies for. When the registry cannot
be asked, the types allowed by hand are offered and the token is issued unverified (checked
later), as at the desk. Identities the registry blocks or does not match, and visitors who qualify
for nothing today, are sent to the triage desk. A CNIC that already holds an open token gets
that token's number back, never a second token. Nothing beyond the masked CNIC leaves this module
for the screen.

The desk's rules hold at the kiosk through the same service code (``services.triage.desk``): a
roster update names the change(s) the visitor comes for, and a missed-out token for a CNIC the
registry does not know (or could not be asked about) needs the CNIC a second time; a different
number stops the issue. :meth:`Kiosk.steps` says which of them a choice needs, and
``TriageService.issue`` checks them again when the token is issued.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from db.models import Role, UpdateType, Verification
from services.cnic import mask_cnic, parse_cnic
from services.queue import QueueService, TokenView
from services.registry import RegistryProblem
from services.roles import Actor
from services.triage import DeskNotes, Lookup, TriageRefused, TriageService
from services.triage.desk import needs_cnic_again, needs_roster_changes

KIOSK_ACTOR = Actor("kiosk", Role.TRIAGE)
_TO_THE_DESK = (Verification.BLOCKED, Verification.MISMATCH)


class OfferKind(str, enum.Enum):
    """What the kiosk shows after the CNIC."""

    CHOOSE = "choose"  # big buttons for the types the visitor qualifies for
    HAS_TOKEN = "has_token"  # the visitor already holds an open token today
    SEE_DESK = "see_desk"  # the triage desk must help


@dataclass(frozen=True)
class KioskOffer:
    """The kiosk's answer to one CNIC. ``cnic`` is kept for issuing only; screens show ``masked``."""

    kind: OfferKind
    masked: str
    cnic: str = ""
    types: tuple[UpdateType, ...] = ()
    lookup: Lookup | None = None
    offline_reason: str | None = None
    token: TokenView | None = None
    desk_reason: str = ""

    @property
    def offline(self) -> bool:
        """True when the registry could not be asked (the token will be unverified)."""
        return self.kind is OfferKind.CHOOSE and self.lookup is None

    @property
    def registered(self) -> bool | None:
        """Whether the registry knows the household (None: it could not be asked)."""
        return None if self.lookup is None else self.lookup.household.registered


@dataclass(frozen=True)
class KioskSteps:
    """What the visitor must add before a token of the chosen type is issued."""

    roster_changes: bool = False
    cnic_again: bool = False


class Kiosk:
    """Decides what a visitor at the kiosk may choose, and issues the one token."""

    def __init__(self, triage: TriageService, queue: QueueService) -> None:
        self.triage = triage
        self.queue = queue

    def offer(self, cnic: str) -> KioskOffer:
        """What to show for ``cnic`` (raises ``CnicError`` for a number that is not a CNIC)."""
        digits = parse_cnic(cnic)
        masked = mask_cnic(digits)
        existing = self.queue.open_token_for_cnic(digits)
        if existing is not None:
            return KioskOffer(OfferKind.HAS_TOKEN, masked, token=existing)
        try:
            lookup = self.triage.lookup(digits)
        except RegistryProblem as exc:
            return KioskOffer(OfferKind.CHOOSE, masked, digits, tuple(self.triage.manual_choices()),
                              offline_reason=f"kiosk offline: {exc}"[:200])
        if lookup.verification in _TO_THE_DESK:
            return KioskOffer(OfferKind.SEE_DESK, masked, desk_reason="identity")
        types = tuple(e.update_type for e in lookup.eligibility if e.eligible)
        if not types:
            return KioskOffer(OfferKind.SEE_DESK, masked, desk_reason="nothing_today")
        return KioskOffer(OfferKind.CHOOSE, masked, digits, types, lookup)

    @staticmethod
    def steps(offer: KioskOffer, update_type: UpdateType) -> KioskSteps:
        """The desk's extra questions for this choice (the same rules ``take`` is checked by)."""
        return KioskSteps(needs_roster_changes(update_type), needs_cnic_again(update_type, offer.registered))

    def take(self, offer: KioskOffer, update_type: UpdateType, *, roster_changes: tuple[str, ...] = (),
             cnic_again: str | None = None) -> TokenView:
        """Issue the token for a type the offer contains, with the desk's checks.

        Raises ``AlreadyHasToken`` if one was issued meanwhile, ``DeskRefused`` when a roster change
        is missing or the CNIC typed again is missing or different.
        """
        if offer.kind is not OfferKind.CHOOSE or update_type not in offer.types:
            raise TriageRefused(f"{update_type.value} was not offered at the kiosk")
        notes = DeskNotes(roster_changes=roster_changes if needs_roster_changes(update_type) else (),
                          cnic_again=cnic_again)
        return self.triage.issue(self.queue, update_type, actor=KIOSK_ACTOR, cnic=offer.cnic, lookup=offer.lookup,
                                 offline_reason=offer.offline_reason, notes=notes)
