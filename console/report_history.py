"""The daily PDF report's look back: 7-/30-day trends, the network view, counter utilisation, the wait promise.

Drawn by ``console.report_pdf`` after the per-DEO table from the sections ``services.history``
adds to the report dict; a report without them (an older JSON) simply has none of these tables.
Every word is in the catalogue (``_CATALOGUE``): an Urdu console writes these sections in Urdu, right to
left, with days, hours and counter numbers kept whole.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.names import counter_label, day_text, ltr
from services.labels import UPDATE_TYPE_EN
from vocabulary import UpdateType
from widgets.bidi import comma_join

if TYPE_CHECKING:
    from console.report_pdf import _Pages


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportPdf", text)


def _num(v: Any, nd: int = 1) -> str:
    return "–" if v is None else f"{v:.{nd}f}"


def _pct(v: Any) -> str:
    return "–" if v is None else f"{v:.0%}"


def _type_name(value: str) -> str:
    try:
        return QCoreApplication.translate("UpdateType", UPDATE_TYPE_EN[UpdateType(value)])
    except (ValueError, KeyError):
        return value


def _day(iso: str) -> str:
    """A day of the look back as the reader writes it ("Wed 04 Mar 2026" / "بدھ 04 مارچ 2026")."""
    try:
        return day_text(date.fromisoformat(iso))
    except ValueError:
        return ltr(iso)


def _hour(hour: int) -> str:
    return ltr(f"{hour:02d}:00")


def draw_history(pages: _Pages, report: dict[str, Any]) -> None:
    """Append the history sections present in ``report``."""
    if "trend_30" in report:
        rows = [[_day(r["day"]), str(r["issued"]), str(r["served"]), _num(r["median_wait_min"]), _pct(r["service_level"]),
                 _pct(r["no_show_rate"])] for r in report["trend_30"] if r["issued"] or r["served"]]
        last7 = {r["day"] for r in report.get("trend_7", [])}
        week = [r for r in report["trend_30"] if r["day"] in last7 and r["served"]]
        pages.text(_t("The last 30 days"), 13, True, "#1f4e79")
        if week:
            served7 = sum(r["served"] for r in week) / len(week)
            pages.text(_t("Last 7 days: %1 served per open day on average (%2 open days).")
                       .replace("%1", f"{served7:.0f}").replace("%2", str(len(week))), 9.5)
        pages.table([_t("Day"), _t("Issued"), _t("Served"), _t("Median wait (min)"), _t("Service level"),
                     _t("No-show")], rows or [[_t("No tokens in these days.")]], [1.6, 1, 1, 1.6, 1.3, 1])
    if "network" in report:
        pages.text(_t("Network: hub reachability and unverified tokens"), 13, True, "#1f4e79")
        offline = [r for r in report["network"] if r["offline"]]
        pages.text(_t("Hours with the hub offline: %1.").replace(
            "%1", comma_join(_hour(r["hour"]) for r in offline) or _t("none")), 9.5)
        eventful = [r for r in report["network"] if r["offline"] or r["unverified"]]
        if eventful:  # only the hours where something happened: a quiet day is one line
            pages.table([_t("Hour"), _t("Unverified tokens"), _t("Hub")],
                        [[_hour(r["hour"]), str(r["unverified"]), _t("offline") if r["offline"] else _t("online")]
                         for r in eventful], [1, 1.6, 1.2])
        else:
            pages.text(_t("Every token was checked with the registry when it was issued."), 9.5)
    if "counter_utilisation" in report:
        pages.text(_t("Counter utilisation"), 13, True, "#1f4e79")
        pages.table([_t("Counter"), _t("Serving (min)"), _t("Break (min)"), _t("Idle (min)"), _t("Serving share")],
                    [[counter_label(r["number"], r["label"]), _num(r["serving_min"], 0), _num(r["break_min"], 0),
                      _num(r["idle_min"], 0), _pct(r["serving_share"])] for r in report["counter_utilisation"]]
                    or [[_t("No counters.")]], [2.2, 1.2, 1.2, 1.2, 1.2])
    if "wait_promise" in report:
        pages.text(_t("The wait promise: slip estimate against the real wait"), 13, True, "#1f4e79")
        pages.table([_t("Update type"), _t("Called tokens"), _t("Median error (min)"), _t("Waited longer")],
                    [[_type_name(r["update_type"]), str(r["tokens"]), _num(r["median_abs_error_min"]),
                      _pct(r["longer_share"])] for r in report["wait_promise"]]
                    or [[_t("No called token carried a promise this day.")]], [2.4, 1.2, 1.6, 1.4])


# The sections' words for the catalogue (lupdate reads these markers; ``_t`` looks them up).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("ReportPdf", "The last 30 days"),
    QT_TRANSLATE_NOOP("ReportPdf", "Last 7 days: %1 served per open day on average (%2 open days)."),
    QT_TRANSLATE_NOOP("ReportPdf", "Day"),
    QT_TRANSLATE_NOOP("ReportPdf", "No tokens in these days."),
    QT_TRANSLATE_NOOP("ReportPdf", "Network: hub reachability and unverified tokens"),
    QT_TRANSLATE_NOOP("ReportPdf", "Hours with the hub offline: %1."),
    QT_TRANSLATE_NOOP("ReportPdf", "none"),
    QT_TRANSLATE_NOOP("ReportPdf", "Unverified tokens"),
    QT_TRANSLATE_NOOP("ReportPdf", "Hub"),
    QT_TRANSLATE_NOOP("ReportPdf", "offline"),
    QT_TRANSLATE_NOOP("ReportPdf", "online"),
    QT_TRANSLATE_NOOP("ReportPdf", "Every token was checked with the registry when it was issued."),
    QT_TRANSLATE_NOOP("ReportPdf", "Counter utilisation"),
    QT_TRANSLATE_NOOP("ReportPdf", "Counter"),
    QT_TRANSLATE_NOOP("ReportPdf", "Serving (min)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Break (min)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Idle (min)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Serving share"),
    QT_TRANSLATE_NOOP("ReportPdf", "No counters."),
    QT_TRANSLATE_NOOP("ReportPdf", "The wait promise: slip estimate against the real wait"),
    QT_TRANSLATE_NOOP("ReportPdf", "Called tokens"),
    QT_TRANSLATE_NOOP("ReportPdf", "Median error (min)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Waited longer"),
    QT_TRANSLATE_NOOP("ReportPdf", "No called token carried a promise this day."),
)
