"""The supervisor's answer to a flagged survey on the Quality page: acknowledge its flag, or return it.

Both go to the hub (``POST /v1/surveys/{id}/reviews``) on the I/O pool, recorded with the
supervisor's username, so the centre sees them with the survey. Returning asks for a note for the
DEO (what to fix); acknowledging names the survey's first flag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from console.context import AppContext
from console.names import error_text
from services.roles import Permission


class SurveyReviewBar(QWidget):
    """Two buttons acting on the selected flagged survey, and what happened."""

    sig_reviewed = Signal(object)
    """The hub recorded a review (a ``ReviewOut``)."""

    def __init__(self, ctx: AppContext, selected: Callable[[], dict[str, Any] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selected = selected
        self.ack = QPushButton(self.tr("Acknowledge flag"))
        self.ack.setObjectName("review_acknowledge")
        self.ack.setToolTip(self.tr("The flag was looked at and the survey stands; recorded at the centre."))
        self.back = QPushButton(self.tr("Return to DEO…"))
        self.back.setObjectName("review_return")
        self.back.setToolTip(self.tr("Send the survey back to its DEO with a note saying what to fix."))
        self.outcome = QLabel()
        self.outcome.setObjectName("review_outcome")
        self.ack.clicked.connect(lambda: self.submit("acknowledge"))
        self.back.clicked.connect(self._ask_note)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.ack)
        lay.addWidget(self.back)
        lay.addWidget(self.outcome, 1)
        allowed = ctx.actor.can(Permission.SERVE_ANY_COUNTER)  # supervisors (and admins) review
        self.ack.setVisible(allowed)
        self.back.setVisible(allowed)
        self.update_buttons()

    def update_buttons(self) -> None:
        """Enabled only with a survey selected and a hub to tell."""
        ok = self.selected() is not None and self.ctx.registry is not None
        self.ack.setEnabled(ok)
        self.back.setEnabled(ok)

    def _ask_note(self) -> None:
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Return to DEO"),
                                                 self.tr("What should the DEO fix?"))
        if ok and note.strip():
            self.submit("return", note.strip())

    def submit(self, action: str, note: str = "") -> None:
        """Send the review of the selected survey (I/O pool)."""
        row, registry = self.selected(), self.ctx.registry
        if row is None or registry is None:
            return
        survey_id = str(row["survey_id"])
        flag = row["codes"][0] if action == "acknowledge" and row.get("codes") else None
        by = self.ctx.actor.username
        self.ack.setEnabled(False)
        self.back.setEnabled(False)
        self.ctx.tasks.run_io(lambda: registry.review_survey(survey_id, action, by, note, flag),
                              self._on_done, self._on_failed)

    def _on_done(self, review: Any) -> None:
        self.update_buttons()
        text = (self.tr("Survey %1: flag acknowledged.") if review.action == "acknowledged"
                else self.tr("Survey %1 returned to its DEO."))
        self.outcome.setText(text.replace("%1", review.survey_id))
        self.sig_reviewed.emit(review)

    def _on_failed(self, exc: BaseException) -> None:
        self.update_buttons()
        detail = error_text(exc)  # a registry problem in the reader's language
        self.outcome.setText(self.tr("The review was not recorded: %1").replace("%1", detail))
