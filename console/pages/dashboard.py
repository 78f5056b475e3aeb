"""The dashboard page: live KPI tiles and charts of the site day, and the daily report export.

Queue changes arrive as ``ctx.events.sig_changed`` (and ``sig_external`` for other processes); a
single-shot timer coalesces them so the metrics are recomputed at most about once a second, on
the database worker, never on the GUI thread. Charts update preallocated buffers in place.
"""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import day_text, error_text
from console.pages.dashboard_history import HistoryTabs
from console.pages.deo_surveys import DeoSurveyCounts
from console.tasks import CoalescedLoad, describe_error
from db.models import UpdateType
from services.clock import SITE_ZONE, business_day
from services.history import DayHistory, day_history
from services.labels import UPDATE_TYPE_EN
from services.metrics import DayMetrics
from services.quality_limits import quality_limits
from services.report import daily_report, report_csv
from widgets.kpi_tile import KpiTile

if TYPE_CHECKING:
    from widgets.charts import ChartView, DeoChart, HourlyChart, WaitTrendChart

THROTTLE_MS = 1000
PERIODIC_MS = 30_000


def _minutes(x: float | None) -> str:
    return "–" if x is None else f"{x:.0f}"


class DashboardPage(QWidget):
    """KPI tiles, hourly/per-DEO/waiting charts of today, live; Export of the daily report."""

    sig_metrics_applied = Signal(object)
    """Fresh :class:`DayMetrics` are on screen (tests wait on this)."""

    sig_report_exported = Signal(str)
    """A report file was written (its path)."""

    sig_history_applied = Signal(object)
    """Trends, network view, utilisation and wait promise of the chosen day are on screen (:class:`DayHistory`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, throttle_ms: int = THROTTLE_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.metrics
        self.metrics: DayMetrics | None = None
        self.refreshes = 0

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export report"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for fmt, text in (("pdf", self.tr("PDF document…")), ("json", self.tr("JSON…")), ("csv", self.tr("CSV…"))):
            menu.addAction(text, partial(self._on_export_chosen, fmt))
        self.export_button.setMenu(menu)
        today = business_day(ctx.clock.now())
        self._day = today
        self.day_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.day_edit.setObjectName("day_picker")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.dateChanged.connect(self._on_day_edit_changed)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("today_button")
        self.today_button.clicked.connect(self._on_today_clicked)
        self.history: DayHistory | None = None
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(QLabel(self.tr("Day")))
        head.addWidget(self.day_edit)
        head.addWidget(self.today_button)
        head.addWidget(self.export_button)

        self.tile_served = KpiTile(self.tr("Served today"))
        self.tile_waiting = KpiTile(self.tr("Waiting now"))
        self.tile_wait = KpiTile(self.tr("Median wait"))
        self.tile_level = KpiTile(self.tr("Service level"))
        self.tile_no_show = KpiTile(self.tr("No-show"))
        tiles = QHBoxLayout()
        for t in (self.tile_served, self.tile_waiting, self.tile_wait, self.tile_level, self.tile_no_show):
            tiles.addWidget(t)
        self.estimates = QLabel()
        self.estimates.setWordWrap(True)
        self.estimates.setStyleSheet("color: #333;")

        # Charts (and pyqtgraph, ~0.4 s to import) are built when the page is first shown.
        self.hourly: HourlyChart | None = None
        self.deo_chart: DeoChart | None = None
        self.wait_chart: WaitTrendChart | None = None
        self._grid = QGridLayout()
        self._grid.setRowStretch(0, 5)
        self._grid.setRowStretch(1, 4)

        self.status = QLabel()
        self.status.setStyleSheet("color: #666;")
        # Surveys per DEO (from the hub) next to tokens served.
        self.deo_surveys = QLabel()
        self.deo_surveys.setObjectName("deo_surveys")
        self.deo_surveys.setWordWrap(True)
        self.surveys = DeoSurveyCounts(ctx, self)
        self.surveys.sig_changed.connect(self._on_surveys_changed)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(tiles)
        lay.addWidget(self.estimates)
        charts = QWidget()
        charts.setLayout(self._grid)
        self.views = QTabWidget()
        self.views.setObjectName("dashboard_views")
        self.views.addTab(charts, self.tr("The day"))
        self.history_tabs = HistoryTabs(self)
        self.views.addTab(self.history_tabs.trend, self.tr("Trends"))
        self.views.addTab(self.history_tabs.network_page, self.tr("Network"))
        self.views.addTab(self.history_tabs.counters, self.tr("Counters"))
        self.views.addTab(self.history_tabs.promise_page, self.tr("Wait promise"))
        lay.addWidget(self.views, 1)
        lay.addWidget(self.deo_surveys)
        lay.addWidget(self.status)

        # Coalesce bursts of queue changes into one recompute per throttle window.
        self.loader = CoalescedLoad(ctx.tasks, self._load, self._on_metrics_loaded,
                                    on_error=self._on_metrics_failed, source=self.tr("Dashboard"),
                                    delay_ms=throttle_ms, parent=self)
        # Waiting times grow while nothing happens: recompute now and then anyway.
        self.history_loader = CoalescedLoad(ctx.tasks, self._load_history, self._on_history_loaded,
                                            on_error=self._on_metrics_failed, source=self.tr("Dashboard"),
                                            delay_ms=throttle_ms, parent=self)
        self._periodic = QTimer(self)
        self._periodic.setInterval(PERIODIC_MS)
        self._periodic.timeout.connect(self._on_periodic_timeout)
        self._stale = False
        self._periodic.start()
        ctx.events.sig_changed.connect(self._on_events_changed)
        ctx.events.sig_external.connect(self._on_events_changed)
        self.refresh()
        self.surveys.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Build the charts on first show and draw the latest figures into them."""
        if self.hourly is None:
            self._build_charts()
            if self.metrics is not None:
                self._draw_charts(self.metrics)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _build_charts(self) -> None:
        from widgets.charts import DeoChart, HourlyChart, WaitTrendChart

        self.hourly = HourlyChart(self.tr("Tokens per hour: today and the 7-day average"),
                                  (self.tr("Issued"), self.tr("Served"), self.tr("Issued, 7-day avg"),
                                   self.tr("Served, 7-day avg")))
        self.deo_chart = DeoChart(self.tr("Served per DEO today"))
        self.wait_chart = WaitTrendChart(self.tr("Median wait by hour of call (minutes)"), self.tr("min"),
                                         self.tr("Calls"))
        self._grid.addLayout(self._with_png_button(self.hourly), 0, 0, 1, 2)
        self._grid.addLayout(self._with_png_button(self.deo_chart), 1, 0)
        self._grid.addLayout(self._with_png_button(self.wait_chart), 1, 1)

    def _with_png_button(self, chart: ChartView) -> QVBoxLayout:
        box = QVBoxLayout()
        row = QHBoxLayout()
        row.addStretch(1)
        btn = QPushButton(self.tr("Save PNG…"))
        btn.setFlat(True)
        btn.setToolTip(self.tr("Save this chart as a PNG image"))
        btn.clicked.connect(lambda: self._on_png_clicked(chart))
        row.addWidget(btn)
        box.addLayout(row)
        box.addWidget(chart, 1)
        return box

    # ---- the chosen day --------------------------------------------------------------
    @property
    def day(self) -> date:
        """The business day shown (today unless a past day was picked); a plain value the loads read."""
        return self._day

    def show_day(self, day: date) -> None:
        """Show ``day`` (any day up to today): its figures and its look back load off the GUI thread."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def _is_today(self) -> bool:
        return self.day == business_day(self.ctx.clock.now())

    def _on_day_edit_changed(self, d: QDate) -> None:
        self._day = date(d.year(), d.month(), d.day())
        self.metrics = None
        self.status.setText(self.tr("Loading %1…").replace("%1", self.day.isoformat()))
        self.refresh()

    def _on_today_clicked(self) -> None:
        today = business_day(self.ctx.clock.now())
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.show_day(today)

    def _load_history(self) -> DayHistory:
        ctx = self.ctx
        return day_history(ctx.store, ctx.queue, ctx.site_id, self.day, now=ctx.clock.now(),
                           service_level_minutes=ctx.metrics.service_level_minutes)

    def _on_history_loaded(self, h: DayHistory) -> None:
        if h.day != self.day:
            return  # another day was picked meanwhile; its own load follows
        self.history = h
        self.history_tabs.set_history(h)
        self.sig_history_applied.emit(h)

    def _on_periodic_timeout(self) -> None:
        if self._is_today():
            self._on_events_changed()
            if self.isVisible():
                self.history_loader.request()

    # ---- live updates ----------------------------------------------------------------
    def _on_events_changed(self, *_args: Any) -> None:
        if not self._is_today():
            return  # a past day does not change
        if not self.isVisible():
            # Nobody is looking: keep the database worker free for the queue; catch up on show.
            self._stale = True
            return
        self.loader.request()

    def _load(self) -> DayMetrics:
        return self.service.day(self.day)

    def refresh(self) -> None:
        """Recompute the chosen day's metrics and look back on the database worker (one load each in flight)."""
        self.loader.now()
        self.history_loader.now()

    def _on_metrics_loaded(self, m: DayMetrics) -> None:
        if m.day != self.day:
            return  # another day was picked meanwhile
        self.apply(m)

    def _on_metrics_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not compute the figures: %1").replace("%1", describe_error(exc)))

    def apply(self, m: DayMetrics) -> None:
        """Show ``m`` on the tiles and charts."""
        self.metrics = m
        self.refreshes += 1
        self.title.setText(self.tr("Site performance, %1").replace("%1", day_text(m.day)))
        self.tile_served.set_title(self.tr("Served today") if self._is_today() else self.tr("Served"))
        self.tile_served.set_value(str(m.served), self.tr("%1 issued · %2 at counters now")
                                   .replace("%1", str(m.issued)).replace("%2", str(m.at_counter_now)))
        longest = max((t.estimated_wait_min or 0.0 for t in m.per_type), default=0.0)
        self.tile_waiting.set_value(str(m.waiting_now),
                                    self.tr("longest estimated wait %1 min").replace("%1", f"{longest:.0f}")
                                    if m.waiting_now else self.tr("nobody waiting"),
                                    "warn" if longest > m.service_level_minutes else "normal")
        target = m.service_level_minutes
        med = m.wait.median
        self.tile_wait.set_value(
            self.tr("%1 min").replace("%1", _minutes(med)),
            self.tr("p90 %1 min · %2 calls").replace("%1", _minutes(m.wait.p90)).replace("%2", str(m.wait.count)),
            "normal" if med is None else ("bad" if med > target else "warn" if med > target / 2 else "good"))
        sl = m.service_level
        self.tile_level.set_value(
            "–" if sl is None else f"{sl:.0%}",
            self.tr("called within %1 min").replace("%1", f"{target:g}"),
            "normal" if sl is None else ("good" if sl >= 0.9 else "warn" if sl >= 0.75 else "bad"))
        ns = m.no_show_rate
        self.tile_no_show.set_value(
            "–" if ns is None else f"{ns:.1%}",
            self.tr("%1 of %2 called visitors").replace("%1", str(m.no_show)).replace("%2", str(m.served + m.no_show)),
            "normal" if ns is None else ("good" if ns <= 0.05 else "warn" if ns <= 0.15 else "bad"))
        parts = [f"{QCoreApplication.translate('UpdateType', UPDATE_TYPE_EN[t.update_type])}: "
                 + (self.tr("%1 waiting, ~%2 min").replace("%1", str(t.waiting_now))
                    .replace("%2", _minutes(t.estimated_wait_min)) if t.estimated_wait_min is not None
                    else self.tr("%1 waiting").replace("%1", str(t.waiting_now)))
                 for t in m.per_type if t.update_type is not UpdateType.APPEAL]
        self.estimates.setText(self.tr("Estimated wait for a new token — ") + " · ".join(parts))

        if self.hourly is not None:
            self._draw_charts(m)
        self._show_deo_surveys()
        as_of = m.as_of.astimezone(SITE_ZONE).strftime("%H:%M:%S")
        avg = (self.tr("7-day average over %1 open day(s)").replace("%1", str(m.history_days)) if m.history_days
               else self.tr("no earlier days to average yet"))
        self.status.setText(self.tr("Updated %1 (Pakistan time) · %2").replace("%1", as_of).replace("%2", avg))
        self.sig_metrics_applied.emit(m)

    def _draw_charts(self, m: DayMetrics) -> None:
        assert self.hourly is not None and self.deo_chart is not None and self.wait_chart is not None
        self.hourly.set_data(m.issued_per_hour, m.served_per_hour, m.issued_avg7, m.served_avg7)
        labels = [d.name.split()[0] if d.name else d.deo for d in m.per_deo]
        surveys = self.surveys.counts
        details = [self.tr("%1 (%2)\nServed: %3 · No-show: %4\nMedian service: %5 min\nCounters: %6")
                   .replace("%1", d.name).replace("%2", d.deo).replace("%3", str(d.served))
                   .replace("%4", str(d.no_show)).replace("%5", _minutes(d.service.median))
                   .replace("%6", ", ".join(str(c) for c in d.counters) or "–")
                   + ("\n" + self.tr("Surveys: %1").replace("%1", str(surveys.get(d.deo, 0)))
                      if self.surveys.available and self._is_today() else "") for d in m.per_deo]
        self.deo_chart.set_data(labels, [d.served for d in m.per_deo], details)
        self.wait_chart.set_data(m.wait_median_per_hour, m.calls_per_hour, m.service_level_minutes)

    def _on_surveys_changed(self) -> None:
        self._show_deo_surveys()
        if self.metrics is not None and self.hourly is not None:
            self._draw_charts(self.metrics)

    def _show_deo_surveys(self) -> None:
        """One line: each DEO's tokens served and surveys submitted today (surveys come from the hub)."""
        m = self.metrics
        if m is None or not self.surveys.available or not self._is_today():  # the hub's counts are today's
            self.deo_surveys.setText("")
            return
        counts = self.surveys.counts
        names = {d.deo: d.name.split()[0] if d.name else d.deo for d in m.per_deo}
        for deo in counts:
            names.setdefault(deo, deo)
        served = {d.deo: d.served for d in m.per_deo}
        parts = [self.tr("%1: %2 served, %3 surveys").replace("%1", names[deo]).replace("%2", str(served.get(deo, 0)))
                 .replace("%3", str(counts.get(deo, 0))) for deo in names]
        self.deo_surveys.setText(self.tr("Per DEO today — ") + " · ".join(parts))

    # ---- exports ---------------------------------------------------------------------
    def _on_png_clicked(self, chart: ChartView) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), "chart.png", self.tr("PNG image (*.png)"))
        if path and not chart.export_png(path):
            self.status.setText(self.tr("Could not save %1").replace("%1", path))

    def _on_export_chosen(self, fmt: str) -> None:
        day = self.day
        suggested = f"drc-report-{self.ctx.site_id}-{day.isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the daily report"), suggested,
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_report(fmt, Path(path), day)

    def export_report(self, fmt: str, path: Path, day: date | None = None) -> None:
        """Build the report in the background (paradata on the network pool, metrics on the DB worker)."""
        day = day or business_day(self.ctx.clock.now())
        self.status.setText(self.tr("Preparing the report…"))
        registry = self.ctx.registry
        if registry is None:
            self._build_report(fmt, path, day, None, self.tr("No registry connection is configured, so the survey "
                                                             "quality checks are not included."))
            return
        site_id = self.ctx.site_id
        self.ctx.tasks.run_io(lambda: registry.survey_paradata(site_id, day),
                              lambda p: self._build_report(fmt, path, day, p, None),
                              lambda e: self._build_report(fmt, path, day, None, self.tr(
                                  "The registry could not be reached, so the survey quality checks are not "
                                  "included (%1).").replace("%1", error_text(e))))

    def _build_report(self, fmt: str, path: Path, day: date, paradata: Any, error: str | None) -> None:
        ctx = self.ctx

        def fetch(_site: str, _day: date) -> Any:
            if paradata is None:
                raise RuntimeError(error or "")
            return paradata

        held = ctx.triage.keeper.held if ctx.triage.keeper is not None else None  # the centre's quality limits
        limits = quality_limits(ctx.config.metrics, held.central if held else None).thresholds

        def work() -> dict[str, Any]:
            if paradata is None:
                return daily_report(ctx.store, ctx.config, day, clock=ctx.clock, fetch_paradata=None,
                                    without_quality=error or "")
            return daily_report(ctx.store, ctx.config, day, clock=ctx.clock, fetch_paradata=fetch, thresholds=limits)

        ctx.tasks.run_db(work, lambda r: self._write_report(fmt, path, r),
                         lambda e: self.status.setText(self.tr("Could not build the report: %1").replace("%1", str(e))))

    def _write_report(self, fmt: str, path: Path, report: dict[str, Any]) -> None:
        if fmt == "pdf":
            from console.report_pdf import render_report_pdf

            render_report_pdf(report, path)
        elif fmt == "json":
            path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            path.write_text(report_csv(report), encoding="utf-8")
        self.status.setText(self.tr("Report saved to %1").replace("%1", str(path)))
        self.sig_report_exported.emit(str(path))
