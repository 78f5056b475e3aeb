"""Regional figures, read from roll-ups only (``hub_site_day``, ``hub_rollup_hour``, ``hub_rollup_deo``).

A range query is one grouped SUM over ``hub_site_day`` (617 sites x days rows at most), joined
in Python with the site list, so every site in scope appears - a site that sent nothing is
``silent`` with its ``last_seen``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, and_, case, cast, func, or_, select, union_all
from sqlalchemy.orm import Session

from services.hub.keys import Caller
from services.hub.models import HubSite, SiteDay, SiteMonth, SiteSeen
from services.hub.ops import schemas as o
from services.hub.ops.partitions import add_months, month_start
from services.hub.ops.rollup import BUCKETS, median_from_histogram

SUMMED = ("issued", "called", "served", "no_show", "wait_sum_s", "wait_n", "service_sum_s", "service_n",
          *(f"w{i}" for i in range(BUCKETS)), "events", "tokens", "flagged_tokens", "duplicates")
UNDER_30_MIN = 5  # buckets 0..4 end at 30 minutes (see rollup.BUCKET_EDGES)
_FIRST_BUCKET = SUMMED.index("w0")
_FLAGGED, _DUPLICATES, _EVENTS = SUMMED.index("flagged_tokens"), SUMMED.index("duplicates"), SUMMED.index("events")


@dataclass
class Sums:
    """Summed roll-up columns; ``figures()`` turns them into KPIs."""

    row: list[int] = field(default_factory=lambda: [0] * len(SUMMED))

    def add(self, other: dict[str, Any]) -> None:
        """Add another row's columns by name (missing ones count 0)."""
        self.add_row([other.get(k) for k in SUMMED])

    def add_row(self, values: Sequence[Any]) -> None:
        """Add columns given in ``SUMMED`` order (None counts 0): the hot path of regional queries."""
        self.row = [a + (b or 0) for a, b in zip(self.row, values, strict=True)]

    @property
    def values(self) -> dict[str, int]:
        """The sums by column name."""
        return dict(zip(SUMMED, self.row, strict=True))

    def hist(self) -> list[int]:
        """The wait histogram."""
        return self.row[_FIRST_BUCKET:_FIRST_BUCKET + BUCKETS]

    def figures(self) -> dict[str, Any]:
        """Counts and KPIs as the API shows them."""
        v = self.values
        closed = v["served"] + v["no_show"]
        hist = self.hist()
        return {"issued": v["issued"], "called": v["called"], "completed": v["served"], "no_show": v["no_show"],
                "no_show_rate": round(v["no_show"] / closed, 4) if closed else None,
                "median_wait_min": median_from_histogram(hist),
                "mean_wait_min": round(v["wait_sum_s"] / v["wait_n"] / 60, 1) if v["wait_n"] else None,
                "mean_service_min": round(v["service_sum_s"] / v["service_n"] / 60, 1) if v["service_n"] else None,
                "service_level": round(sum(hist[:UNDER_30_MIN]) / v["wait_n"], 4) if v["wait_n"] else None}


def _in_scope(q: Any, caller: Caller, region: str | None, district: str | None) -> Any:
    for value, column in ((region, HubSite.region), (district, HubSite.district),
                          (caller.region_filter(), HubSite.region), (caller.site_filter(), HubSite.site_id)):
        if value is not None:
            q = q.where(column == value)
    return q.order_by(HubSite.site_id)


def sites_in_scope(ses: Session, caller: Caller, region: str | None, district: str | None) -> list[HubSite]:
    """The sites a caller asks about and may read, ordered by id."""
    return list(ses.scalars(_in_scope(select(HubSite), caller, region, district)))


def pieces(start: date, end: date) -> tuple[list[tuple[date, date]], list[tuple[date, date]], list[date]]:
    """``start..end`` as day ranges to add, day ranges to take away, and whole months.

    A month the range covers for more than half is read as its ``hub_site_month`` row less the
    days outside the range (every figure is a sum, so this is exact); so any month costs a site at
    most 16 rows (a month row and 15 days), and a 30-day range that is mostly one month far fewer.
    """
    plus: list[tuple[date, date]] = []
    minus: list[tuple[date, date]] = []
    months: list[date] = []
    month = month_start(start)
    while month <= end:
        last = add_months(month, 1) - timedelta(days=1)
        a, b = max(start, month), min(end, last)
        inside, outside = (b - a).days + 1, (last - month).days + 1 - ((b - a).days + 1)
        if outside < inside:
            months.append(month)
            minus += [(x, y) for x, y in ((month, a - timedelta(days=1)), (b + timedelta(days=1), last)) if x <= y]
        else:
            plus.append((a, b))
        month = add_months(month, 1)
    return plus, minus, months


def site_sums(ses: Session, site_ids: Sequence[str] | None, start: date, end: date) -> dict[str, tuple[Sums, int]]:
    """Per site: summed roll-ups over ``start..end`` and the number of days with events.

    Months come from ``hub_site_month`` and the rest from ``hub_site_day`` (see :func:`pieces`), so a
    year costs about as much as a month: at most 13 month rows and 32 day rows per site. The
    database adds them up (one grouped SUM over both), so Python sees one row per site.
    """
    plus, minus, months = pieces(start, end)
    parts: list[Any] = []
    for ranges, sign in ((plus, 1), (minus, -1)):
        if ranges:
            parts.append(select(SiteDay.site_id, case((SiteDay.events > 0, sign), else_=0).label("days"),
                                *[(getattr(SiteDay, k) * sign).label(k) for k in SUMMED])
                         .where(or_(*[and_(SiteDay.day >= a, SiteDay.day <= b) for a, b in ranges])))
    if months:
        parts.append(select(SiteMonth.site_id, SiteMonth.days_reporting.label("days"),
                            *[getattr(SiteMonth, k) for k in SUMMED]).where(SiteMonth.month.in_(months)))
    if site_ids is not None:
        parts = [q.where(q.selected_columns[0].in_(site_ids)) for q in parts]
    query: Any = union_all(*parts) if len(parts) > 1 else parts[0]
    both = query.subquery()

    def total(column: Any) -> Any:  # PostgreSQL sums integers as numeric (Decimal in Python): ask for int
        return cast(func.sum(column), BigInteger)

    q = select(both.c.site_id, total(both.c.days), *[total(both.c[k]) for k in SUMMED]).group_by(both.c.site_id)
    return {row[0]: (Sums(list(row[2:])), int(row[1])) for row in ses.execute(q)}


def site_row(site: Any, sums: Sums | None, days: int, last_seen: datetime | None) -> dict[str, Any]:
    """One site's row as plain values with the fields of ``o.SiteFigures`` (``sums`` None: silent)."""
    s = sums or Sums()
    figs = s.figures()
    return {**figs, "site_id": site.site_id, "name": site.name, "region": site.region, "district": site.district,
            "tehsil": site.tehsil, "days_reporting": days,
            "completed_per_day": round(figs["completed"] / days, 1) if days else None,
            "flagged_tokens": s.row[_FLAGGED], "duplicates": s.row[_DUPLICATES], "silent": s.row[_EVENTS] == 0,
            "last_seen": last_seen.replace(tzinfo=UTC, microsecond=0) if last_seen else None}


def regional_rows(ses: Session, caller: Caller, start: date, end: date, region: str | None,
                  district: str | None) -> tuple[list[dict[str, Any]], list[o.RegionFigures]]:
    """Every site in scope with its figures (plain values), and the totals per region."""
    sites = ses.execute(_in_scope(select(HubSite.site_id, HubSite.name, HubSite.region, HubSite.district,
                                         HubSite.tehsil), caller, region, district)).all()
    limited = caller.kind != "central" or region is not None or district is not None
    sums = site_sums(ses, [x.site_id for x in sites] if limited else None, start, end)
    seen = dict(ses.execute(select(SiteSeen.site_id, SiteSeen.last_seen)).all())
    rows = []
    for x in sites:
        found, days = sums.get(x.site_id, (None, 0))
        rows.append(site_row(x, found, days, seen.get(x.site_id)))
    return rows, region_totals(sites, sums, rows)


def regional(ses: Session, caller: Caller, start: date, end: date, region: str | None,
             district: str | None) -> tuple[list[o.SiteFigures], list[o.RegionFigures]]:
    """Every site in scope with its figures, and the totals per region (for rankings and reports)."""
    rows, regions = regional_rows(ses, caller, start, end, region, district)
    # Built from the hub's own sums: construct without re-validating 617 rows.
    return [o.SiteFigures.model_construct(**row) for row in rows], regions


def regional_json(start: date, end: date, rows: list[dict[str, Any]], regions: list[o.RegionFigures]) -> str:
    """``o.RegionalPerformance`` as JSON, written straight from the rows (no model per site)."""
    body = {"from": start.isoformat(), "to": end.isoformat(), "sites": rows,
            "regions": [r.model_dump() for r in regions]}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_utc_text)


def _utc_text(value: Any) -> str:
    if isinstance(value, datetime):  # last_seen, already UTC and whole seconds
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    raise TypeError(f"{type(value).__name__} is not JSON")


def region_totals(sites: Iterable[Any], sums: dict[str, tuple[Sums, int]],
                  rows: Sequence[dict[str, Any]]) -> list[o.RegionFigures]:
    """Totals per region over the given sites (anything with ``site_id`` and ``region``)."""
    summed: dict[str, list[list[int]]] = defaultdict(list)
    count: dict[str, int] = defaultdict(int)
    silent: dict[str, int] = defaultdict(int)
    for site, row in zip(sites, rows, strict=True):
        count[site.region] += 1
        silent[site.region] += row["silent"]
        if site.site_id in sums:
            summed[site.region].append(sums[site.site_id][0].row)
    total = {r: Sums([sum(column) for column in zip(*found, strict=True)]) for r, found in summed.items()}
    return [o.RegionFigures(region=r, sites=count[r], silent_sites=silent[r], **total.get(r, Sums()).figures())
            for r in sorted(count)]


def ranking(rows: Sequence[o.SiteFigures], kpi: str, n: int) -> tuple[list[o.SiteFigures], list[o.SiteFigures]]:
    """Top and bottom ``n`` reporting sites by ``kpi`` (for waits and no-shows, lower is better)."""
    ranked = [r for r in rows if not r.silent and getattr(r, kpi) is not None]
    lower_is_better = kpi in ("median_wait_min", "no_show_rate", "no_show")
    ranked.sort(key=lambda r: (getattr(r, kpi), r.site_id), reverse=not lower_is_better)
    return ranked[:n], list(reversed(ranked[-n:])) if ranked else []
