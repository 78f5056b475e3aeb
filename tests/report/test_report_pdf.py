"""The daily report PDF as a reader gets it, checked on the PDF itself (pdftotext word boxes, pdftoppm
pages): nothing past the right edge or over the next column, no table header or heading alone at a
page foot, the time it was made in Pakistan time, and every page rendered in English and Urdu."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from console.report_pdf import MARGIN, PAGE_H, _Pages, generated_text, render_report_pdf
from db.engine import Store
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.report import daily_report
from tests.report.conftest import SIM_DAY

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils not installed")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def _pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: width, height (points) and the words with their boxes."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return [(float(w), float(h), [(float(a), float(b), float(c), float(d), unescape(t))
                                  for a, b, c, d, t in _WORD.findall(body)])
            for w, h, body in _PAGE.findall(xml)]


def _report(url: str) -> dict:
    store = Store.open(url)
    try:
        clock = FixedClock(datetime(2026, 3, 4, 20, 6, tzinfo=SITE_ZONE))
        return daily_report(store, Config(), SIM_DAY, clock=clock)
    finally:
        store.dispose()


def _check_layout(pdf: Path) -> list[str]:
    pages = _pages(pdf)
    assert pages
    margin_pt = MARGIN * 72 / 150
    for width, _height, words in pages:
        for x0, _y0, x1, _y1, text in words:
            assert x0 >= margin_pt - 2 and x1 <= width - margin_pt + 2, f"{text!r} outside the text area"
        # Words on one line never run into each other (a cell's text spilling over the next column).
        # Joined Urdu letters overlap by design, so the check takes the Latin words and numbers.
        latin = [w for w in words if not _ARABIC.search(w[4])]
        for i, (ax0, ay0, ax1, ay1, at) in enumerate(latin):
            for bx0, by0, bx1, by1, bt in latin[i + 1:]:
                same_line = min(ay1, by1) - max(ay0, by0) > 0.5 * min(ay1 - ay0, by1 - by0)
                assert not (same_line and min(ax1, bx1) - max(ax0, bx0) > 1), f"{at!r} overlaps {bt!r}"
    return [" ".join(t for *_, t in words) for _w, _h, words in pages]


def _png_pages(pdf: Path, folder: Path) -> list[QImage]:
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(folder / pdf.stem)], check=True, timeout=120)
    images = [QImage(str(p)) for p in sorted(folder.glob(f"{pdf.stem}-*.png"))]
    for img in images:  # each page has something drawn on it
        assert not img.isNull() and img.width() > 300
        assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}) > 2
    return images


def test_report_pdf_in_english(simulated_url: str, tmp_path: Path, qapp: object) -> None:
    pdf = render_report_pdf(_report(simulated_url), tmp_path / "report-en.pdf")
    texts = _check_layout(pdf)
    whole = " ".join(texts)
    assert "generated 20:06 PKT" in whole and "15:06" not in whole  # 15:06 is the UTC clock
    assert "Median service" in whole and "Wed 04 Mar 2026" in whole
    assert len(_png_pages(pdf, tmp_path)) == len(texts) >= 2


def test_report_pdf_in_urdu(urdu, simulated_url: str, tmp_path: Path) -> None:
    pdf = render_report_pdf(_report(simulated_url), tmp_path / "report-ur.pdf")
    texts = _check_layout(pdf)
    whole = " ".join(texts)
    assert "PKT" in whole and "20:06" in whole and "15:06" not in whole and _ARABIC.search(whole)
    for word in ("DRC daily site report", "Median wait", "Served", "Update type"):
        assert word not in whole
    assert len(_png_pages(pdf, tmp_path)) == len(texts) >= 2


def test_a_table_header_never_stands_alone_at_a_page_foot(tmp_path: Path, qapp: object) -> None:
    pdf = tmp_path / "foot.pdf"
    pages = _Pages(pdf)
    try:
        pages.y = PAGE_H - MARGIN - 60  # room for a heading, not for its table
        pages.heading("Section at the foot")
        pages.table(["Head A", "Head B"], [["a1", "b1"], ["a2", "b2"]], [1, 1])
        pages.y = PAGE_H - MARGIN - 50  # room for a header row, not for a row under it
        pages.table(["Head C", "Head D"], [["c1", "d1"]], [1, 1])
    finally:
        pages.finish()
    text = [" ".join(t for *_, t in words) for _w, _h, words in _pages(pdf)]
    assert len(text) == 3
    assert text[0] == ""
    assert text[1].startswith("Section at the foot Head A Head B a1 b1")
    assert text[2].startswith("Head C Head D c1 d1")


def test_a_long_cell_wraps_inside_its_column(tmp_path: Path, qapp: object) -> None:
    pdf = tmp_path / "wrap.pdf"
    pages = _Pages(pdf)
    try:
        long = "A survey explanation long enough to need three or four lines in a narrow column " * 2
        pages.table(["Flag", "Survey", "Explanation"], [["short", "SRV-" + "9" * 60, long]], [1, 1, 1.2], pt=7.5)
    finally:
        pages.finish()
    _check_layout(pdf)


def test_generated_time_is_pakistan_time() -> None:
    assert generated_text("2026-03-04T05:06:00+00:00", "2026-03-04") == "10:06 PKT"
    assert generated_text("2026-03-05T05:06:00+00:00", "2026-03-04").endswith("10:06 PKT")
    assert generated_text("2026-03-05T05:06:00+00:00", "2026-03-04") != "10:06 PKT"
    assert date(2026, 3, 4)


def test_report_pdf_in_urdu_has_its_look_back_and_flags_in_urdu(urdu, simulated_url: str, tmp_path: Path) -> None:
    """The look-back sections (#10: 30-day trend, network, counter utilisation, wait promise) and the
    quality flags' "why" come out in Urdu: no English word is left but names, codes and units."""
    from services.quality import assess
    from tests.gui.test_urdu_pages import flagged_surveys

    report = _report(simulated_url)
    assert {"trend_30", "trend_7", "network", "counter_utilisation", "wait_promise"} <= report.keys()
    deos = [d["deo"] for d in report["per_deo"]]
    report["quality"] = assess(flagged_surveys(deos), report["site"]["id"], SIM_DAY, site_lat=33.9,
                               site_lon=73.4).as_dict()
    assert len({f["reason"] for f in report["quality"]["flags"]}) >= 6
    pdf = render_report_pdf(report, tmp_path / "history-ur.pdf")
    texts = _check_layout(pdf)
    whole = " ".join(texts)
    for english in ("The last 30 days", "Network", "Counter utilisation", "The wait promise", "Serving share",
                    "Waited longer", "Counter 1", "illustrative", "Survey took", "Same mobile number"):
        assert english not in whole
    names = {w for d in report["per_deo"] for w in re.findall(r"[A-Za-z]+", f"{d['name']} {d['deo']}")}
    names |= set(re.findall(r"[A-Za-z]+", f"{report['site']['name']} {report['site']['id']}"))
    words = set(re.findall(r"[A-Za-z][A-Za-z'’]+", whole)) - names - {"PKT", "DRC", "BISP", "p90", "deo", "AC"}
    assert words == set()
    pages = _png_pages(pdf, tmp_path)
    assert len(pages) == len(texts) >= 3
