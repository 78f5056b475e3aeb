"""Pydantic request/response models of the registry contract (``resources/registry-api.yaml``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

Cnic = Annotated[str, Field(pattern=r"^[0-9]{13}$")]
RegionName = Literal["AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh"]
UpdateTypeName = Literal["missed_out", "roster", "shock", "appeal", "cyclic", "recertification"]


class _Strict(BaseModel):
    """Request body: numbers, booleans and strings are not coerced ("5" is not 5); extra keys are ignored."""

    model_config = ConfigDict(extra="ignore")


class Health(BaseModel):
    """Liveness answer."""

    status: Literal["ok"] = "ok"
    version: str


class VerifyRequest(_Strict):
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


class AssetsIn(_Strict):
    """Household assets as a survey records them."""

    rooms: Annotated[int, Field(ge=0, le=100, strict=True)]
    livestock: Annotated[int, Field(ge=0, le=10000, strict=True)]
    land_acres: Annotated[float, Field(ge=0, le=100000, strict=True)]
    has_fridge: StrictBool
    has_motorcycle: StrictBool
    has_car: StrictBool
    has_ac: StrictBool


class ScoreRequest(_Strict):
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


class SiteOut(BaseModel):
    """A DRC."""

    site_id: str
    name: str
    region: str
    district: str
    tehsil: str
    tehsil_code: str
    lat: float
    lon: float


class SiteList(BaseModel):
    """All DRCs."""

    sites: list[SiteOut]


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


class Paradata(BaseModel):
    """A site's surveys on one day."""

    site_id: str
    date: date
    surveys: list[SurveyOut]


class SiteEventIn(_Strict):
    """A token event as a site sends it."""

    uuid: Annotated[str, Field(min_length=1, max_length=36, strict=True)]
    token_id: StrictInt
    token_number: Annotated[str, Field(max_length=16, strict=True)]
    update_type: UpdateTypeName
    priority: StrictBool
    kind: Annotated[str, Field(max_length=24, strict=True)]
    at: datetime
    actor: Annotated[str, Field(max_length=40, strict=True)]
    counter: StrictInt | None
    payload: dict[str, Any]


class EventBatch(_Strict):
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
