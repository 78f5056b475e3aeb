"""The quality page: per-DEO survey flags from the hub's paradata, with a drill-down to the surveys.

Paradata is fetched on the network pool through ``ctx.registry``; the checks run there too (they
are plain Python over a few dozen surveys). Offline, the page says so and keeps the last result.
The limits are the centre's (``services.quality_limits``): each refresh asks the hub for its policy
with the paradata, and the line under the title says where the limits come from and how old they are.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import error_text, flag_reason_text, ltr, outlier_texts, survey_why
from console.pages.reconcile_panel import ReconcilePanel
from console.pages.survey_review import SurveyReviewBar
from console.pages.triage_policy import PolicyLabel
from console.tasks import CoalescedLoad
from services.clock import business_day
from services.quality import CODES, QualityReport, assess
from services.quality_limits import HeldLimits, quality_limits
from services.registry import RegistryProblem
from widgets.bidi import comma_join
from widgets.quality_tables import SORT_ROLE, DeoFlagsModel, FlaggedSurveysModel

# Flag codes grouped into the table's columns.
GROUPS: list[tuple[Any, tuple[str, ...]]] = [
    (QT_TRANSLATE_NOOP("QualityGroup", "Duration"), ("duration_short", "duration_long", "duration_invalid")),
    (QT_TRANSLATE_NOOP("QualityGroup", "Geo-tag"), ("geo_far",)),
    (QT_TRANSLATE_NOOP("QualityGroup", "Address"), ("address_short", "address_parts")),
    (QT_TRANSLATE_NOOP("QualityGroup", "Household"), ("household_small", "household_empty")),
    (QT_TRANSLATE_NOOP("QualityGroup", "Assets"), ("assets_no_rooms", "assets_ac_no_fridge", "assets_rooms_excess")),
    (QT_TRANSLATE_NOOP("QualityGroup", "Duplicates"), ("duplicate_cnic", "duplicate_phone", "duplicate_address")),
]
# services.quality.CODES titles, marked here so lupdate extracts them (context "QualityFlag").
_FLAG_TITLES = (
    QT_TRANSLATE_NOOP("QualityFlag", "Survey too short"), QT_TRANSLATE_NOOP("QualityFlag", "Survey too long"),
    QT_TRANSLATE_NOOP("QualityFlag", "Submitted before started"),
    QT_TRANSLATE_NOOP("QualityFlag", "Geo-tag away from site"), QT_TRANSLATE_NOOP("QualityFlag", "Address too short"),
    QT_TRANSLATE_NOOP("QualityFlag", "Address incomplete"), QT_TRANSLATE_NOOP("QualityFlag", "Small households"),
    QT_TRANSLATE_NOOP("QualityFlag", "No household members"), QT_TRANSLATE_NOOP("QualityFlag", "Assets but no rooms"),
    QT_TRANSLATE_NOOP("QualityFlag", "AC but no fridge"), QT_TRANSLATE_NOOP("QualityFlag", "Too many rooms"),
    QT_TRANSLATE_NOOP("QualityFlag", "Duplicate CNIC"), QT_TRANSLATE_NOOP("QualityFlag", "Duplicate phone"),
    QT_TRANSLATE_NOOP("QualityFlag", "Duplicate address"),
)


def flag_title(code: str) -> str:
    """Translated short name of a flag code."""
    return QCoreApplication.translate("QualityFlag", CODES.get(code, code))


class QualityPage(QWidget):
    """Per-DEO flag table (sortable, outliers highlighted) and the flagged surveys of the chosen DEO."""

    sig_report_applied = Signal(object)
    """A fresh :class:`QualityReport` is shown (tests wait on this)."""

    sig_failed = Signal(str)
    """Fetching or checking failed; the text is on screen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: QualityReport | None = None
        self._site: tuple[float | None, float | None] | None = None
        self._asked: tuple[date, float | None, float | None] | None = None
        self.limits: HeldLimits | None = None
        self._policy_words = PolicyLabel(ctx, self)  # says how old a policy is, in the triage page's words
        self._policy_words.hide()
        self.loader = CoalescedLoad(ctx.tasks, self._fetch_report, self._on_report, on_error=self._on_failed,
                                    source=self.tr("Quality"), io=True, parent=self)

        title = QLabel(self.tr("Survey quality"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = business_day(ctx.clock.now())
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("Day:")))
        head.addWidget(self.date_edit)
        head.addWidget(self.refresh_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.limits_line = QLabel()
        self.limits_line.setObjectName("qualityLimits")
        self.limits_line.setWordWrap(True)
        self.limits_line.setStyleSheet("color:#455a64;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.site_flags = QLabel()
        self.site_flags.setWordWrap(True)
        self.site_flags.setStyleSheet("color: #8a5a00;")

        self.deo_model = DeoFlagsModel([(QCoreApplication.translate("QualityGroup", g), codes) for g, codes in GROUPS],
                                       self, explain=outlier_texts)
        self.deo_proxy = QSortFilterProxyModel(self)
        self.deo_proxy.setSourceModel(self.deo_model)
        self.deo_proxy.setSortRole(SORT_ROLE)
        self.deo_table = self._table(self.deo_proxy)
        self.deo_table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.deo_table.selectionModel().currentRowChanged.connect(self._on_deo_current_changed)

        self.survey_model = FlaggedSurveysModel(flag_title, ltr, self, explain=survey_why)
        self.survey_proxy = QSortFilterProxyModel(self)
        self.survey_proxy.setSourceModel(self.survey_model)
        self.survey_proxy.setSortRole(SORT_ROLE)
        self.survey_table = self._table(self.survey_proxy)
        self.survey_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.survey_table.setWordWrap(True)
        self.drill_title = QLabel(self.tr("Flagged surveys"))
        self.drill_title.setStyleSheet("font-weight: 600;")
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.drill_title)
        ll.addWidget(self.survey_table)
        self.review = SurveyReviewBar(ctx, self.selected_survey)
        self.survey_table.selectionModel().currentRowChanged.connect(lambda *_a: self.review.update_buttons())
        ll.addWidget(self.review)

        self.reconcile = ReconcilePanel(ctx)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.deo_table)
        split.addWidget(lower)
        split.addWidget(self.reconcile)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.message)
        lay.addWidget(self.limits_line)
        lay.addWidget(self.summary)
        lay.addWidget(self.site_flags)
        lay.addWidget(split, 1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Try again when the page is opened and nothing is shown yet (e.g. the hub was down at start-up)."""
        if self.report is None and self.loader.settled and self.ctx.registry is not None:
            self.refresh()
        super().showEvent(event)

    def _table(self, model: QSortFilterProxyModel) -> QTableView:
        t = QTableView()
        t.setModel(model)
        t.setSortingEnabled(True)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setAlternatingRowColors(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return t

    @property
    def day(self) -> date:
        """The day shown."""
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    # ---- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Fetch the day's paradata in the background and run the checks."""
        if self.ctx.registry is None:
            self._show_failure(self.tr("No registry connection is configured. Quality checks need the survey "
                                       "paradata from the central hub; set [hub] url and api_key in the settings."))
            return
        self.refresh_button.setEnabled(False)
        self.message.setText(self.tr("Asking the hub for the surveys of %1…").replace("%1", self.day.isoformat()))
        self.message.setStyleSheet("color: #555;")
        if self._site is None:
            self.ctx.tasks.run_db(self._load_site, self._on_site_loaded, self._on_failed, source=self.tr("Quality"))
            return
        self._fetch()

    def _load_site(self) -> tuple[tuple[float | None, float | None], dict[str, str]]:
        """Site coordinates and staff names (database worker)."""
        return self.ctx.site.location(), self.ctx.site.staff_names()

    def _on_site_loaded(self, loaded: tuple[tuple[float | None, float | None], dict[str, str]]) -> None:
        self._site, self.deo_model.names = loaded
        self.reconcile.set_staff(self.deo_model.names)
        self._fetch()

    def _fetch(self) -> None:
        lat, lon = self._site or (None, None)
        # Read on the GUI thread; the I/O pool only sees these plain values.
        self._asked = (self.day, lat, lon)
        self.loader.now()
        self.reconcile.load(self.day)

    def _fetch_report(self) -> tuple[QualityReport, HeldLimits]:
        """The centre's policy and the day's paradata from the hub, checked with the centre's limits (I/O pool)."""
        registry, asked, triage = self.ctx.registry, self._asked, self.ctx.triage
        if registry is None or asked is None:
            raise RuntimeError("no registry connection is configured")
        day, lat, lon = asked
        with contextlib.suppress(RegistryProblem):  # an older hub, or a hiccup: the last policy received applies
            triage.refresh_policy()
        held = triage.keeper.held if triage.keeper is not None else None
        limits = quality_limits(self.ctx.config.metrics, held.central if held else None,
                                held.received_at if held else None)
        paradata = registry.survey_paradata(self.ctx.site_id, day)
        report = assess(paradata.surveys, self.ctx.site_id, day, site_lat=lat, site_lon=lon,
                        thresholds=limits.thresholds)
        return report, limits

    def _on_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        detail = error_text(exc)  # a registry problem in the reader's language
        self._show_failure(self.tr("The hub cannot be reached, so the survey quality checks are not available "
                                   "right now (%1). The queue keeps working offline; press Refresh to try again.")
                           .replace("%1", detail))

    def _show_failure(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a31515; font-weight: 600;")
        self.sig_failed.emit(text)

    def _on_report(self, result: tuple[QualityReport, HeldLimits]) -> None:
        self.refresh_button.setEnabled(True)
        report, self.limits = result
        self.show_limits(self.limits)
        self.apply(report)

    def show_limits(self, held: HeldLimits) -> None:
        """Say which limits the flags below follow, where they come from and how old the centre's policy is."""
        th = held.thresholds
        limits = self.tr("survey %1–%2 min, geo-tag within %3 m, address at least %4 characters, household size "
                         "below %5 × the regional reference").replace("%1", f"{th.survey_min_minutes:g}").replace(
            "%2", f"{th.survey_max_minutes:g}").replace("%3", f"{th.geo_radius_m:g}").replace(
            "%4", str(th.min_address_chars)).replace("%5", f"{th.household_ratio:g}")
        if held.received_at is None:
            head = self.tr("Limits: illustrative defaults (the centre's policy has not arrived yet)")
        else:
            head = self.tr("Limits from the centre (version %1, received %2)").replace(
                "%1", ltr(held.version or "-")).replace("%2", self._policy_words.age_text(
                    held.received_at, self.ctx.clock.now()))
        text = f"{head}: {limits}. " + self.tr("These limits are illustrative, not BISP's.")
        tuned = held.keys_from("site")
        if tuned:
            text += " " + self.tr("Tuned in this console's [metrics]: %1.").replace("%1", comma_join(tuned))
        if held.ignored:
            text += " " + self.tr("Ignored in this console's [metrics] (the centre sets them): %1.").replace(
                "%1", comma_join(list(held.ignored)))
        self.limits_line.setText(text)
        self.limits_line.setStyleSheet("color:#8b1a1a;font-weight:600;" if held.ignored else "color:#455a64;")

    def apply(self, report: QualityReport) -> None:
        """Show a quality report."""
        self.report = report
        self.message.setText("")
        n_flagged = len({f.survey_id for f in report.flags if f.survey_id})
        med = "–" if report.site_median_minutes is None else f"{report.site_median_minutes:.0f}"
        avg = "–" if report.site_avg_household_size is None else f"{report.site_avg_household_size:.1f}"
        outliers = [d.deo for d in report.per_deo if d.outlier]
        text = (self.tr("%1 surveys, %2 flagged · typical survey %3 min · average household %4 (reference %5)")
                .replace("%1", str(len(report.surveys))).replace("%2", str(n_flagged)).replace("%3", med)
                .replace("%4", avg).replace("%5", f"{report.reference_household_size:.1f}"))
        if outliers:
            text += " · " + self.tr("stand out: %1").replace("%1", comma_join(outliers))
        self.summary.setText(text)
        site_level = [flag_reason_text(f.reason, f.params, f.explanation) for f in report.flags if f.survey_id is None]
        self.site_flags.setText("\n".join(site_level))
        self.site_flags.setVisible(bool(site_level))
        self.deo_model.set_rows(report.per_deo)
        self.deo_table.resizeColumnsToContents()
        self.show_surveys(None)
        self.sig_report_applied.emit(report)

    def show_surveys(self, deo: str | None) -> None:
        """Fill the drill-down with the flagged surveys of ``deo`` (all DEOs for None)."""
        if self.report is None:
            return
        self.survey_model.set_rows(self.report.flagged_surveys(deo))
        self.drill_title.setText(self.tr("Flagged surveys of %1").replace("%1", deo) if deo
                                 else self.tr("Flagged surveys (all DEOs) — select a DEO above to narrow"))
        self.survey_table.resizeColumnsToContents()
        self.survey_table.setColumnWidth(6, min(self.survey_table.columnWidth(6), 220))
        self.survey_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.survey_table.resizeRowsToContents()

    def selected_survey(self) -> dict[str, Any] | None:
        """The flagged survey selected in the drill-down (None when none is)."""
        current = self.survey_table.currentIndex()
        if not current.isValid():
            return None
        return self.survey_model.rows[self.survey_proxy.mapToSource(current).row()]

    def _on_deo_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.show_surveys(None)
            return
        src = self.deo_proxy.mapToSource(current)
        self.show_surveys(self.deo_model.rows[src.row()].deo)
