"""The Quality page's reconciliation: completed tokens with no survey after N hours, and surveys with no token.

The hub links every survey a tablet submits to its token (``/v1/sites/{site}/reconciliation``);
this panel asks it on the I/O pool for the day the Quality page shows and lists what does not
match, with the DEO's name (the hub knows DEOs only by pseudonymous id; the site maps them back).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import error_text, ltr
from console.tasks import CoalescedLoad
from services.clock import site_minute_text
from services.deo_ids import deo_pseudonym
from services.hub.survey.schemas import Reconciliation
from widgets.text_table import fill_text_table, text_table

DEFAULT_HOURS = 2


class ReconcilePanel(QWidget):
    """Two lists: completed tokens still without a survey, and surveys that name no token."""

    sig_applied = Signal(object)
    """A fresh :class:`Reconciliation` is shown (tests wait on this)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: Reconciliation | None = None
        self.names: dict[str, str] = {}  # deo pseudonym -> full name
        self._asked: tuple[date, int] | None = None
        self.loader = CoalescedLoad(ctx.tasks, self._fetch, self._on_result, on_error=self._on_failed,
                                    source=self.tr("Reconciliation"), io=True, parent=self)
        title = QLabel(self.tr("Tokens and surveys"))
        title.setStyleSheet("font-weight: 600;")
        self.hours = QSpinBox()
        self.hours.setObjectName("reconcile_hours")
        self.hours.setRange(0, 48)
        self.hours.setValue(DEFAULT_HOURS)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setToolTip(self.tr("A completed token counts as missing its survey only this many hours "
                                      "after completion (tablets may upload later)."))
        self.hours.valueChanged.connect(lambda _v: self.load(self._asked[0] if self._asked else None))
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(QLabel(self.tr("No survey after:")))
        head.addWidget(self.hours)
        self.summary = QLabel()
        self.summary.setObjectName("reconcile_summary")
        self.summary.setWordWrap(True)
        self.missing_survey = text_table([self.tr("Token"), self.tr("DEO"), self.tr("Completed at"),
                                           self.tr("Hours since")], select_rows=True)
        self.missing_token = text_table([self.tr("Survey"), self.tr("DEO"), self.tr("Submitted at")], select_rows=True)
        lists = QHBoxLayout()
        for caption, table in ((self.tr("Completed tokens with no survey"), self.missing_survey),
                               (self.tr("Surveys with no token"), self.missing_token)):
            box = QVBoxLayout()
            box.addWidget(QLabel(caption))
            box.addWidget(table)
            lists.addLayout(box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.summary)
        lay.addLayout(lists, 1)

    def set_staff(self, usernames_to_names: dict[str, str]) -> None:
        """Staff of the site (username -> full name), so pseudonymous ids read as names."""
        self.names = {deo_pseudonym(self.ctx.site_id, u): n for u, n in usernames_to_names.items()}

    def load(self, day: date | None) -> None:
        """Ask the hub for ``day``'s reconciliation (nothing without a hub or a day)."""
        if day is None or self.ctx.registry is None:
            return
        self._asked = (day, self.hours.value())
        self.summary.setText(self.tr("Asking the hub…"))
        self.loader.now()

    def _fetch(self) -> Reconciliation:
        """The hub's answer (I/O pool)."""
        registry, asked = self.ctx.registry, self._asked
        if registry is None or asked is None:
            raise RuntimeError("no registry connection is configured")
        return registry.reconciliation(self.ctx.site_id, asked[0], float(asked[1]))

    def _on_failed(self, exc: BaseException) -> None:
        detail = error_text(exc)  # a registry problem in the reader's language
        self.summary.setText(self.tr("The reconciliation is not available right now (%1).").replace("%1", detail))

    def _on_result(self, result: Reconciliation) -> None:
        self.apply(result)

    def _name(self, deo_id: str) -> str:
        return self.names.get(deo_id, deo_id)

    def apply(self, result: Reconciliation) -> None:
        """Show a reconciliation."""
        self.result = result
        self.summary.setText(
            self.tr("%1 completed tokens, %2 surveys (%3 linked to a token). %4 tokens have no survey after %5 "
                    "hours; %6 surveys name no token.")
            .replace("%1", str(result.completed)).replace("%2", str(result.surveys))
            .replace("%3", str(result.linked)).replace("%4", str(len(result.missing_survey)))
            .replace("%5", f"{result.hours:g}").replace("%6", str(len(result.missing_token))))
        fill_text_table(self.missing_survey, [
            [ltr(t.token_number), self._name(t.deo_id), ltr(site_minute_text(t.completed_at)), f"{t.hours_since:.1f}"]
            for t in result.missing_survey])
        fill_text_table(self.missing_token, [
            [ltr(s.survey_id), self._name(s.deo_id), ltr(site_minute_text(s.submitted_at))] for s in result.missing_token])
        self.sig_applied.emit(result)
