"""Pydantic request/response models of the registry contract (``resources/registry-api.yaml``)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, field_validator

from services.hub.reference import SiteRow

Cnic = Annotated[str, Field(pattern=r"^[0-9]{13}$")]
RegionName = Literal["AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh"]
UpdateTypeName = Literal["missed_out", "roster", "shock", "appeal", "cyclic", "recertification"]


# Bounds of what the hub stores: PostgreSQL INTEGER, JSON numbers a browser can hold exactly,
# and years a date computation cannot overflow. Anything outside is a 422, never a 500.
INT_MAX = 2**31 - 1
JSON_INT_MAX = 2**53
FIRST_YEAR, LAST_YEAR = 2000, 2100
PAYLOAD_MAX_DEPTH = 4
PAYLOAD_MAX_ITEMS = 64
PAYLOAD_MAX_TEXT = 2000

Id32 = Annotated[int, Field(ge=0, le=INT_MAX, strict=True)]


def clean_json(value: Any, depth: int = 0) -> Any:
    """A free-form JSON value the hub can store: finite numbers, bounded ints, no NUL, small and shallow."""
    if depth > PAYLOAD_MAX_DEPTH:
        raise ValueError("payload is nested too deeply")
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if abs(value) > JSON_INT_MAX:
            raise ValueError("payload integer out of range")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("payload numbers must be finite")
        return value
    if isinstance(value, str):
        if "\x00" in value or len(value) > PAYLOAD_MAX_TEXT:
            raise ValueError("payload text must be short and hold no NUL")
        return value
    if isinstance(value, list):
        if len(value) > PAYLOAD_MAX_ITEMS:
            raise ValueError("payload list too long")
        return [clean_json(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if len(value) > PAYLOAD_MAX_ITEMS:
            raise ValueError("payload object too large")
        return {clean_json(str(k), depth + 1): clean_json(v, depth + 1) for k, v in value.items()}
    raise ValueError("payload must be JSON")


class StrictBody(BaseModel):
    """Request body: no coercion ("5" is not 5), finite numbers, no NUL in text; extra keys are ignored."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("text must not contain NUL")
        return value


class DateRange(BaseModel):
    """An answer about the business days ``from`` .. ``to``; in Python the first is ``from_`` (a keyword)."""

    from_: date = Field(alias="from")
    to: date

    model_config = ConfigDict(populate_by_name=True)


class Health(BaseModel):
    """Liveness answer."""

    status: Literal["ok"] = "ok"
    version: str


class VerifyRequest(StrictBody):
    """A CNIC to verify, optionally with the name the visitor gives."""

    cnic: Annotated[str, Field(pattern=r"^[0-9]{13}$", strict=True)]
    name: Annotated[str, Field(max_length=120, strict=True)] | None = None


class MemberOut(BaseModel):
    """One person of the family tree."""

    member_id: str
    name: str
    relation: Literal["head", "spouse", "son", "daughter", "father", "mother", "other"]
    gender: Literal["m", "f"]
    age: int
    cnic: str | None


class VerifyResult(BaseModel):
    """The ID authority's answer and the family tree."""

    cnic: str
    status: Literal["verified", "not_found", "mismatch", "blocked"]
    household_id: str | None
    head_name: str | None
    members: list[MemberOut]


class CnicLookup(StrictBody):
    """A CNIC whose household status is wanted (in the body, so it never lands in a URL or access log)."""

    cnic: Annotated[str, Field(pattern=r"^[0-9]{13}$", strict=True)]


class HouseholdStatus(BaseModel):
    """What triage needs to know about a household."""

    household_id: str
    registered: bool
    beneficiary: bool
    pmt_score: float | None
    last_survey_date: date | None
    region: str
    district: str
    tehsil: str
    tehsil_code: str
    shock_area: bool
    members: int


class ShockAreaOut(BaseModel):
    """A tehsil under a notified shock."""

    tehsil_code: str
    tehsil: str
    district: str
    region: str
    notified_on: date
    reason: str


class ShockAreas(BaseModel):
    """The notified areas as of a day."""

    as_of: date
    areas: list[ShockAreaOut]


class PolicyItem(BaseModel):
    """One policy value and where it comes from ("NSER annual report FY2022-23" or "illustrative default")."""

    key: str
    value: bool | float
    source: str
    central: bool
    meaning: str


class PolicyOut(BaseModel):
    """The policy the centre sets; ``central`` values no site may change."""

    version: str
    as_of: date
    items: list[PolicyItem]


class TriageRequest(StrictBody):
    """A CNIC to triage, optionally with the name the visitor gives (checked against NADRA's record)."""

    cnic: Annotated[str, Field(pattern=r"^[0-9]{13}$", strict=True)]
    name: Annotated[str, Field(max_length=120, strict=True)] | None = None


class TriageLookup(BaseModel):
    """Everything triage needs in one answer: identity (NADRA), membership (NSER), household, area.

    ``identity`` is NADRA's word on the card; ``membership`` is the registry's word on the household
    (``beneficiary`` by the central cut-off). They are separate: a CNIC NADRA does not know is
    ``unknown`` + ``not_registered``, which is not a household to register.
    """

    cnic: str
    identity: Literal["verified", "unknown", "blocked", "mismatch"]
    membership: Literal["not_registered", "registered", "beneficiary"]
    household: HouseholdStatus | None
    head_name: str | None
    members: list[MemberOut]
    shock_areas: ShockAreas
    cut_off: float
    policy: PolicyOut


class AssetsIn(StrictBody):
    """Household assets as a survey records them."""

    rooms: Annotated[int, Field(ge=0, le=100, strict=True)]
    livestock: Annotated[int, Field(ge=0, le=10000, strict=True)]
    land_acres: Annotated[float, Field(ge=0, le=100000, strict=True)]
    has_fridge: StrictBool
    has_motorcycle: StrictBool
    has_car: StrictBool
    has_ac: StrictBool


class ScoreRequest(StrictBody):
    """A submitted survey to score."""

    household_id: StrictStr | None = None
    region: RegionName
    members: Annotated[int, Field(ge=1, le=60, strict=True)]
    assets: AssetsIn
    head_education_years: Annotated[int, Field(ge=0, le=30, strict=True)]
    dependents: Annotated[int, Field(ge=0, le=60, strict=True)]


class ScoreResult(BaseModel):
    """A score and each indicator's points."""

    pmt_score: float
    model: Literal["illustrative-v1"]
    components: dict[str, float]


class SiteList(BaseModel):
    """All DRCs."""

    sites: list[SiteRow]  # the same fields as a row of resources/sites.csv


class SurveyOut(BaseModel):
    """Paradata of one survey."""

    survey_id: str
    deo: str
    cnic: str
    phone: str
    started_at: str
    submitted_at: str
    lat: float
    lon: float
    address: str
    household_size: int
    region: str
    assets: dict[str, Any]
    token_number: str | None = None
    b_form: bool | None = None


class Paradata(BaseModel):
    """A site's surveys on one day."""

    site_id: str
    date: date
    surveys: list[SurveyOut]


def event_time_utc(at: datetime) -> datetime:
    """An event's time as stored: naive UTC (a naive time is UTC per the contract); years outside
    2000-2100 are refused. The contract's model and the upload's lean parse (``ops.wire``) share it."""
    if not FIRST_YEAR <= at.year <= LAST_YEAR:
        raise ValueError(f"time must be between {FIRST_YEAR} and {LAST_YEAR}")
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


class SiteEventIn(StrictBody):
    """A token event as a site sends it."""

    uuid: Annotated[str, Field(min_length=1, max_length=36, strict=True)]
    token_id: Id32
    token_number: Annotated[str, Field(max_length=16, strict=True)]
    update_type: UpdateTypeName
    priority: StrictBool
    kind: Annotated[str, Field(max_length=24, strict=True)]
    at: datetime
    actor: Annotated[str, Field(max_length=40, strict=True)]
    # The DEO on the counter (whose work it is); sites older than the field send none: the actor.
    operator: Annotated[str | None, Field(max_length=40, strict=True)] = None
    counter: Id32 | None
    payload: dict[str, Any]

    @field_validator("at")
    @classmethod
    def _utc(cls, at: datetime) -> datetime:
        return event_time_utc(at)

    @field_validator("payload")
    @classmethod
    def _payload(cls, payload: dict[str, Any]) -> dict[str, Any]:
        return dict(clean_json(payload)) if payload else {}  # most events carry none


class EventBatch(StrictBody):
    """Up to 1000 events."""

    events: Annotated[list[SiteEventIn], Field(max_length=1000)]


class IngestResult(BaseModel):
    """New and already-known events of a batch."""

    accepted: int
    duplicates: int


class SitePerformance(BaseModel):
    """One site's day."""

    site_id: str
    region: str
    district: str
    tehsil: str
    issued: int
    completed: int
    no_show: int


class Performance(BaseModel):
    """All sites that sent events on a day."""

    date: date
    sites: list[SitePerformance]


class DemoSample(BaseModel):
    """A sample visitor for the demo."""

    cnic: str
    name: str | None
    note: str


class DemoSamples(BaseModel):
    """Sample visitors by triage path."""

    samples: dict[str, list[DemoSample]]
