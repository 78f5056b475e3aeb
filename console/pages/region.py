"""The Region page: every site in the manager's scope from the operations centre, ranked, mapped, over time.

Figures come from ``ctx.region`` (the hub's regional API, the last answers cached on disk), loaded
on the network pool through :class:`console.tasks.CoalescedLoad`; the site table's rows are
formatted there too, so the GUI thread only swaps them in. The map and the trend charts are made
the first time their tab is shown and drawn only while shown. When the hub is down the page shows
the stored answer with its age, or says plainly that it has nothing; it never shows an empty table
as if it were the truth. Export writes the regional report (``drc-hub report``'s tables) off the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from console.context import AppContext
from console.names import error_text, ltr, period_label
from console.pages.region_drill import SiteDrill
from console.pages.region_panels import RegionPanels
from console.region_export import FORMATS, export_region
from console.region_rows import deo_rank_rows, rank_rows, site_rows
from console.region_views import trends
from console.tasks import CoalescedLoad
from services.clock import business_day
from services.hub.ops.schemas import RegionalDaily, RegionalReport
from services.region import PRESETS, Answer, RegionOffline, RegionOverview, RegionQuery, RegionRefused, preset_range
from widgets.figures_table import Prepared, prepare
from widgets.trend_charts import Trend

REGIONS = ("AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh")
CUSTOM = "custom"
LIVE_MS = 60_000  # while shown, the page asks again every minute (a live region) ...
RETRY_MS = 5_000  # ... and after 5 s when the hub could not be reached and nothing was stored


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
    cause = exc.__cause__
    detail = error_text(cause) if isinstance(cause, Exception) else exc.message
    return QCoreApplication.translate("RegionPage", "The hub refused the question: %1").replace("%1", detail)


class RegionPage(QWidget):
    """Sites of the region over a period: table, top and bottom five, map, trends and one site's drill-down."""

    sig_loaded = Signal()
    """An overview answer (fresh or stored) was drawn."""
    sig_daily_loaded = Signal()
    """The day-by-day answer behind the trend charts arrived (drawn if the Trends tab is shown)."""
    sig_site_loaded = Signal(str)
    """A site's drill-down was drawn (its site id)."""
    sig_failed = Signal(str)
    """A load failed and nothing could be shown (the message on the page)."""
    sig_exported = Signal(str)
    """The regional report was written (its path)."""
    sig_export_failed = Signal(str)
    """An export could not be written (the message)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: RegionOverview | None = None
        self.daily: RegionalDaily | None = None
        self._query: RegionQuery | None = None
        self._shown_once = False
        self.region = QComboBox()
        self.region.addItem(self.tr("All regions"), None)
        for name in REGIONS:
            self.region.addItem(name, name)
        self.district = QComboBox()
        self.district.addItem(self.tr("All districts"), None)
        self.period = QComboBox()
        for key in PRESETS:
            self.period.addItem(period_label(key), key)
        self.period.addItem(self.tr("Range"), CUSTOM)
        self.period.setCurrentIndex(PRESETS.index("last_7"))
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.export_format = QComboBox()
        for fmt in FORMATS:
            self.export_format.addItem(fmt.upper(), fmt)
        self.export = QPushButton(self.tr("Export report…"))
        self.status = QLabel()
        self.status.setObjectName("region_status")
        self.status.setWordWrap(True)
        self.drill = SiteDrill(ctx, self._age_note)
        self.panels = RegionPanels(self.drill, self._drill, self)
        # The tables tests and the drill-down read, under their old names.
        self.sites, self.top, self.bottom = self.panels.sites, self.panels.top, self.panels.bottom
        self.top_deos, self.bottom_deos = self.panels.top_deos, self.panels.bottom_deos
        self.hours, self.deos, self.types = self.drill.hours, self.drill.deos, self.drill.types
        self.drill_title = self.drill.title
        self._layout()
        self._load = CoalescedLoad(ctx.tasks, self._fetch, self._on_overview, on_error=self._on_overview_failed,
                                   source=self.tr("Region"), io=True, parent=self)
        self._daily_load = CoalescedLoad(ctx.tasks, self._fetch_daily, self._on_daily,
                                         on_error=self._on_daily_failed, source=self.tr("Region"), io=True,
                                         parent=self)
        self.drill.sig_loaded.connect(self.sig_site_loaded)
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.timeout.connect(self._on_live)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        self.refresh.clicked.connect(self.reload)
        self.export.clicked.connect(self._on_export_clicked)
        self.district.activated.connect(self.reload)
        self._on_period_changed()
        if ctx.region is None:
            for button in (self.refresh, self.export):
                button.setEnabled(False)
            self.status.setText(self.tr("No hub is configured: regional figures need [hub] url and a regional key."))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Region"), self.region), (self.tr("District"), self.district),
                              (self.tr("Period"), self.period), (self.tr("From"), self.start), (self.tr("To"), self.end)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        bar.addWidget(self.export_format)
        bar.addWidget(self.export)
        lay = self.panels.outer_layout(self)
        lay.insertLayout(0, bar)
        lay.insertWidget(1, self.status)

    # ---- asking --------------------------------------------------------------------------
    def today(self) -> date:
        """The business day at the site (the presets end on it)."""
        return business_day(self.ctx.clock.now())

    def query(self) -> RegionQuery:
        """The question the filters ask now."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return RegionQuery(start, end, self.region.currentData(), self.district.currentData())  # type: ignore[arg-type]

    def _askable(self, refused: Callable[[RegionRefused], None]) -> RegionQuery | None:
        """The filters' question, or None once ``refused`` has been told why the hub would refuse it."""
        query = self.query()
        try:
            query.check()
        except RegionRefused as exc:
            refused(exc)
            return None
        return query

    def reload(self) -> None:
        """Ask the hub again for the current filters (a refused range is said on the page, not asked)."""
        if self.ctx.region is None:
            return
        query = self._askable(lambda exc: self._say_failure(refusal_text(exc)))
        if query is None:
            return
        self._query = query
        self.status.setText(self.tr("Loading…"))
        self._load.now()
        self._daily_load.now()

    def _fetch(self) -> tuple[Answer[RegionOverview], list[Prepared]]:
        """On the network pool: ask, then format every table's rows there too (the GUI thread only swaps them in)."""
        assert self.ctx.region is not None and self._query is not None
        answer = self.ctx.region.overview(self._query)
        data = answer.data
        rows, muted = site_rows(data.performance.sites, self._local_time)
        fmt = self.panels.formats
        return answer, [prepare(fmt["sites"], rows, muted), prepare(fmt["top"], rank_rows(data.ranking.top)),
                        prepare(fmt["bottom"], rank_rows(data.ranking.bottom)),
                        prepare(fmt["top_deos"], deo_rank_rows(data.deos.top)),
                        prepare(fmt["bottom_deos"], deo_rank_rows(data.deos.bottom))]

    def _fetch_daily(self) -> tuple[Answer[RegionalDaily], list[Trend]]:
        """On the network pool: ask, then make the trend charts' series (numpy arrays) there too."""
        assert self.ctx.region is not None and self._query is not None
        answer = self.ctx.region.daily(self._query)
        return answer, trends(answer.data.days, answer.data.sites)

    # ---- answers -------------------------------------------------------------------------
    def _on_overview(self, result: tuple[Answer[RegionOverview], list[Prepared]]) -> None:
        answer, tables = result
        self.overview = data = answer.data
        perf = data.performance
        self.panels.show_overview(data, tables)
        self._fill_districts([s.district for s in perf.sites])
        silent = sum(1 for s in perf.sites if s.silent)
        text = self.tr("%1 sites, %2 silent, %3 to %4.").replace("%1", str(len(perf.sites))).replace(
            "%2", str(silent)).replace("%3", ltr(perf.from_.isoformat())).replace("%4", ltr(perf.to.isoformat()))
        self.status.setText(text + " " + self._age_note(answer))
        self._schedule(LIVE_MS)
        self.sig_loaded.emit()

    def _on_overview_failed(self, exc: BaseException) -> None:
        self._say_failure(self._failure_text(exc))
        if isinstance(exc, RegionOffline):  # e.g. the demo hub is still starting: try again soon
            self._schedule(RETRY_MS)

    def _schedule(self, ms: int) -> None:
        if self.isVisible():
            self._live.start(ms)

    def _on_live(self) -> None:
        """Ask again while the page is shown (an open range ending today keeps moving)."""
        if self.isVisible() and not self._load.busy:
            self.reload()

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, RegionRefused):
            return refusal_text(exc)
        if isinstance(exc, RegionOffline):
            return self.tr("The hub cannot be reached and no earlier answer to this question is stored.")
        return self.tr("The regional figures could not be loaded: %1").replace("%1", str(exc))

    def _on_daily(self, result: tuple[Answer[RegionalDaily], list[Trend]]) -> None:
        answer, series = result
        self.daily = answer.data
        self.panels.show_daily(answer.data, series)
        self.sig_daily_loaded.emit()

    def _on_daily_failed(self, exc: BaseException) -> None:
        self.daily = None
        self.panels.daily_failed(self._failure_text(exc))

    def _say_failure(self, text: str) -> None:
        """Say what went wrong and clear the tables: nothing empty or old poses as the answer."""
        self.panels.clear()
        self.overview = None
        self.daily = None
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
    def _drill(self, site_id: str) -> None:
        """Load one site's hours, DEOs, update types and flags for the shown range."""
        if self._query is not None:
            self.panels.mark_drilled(site_id)
            self.drill.show_site(site_id, self._query.start, self._query.end)

    # ---- export --------------------------------------------------------------------------
    def default_export_path(self, fmt: str) -> Path:
        """Where the save dialog proposes to write: the home folder, named by range and region."""
        query = self._query or self.query()
        scope = (query.region or "all").replace(" ", "-").lower()
        return Path.home() / f"drc-region-{scope}-{query.start.isoformat()}-{query.end.isoformat()}.{fmt}"

    def _on_export_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        fmt = str(self.export_format.currentData())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the regional report"),
                                              str(self.default_export_path(fmt)), f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write the regional report for the shown filters to ``path`` on the network pool."""
        if self.ctx.region is None:
            return
        query = self._askable(self._export_failed)
        if query is None:
            return
        region = self.ctx.region
        self.export.setEnabled(False)
        self.status.setText(self.tr("Writing the report to %1…").replace("%1", ltr(str(path))))
        self.ctx.tasks.run_io(lambda: (path, export_region(region, query, fmt, path)), self._exported,
                              self._export_failed, source=self.tr("Region"))

    def _exported(self, result: tuple[Path, Answer[RegionalReport]]) -> None:
        path, answer = result
        self.export.setEnabled(True)
        self.status.setText(self.tr("The report was written to %1.").replace("%1", ltr(str(path))) + " "
                            + self._age_note(answer))
        self.sig_exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.export.setEnabled(self.ctx.region is not None)
        why = self._failure_text(exc) if isinstance(exc, RegionRefused | RegionOffline) else str(exc)
        text = self.tr("The report could not be written: %1").replace("%1", why)
        self.status.setText(text)
        self.sig_export_failed.emit(text)

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
        elif not self._live.isActive() and self.ctx.region is not None:
            self._live.start(0)  # back on the page after a while: bring it up to date

    def hideEvent(self, event: QHideEvent) -> None:
        self._live.stop()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:
        self._live.stop()
        self._load.stop()
        self._daily_load.stop()
        self.drill.stop()
        super().closeEvent(event)
