"""The regional report as a PDF a manager can forward (fpdf2, the project's Noto Sans).

Every table fits the page width: columns are sized to their widest cell and, if the table is
still too wide, its type shrinks until it fits (never clipped). A table's title and header row
never stand alone at a page foot: a table starts on a new page unless its title, header and
first rows fit, and a table that runs over repeats its header on the next page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF

FONTS = Path(__file__).resolve().parents[3] / "resources" / "fonts"
BODY_PT = 9.0
MIN_PT = 5.5
PAD_MM = 2.0
FIRST_ROWS = 3  # a table starts where its title, header and this many rows fit


class _ReportPdf(FPDF):
    """A4 portrait with the report's name and a page number at each foot."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Noto", size=7.5)
        self.set_text_color(110)
        self.cell(0, 5, f"{self.footer_text}   ·   page {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0)


def write_pdf(report: dict[str, Any], path: Path, generated: str) -> int:
    """Draw ``report`` (see ``build_report``) into ``path``; returns the number of pages."""
    pdf = _ReportPdf(orientation="P", unit="mm", format="A4")
    pdf.add_font("Noto", "", str(FONTS / "NotoSans-Regular.ttf"))
    pdf.add_font("Noto", "B", str(FONTS / "NotoSans-Bold.ttf"))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(False)
    scope = report.get("region") or "all regions"
    pdf.footer_text = f"DRC regional report, {scope}, {report['from']} to {report['to']}"
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Noto", "B", 16)
    pdf.cell(0, 9, "Dynamic Registry Centres: regional report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Noto", "", 10)
    pdf.cell(0, 6, f"{scope}; {report['from']} to {report['to']} (local time, Asia/Karachi); generated {generated}",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for table in report["tables"].values():
        _table(pdf, table)
    pdf.output(str(path))
    return int(pdf.page_no())


def _fit(pdf: FPDF, columns: list[str], rows: list[list[str]]) -> tuple[float, list[float]]:
    """The largest type size (down to ``MIN_PT``) at which every column fits the page, and the widths."""
    room = pdf.w - pdf.l_margin - pdf.r_margin
    size = BODY_PT
    while True:
        widths = []
        for i, name in enumerate(columns):
            pdf.set_font("Noto", "B", size)
            widest = pdf.get_string_width(name)
            pdf.set_font("Noto", "", size)
            for row in rows:
                widest = max(widest, pdf.get_string_width(row[i]))
            widths.append(widest + 2 * PAD_MM)
        if sum(widths) <= room or size <= MIN_PT:
            if sum(widths) > room:
                raise ValueError("a table is too wide for the page even at the smallest type")
            spare = (room - sum(widths)) / len(widths)
            return size, [w + spare for w in widths]
        size -= 0.5


def _table(pdf: FPDF, table: dict[str, Any]) -> None:
    columns = [_label(c) for c in table["columns"]]
    rows = [["" if v is None else str(v) for v in row] for row in table["rows"]] or [["-"] + [""] * (len(columns) - 1)]
    size, widths = _fit(pdf, columns, rows)
    row_h = size * 0.55
    foot = pdf.h - 18
    title_h = 8.0
    if pdf.get_y() + title_h + row_h * (1 + min(FIRST_ROWS, len(rows))) > foot:
        pdf.add_page()
    pdf.set_font("Noto", "B", 11)
    pdf.cell(0, title_h, table["title"], new_x="LMARGIN", new_y="NEXT")
    numeric = [all(_is_number(r[i]) for r in rows if r[i]) for i in range(len(columns))]
    _header(pdf, columns, widths, size, row_h)
    for n, row in enumerate(rows):
        if pdf.get_y() + row_h > foot:
            pdf.add_page()
            _header(pdf, columns, widths, size, row_h)
        pdf.set_font("Noto", "", size)
        pdf.set_fill_color(244, 247, 250)
        for i, value in enumerate(row):
            pdf.cell(widths[i], row_h, value, border="B", align="R" if numeric[i] else "L", fill=n % 2 == 1)
        pdf.ln(row_h)
    pdf.ln(5)


def _header(pdf: FPDF, columns: list[str], widths: list[float], size: float, row_h: float) -> None:
    pdf.set_font("Noto", "B", size)
    pdf.set_fill_color(13, 37, 56)
    pdf.set_text_color(255)
    for name, width in zip(columns, widths, strict=True):
        pdf.cell(width, row_h + 1, name, fill=True)
    pdf.ln(row_h + 1)
    pdf.set_text_color(0)


def _label(column: str) -> str:
    """A column name as a heading: ``served_per_drc_day`` -> ``Served per DRC day``."""
    words = [_ACRONYMS.get(w, w) for w in column.split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


_ACRONYMS = {"drcs": "DRCs", "drc": "DRC", "deos": "DEOs", "deo": "DEO", "id": "ID"}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
