"""Opening the day and the close-of-day dialog: what to do with open tokens, then the summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import DAY_LONG, day_text
from console.tasks import describe_error
from services.clock import SITE_ZONE
from services.day import CloseChoice, DayStatus, DaySummary, next_working_day


def open_day(ctx: AppContext) -> None:
    """Open today's business day (the Day menu's "Open day"); the result goes to the status bar."""
    svc = ctx.day

    def done(status: DayStatus) -> None:
        ctx.status.alert(QCoreApplication.translate("CloseDay", "Business day %1 is open.").replace("%1", day_text(status.day)), "info")

    ctx.tasks.run_db(lambda: svc.open_day(actor=ctx.actor), done)


class CloseDayDialog(QDialog):
    """Step 1: choose what happens to waiting and called tokens. Step 2: the day's summary."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.day
        self.summary: DaySummary | None = None
        self.setWindowTitle(self.tr("Close the business day"))
        self.setMinimumWidth(520)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choice_page())
        self.stack.addWidget(self._summary_page())
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.ctx.tasks.run_db(self.service.status, self._on_status)

    # ---- step 1 --------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        self.status_label = QLabel(self.tr("Counting the tokens still open…"))
        self.status_label.setObjectName("open_counts")
        self.status_label.setWordWrap(True)
        nxt = day_text(next_working_day(self.service.today()))
        self.choices = QButtonGroup(self)
        self.radio: dict[CloseChoice, QRadioButton] = {}
        texts = {
            CloseChoice.CARRY_OVER: self.tr("Carry them over to %1 (they keep their place in line)").replace("%1", nxt),
            CloseChoice.CANCEL: self.tr("Cancel them"),
            CloseChoice.NO_SHOW: self.tr("Mark them no-show"),
        }
        lay = QVBoxLayout(page)
        lay.addWidget(self.status_label)
        lay.addWidget(QLabel(self.tr("Tokens still waiting or called:")))
        for choice, text in texts.items():
            r = QRadioButton(text)
            r.setObjectName(f"choice_{choice.value}")
            self.choices.addButton(r)
            self.radio[choice] = r
            lay.addWidget(r)
        self.radio[CloseChoice.CARRY_OVER].setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b71c1c;font-weight:600;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(self.tr("Close the day"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("close_day")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        lay.addStretch(1)
        lay.addWidget(buttons)
        return page

    def _on_status(self, status: DayStatus) -> None:
        counts = status.open_tokens
        self.status_label.setText(
            self.tr("Waiting: %1   Called: %2   In service: %3").replace("%1", str(counts.get("waiting", 0)))
            .replace("%2", str(counts.get("called", 0))).replace("%3", str(counts.get("in_service", 0)))
            + ("\n" + self.tr("Visitors in service now are marked completed.") if counts.get("in_service") else "")
            + ("\n" + self.tr("This day is already closed; closing again updates the summary.")
               if status.closed_at else "")
        )

    def choice(self) -> CloseChoice:
        """The option selected now."""
        return next(c for c, r in self.radio.items() if r.isChecked())

    def _on_buttons_accepted(self) -> None:
        choice, actor = self.choice(), self.ctx.actor
        self.close_button.setEnabled(False)
        self.ctx.tasks.run_db(lambda: self.service.close_day(choice, actor=actor), self._on_closed, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.close_button.setEnabled(True)
        self.error.setText(describe_error(exc))
        self.error.show()

    # ---- step 2 --------------------------------------------------------------------
    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.summary_title = QLabel()
        self.summary_title.setStyleSheet("font-size:15pt;font-weight:600;")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.figures: dict[str, QLabel] = {}
        names = [("issued", self.tr("Tokens issued")), ("completed", self.tr("Completed")),
                 ("no_show", self.tr("No-show")), ("cancelled", self.tr("Cancelled")),
                 ("carried_over", self.tr("Carried over")), ("median_wait", self.tr("Median wait"))]
        for i, (key, text) in enumerate(names):
            value = QLabel("-")
            value.setObjectName(f"fig_{key}")
            value.setStyleSheet("font-size:22pt;font-weight:700;")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(text), i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.figures[key] = value
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        lay = QVBoxLayout(page)
        lay.addWidget(self.summary_title)
        lay.addLayout(grid)
        lay.addStretch(1)
        lay.addWidget(buttons)
        return page

    def _on_closed(self, summary: DaySummary) -> None:
        self.summary = summary
        closed = summary.closed_at.astimezone(SITE_ZONE).strftime("%H:%M") if summary.closed_at else ""
        self.summary_title.setText(self.tr("%1 closed at %2").replace("%1", day_text(summary.day, DAY_LONG))
                                   .replace("%2", closed))
        for key in ("issued", "completed", "no_show", "cancelled", "carried_over"):
            self.figures[key].setText(str(getattr(summary, key)))
        wait = summary.median_wait_minutes
        self.figures["median_wait"].setText(self.tr("%1 min").replace("%1", f"{wait:.0f}") if wait is not None else "-")
        self.stack.setCurrentIndex(1)


def close_day(ctx: AppContext, parent: QWidget | None = None) -> DaySummary | None:
    """The Day menu's "Close day…": run the dialog; returns the summary if the day was closed."""
    dialog = CloseDayDialog(ctx, parent)
    dialog.exec()
    return dialog.summary
