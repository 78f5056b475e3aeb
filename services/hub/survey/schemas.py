"""Pydantic shapes of the survey API: a tablet's submission, the receipt, the reconciliation list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictBool, field_validator

from services.hub.schemas import FIRST_YEAR, LAST_YEAR, AssetsIn, DateRange, StrictBody

TokenNumber = Annotated[str, Field(pattern=r"^[A-Z]-\d{1,5}$", strict=True)]


class TokenRef(StrictBody):
    """A token named by hand: its business day and number as printed (and optionally its site)."""

    day: date
    number: TokenNumber
    site_id: Annotated[str | None, Field(pattern=r"^PK[0-9]{5}-[0-9]{2}$", strict=True)] = None


class SurveyIn(StrictBody):
    """One survey as the DEO's tablet submits it: paradata, and the token by slip code (``qr``) or ``token``.

    Neither given: the survey is stored unlinked and shows in the reconciliation list.
    """

    survey_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,40}$", strict=True)]
    deo: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[^\x00]*$", strict=True)]
    started_at: datetime
    submitted_at: datetime
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    address: Annotated[str, Field(max_length=500, pattern=r"^[^\x00]*$", strict=True)]
    household_size: Annotated[int, Field(ge=0, le=60, strict=True)]
    assets: AssetsIn
    b_form_present: StrictBool
    cnic: Annotated[str, Field(pattern=r"^[0-9]{13}$", strict=True)]
    phone: Annotated[str, Field(pattern=r"^[0-9+ -]{0,16}$", strict=True)] = ""
    qr: Annotated[str | None, Field(max_length=200, pattern=r"^[^\x00]*$", strict=True)] = None
    token: TokenRef | None = None

    @field_validator("started_at", "submitted_at")
    @classmethod
    def _utc(cls, at: datetime) -> datetime:
        """Naive UTC (a naive time is UTC per the contract); years outside 2000-2100 are refused."""
        if not FIRST_YEAR <= at.year <= LAST_YEAR:
            raise ValueError(f"time must be between {FIRST_YEAR} and {LAST_YEAR}")
        return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


class SurveyReceipt(BaseModel):
    """What the hub stored: the survey, and the token it is linked to (``linked`` false: none named)."""

    survey_id: str
    site_id: str
    linked: bool
    token_id: int | None
    token_number: str | None
    day: date
    deo: str


class SlipKeyIn(StrictBody):
    """The secret the site signs its slips' QR codes with (``[printer] qr_secret``)."""

    secret: Annotated[str, Field(min_length=8, max_length=200, pattern=r"^[^\x00]*$", strict=True)]


class SlipKeyResult(BaseModel):
    """The key is held (never echoed)."""

    site_id: str
    registered: bool


class UnsurveyedToken(BaseModel):
    """A completed token with no survey although its completion is older than the grace period."""

    token_id: int
    token_number: str
    completed_at: datetime
    deo_id: str
    hours_since: float


class TokenlessSurvey(BaseModel):
    """A survey that names no token."""

    survey_id: str
    deo_id: str
    submitted_at: datetime


class Reconciliation(BaseModel):
    """One site-day: completed tokens without a survey after ``hours`` hours, and surveys without a token."""

    site_id: str
    date: date
    hours: float
    as_of: datetime
    completed: int
    surveys: int
    linked: int
    missing_survey: list[UnsurveyedToken]
    missing_token: list[TokenlessSurvey]


class DuplicateMember(BaseModel):
    """One survey of a duplicate group."""

    survey_id: str
    site_id: str
    day: date
    deo_id: str


class DuplicateGroup(BaseModel):
    """Surveys sharing a CNIC, phone or address within the window (CNIC and phone masked)."""

    kind: str
    value: str
    sites: int
    surveys: list[DuplicateMember]


class Duplicates(DateRange):
    """Duplicate groups touching the caller's scope over a range."""

    window_days: int
    groups: list[DuplicateGroup]
    next: str | None = None  # the cursor of the next page (``after=``); None when this was the last


class FlagOut(BaseModel):
    """Why a survey is flagged, in plain words, and again as ``reason`` + ``params`` for a translator
    (``services.labels.FLAG_REASONS``; the centre's duplicate flags: ``others``, ``window``, ``sites``)."""

    code: str
    title: str
    explanation: str
    reason: str = ""
    params: dict[str, str] = {}


class ReviewIn(StrictBody):
    """A supervisor acknowledges a flag (optionally naming it) or returns the survey to its DEO with a note."""

    action: Literal["acknowledge", "return"]
    note: Annotated[str, Field(max_length=1000, pattern=r"^[^\x00]*$", strict=True)] = ""
    flag: Annotated[str | None, Field(max_length=40, strict=True)] = None
    by: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[^\x00]*$", strict=True)]


class ReviewOut(BaseModel):
    """A recorded review."""

    survey_id: str
    site_id: str
    at: datetime
    action: str
    flag: str | None
    note: str
    by: str


class Reviews(BaseModel):
    """Reviews in the caller's scope over a range, newest first."""

    reviews: list[ReviewOut]


class SurveyDetail(BaseModel):
    """One survey at the centre: paradata (CNIC and phone masked), flags with reasons, reviews, status."""

    survey_id: str
    site_id: str
    day: date
    deo_id: str
    token_number: str | None
    cnic: str
    phone: str
    started_at: datetime
    submitted_at: datetime
    minutes: float
    lat: float
    lon: float
    address: str
    household_size: int
    assets: dict[str, Any]
    b_form: bool | None
    flags: list[FlagOut]
    reviews: list[ReviewOut]
    status: str


class FlaggedSurvey(BaseModel):
    """A survey in scope that the site's quality rules flag, with the flags' codes and its review status."""

    survey_id: str
    site_id: str
    day: date
    deo_id: str
    token_number: str | None
    flags: list[str]
    status: str


class Flagged(DateRange):
    """Flagged surveys in the caller's scope over a range (``truncated`` when more were found than listed)."""

    surveys: list[FlaggedSurvey]
    truncated: bool


class IdentityOverride(BaseModel):
    """A supervisor let a CNIC that NADRA blocks through triage: where, when, whose card (masked), who, why."""

    site_id: str
    at: datetime
    token_number: str
    update_type: str
    cnic: str
    by: str
    reason: str


class IdentityOverrides(DateRange):
    """The overrides in the caller's scope over a range, newest first."""

    overrides: list[IdentityOverride]
    truncated: bool
