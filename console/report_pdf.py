"""The daily report as a PDF, drawn with Qt (QPdfWriter + QPainter); charts are embedded as images.

Takes the report dict of ``services.report.build_report`` so the PDF, JSON and CSV always say
the same thing. Needs a QApplication (one is created offscreen-safe if missing).
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from console.names import day_text, flag_reason_text, ltr, type_label
from console.report_history import draw_history
from printing.fonts import load_slip_fonts
from services.clock import SITE_ZONE
from services.quality import CODES
from vocabulary import UpdateType

DPI = 150
PAGE_W = 1240  # A4 at 150 dpi, less nothing: margins are applied inside
PAGE_H = 1754
MARGIN = 70
CELL_PAD = 4
HEADING_KEEP = 120  # a heading's table header and first rows (px at 150 dpi) stay on its page
_WRAP = int(Qt.TextFlag.TextWordWrap)
_START = int(Qt.AlignmentFlag.AlignLeft)  # the reading side: Qt mirrors it to the right in Urdu


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportPdf", text)


def _app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def generated_text(generated_at: str, day: str) -> str:
    """When the report was made, in Pakistan time as the site reads its clocks ("10:06 PKT"); the
    date is added when it is not the report's day (a past day's report)."""
    local = datetime.fromisoformat(generated_at).astimezone(SITE_ZONE)
    when = local.strftime("%H:%M") + " PKT"
    if local.date().isoformat() != day:
        when = f"{day_text(local.date())} {when}"
    return when


def _fmt(v: Any, unit: str = "") -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        return f"{v:.1f}{unit}"
    return f"{v}{unit}"


def _pct(v: float | None, nd: int = 0) -> str:
    return "–" if v is None else f"{v:.{nd}%}"


class _Pages:
    """A painter over a QPdfWriter with a cursor ``y`` and page breaks."""

    def __init__(self, path: Path) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(DPI)
        self.writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        self.writer.setTitle(_t("DRC daily site report"))
        self.writer.setCreator("DRC Console")
        # The bundled Naskh for Urdu (a system sans would draw a standalone ہ like "o").
        self.families = ["Noto Sans", load_slip_fonts().urdu]
        self.p = QPainter(self.writer)
        self.p.setLayoutDirection(QGuiApplication.layoutDirection())  # an Urdu report reads right to left
        self.y: float = MARGIN
        self.width: float = PAGE_W - 2 * MARGIN
        self.page = 1

    def font(self, pt: float, bold: bool = False, color: str = "#222222") -> None:
        f = QFont()
        f.setFamilies(self.families)
        f.setPointSizeF(pt)
        f.setBold(bold)
        self.p.setFont(f)
        self.p.setPen(QColor(color))

    def ensure(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN:
            self.new_page()

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = MARGIN

    def text(self, s: str, pt: float = 10, bold: bool = False, color: str = "#222222", gap: float = 8,
             keep: float = 0) -> None:
        """A wrapped paragraph; ``keep``: room that must follow it on the same page (a heading keeps
        its table's header and first rows with it, never stranded at a page foot)."""
        self.font(pt, bold, color)
        rect = self.p.boundingRect(QRectF(MARGIN, self.y, self.width, 2000), _WRAP, s)
        self.ensure(rect.height() + gap + keep)
        self.p.drawText(QRectF(MARGIN, self.y, self.width, rect.height()), _WRAP | _START, s)
        self.y += rect.height() + gap

    def heading(self, s: str) -> None:
        """A section title kept with the start of what follows it."""
        self.text(s, 13, True, "#1f4e79", keep=HEADING_KEEP)

    def image(self, widget: QWidget, height: float, x: float = MARGIN, width: float | None = None,
              advance: bool = True) -> None:
        width = width or self.width
        self.ensure(height)
        # Render the chart at twice the target size for crisp lines, then scale into place.
        widget.resize(int(width), int(height))
        pix = widget.grab()
        self.p.drawPixmap(QRectF(x, self.y, width, height), pix, QRectF(pix.rect()))
        if advance:
            self.y += height + 14

    def _cell_flags(self, text: str, width: float) -> int:
        """Wrap at words; a word wider than its cell (a long id) wraps anywhere instead of spilling out."""
        words = text.split()
        fm = self.p.fontMetrics()
        if any(fm.horizontalAdvance(w) > width for w in words):
            return int(Qt.TextFlag.TextWrapAnywhere)
        return _WRAP

    def _row_height(self, cells: list[str], ws: list[float], pt: float, bold: bool) -> float:
        self.font(pt, bold)
        tallest = 0.0
        for c, w in zip(cells, ws, strict=False):
            flags = self._cell_flags(c, w - 2 * CELL_PAD)
            tallest = max(tallest, self.p.boundingRect(QRectF(0, 0, w - 2 * CELL_PAD, 4000), flags, c).height())
        return max(pt * 3.1, tallest + 10)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float], pt: float = 8.5) -> None:
        """Columns share the text width by ``widths``; a cell's text wraps inside its cell (never past the
        right edge), a row grows to its tallest cell, and the header repeats on each page the table
        reaches - with at least one row under it, so it never stands alone at a page foot."""
        scale = self.width / sum(widths)
        ws = [w * scale for w in widths]
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def draw_row(cells: list[str], bold: bool, shade: str | None, height: float) -> None:
            if shade:
                self.p.fillRect(QRectF(MARGIN, self.y, self.width, height), QColor(shade))
            self.font(pt, bold)
            self.p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            x = MARGIN + self.width if rtl else MARGIN
            for c, w in zip(cells, ws, strict=False):
                left = x - w if rtl else x
                self.p.drawText(QRectF(left + CELL_PAD, self.y, w - 2 * CELL_PAD, height),
                                self._cell_flags(c, w - 2 * CELL_PAD) | _START | int(Qt.AlignmentFlag.AlignVCenter), c)
                x = x - w if rtl else x + w
            self.y += height

        head_h = self._row_height(header, ws, pt, True)
        first_h = self._row_height(rows[0], ws, pt, False) if rows else 0
        self.ensure(head_h + first_h)
        draw_row(header, True, "#dde6f0", head_h)
        for i, r in enumerate(rows):
            h = self._row_height(r, ws, pt, False)
            if self.y + h > PAGE_H - MARGIN:
                self.new_page()
                draw_row(header, True, "#dde6f0", head_h)
            draw_row(r, False, "#f5f7fa" if i % 2 else None, h)
        self.p.setPen(QPen(QColor("#c8d0da"), 1))
        self.y += 14

    def finish(self) -> None:
        self.p.end()


def _charts(report: dict[str, Any]) -> tuple[QWidget, QWidget, QWidget]:
    from widgets.charts import DeoChart, HourlyChart, WaitTrendChart

    hourly = report["hourly"]
    h = HourlyChart(_t("Tokens per hour: today and the 7-day average"),
                    (_t("Issued"), _t("Served"), _t("Issued, 7-day avg"), _t("Served, 7-day avg")))
    h.set_data([r["issued"] for r in hourly], [r["served"] for r in hourly],
               [r["issued_avg7"] for r in hourly], [r["served_avg7"] for r in hourly])
    d = DeoChart(_t("Served per DEO"))
    deos = report["per_deo"]
    d.set_data([x["name"].split()[0] if x["name"] else x["deo"] for x in deos], [x["served"] for x in deos])
    w = WaitTrendChart(_t("Median wait by hour of call (minutes)"), _t("min"), _t("Calls"))
    w.set_data(np.array([np.nan if r["wait_median_min"] is None else r["wait_median_min"] for r in hourly]),
               [r["calls"] for r in hourly], report["kpis"]["service_level_minutes"])
    for c in (h, d, w):
        c.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        c.show()
    return h, d, w


def render_report_pdf(report: dict[str, Any], path: str | Path) -> Path:
    """Write the report to ``path`` as a PDF; returns the path."""
    _app()
    path = Path(path)
    charts = _charts(report)
    pg_ = _Pages(path)
    k = report["kpis"]
    site = report["site"]
    try:
        pg_.text(_t("DRC daily site report"), 20, True, "#1f4e79", 4)
        pg_.text(f"{site.get('name') or ''} ({ltr(site['id'])}) · {day_text(date.fromisoformat(report['date']))} · "
                 + _t("generated %1").replace("%1", generated_text(report["generated_at"], report["date"])),
                 10, False, "#555555", 18)
        minutes = " " + _t("min")
        tiles = [
            (_t("Served"), str(k["served"]), _t("%1 issued").replace("%1", str(k["issued"]))),
            (_t("Median wait"), _fmt(k["wait"]["median_min"], minutes), _t("p90 %1").replace(
                "%1", _fmt(k["wait"]["p90_min"], minutes))),
            (_t("Service level"), _pct(k["service_level"]), _t("called within %1 min").replace(
                "%1", f"{k['service_level_minutes']:g}")),
            (_t("No-show"), _pct(k["no_show_rate"], 1), _t("%1 visitors").replace("%1", str(k["no_show"]))),
            (_t("Median service"), _fmt(k["service"]["median_min"], minutes), _t("peak hour %1").replace(
                "%1", "–" if k["peak_hour"] is None else f"{k['peak_hour']:02d}:00")),
        ]
        tw = (pg_.width - 4 * 12) / 5
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i, (title, value, sub) in enumerate(tiles):
            x = MARGIN + (4 - i if rtl else i) * (tw + 12)
            pg_.p.fillRect(QRectF(x, pg_.y, tw, 120), QColor("#f1f5fa"))
            pg_.font(9, False, "#555555")
            pg_.p.drawText(QRectF(x + 12, pg_.y + 8, tw - 24, 24), int(Qt.AlignmentFlag.AlignLeft), title)
            pg_.font(20, True, "#1f4e79")
            pg_.p.drawText(QRectF(x + 12, pg_.y + 34, tw - 24, 50), int(Qt.AlignmentFlag.AlignLeft), value)
            pg_.font(8.5, False, "#555555")
            pg_.p.drawText(QRectF(x + 12, pg_.y + 88, tw - 24, 24), int(Qt.AlignmentFlag.AlignLeft), sub)
        pg_.y += 140
        pg_.image(charts[0], 470)
        half = (pg_.width - 16) / 2
        pg_.image(charts[1], 400, MARGIN, half, advance=False)
        pg_.image(charts[2], 400, MARGIN + half + 16, half)
        q = report["quality"]
        if not q.get("available"):
            # The reasons are the dashboard's (the same service says them); translated there.
            reason = QCoreApplication.translate("DashboardPage", str(q.get("reason") or ""))
            pg_.text(_t("Quality checks: not included. ") + reason, 9.5, False, "#8a5a00")
        else:
            pg_.text(_t("Quality checks: %1 surveys, %2 flagged.").replace("%1", str(q["surveys"]))
                     .replace("%2", str(q["flagged_surveys"])), 9.5)

        pg_.y += 10
        pg_.heading(_t("Tokens per hour"))
        rows = [[r["label"], str(r["issued"]), str(r["served"]), f"{r['issued_avg7']:.1f}", f"{r['served_avg7']:.1f}",
                 str(r["calls"]), _fmt(r["wait_median_min"])]
                for r in report["hourly"] if r["issued"] or r["served"] or r["issued_avg7"] or r["served_avg7"]]
        pg_.table([_t("Hour"), _t("Issued"), _t("Served"), _t("Issued 7-day avg"), _t("Served 7-day avg"),
                   _t("Calls"), _t("Median wait (min)")], rows or [[_t("No tokens this day.")]],
                  [1, 1, 1, 1.4, 1.4, 1, 1.6])
        pg_.heading(_t("Update types"))
        pg_.table([_t("Update type"), _t("Issued"), _t("Served"), _t("Waiting"), _t("Median wait"), _t("p90 wait"),
                   _t("Median service")],
                  [[_type_name(t["update_type"]), str(t["issued"]),
                    str(t["served"]), str(t["waiting_now"]), _fmt(t["wait"]["median_min"]), _fmt(t["wait"]["p90_min"]),
                    _fmt(t["service"]["median_min"])] for t in report["per_type"]],
                  [2.4, 1, 1, 1, 1.2, 1.2, 1.3])
        pg_.heading(_t("Operators (DEOs)"))
        deo_rows = []
        for d in report["per_deo"]:
            dq = d.get("quality") or {}
            deo_rows.append([f"{d['name']} ({d['deo']})", str(d["served"]), str(d["no_show"]),
                             _fmt(d["wait"]["median_min"]), _fmt(d["service"]["median_min"]),
                             _fmt(dq.get("surveys")), _pct(dq.get("flag_rate")) if dq else "–",
                             (_t("yes") if dq.get("outlier") else "") if dq else ""])
        pg_.table([_t("DEO"), _t("Served"), _t("No-show"), _t("Median wait"), _t("Median service"), _t("Surveys"),
                   _t("Flag rate"), _t("Outlier")], deo_rows or [[_t("Nobody was served this day.")]],
                  [3, 1, 1, 1.2, 1.3, 1, 1, 1])
        draw_history(pg_, report)
        if q.get("available"):
            pg_.heading(_t("Quality flags"))
            frows = [[QCoreApplication.translate("QualityFlag", CODES.get(f["code"], f["code"])), f["deo"] or _t("site"), f["survey_id"] or "–",
                      flag_reason_text(f.get("reason", ""), f.get("params") or {}, f["explanation"])] for f in q["flags"]]
            pg_.table([_t("Flag"), _t("DEO"), _t("Survey"), _t("Explanation")],
                      frows or [[_t("No flags.")]], [1.6, 0.8, 2.0, 6.0], pt=7.5)
    finally:
        pg_.finish()
        for c in charts:
            c.close()
            c.deleteLater()
    return path


def _type_name(value: str) -> str:
    """An update type's name in the reader's language (unknown values as they are)."""
    try:
        return type_label(UpdateType(value))
    except ValueError:
        return value

# The report's words for the catalogue (lupdate reads these markers; ``_t`` looks them up).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("ReportPdf", "%1 issued"),
    QT_TRANSLATE_NOOP("ReportPdf", "%1 visitors"),
    QT_TRANSLATE_NOOP("ReportPdf", "Calls"),
    QT_TRANSLATE_NOOP("ReportPdf", "DEO"),
    QT_TRANSLATE_NOOP("ReportPdf", "DRC daily site report"),
    QT_TRANSLATE_NOOP("ReportPdf", "Explanation"),
    QT_TRANSLATE_NOOP("ReportPdf", "Flag rate"),
    QT_TRANSLATE_NOOP("ReportPdf", "Flag"),
    QT_TRANSLATE_NOOP("ReportPdf", "Hour"),
    QT_TRANSLATE_NOOP("ReportPdf", "Issued 7-day avg"),
    QT_TRANSLATE_NOOP("ReportPdf", "Issued"),
    QT_TRANSLATE_NOOP("ReportPdf", "Issued, 7-day avg"),
    QT_TRANSLATE_NOOP("ReportPdf", "Median service"),
    QT_TRANSLATE_NOOP("ReportPdf", "Median wait (min)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Median wait by hour of call (minutes)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Median wait"),
    QT_TRANSLATE_NOOP("ReportPdf", "No flags."),
    QT_TRANSLATE_NOOP("ReportPdf", "No tokens this day."),
    QT_TRANSLATE_NOOP("ReportPdf", "No-show"),
    QT_TRANSLATE_NOOP("ReportPdf", "Nobody was served this day."),
    QT_TRANSLATE_NOOP("ReportPdf", "Operators (DEOs)"),
    QT_TRANSLATE_NOOP("ReportPdf", "Outlier"),
    QT_TRANSLATE_NOOP("ReportPdf", "Quality checks: %1 surveys, %2 flagged."),
    QT_TRANSLATE_NOOP("ReportPdf", "Quality checks: not included. "),
    QT_TRANSLATE_NOOP("ReportPdf", "Quality flags"),
    QT_TRANSLATE_NOOP("ReportPdf", "Served 7-day avg"),
    QT_TRANSLATE_NOOP("ReportPdf", "Served per DEO"),
    QT_TRANSLATE_NOOP("ReportPdf", "Served"),
    QT_TRANSLATE_NOOP("ReportPdf", "Served, 7-day avg"),
    QT_TRANSLATE_NOOP("ReportPdf", "Service level"),
    QT_TRANSLATE_NOOP("ReportPdf", "Survey"),
    QT_TRANSLATE_NOOP("ReportPdf", "Surveys"),
    QT_TRANSLATE_NOOP("ReportPdf", "Tokens per hour"),
    QT_TRANSLATE_NOOP("ReportPdf", "Tokens per hour: today and the 7-day average"),
    QT_TRANSLATE_NOOP("ReportPdf", "Update type"),
    QT_TRANSLATE_NOOP("ReportPdf", "Update types"),
    QT_TRANSLATE_NOOP("ReportPdf", "Waiting"),
    QT_TRANSLATE_NOOP("ReportPdf", "called within %1 min"),
    QT_TRANSLATE_NOOP("ReportPdf", "generated %1"),
    QT_TRANSLATE_NOOP("ReportPdf", "min"),
    QT_TRANSLATE_NOOP("ReportPdf", "p90 %1"),
    QT_TRANSLATE_NOOP("ReportPdf", "p90 wait"),
    QT_TRANSLATE_NOOP("ReportPdf", "peak hour %1"),
    QT_TRANSLATE_NOOP("ReportPdf", "site"),
    QT_TRANSLATE_NOOP("ReportPdf", "yes"),
)
