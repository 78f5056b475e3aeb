"""The Region page's body: the site table with top and bottom five (DRCs and DEOs), the map, the trends.

The map and trend charts import pyqtgraph and are made the first time their tab is shown (the
console starts faster and a manager who never opens them pays nothing); each draws the latest
answer when made, and after that only while its tab is the one shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from console.region_views import KPI_BY_KEY, KPIS, TREND_CHARTS, map_points, positions, region_centres
from services.hub.ops.schemas import RegionalDaily
from services.region import RegionOverview
from widgets.figures_table import FiguresModel, FiguresTable, Prepared

if TYPE_CHECKING:
    from widgets.site_map import SiteMap
    from widgets.trend_charts import Trend, TrendGrid


def _kpi_title(text: str) -> str:
    """A KPI's title (marked in ``console.region_views`` under the RegionPage context) in the reader's language."""
    return QCoreApplication.translate("RegionPage", text)


class RegionPanels(QObject):
    """Tabs Sites / Map / Trends above the drill-down; ``drill(site_id)`` is called on a double-click or map click."""

    def __init__(self, drill_panel: QWidget, drill: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drill = drill
        self._drill_panel = drill_panel
        self.overview: RegionOverview | None = None
        self.daily: RegionalDaily | None = None
        self.trends: list[Trend] = []
        self.drilled: str | None = None
        self._map_dirty = self._trends_dirty = False
        self.sites = FiguresTable(FiguresModel(
            [self.tr("Site"), self.tr("Name"), self.tr("District"), self.tr("Issued"), self.tr("Served"), self.tr("No-show"),
             self.tr("Median wait (min)"), self.tr("Service level"), self.tr("Served per day"), self.tr("Flagged"),
             self.tr("Silent since")],
            ["text", "text", "text", "int", "int", "int", "minutes", "share", "rate", "int", "text"]))
        rank_headers = [self.tr("Site"), self.tr("Name"), self.tr("Region"), self.tr("Served per day")]
        self.top = FiguresTable(FiguresModel(rank_headers, ["text", "text", "text", "rate"]))
        self.bottom = FiguresTable(FiguresModel(list(rank_headers), ["text", "text", "text", "rate"]))
        deo_headers = [self.tr("DEO"), self.tr("Site"), self.tr("Served"), self.tr("Active days"), self.tr("Served per day")]
        deo_formats = ["text", "text", "int", "int", "rate"]
        self.top_deos = FiguresTable(FiguresModel(deo_headers, deo_formats))
        self.bottom_deos = FiguresTable(FiguresModel(list(deo_headers), list(deo_formats)))
        self.formats = {name: list(getattr(self, name).figures.formats)
                        for name in ("sites", "top", "bottom", "top_deos", "bottom_deos")}
        for table, site_col in ((self.sites, 0), (self.top, 0), (self.bottom, 0), (self.top_deos, 1),
                                (self.bottom_deos, 1)):
            table.doubleClicked.connect(lambda index, t=table, c=site_col: self._drill(t.figures.value(index.row(), c)))
        self.kpi = QComboBox()
        for k in KPIS:
            self.kpi.addItem(_kpi_title(k.title), k.key)
        self.kpi.currentIndexChanged.connect(self._draw_map)
        self.map_note = QLabel()
        self.map_note.setWordWrap(True)
        self.trends_note = QLabel()
        self.site_map: SiteMap | None = None
        self.trend_grid: TrendGrid | None = None
        self.views = QTabWidget()
        self.views.addTab(self._sites_tab(), self.tr("Sites"))
        self._map_tab = QWidget()
        self._trends_tab = QWidget()
        self.views.addTab(self._map_tab, self.tr("Map"))
        self.views.addTab(self._trends_tab, self.tr("Trends"))
        self.views.currentChanged.connect(self._on_view_changed)

    def _sites_tab(self) -> QWidget:
        self.ranks = ranks = QTabWidget()
        for title, pair in ((self.tr("DRCs"), ((self.tr("Top 5 sites (served per day)"), self.top),
                                           (self.tr("Bottom 5 sites (served per day)"), self.bottom))),
                            (self.tr("DEOs"), ((self.tr("Top 5 DEOs (served per active day)"), self.top_deos),
                                           (self.tr("Bottom 5 DEOs (served per active day)"), self.bottom_deos)))):
            page = QWidget()
            col = QVBoxLayout(page)
            for box_title, table in pair:
                box = QGroupBox(box_title)
                QVBoxLayout(box).addWidget(table)
                col.addWidget(box)
            ranks.addTab(page, title)
        ranks.setMinimumWidth(560)
        split = QSplitter()
        split.addWidget(self.sites)
        split.addWidget(ranks)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    def outer_layout(self, page: QWidget) -> QVBoxLayout:
        """Lay the views above the drill-down on ``page``; the page adds its bar and status on top."""
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.views)
        split.addWidget(self._drill_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(page)
        lay.addWidget(split, 1)
        return lay

    # ---- answers ---------------------------------------------------------------------------
    def show_overview(self, data: RegionOverview, tables: list[Prepared]) -> None:
        """Swap in the prepared rows; redraw the map now if it is shown, else when it is."""
        self.overview = data
        for table, prepared in zip((self.sites, self.top, self.bottom, self.top_deos, self.bottom_deos), tables,
                                   strict=True):
            table.figures.set_prepared(prepared)
        self._map_dirty = True
        if self.views.currentWidget() is self._map_tab:
            self._draw_map()

    def show_daily(self, daily: RegionalDaily, trends: list[Trend]) -> None:
        """Keep the day-by-day answer and its charts' series (made on the network pool); draw them now if shown."""
        self.daily, self.trends = daily, trends
        self.trends_note.setText("")
        self._trends_dirty = True
        if self.views.currentWidget() is self._trends_tab:
            self._draw_trends()

    def daily_failed(self, text: str) -> None:
        """Say why there are no trends (and draw none rather than old ones)."""
        self.daily, self.trends = None, []
        self.trends_note.setText(text)
        if self.trend_grid is not None:
            self.trend_grid.set_trends([], [])
            self.trend_grid.setVisible(False)

    def clear(self) -> None:
        """Empty every table and picture (a failed question shows nothing old)."""
        for table in (self.sites, self.top, self.bottom, self.top_deos, self.bottom_deos):
            table.figures.set_figures([])
        self.overview = None
        self.daily, self.trends = None, []
        if self.site_map is not None:
            self.site_map.set_points("", [], True, {}, [], "")
        if self.trend_grid is not None:
            self.trend_grid.setVisible(False)

    # ---- map and trends, made on first show ---------------------------------------------
    def _on_view_changed(self) -> None:
        current = self.views.currentWidget()
        if current is self._map_tab:
            self._ensure_map()
            if self._map_dirty:
                self._draw_map()
        elif current is self._trends_tab:
            self._ensure_trends()
            if self._trends_dirty:
                self._draw_trends()

    def mark_drilled(self, site_id: str) -> None:
        """The site the drill-down shows: ringed on the map."""
        self.drilled = site_id
        if self.site_map is not None:
            self.site_map.highlight(site_id)

    def _ensure_map(self) -> SiteMap:
        if self.site_map is None:
            from widgets.site_map import SiteMap

            self.site_map = SiteMap(self.tr("Sites"))
            self.site_map.sig_site_clicked.connect(self._drill)
            lay = QVBoxLayout(self._map_tab)
            bar = QHBoxLayout()
            bar.addWidget(QLabel(self.tr("Colour by")))
            bar.addWidget(self.kpi)
            bar.addWidget(self.map_note, 1)
            lay.addLayout(bar)
            lay.addWidget(self.site_map, 1)
        return self.site_map

    def _ensure_trends(self) -> TrendGrid:
        if self.trend_grid is None:
            from widgets.trend_charts import TrendGrid

            self.trend_grid = TrendGrid()
            self.trend_grid.reserve(TREND_CHARTS)
            lay = QVBoxLayout(self._trends_tab)
            lay.addWidget(self.trends_note)
            lay.addWidget(self.trend_grid, 1)
        return self.trend_grid

    def show_map(self) -> SiteMap:
        """Switch to the map tab (made and drawn on the way)."""
        self.views.setCurrentWidget(self._map_tab)
        return self._ensure_map()

    def show_trends(self) -> TrendGrid:
        """Switch to the trends tab (made and drawn on the way)."""
        self.views.setCurrentWidget(self._trends_tab)
        return self._ensure_trends()

    def _draw_map(self) -> None:
        if self.site_map is None or self.overview is None:
            return
        self._map_dirty = False
        kpi = KPI_BY_KEY[str(self.kpi.currentData())]
        sites = self.overview.performance.sites
        where = positions()
        points, missing = map_points(sites, kpi, where, self.tr("silent"))
        ranked = self.overview.ranking
        names = {s.site_id: s.name for s in [*ranked.top, *ranked.bottom]}
        legend = self.tr("Colour: %1, red is worst and green best among reporting sites; grey rings are silent "
                     "sites. The best and worst five sites are named. Positions are approximate.").replace(
            "%1", _kpi_title(kpi.title))
        if missing:
            legend += " " + self.tr("%1 sites have no known position and are not drawn.").replace("%1", str(missing))
        self.map_note.setText(legend)
        self.site_map.highlighted = self.drilled
        self.site_map.set_points(_kpi_title(kpi.title), points, kpi.higher_is_better, names,
                                 region_centres(sites, where), legend)

    def _draw_trends(self) -> None:
        if self.trend_grid is None or self.daily is None:
            return
        self._trends_dirty = False
        self.trend_grid.setVisible(True)
        self.trend_grid.set_trends([d.date for d in self.daily.days], self.trends)
