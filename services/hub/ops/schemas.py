"""Pydantic shapes of the operations centre's API (regional figures, drill-down, data health, metadata)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from services.hub.schemas import DateRange, StrictBody

Kpi = Literal["issued", "completed", "no_show", "no_show_rate", "median_wait_min", "service_level",
              "completed_per_day"]


class Figures(BaseModel):
    """Counts and times over a range (KPIs leave out flagged tokens)."""

    issued: int
    called: int
    completed: int
    no_show: int
    no_show_rate: float | None
    median_wait_min: float | None
    mean_wait_min: float | None
    mean_service_min: float | None
    service_level: float | None = Field(description="Share of called tokens that waited under 30 minutes")


class SiteFigures(Figures):
    """One site over the range; a silent site sent nothing in it."""

    site_id: str
    name: str
    region: str
    district: str
    tehsil: str
    days_reporting: int
    completed_per_day: float | None
    flagged_tokens: int
    duplicates: int
    silent: bool
    last_seen: datetime | None


class RegionFigures(Figures):
    """Totals of one region over the sites in scope."""

    region: str
    sites: int
    silent_sites: int


class RegionalPerformance(DateRange):
    """Every site in scope (silent ones too) and each region's totals."""

    sites: list[SiteFigures]
    regions: list[RegionFigures]


class Ranking(DateRange):
    """Top and bottom sites by a KPI (silent sites are not ranked)."""

    kpi: Kpi
    top: list[SiteFigures]
    bottom: list[SiteFigures]


class HourFigures(Figures):
    """One hour of the day (site zone) summed over the range."""

    hour: int


class TypeFigures(Figures):
    """One update type summed over the range."""

    update_type: str


class DayFigures(Figures):
    """One day of the site."""

    date: date
    flagged_tokens: int
    duplicates: int


class DeoFigures(BaseModel):
    """One DEO over the range (a stable pseudonymous id and the name the site shares)."""

    deo_id: str
    display_name: str | None
    called: int
    completed: int
    no_show: int
    mean_service_min: float | None
    surveys: int = Field(0, description="Surveys the DEO submitted over the range (linked to tokens or not)")


class FlaggedOut(BaseModel):
    """A token whose history the state machine refused."""

    date: date
    token_id: int
    reason: str


class SiteDrillDown(BaseModel):
    """One site over a range: per hour, per update type, per day, per DEO, and flagged tokens."""

    site_id: str
    from_: date = Field(alias="from")
    to: date
    total: Figures
    hours: list[HourFigures]
    update_types: list[TypeFigures]
    days: list[DayFigures]
    deos: list[DeoFigures]
    flagged: list[FlaggedOut]
    surveys: int = 0

    model_config = {"populate_by_name": True}


class SiteHealth(BaseModel):
    """What came in from one site and what could not be trusted."""

    site_id: str
    region: str
    events: int
    tokens: int
    flagged_tokens: int
    duplicates: int


class DataHealth(DateRange):
    """Data health of the sites in scope over a range (only sites with events)."""

    events: int
    tokens: int
    flagged_tokens: int
    duplicates: int
    sites: list[SiteHealth]


class CounterIn(StrictBody):
    """A counter as the site labels it."""

    counter: Annotated[int, Field(ge=0, le=2**31 - 1, strict=True)]
    label: Annotated[str, Field(min_length=1, max_length=40, strict=True)]


class DeoIn(StrictBody):
    """A DEO: pseudonymous id (``deo-`` + 12 hex) and a display name the site chooses to share."""

    deo_id: Annotated[str, Field(pattern=r"^deo-[0-9a-f]{12}$", strict=True)]
    display_name: Annotated[str, Field(min_length=1, max_length=80, strict=True)]


class SiteMetadata(StrictBody):
    """A site's counters and DEOs; replaces what the hub held for the site."""

    counters: Annotated[list[CounterIn], Field(max_length=200)]
    deos: Annotated[list[DeoIn], Field(max_length=500)]


class MetadataResult(BaseModel):
    """How many counters and DEOs the hub now holds for the site."""

    counters: int
    deos: int


class DeoRank(BaseModel):
    """One DEO (pseudonymous id, the name the site shares) at one site over the range."""

    deo_id: str
    display_name: str | None
    site_id: str
    site_name: str
    region: str
    district: str
    completed: int
    days_active: int = Field(description="Days with at least one call by this DEO")
    completed_per_day: float


class DeoRanking(DateRange):
    """Top and bottom DEOs in scope by tokens served per active day (the annual report's operator table)."""

    deos: int = Field(description="DEOs active in the range")
    top: list[DeoRank]
    bottom: list[DeoRank]


class DayTotals(Figures):
    """One day summed over the sites in scope."""

    date: date
    sites_reporting: int
    flagged_tokens: int


class RegionalDaily(DateRange):
    """Every day of the range over the sites in scope (the trend charts' series)."""

    sites: int
    days: list[DayTotals]


class ReportTable(BaseModel):
    """One table of the regional report: a title, column names and rows of plain values."""

    title: str
    columns: list[str]
    rows: list[list[str | int | float | None]]


class RegionalReport(DateRange):
    """The regional report (``drc-hub report``'s tables) for a range and scope."""

    region: str | None
    tables: dict[str, ReportTable]
