"""What the Region page's map and trend charts draw, from the hub's answers (plain data in, plain data out).

The KPI list is shared by the map's colour chooser and the trend charts, so both name a figure
the same way and agree on which direction is better. Site positions come from ``resources/sites.csv``
(approximate, see resources/DATA.md); a site the file does not know is left off the map and counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.hub.ops.schemas import DayTotals, SiteFigures
from services.hub.reference import sites as known_sites
from widgets.site_map import MapPoint
from widgets.trend_charts import COLORS, Series, Trend


@dataclass(frozen=True)
class Kpi:
    """A figure the map can colour by: its API field, title, unit and which way is better."""

    key: str
    title: str
    higher_is_better: bool
    fmt: Callable[[float], str]


KPIS = (
    Kpi("completed_per_day", str(QT_TRANSLATE_NOOP("RegionPage", "Served per day")), True, lambda v: f"{v:.1f}"),
    Kpi("median_wait_min", str(QT_TRANSLATE_NOOP("RegionPage", "Median wait (min)")), False, lambda v: f"{v:.1f}"),
    Kpi("service_level", str(QT_TRANSLATE_NOOP("RegionPage", "Service level")), True, lambda v: f"{v:.0%}"),
    Kpi("no_show_rate", str(QT_TRANSLATE_NOOP("RegionPage", "No-show rate")), False, lambda v: f"{v:.0%}"),
    Kpi("issued", str(QT_TRANSLATE_NOOP("RegionPage", "Issued")), True, lambda v: f"{v:,.0f}"),
    Kpi("flagged_tokens", str(QT_TRANSLATE_NOOP("RegionPage", "Flagged")), False, lambda v: f"{v:,.0f}"),
)
KPI_BY_KEY = {k.key: k for k in KPIS}
MIN_LABELLED = 5


def positions() -> dict[str, tuple[float, float]]:
    """Every known site's (lat, lon)."""
    return {s.site_id: (s.lat, s.lon) for s in known_sites()}


def map_points(sites: Sequence[SiteFigures], kpi: Kpi, where: dict[str, tuple[float, float]],
               silent_text: str) -> tuple[list[MapPoint], int]:
    """One point per site with a position, and how many sites had none."""
    points, missing = [], 0
    for s in sites:
        if s.site_id not in where:
            missing += 1
            continue
        value = getattr(s, kpi.key)
        shown = silent_text if s.silent else ("–" if value is None else kpi.fmt(value))
        lat, lon = where[s.site_id]
        title = QCoreApplication.translate("RegionPage", kpi.title)
        points.append(MapPoint(s.site_id, lat, lon, None if value is None else float(value), s.silent,
                               f"{s.site_id}  {s.name}\n{s.district}, {s.region}\n{title}: {shown}"))
    return points, missing


def region_centres(sites: Sequence[SiteFigures], where: dict[str, tuple[float, float]]) -> list[tuple[str, float, float]]:
    """Each region's name at the middle of its sites (where the map labels it).

    Regions with fewer than ``MIN_LABELLED`` sites (Islamabad's three) are not named: their middle
    falls among the neighbours' points and the label would sit on top of another region's.
    """
    acc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for s in sites:
        if s.site_id in where:
            acc[s.region].append(where[s.site_id])
    return [(name, sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
            for name, pts in sorted(acc.items()) if len(pts) >= MIN_LABELLED]


TREND_CHARTS = 4  # what ``trends`` returns: the Trends tab makes its charts ahead of the first answer


def trends(days: Sequence[DayTotals], sites_in_scope: int) -> list[Trend]:
    """The trend charts over the range: tokens, waits, service level and no-shows, sites reporting.

    Plain data (each series' numpy array made here): the page calls it on the network pool with the answer.
    """
    served = QCoreApplication.translate("RegionViews", "Served")

    def per(key: str, scale: float = 1.0) -> list[float | None]:
        return [None if getattr(d, key) is None else getattr(d, key) * scale for d in days]

    return [
        Trend(QCoreApplication.translate("RegionViews", "Tokens per day"), "", [Series(QCoreApplication.translate("RegionViews", "Issued"), per("issued"), COLORS["issued"]),
                                          Series(served, per("completed"), COLORS["served"])]),
        Trend(QCoreApplication.translate("RegionViews", "Median wait (min)"), QCoreApplication.translate("RegionViews", "min"), [Series(QCoreApplication.translate("RegionViews", "Median wait"), per("median_wait_min"),
                                                            COLORS["wait"])]),
        Trend(QCoreApplication.translate("RegionViews", "Service level and no-shows (%)"), "%",
              [Series(QCoreApplication.translate("RegionViews", "Service level"), per("service_level", 100), COLORS["level"]),
               Series(QCoreApplication.translate("RegionViews", "No-show rate"), per("no_show_rate", 100), COLORS["no_show"])]),
        Trend(QCoreApplication.translate("RegionViews", "Sites reporting (of %1)").replace("%1", str(sites_in_scope)), "",
              [Series(QCoreApplication.translate("RegionViews", "Sites reporting"), [float(d.sites_reporting) for d in days], COLORS["sites"])]),
    ]
