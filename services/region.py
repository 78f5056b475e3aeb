"""The regional manager's questions to the operations centre, with the last answer kept on disk.

:class:`RegionService` asks the hub's regional API through the registry client (timeouts,
retries and contract validation live there) and stores every answer per query in the data
folder. When the hub cannot be reached, the stored answer comes back marked with its age; with
none stored, :class:`RegionOffline` says so. A range over 400 days, or a region the key may not
read, is refused with :class:`RegionRefused` before or after asking.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from services.hub.ops.regional import ranking
from services.hub.ops.schemas import (
    DeoRanking,
    Kpi,
    Ranking,
    RegionalDaily,
    RegionalPerformance,
    RegionalReport,
    SiteDrillDown,
)
from services.registry.client import RegistryClient
from services.registry.errors import RegistryError, RegistryUnavailable

MAX_RANGE_DAYS = 400
FISCAL_YEAR_START_MONTH = 7  # the annual report's year runs July to June
PRESETS = ("today", "yesterday", "last_7", "last_30", "this_month", "fiscal_year")
RANKED_KPI: Kpi = "completed_per_day"  # tokens served per reporting day, the annual report's ranking
T = TypeVar("T", bound=BaseModel)


class RegionRefused(Exception):
    """The question cannot be asked: range too long or out of order, or a region the key may not read.

    ``code`` says which (``order``, ``too_long``, ``forbidden``, ``invalid``) so the console can
    word it in the reader's language; the message is the English text.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class RegionOffline(Exception):
    """The hub cannot be reached and no earlier answer to this question is stored."""


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """The dates of a named period ending ``today`` (see :data:`PRESETS`)."""
    if preset == "today":
        return today, today
    if preset == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if preset in ("last_7", "last_30"):
        return today - timedelta(days=int(preset[5:]) - 1), today
    if preset == "this_month":
        return today.replace(day=1), today
    if preset == "fiscal_year":
        year = today.year if today.month >= FISCAL_YEAR_START_MONTH else today.year - 1
        return date(year, FISCAL_YEAR_START_MONTH, 1), today
    raise ValueError(f"unknown period {preset!r}")


@dataclass(frozen=True)
class RegionQuery:
    """What the manager asks about: a date range and, optionally, one region and one district."""

    start: date
    end: date
    region: str | None = None
    district: str | None = None

    def check(self) -> None:
        """Refuse a range in the wrong order or longer than :data:`MAX_RANGE_DAYS` days."""
        if self.end < self.start:
            raise RegionRefused("order", "The start date is after the end date.")
        days = (self.end - self.start).days + 1
        if days > MAX_RANGE_DAYS:
            raise RegionRefused("too_long", f"The range has {days} days; at most {MAX_RANGE_DAYS} can be shown at once.")

    def params(self) -> dict[str, str]:
        """The query string of the regional API."""
        out = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.region:
            out["region"] = self.region
        if self.district:
            out["district"] = self.district
        return out


class RegionOverview(BaseModel):
    """Every site in scope with the regions' totals, and the top and bottom sites and DEOs."""

    performance: RegionalPerformance
    ranking: Ranking
    deos: DeoRanking


@dataclass(frozen=True)
class Answer(Generic[T]):
    """An answer and when the hub gave it; ``stale`` carries why a stored answer is shown instead."""

    data: T
    fetched_at: datetime
    stale: str | None = None

    def age(self, now: datetime) -> timedelta:
        """How old the answer is at ``now``."""
        return max(now - self.fetched_at, timedelta(0))


class RegionService:
    """Regional figures from the hub, each answer cached per query in ``cache_dir``."""

    def __init__(self, registry: RegistryClient, cache_dir: Path,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._registry = registry
        self._dir = cache_dir
        self._now = now

    def overview(self, query: RegionQuery) -> Answer[RegionOverview]:
        """Every site in scope and the top/bottom 5 by tokens served per day (cached on failure)."""
        query.check()
        params = query.params()

        def fetch() -> RegionOverview:
            perf = self._registry.regional_performance(params)
            # The hub's /v1/regions/ranking is this very function over these very rows: ranking them
            # here saves a round trip and the hub a second pass over every site's roll-ups.
            top, bottom = ranking(perf.sites, RANKED_KPI, 5)
            rank = Ranking(**{"from": perf.from_}, to=perf.to, kpi=RANKED_KPI, top=top, bottom=bottom)
            deos = self._registry.deo_ranking({**params, "n": "5"})
            return RegionOverview(performance=perf, ranking=rank, deos=deos)

        return self._answer("overview", params, RegionOverview, fetch, query.region)

    def daily(self, query: RegionQuery) -> Answer[RegionalDaily]:
        """Every day of the range over the scope, for the trend charts (cached on failure)."""
        query.check()
        params = query.params()
        return self._answer("daily", params, RegionalDaily, lambda: self._registry.regional_daily(params),
                            query.region)

    def report(self, query: RegionQuery) -> Answer[RegionalReport]:
        """The regional report's tables for the range and region (the district filter does not apply)."""
        query.check()
        params = {k: v for k, v in query.params().items() if k != "district"}
        return self._answer("report", params, RegionalReport, lambda: self._registry.regional_report(params),
                            query.region)

    def site(self, site_id: str, start: date, end: date) -> Answer[SiteDrillDown]:
        """One site's drill-down over the range (cached on failure)."""
        RegionQuery(start, end).check()
        params = {"from": start.isoformat(), "to": end.isoformat()}
        return self._answer(f"site:{site_id}", params, SiteDrillDown,
                            lambda: self._registry.site_performance(site_id, params), None)

    def _answer(self, kind: str, params: dict[str, str], shape: type[T], fetch: Callable[[], T],
                region: str | None) -> Answer[T]:
        path = self._path(kind, params)
        try:
            data = fetch()
        except RegistryUnavailable as exc:
            stored = self._load(path, shape)
            if stored is None:
                raise RegionOffline(f"{exc.message} No earlier answer to this question is stored.") from None
            return Answer(stored[0], stored[1], stale=exc.message)
        except RegistryError as exc:
            if exc.status == 403:
                where = f"the region {region}" if region else "this scope"
                raise RegionRefused("forbidden", f"This console's hub key may not read {where}.") from None
            if exc.status == 422:
                raise RegionRefused("invalid", exc.message) from exc  # the cause: the registry's coded problem
            raise
        fetched = self._now()
        self._store(path, data, fetched)
        return Answer(data, fetched)

    def _path(self, kind: str, params: dict[str, str]) -> Path:
        key = json.dumps([kind, sorted(params.items())])
        return self._dir / f"region-{hashlib.sha256(key.encode()).hexdigest()[:24]}.json"

    def _store(self, path: Path, data: BaseModel, fetched: datetime) -> None:
        self._dir.mkdir(parents=True, exist_ok=True)
        body = {"fetched_at": fetched.isoformat(), "data": data.model_dump(mode="json", by_alias=True)}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(body), encoding="utf-8")
        os.replace(tmp, path)

    def _load(self, path: Path, shape: type[T]) -> tuple[T, datetime] | None:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            return shape.model_validate(body["data"]), datetime.fromisoformat(body["fetched_at"])
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None  # nothing stored, or a damaged file: as good as nothing


__all__ = ["MAX_RANGE_DAYS", "PRESETS", "Answer", "RegionOffline", "RegionOverview", "RegionQuery", "RegionRefused",
           "RegionService", "preset_range"]
