"""The Region page: every site in the manager's scope from the operations centre, ranked, with a drill-down.

Figures come from ``ctx.region`` (the hub's regional API, the last answers cached on disk), loaded
on the network pool through :class:`console.tasks.CoalescedLoad`. When the hub is down the page
shows the stored answer with its age, or says plainly that it has nothing; it never shows an
empty table as if it were the truth.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import ltr, type_label
from console.region_rows import deo_rows, hour_rows, rank_rows, site_rows, type_rows
from console.tasks import CoalescedLoad
from services.clock import business_day
from services.hub.ops.schemas import SiteDrillDown
from services.region import PRESETS, Answer, RegionOffline, RegionOverview, RegionQuery, RegionRefused, preset_range
from vocabulary import UpdateType
from widgets.figures_table import FiguresModel, FiguresTable, Prepared, prepare

REGIONS = ("AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh")
PRESET_TITLES = {
    "today": QT_TRANSLATE_NOOP("RegionPage", "Today"),
    "yesterday": QT_TRANSLATE_NOOP("RegionPage", "Yesterday"),
    "last_7": QT_TRANSLATE_NOOP("RegionPage", "Last 7 days"),
    "last_30": QT_TRANSLATE_NOOP("RegionPage", "Last 30 days"),
    "this_month": QT_TRANSLATE_NOOP("RegionPage", "This month"),
    "fiscal_year": QT_TRANSLATE_NOOP("RegionPage", "Fiscal year (July-June)"),
}
CUSTOM = "custom"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegionPage", text)


def age_text(age: timedelta) -> str:
    """An answer's age in the reader's language: minutes, hours or days."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("RegionPage", "%1 min").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("RegionPage", "%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60))
    return QCoreApplication.translate("RegionPage", "%1 days").replace("%1", str(minutes // (24 * 60)))


def refusal_text(exc: RegionRefused) -> str:
    """Why a question was refused, in the reader's language."""
    if exc.code == "order":
        return QCoreApplication.translate("RegionPage", "The start date is after the end date.")
    if exc.code == "too_long":
        return QCoreApplication.translate("RegionPage", "The range is too long: at most 400 days can be shown at once.")
    if exc.code == "forbidden":
        return QCoreApplication.translate("RegionPage", "This console's hub key may not read that region.")
    return QCoreApplication.translate("RegionPage", "The hub refused the question: %1").replace("%1", exc.message)


class RegionPage(QWidget):
    """Sites of the region over a period, top and bottom five, and one site's drill-down."""

    sig_loaded = Signal()
    """An overview answer (fresh or stored) was drawn."""
    sig_site_loaded = Signal(str)
    """A site's drill-down was drawn (its site id)."""
    sig_failed = Signal(str)
    """A load failed and nothing could be shown (the message on the page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: RegionOverview | None = None
        self._query: RegionQuery | None = None
        self._site_id: str | None = None
        self._shown_once = False
        self.region = QComboBox()
        self.region.addItem(self.tr("All regions"), None)
        for name in REGIONS:
            self.region.addItem(name, name)
        self.district = QComboBox()
        self.district.addItem(self.tr("All districts"), None)
        self.period = QComboBox()
        for key in PRESETS:
            self.period.addItem(_tr(str(PRESET_TITLES[key])), key)
        self.period.addItem(self.tr("Range"), CUSTOM)
        self.period.setCurrentIndex(PRESETS.index("last_7"))
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.status = QLabel()
        self.status.setObjectName("region_status")
        self.status.setWordWrap(True)
        self.sites = FiguresTable(FiguresModel(
            [self.tr("Site"), self.tr("Name"), self.tr("District"), self.tr("Issued"), self.tr("Served"),
             self.tr("No-show"), self.tr("Median wait (min)"), self.tr("Service level"), self.tr("Served per day"),
             self.tr("Flagged"), self.tr("Silent since")],
            ["text", "text", "text", "int", "int", "int", "minutes", "share", "rate", "int", "text"]))
        rank_headers = [self.tr("Site"), self.tr("Name"), self.tr("Region"), self.tr("Served per day")]
        self.top = FiguresTable(FiguresModel(rank_headers, ["text", "text", "text", "rate"]))
        self.bottom = FiguresTable(FiguresModel(list(rank_headers), ["text", "text", "text", "rate"]))
        self.drill_title = QLabel(self.tr("Double-click a site to see its hours, DEOs and update types."))
        fig_headers = [self.tr("Issued"), self.tr("Served"), self.tr("No-show"), self.tr("Median wait (min)"),
                       self.tr("Service level")]
        fig_formats = ["int", "int", "int", "minutes", "share"]
        self.hours = FiguresTable(FiguresModel([self.tr("Hour"), *fig_headers], ["text", *fig_formats]))
        self.types = FiguresTable(FiguresModel([self.tr("Update type"), *fig_headers], ["text", *fig_formats]))
        self.deos = FiguresTable(FiguresModel(
            [self.tr("DEO"), self.tr("Called"), self.tr("Served"), self.tr("No-show"), self.tr("Mean service (min)")],
            ["text", "int", "int", "int", "minutes"]))
        self._layout()
        self._load = CoalescedLoad(ctx.tasks, self._fetch, self._on_overview, on_error=self._on_overview_failed,
                                   source=self.tr("Region"), io=True, parent=self)
        self._site_load = CoalescedLoad(ctx.tasks, self._fetch_site, self._on_site, on_error=self._on_site_failed,
                                        source=self.tr("Region"), io=True, parent=self)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        self.refresh.clicked.connect(self.reload)
        self.district.activated.connect(self.reload)
        self.sites.doubleClicked.connect(self._on_sites_double_clicked)
        for table in (self.top, self.bottom):
            table.doubleClicked.connect(lambda index, t=table: self._drill(t.figures.value(index.row(), 0)))
        self._on_period_changed()
        if ctx.region is None:
            self.refresh.setEnabled(False)
            self.status.setText(self.tr("No hub is configured: regional figures need [hub] url and a regional key."))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Region"), self.region), (self.tr("District"), self.district),
                              (self.tr("Period"), self.period), (self.tr("From"), self.start), (self.tr("To"), self.end)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        ranks = QVBoxLayout()
        for title, table in ((self.tr("Top 5 sites (served per day)"), self.top),
                             (self.tr("Bottom 5 sites (served per day)"), self.bottom)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            ranks.addWidget(box)
        side = QWidget()
        side.setLayout(ranks)
        side.setMinimumWidth(480)
        upper = QSplitter()
        upper.addWidget(self.sites)
        upper.addWidget(side)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.hours, self.tr("Hourly"))
        self.tabs.addTab(self.deos, self.tr("DEOs"))
        self.tabs.addTab(self.types, self.tr("Update types"))
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.addWidget(self.drill_title)
        low.addWidget(self.tabs)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)

    # ---- asking --------------------------------------------------------------------------
    def today(self) -> date:
        """The business day at the site (the presets end on it)."""
        return business_day(self.ctx.clock.now())

    def query(self) -> RegionQuery:
        """The question the filters ask now."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return RegionQuery(start, end, self.region.currentData(), self.district.currentData())  # type: ignore[arg-type]

    def reload(self) -> None:
        """Ask the hub again for the current filters (a refused range is said on the page, not asked)."""
        if self.ctx.region is None:
            return
        query = self.query()
        try:
            query.check()
        except RegionRefused as exc:
            self._say_failure(refusal_text(exc))
            return
        self._query = query
        self.status.setText(self.tr("Loading…"))
        self._load.now()

    def _fetch(self) -> tuple[Answer[RegionOverview], list[Prepared]]:
        """On the network pool: ask, then format every table's rows there too (the GUI thread only swaps them in)."""
        assert self.ctx.region is not None and self._query is not None
        answer = self.ctx.region.overview(self._query)
        data = answer.data
        rows, muted = site_rows(data.performance.sites, self._local_time)
        return answer, [prepare(self.sites.figures.formats, rows, muted),
                        prepare(self.top.figures.formats, rank_rows(data.ranking.top)),
                        prepare(self.bottom.figures.formats, rank_rows(data.ranking.bottom))]

    def _fetch_site(self) -> tuple[str, Answer[SiteDrillDown]]:
        assert self.ctx.region is not None and self._query is not None and self._site_id is not None
        site_id, query = self._site_id, self._query
        return site_id, self.ctx.region.site(site_id, query.start, query.end)

    # ---- answers -------------------------------------------------------------------------
    def _on_overview(self, result: tuple[Answer[RegionOverview], list[Prepared]]) -> None:
        answer, tables = result
        self.overview = data = answer.data
        perf = data.performance
        for table, prepared in zip((self.sites, self.top, self.bottom), tables, strict=True):
            table.figures.set_prepared(prepared)
        self._fill_districts([s.district for s in perf.sites])
        silent = sum(1 for s in perf.sites if s.silent)
        text = self.tr("%1 sites, %2 silent, %3 to %4.").replace("%1", str(len(perf.sites))).replace(
            "%2", str(silent)).replace("%3", ltr(perf.from_.isoformat())).replace("%4", ltr(perf.to.isoformat()))
        self.status.setText(text + " " + self._age_note(answer))
        self.sig_loaded.emit()

    def _on_overview_failed(self, exc: BaseException) -> None:
        if isinstance(exc, RegionRefused):
            self._say_failure(refusal_text(exc))
        elif isinstance(exc, RegionOffline):
            self._say_failure(self.tr("The hub cannot be reached and no earlier answer to this question is stored."))
        else:
            self._say_failure(self.tr("The regional figures could not be loaded: %1").replace("%1", str(exc)))

    def _say_failure(self, text: str) -> None:
        """Say what went wrong and clear the tables: nothing empty or old poses as the answer."""
        for table in (self.sites, self.top, self.bottom):
            table.figures.set_figures([])
        self.overview = None
        self.status.setText(text)
        self.sig_failed.emit(text)

    def _age_note(self, answer: Answer[Any]) -> str:
        fetched = self._local_time(answer.fetched_at)
        if answer.stale is None:
            return self.tr("From the hub at %1.").replace("%1", fetched)
        age = age_text(answer.age(datetime.now(UTC)))
        return self.tr("The hub cannot be reached: these figures are the stored answer of %1 (%2 old).").replace(
            "%1", fetched).replace("%2", age)

    def _local_time(self, at: datetime | None) -> str:
        if at is None:
            return self.tr("never")
        return ltr(at.astimezone(self.ctx.clock.now().tzinfo or UTC).strftime("%Y-%m-%d %H:%M"))

    def _fill_districts(self, districts: list[str]) -> None:
        current = self.district.currentData()
        names = sorted(set(districts) | ({current} if current else set()))
        known = [self.district.itemData(i) for i in range(1, self.district.count())]
        if names == known:
            return
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("All districts"), None)
        for name in names:
            self.district.addItem(name, name)
        self.district.setCurrentIndex(max(0, self.district.findData(current)) if current else 0)
        self.district.blockSignals(False)

    # ---- drill-down ----------------------------------------------------------------------
    def _on_sites_double_clicked(self, index: QModelIndex) -> None:
        self._drill(self.sites.figures.value(index.row(), 0))

    def _drill(self, site_id: str) -> None:
        """Load one site's hours, DEOs and update types for the shown range."""
        if self.ctx.region is None or self._query is None:
            return
        self._site_id = site_id
        self.drill_title.setText(self.tr("Loading %1…").replace("%1", site_id))
        self._site_load.now()

    def _on_site(self, result: tuple[str, Answer[SiteDrillDown]]) -> None:
        site_id, answer = result
        data = answer.data
        self.hours.figures.set_figures(hour_rows(data.hours))
        self.deos.figures.set_figures(deo_rows(data.deos))
        self.types.figures.set_figures(type_rows(data.update_types, self._type_name))
        self.drill_title.setText(self.tr("%1, %2 to %3: %4 flagged tokens.").replace("%1", ltr(site_id)).replace(
            "%2", ltr(data.from_.isoformat())).replace("%3", ltr(data.to.isoformat())).replace(
            "%4", str(len(data.flagged))) + " " + self._age_note(answer))
        self.sig_site_loaded.emit(site_id)

    def _on_site_failed(self, exc: BaseException) -> None:
        for table in (self.hours, self.deos, self.types):
            table.figures.set_figures([])
        if isinstance(exc, RegionOffline):
            self.drill_title.setText(self.tr("The hub cannot be reached and this site's figures are not stored."))
        else:
            self.drill_title.setText(self.tr("The site's figures could not be loaded: %1").replace("%1", str(exc)))

    @staticmethod
    def _type_name(name: str) -> str:
        try:
            return type_label(UpdateType(name))
        except ValueError:
            return name

    # ---- filters -------------------------------------------------------------------------
    def _on_period_changed(self) -> None:
        key = self.period.currentData()
        custom = key == CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            start, end = preset_range(str(key), self.today())
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(end.year, end.month, end.day))
            if self._shown_once:
                self.reload()

    def _on_region_changed(self) -> None:
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("All districts"), None)
        self.district.blockSignals(False)
        if self._shown_once:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.reload()

    def closeEvent(self, event: Any) -> None:
        self._load.stop()
        self._site_load.stop()
        super().closeEvent(event)
