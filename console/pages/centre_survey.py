"""One survey as the centre sees it: the paradata (CNIC and phone masked), why it is flagged, its reviews.

Opened from any row of the Centre quality page; the answer comes from the hub's drill-down
(``GET /v1/surveys/{id}``), fetched off the GUI thread before the dialog is made.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from console.names import flag_reason_text
from console.pages.quality import flag_title
from services.clock import SITE_ZONE
from services.hub.survey.schemas import FlagOut, SurveyDetail
from widgets.bidi import ltr

KIND_TITLES = {
    "cnic": QT_TRANSLATE_NOOP("CentreQuality", "CNIC"), "phone": QT_TRANSLATE_NOOP("CentreQuality", "Phone"),
    "address": QT_TRANSLATE_NOOP("CentreQuality", "Address"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CentreQuality", text)


def kind_text(kind: str) -> str:
    """A duplicate's kind (CNIC, phone, address) in the reader's language."""
    return _tr(str(KIND_TITLES.get(kind, kind)))


def action_text(action: str) -> str:
    """A review's action or a survey's status in the reader's language."""
    return {"acknowledged": QCoreApplication.translate("CentreQuality", "Acknowledged"), "returned": QCoreApplication.translate("CentreQuality", "Returned to DEO"),
            "open": QCoreApplication.translate("CentreQuality", "Open")}.get(action, action)


def flag_text(flag: FlagOut) -> str:
    """A flag's title in the reader's language (the centre's duplicate flags named here)."""
    for prefix, template in (("cross_site_", QCoreApplication.translate("CentreQuality", "Same %1 at another DRC")),
                             ("repeat_", QCoreApplication.translate("CentreQuality", "Same %1 again at this DRC"))):
        if flag.code.startswith(prefix):
            return template.replace("%1", kind_text(flag.code[len(prefix):]))
    return flag_title(flag.code)


def flag_why(flag: FlagOut) -> str:
    """Why, in the reader's language: the site's rules through ``flag_reason_text``, the centre's duplicates here."""
    if flag.code.startswith(("cross_site_", "repeat_")) and flag.params.get("others"):
        text = QCoreApplication.translate("CentreQuality", "%1 other survey(s) with the same value within %2 days")
        text = text.replace("%1", flag.params["others"]).replace("%2", flag.params.get("window", "?"))
        if flag.code.startswith("cross_site_"):
            text += QCoreApplication.translate("CentreQuality", ", at %1 DRCs").replace("%1", flag.params.get("sites", "?"))
        return text + "."
    return flag_reason_text(flag.reason, flag.params, flag.explanation)


def yes_no(value: bool | None) -> str:
    """Yes / No / not recorded."""
    return QCoreApplication.translate("CentreQuality", "not recorded") if value is None else QCoreApplication.translate("CentreQuality", "Yes") if value else QCoreApplication.translate("CentreQuality", "No")


class SurveyDialog(QDialog):
    """The drill-down of one survey (read-only)."""

    def __init__(self, detail: SurveyDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(QCoreApplication.translate("CentreQuality", "Survey %1").replace("%1", detail.survey_id))
        self.setObjectName("centre_survey_dialog")
        form = QFormLayout()
        started = detail.started_at.astimezone(SITE_ZONE) if detail.started_at.tzinfo else detail.started_at
        rows = [
            (QCoreApplication.translate("CentreQuality", "DRC"), ltr(detail.site_id)), (QCoreApplication.translate("CentreQuality", "Day"), ltr(detail.day.isoformat())),
            (QCoreApplication.translate("CentreQuality", "DEO"), ltr(detail.deo_id)), (QCoreApplication.translate("CentreQuality", "Token"), ltr(detail.token_number or "-")),
            (QCoreApplication.translate("CentreQuality", "CNIC"), ltr(detail.cnic)), (QCoreApplication.translate("CentreQuality", "Phone"), ltr(detail.phone)),
            (QCoreApplication.translate("CentreQuality", "Started"), ltr(started.strftime("%Y-%m-%d %H:%M"))),
            (QCoreApplication.translate("CentreQuality", "Length"), QCoreApplication.translate("CentreQuality", "%1 min").replace("%1", f"{detail.minutes:g}")),
            (QCoreApplication.translate("CentreQuality", "GPS"), ltr(f"{detail.lat:.5f}, {detail.lon:.5f}")), (QCoreApplication.translate("CentreQuality", "Address"), detail.address),
            (QCoreApplication.translate("CentreQuality", "Household size"), str(detail.household_size)), (QCoreApplication.translate("CentreQuality", "B-form"), yes_no(detail.b_form)),
            (QCoreApplication.translate("CentreQuality", "Assets"), ltr(", ".join(f"{k}={v}" for k, v in sorted(detail.assets.items())))),
            (QCoreApplication.translate("CentreQuality", "Status"), action_text(detail.status)),
        ]
        self.fields: dict[str, QLabel] = {}
        for title, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            self.fields[title] = label
            form.addRow(title, label)
        why = QGroupBox(QCoreApplication.translate("CentreQuality", "Why it is flagged"))
        why_box = QVBoxLayout(why)
        self.flag_labels = [QLabel(f"<b>{flag_text(f)}</b> - {flag_why(f)}") for f in detail.flags]
        if not self.flag_labels:
            self.flag_labels = [QLabel(QCoreApplication.translate("CentreQuality", "No flag: the site's rules find nothing to question."))]
        for label in self.flag_labels:
            label.setWordWrap(True)
            why_box.addWidget(label)
        reviews = QGroupBox(QCoreApplication.translate("CentreQuality", "Reviews"))
        reviews_box = QVBoxLayout(reviews)
        self.review_labels = [QLabel(QCoreApplication.translate("CentreQuality", "%1 by %2: %3").replace("%1", action_text(r.action))
                                     .replace("%2", ltr(r.by)).replace("%3", r.note or "-")) for r in detail.reviews]
        if not self.review_labels:
            self.review_labels = [QLabel(QCoreApplication.translate("CentreQuality", "Not reviewed yet."))]
        for label in self.review_labels:
            label.setWordWrap(True)
            reviews_box.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(why)
        layout.addWidget(reviews)
        layout.addWidget(buttons)
        self.resize(560, 640)
