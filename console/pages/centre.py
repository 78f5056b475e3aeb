"""The Centre quality page: what the operations centre sees of survey quality across the key's scope.

Four tabs over a period (and a region, for a central key): duplicates across sites and days (a
window to choose; each group's surveys listed, each opening the drill-down), the surveys the
sites' rules flag, supervisors' reviews with their notes, and supervisors' overrides of
NADRA-blocked identities. Everything comes from the hub (``ctx.centre``) on the network pool
through :class:`console.tasks.CoalescedLoad`; the hub enforces the key's scope and sends CNICs and
phones masked. While shown the page asks again every minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import period_label, type_label
from console.pages.centre_survey import SurveyDialog, action_text, kind_text
from console.pages.quality import flag_title
from console.pages.region import REGIONS
from console.tasks import CoalescedLoad
from services.centre_quality import PAGE, WINDOWS
from services.clock import business_day, site_minute_text
from services.hub.survey.schemas import (
    DuplicateGroup,
    Duplicates,
    Flagged,
    IdentityOverrides,
    Reviews,
    SurveyDetail,
)
from services.region import preset_range
from services.registry import RegistryError, RegistryUnavailable
from vocabulary import UpdateType
from widgets.bidi import comma_join, ltr
from widgets.text_table import fill_text_table, text_table

PERIODS = ("today", "yesterday", "last_7", "last_30")
"""The named periods offered (``console.names.period_label``), a subset of ``services.region.PRESETS``."""
LIVE_MS = 60_000


def _type_text(value: str) -> str:
    try:
        return type_label(UpdateType(value))
    except ValueError:  # a type this console does not know (a newer site's)
        return value


def failure_text(exc: BaseException) -> str:
    """Why the centre's answer is missing, in the reader's language."""
    if isinstance(exc, RegistryUnavailable):
        return QCoreApplication.translate("CentreQuality", "The hub cannot be reached; nothing from the centre is shown. %1").replace("%1", exc.message)
    if isinstance(exc, RegistryError) and exc.status == 403:
        return QCoreApplication.translate("CentreQuality", "This console's hub key may not read that region.")
    if isinstance(exc, RegistryError):
        return QCoreApplication.translate("CentreQuality", "The hub refused the question: %1").replace("%1", exc.message)
    return QCoreApplication.translate("CentreQuality", "The centre's answer could not be read: %1").replace("%1", str(exc))


@dataclass(frozen=True)
class CentreAnswer:
    """The four lists of one period and scope, as the hub answered them."""

    duplicates: Duplicates
    flagged: Flagged
    reviews: Reviews
    overrides: IdentityOverrides


class CentreQualityPage(QWidget):
    """Duplicates, flagged surveys, reviews and identity overrides across the key's scope."""

    sig_loaded = Signal()
    """The four lists of the period were drawn."""
    sig_failed = Signal(str)
    """A load failed (the message shown on the page)."""
    sig_survey_shown = Signal(str)
    """A survey's drill-down dialog was opened (its survey id)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.answer: CentreAnswer | None = None
        self.page_size = PAGE
        self.dialog: SurveyDialog | None = None
        self._groups: list[DuplicateGroup] = []
        self._next: str | None = None
        self._asked: tuple[date, date, int, str | None] | None = None
        self.period = QComboBox()
        for key in PERIODS:
            self.period.addItem(period_label(key), key)
        self.period.setCurrentIndex(PERIODS.index("last_7"))
        self.region = QComboBox()
        self.region.addItem(self.tr("All regions in scope"), None)
        for name in REGIONS:
            self.region.addItem(name, name)
        self.window_days = QComboBox()
        for days in WINDOWS:
            self.window_days.addItem(self.tr("%1 days").replace("%1", str(days)), days)
        self.window_days.setCurrentIndex(WINDOWS.index(30))
        self.window_days.setToolTip(self.tr("Two surveys this many days apart or closer count as duplicates"))
        self.refresh = QPushButton(self.tr("Refresh"))
        self.status = QLabel()
        self.status.setObjectName("centre_status")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.groups = text_table([self.tr("Same"), self.tr("Value (masked)"), self.tr("DRCs"), self.tr("Surveys")],
                                 select_rows=True)
        self.members = text_table([self.tr("Survey"), self.tr("DRC"), self.tr("Day"), self.tr("DEO")],
                                  select_rows=True)
        self.more = QPushButton(self.tr("Load more"))
        self.more.setEnabled(False)
        self.open_survey = QPushButton(self.tr("Open survey…"))
        self.flagged = text_table([self.tr("Survey"), self.tr("DRC"), self.tr("Day"), self.tr("DEO"), self.tr("Token"),
                                   self.tr("Why"), self.tr("Status")], select_rows=True)
        self.reviews = text_table([self.tr("When"), self.tr("DRC"), self.tr("Survey"), self.tr("Review"),
                                   self.tr("Flag"), self.tr("Note"), self.tr("By")], select_rows=True)
        self.overrides = text_table([self.tr("When"), self.tr("DRC"), self.tr("Token"), self.tr("Update type"),
                                     self.tr("CNIC"), self.tr("By"), self.tr("Reason")])
        for table in (self.groups, self.members, self.flagged, self.reviews):
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._layout()
        self._load = CoalescedLoad(ctx.tasks, self._fetch, self._apply, on_error=self._on_failed,
                                   source=self.tr("Centre quality"), io=True, parent=self)
        self._live = QTimer(self)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self.reload)
        self.refresh.clicked.connect(self.reload)
        for combo in (self.period, self.region, self.window_days):
            combo.currentIndexChanged.connect(self.reload)
        self.groups.itemSelectionChanged.connect(self._on_groups_selection_changed)
        self.more.clicked.connect(self._load_more)
        self.open_survey.clicked.connect(self._open_selected)
        for table in (self.members, self.flagged, self.reviews):
            table.cellDoubleClicked.connect(lambda row, _col, t=table: self._open_row(t, row))
        if ctx.centre is None:
            self.status.setText(self.tr("No hub is configured: the centre's quality needs one."))
            for w in (self.refresh, self.open_survey):
                w.setEnabled(False)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("Period"), self.period), (self.tr("Region"), self.region),
                              (self.tr("Duplicate window"), self.window_days)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        dup = QWidget()
        dup_box = QVBoxLayout(dup)
        dup_box.addWidget(QLabel(self.tr("Surveys sharing a CNIC, phone or address within the window, across "
                                         "DRCs and days. Select a group to see its surveys; open one to see why.")))
        dup_box.addWidget(self.groups, 3)
        dup_box.addWidget(self.members, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_survey)
        buttons.addWidget(self.more)
        buttons.addStretch(1)
        dup_box.addLayout(buttons)
        self.tabs.addTab(dup, self.tr("Duplicates"))
        self.tabs.addTab(self.flagged, self.tr("Flagged surveys"))
        self.tabs.addTab(self.reviews, self.tr("Reviews"))
        self.tabs.addTab(self.overrides, self.tr("Identity overrides"))
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.status)
        box.addWidget(self.tabs, 1)

    # ---- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Shown: load now and every minute while shown."""
        super().showEvent(event)
        if self.ctx.centre is not None:
            self._live.start()
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden: stop asking."""
        super().hideEvent(event)
        self._live.stop()

    @property
    def settled(self) -> bool:
        """Nothing is loading (tests wait for this)."""
        return self._load.settled

    def question(self) -> tuple[date, date, int, str | None]:
        """The period, the duplicate window and the region asked about."""
        start, end = preset_range(str(self.period.currentData()), business_day(self.ctx.clock.now()))
        return start, end, int(self.window_days.currentData()), self.region.currentData()

    def reload(self) -> None:
        """Ask the hub again for the chosen period, window and region."""
        if self.ctx.centre is None:
            return
        self._asked = self.question()
        self.status.setText(self.tr("Asking the centre…"))
        self._load.now()

    def _fetch(self) -> CentreAnswer:
        centre = self.ctx.centre
        assert centre is not None and self._asked is not None
        start, end, window, region = self._asked
        return CentreAnswer(centre.duplicates(start, end, window, region, limit=self.page_size), centre.flagged(start, end, region),
                            centre.reviews(start, end, region), centre.overrides(start, end, region))

    def _on_failed(self, exc: BaseException) -> None:
        text = failure_text(exc)
        self.status.setText(text)
        self.sig_failed.emit(text)

    def _apply(self, answer: CentreAnswer) -> None:
        self.answer = answer
        self._groups = list(answer.duplicates.groups)
        self._next = answer.duplicates.next
        self._fill_groups()
        fill_text_table(self.flagged, [
            [ltr(s.survey_id), ltr(s.site_id), ltr(s.day.isoformat()), ltr(s.deo_id),
             ltr(s.token_number or "-"),
             comma_join(flag_title(c) for c in s.flags), action_text(s.status)] for s in answer.flagged.surveys])
        fill_text_table(self.reviews, [
            [ltr(site_minute_text(r.at)), ltr(r.site_id), ltr(r.survey_id), action_text(r.action),
             flag_title(r.flag) if r.flag else "-", r.note or "-", ltr(r.by)] for r in answer.reviews.reviews])
        fill_text_table(self.overrides, [
            [ltr(site_minute_text(o.at)), ltr(o.site_id), ltr(o.token_number), _type_text(o.update_type),
             ltr(o.cnic or "-"), ltr(o.by),
             o.reason] for o in answer.overrides.overrides])
        start, end, window, _region = self._asked or self.question()
        cut = answer.flagged.truncated or answer.overrides.truncated
        self.status.setText(self.tr("%1 to %2, as the centre holds it now: %3 duplicate groups, %4 flagged surveys, "
                                    "%5 reviews, %6 identity overrides.")
                            .replace("%1", ltr(start.isoformat())).replace("%2", ltr(end.isoformat()))
                            .replace("%3", str(len(self._groups)) + ("+" if self._next else ""))
                            .replace("%4", str(len(answer.flagged.surveys)))
                            .replace("%5", str(len(answer.reviews.reviews)))
                            .replace("%6", str(len(answer.overrides.overrides)))
                            + (" " + self.tr("Only the first 1000 rows are listed.") if cut else ""))
        self.sig_loaded.emit()

    def _fill_groups(self) -> None:
        fill_text_table(self.groups, [
            [kind_text(g.kind), ltr(g.value), str(g.sites), str(len(g.surveys))] for g in self._groups])
        self.members.setRowCount(0)
        self.more.setEnabled(self._next is not None)
        if self._groups:
            self.groups.setCurrentCell(0, 0)  # not selectRow: it selects nothing in a right-to-left view not yet laid out

    def _load_more(self) -> None:
        centre, asked, after = self.ctx.centre, self._asked, self._next
        if centre is None or asked is None or after is None:
            return
        start, end, window, region = asked
        self.more.setEnabled(False)
        self.ctx.tasks.run_io(lambda: centre.duplicates(start, end, window, region, after, self.page_size), self._on_more,
                              self._on_failed, source=self.tr("Centre quality"))

    def _on_more(self, page: Duplicates) -> None:
        self._groups += page.groups
        self._next = page.next
        self._fill_groups()

    # ---- the surveys behind a row --------------------------------------------------------
    def _on_groups_selection_changed(self) -> None:
        rows = self.groups.selectionModel().selectedRows()
        group = self._groups[rows[0].row()] if rows and rows[0].row() < len(self._groups) else None
        fill_text_table(self.members, [] if group is None else [
            [ltr(m.survey_id), ltr(m.site_id), ltr(m.day.isoformat()), ltr(m.deo_id)]
            for m in group.surveys])
        if group is not None and group.surveys:
            self.members.setCurrentCell(0, 0)

    def _survey_at(self, table: QTableWidget, row: int) -> str | None:
        column = 2 if table is self.reviews else 0
        item = table.item(row, column)
        return item.text().strip("\u2066\u2069") if item is not None else None

    def _open_row(self, table: QTableWidget, row: int) -> None:
        survey_id = self._survey_at(table, row)
        if survey_id:
            self.show_survey(survey_id)

    def _open_selected(self) -> None:
        """Open the survey selected in the tab shown (the duplicates tab: the group's selected survey)."""
        shown = self.tabs.currentIndex()
        table = {0: self.members, 1: self.flagged, 2: self.reviews}.get(shown)
        if table is None:
            return
        rows = table.selectionModel().selectedRows()
        if rows:
            self._open_row(table, rows[0].row())

    def show_survey(self, survey_id: str) -> None:
        """Fetch one survey's drill-down off the GUI thread, then open it."""
        centre = self.ctx.centre
        if centre is None:
            return
        self.ctx.tasks.run_io(lambda: centre.survey(survey_id), self._on_survey, self._on_failed,
                              source=self.tr("Centre quality"))

    def _on_survey(self, detail: SurveyDetail) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = SurveyDialog(detail, self)
        self.dialog.open()
        self.sig_survey_shown.emit(detail.survey_id)
