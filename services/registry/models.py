"""The shapes of the registry contract (resources/registry-api.yaml, /v1) as pydantic models.

Every answer from the hub is validated against these before the console uses it: a missing or
mistyped required field is an error; fields a later contract version adds are ignored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Cnic = str  # 13 digits, no dashes (validated by pattern where it arrives)
_CNIC = r"^[0-9]{13}$"


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Member(_Shape):
    """One person of the family tree, as the identity authority knows them."""

    member_id: str
    name: str
    relation: Literal["head", "spouse", "son", "daughter", "father", "mother", "other"]
    gender: Literal["m", "f"]
    age: int = Field(ge=0, le=120)
    cnic: str | None = Field(pattern=_CNIC)


class IdentityResult(_Shape):
    """What identity verification said about a CNIC (verifyIdentity)."""

    cnic: str = Field(pattern=_CNIC)
    status: Literal["verified", "not_found", "mismatch", "blocked"]
    household_id: str | None
    head_name: str | None
    members: list[Member]


class HouseholdStatus(_Shape):
    """A household's standing in the registry: what triage decides on (householdStatus)."""

    household_id: str
    registered: bool
    beneficiary: bool
    pmt_score: float | None = Field(ge=0, le=100)
    last_survey_date: date | None
    region: str
    district: str
    tehsil: str
    tehsil_code: str = Field(pattern=r"^PK[0-9]{5}$")
    shock_area: bool
    members: int = Field(ge=0)

    @classmethod
    def unregistered(cls) -> HouseholdStatus:
        """The status of a CNIC the registry does not know (404): a missed-out household."""
        return cls.model_construct(
            household_id="", registered=False, beneficiary=False, pmt_score=None, last_survey_date=None,
            region="", district="", tehsil="", tehsil_code="", shock_area=False, members=0,
        )


class ShockArea(_Shape):
    """A tehsil under a notified shock (flood, earthquake, drought ...)."""

    tehsil_code: str
    tehsil: str
    district: str
    region: str
    notified_on: date
    reason: str


class ShockAreas(_Shape):
    """The notified shock areas as of a day (shockAreas)."""

    as_of: date
    areas: list[ShockArea]

    def codes(self) -> frozenset[str]:
        """Tehsil codes under a notification, for matching a household's tehsil."""
        return frozenset(a.tehsil_code for a in self.areas)


class PolicyItem(_Shape):
    """One value of the centre's policy and its source."""

    key: str
    value: bool | float
    source: str
    central: bool
    meaning: str = ""


class CentralPolicy(_Shape):
    """The policy the centre sets (policy): cut-off, periods, appeal switch, quality limits."""

    version: str
    as_of: date
    items: list[PolicyItem]

    def value(self, key: str) -> bool | float | None:
        """The value of ``key``, None when the centre does not send it."""
        return next((i.value for i in self.items if i.key == key), None)


class TriageAnswer(_Shape):
    """The one-round-trip triage lookup (triageLookup): NADRA identity apart from NSER membership."""

    cnic: str = Field(pattern=_CNIC)
    identity: Literal["verified", "unknown", "blocked", "mismatch"]
    membership: Literal["not_registered", "registered", "beneficiary"]
    household: HouseholdStatus | None
    head_name: str | None
    members: list[Member]
    shock_areas: ShockAreas
    cut_off: float = Field(ge=0, le=100)
    policy: CentralPolicy | None = None

    def identity_result(self) -> IdentityResult:
        """The older verifyIdentity shape (``unknown`` was ``not_found``) for code that still reads it."""
        status = "not_found" if self.identity == "unknown" else self.identity
        return IdentityResult(cnic=self.cnic, status=status,
                              household_id=self.household.household_id if self.household else None,
                              head_name=self.head_name, members=self.members)


class ScoreResult(_Shape):
    """The PMT score the registry gave a submitted survey, and each indicator's points."""

    pmt_score: float = Field(ge=0, le=100)
    model: str
    components: dict[str, float]


class Assets(_Shape):
    """Household assets as captured in a survey."""

    rooms: int = Field(ge=0)
    livestock: int = Field(ge=0)
    land_acres: float = Field(ge=0)
    has_fridge: bool
    has_motorcycle: bool
    has_car: bool
    has_ac: bool


class Survey(_Shape):
    """One survey's paradata: who, when, where, how long, what was captured."""

    survey_id: str
    deo: str
    cnic: str
    phone: str
    started_at: datetime
    submitted_at: datetime
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    address: str
    household_size: int = Field(ge=0)
    region: str
    assets: Assets
    token_number: str | None = None  # the token the survey is linked to (None: it names none)
    b_form: bool | None = None


class Paradata(_Shape):
    """Survey paradata for a site and day (siteParadata), oldest first."""

    site_id: str
    date: date
    surveys: list[Survey]


class IngestResult(_Shape):
    """The hub's receipt for a batch of site events (duplicates by uuid are not stored again)."""

    accepted: int = Field(ge=0)
    duplicates: int = Field(ge=0)


class Health(_Shape):
    """The hub is up, and its version."""

    status: Literal["ok"]
    version: str


class DemoSample(_Shape):
    """A seeded demo visitor (demo hubs only)."""

    cnic: str = Field(pattern=_CNIC)
    name: str | None
    note: str


class DemoSamples(_Shape):
    """Sample visitors by key: update types plus not_yet_eligible, blocked, mismatch."""

    samples: dict[str, list[DemoSample]]


def event_payload(
    *, uuid: str, token_id: int, token_number: str, update_type: str, priority: bool, kind: str,
    at: datetime, actor: str, counter: int | None, payload: dict[str, Any], operator: str | None = None,
) -> dict[str, Any]:
    """A SiteEvent as the contract wants it on the wire (``at`` in UTC, ISO-8601).

    ``operator`` is the DEO on the counter (``services.queue.operator``); the actor when not known.
    """
    return {
        "uuid": uuid, "token_id": token_id, "token_number": token_number, "update_type": update_type,
        "priority": priority, "kind": kind[:24], "at": at.isoformat().replace("+00:00", "Z"), "actor": actor[:40],
        "operator": (operator or actor)[:40], "counter": counter, "payload": payload,
    }
