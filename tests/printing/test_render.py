"""Rendering: the slip is 1-bit at the printer's width, Urdu is drawn where expected, the QR scans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QImage, QRawFont
from pyzbar.pyzbar import decode

from printing.escpos_out import to_pil
from printing.fonts import SlipFontError, load_slip_fonts
from printing.layout import SlipData
from printing.qr import verify
from printing.render import SlipRenderer
from services.labels import UPDATE_TYPE_UR
from tests.printing.conftest import SECRET, make_slip
from vocabulary import UpdateType


def black_in(image: QImage, rect: QRect) -> int:
    """Black pixels inside ``rect``."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    count = 0
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, gray.height())):
        row = bytes(gray.constScanLine(y))
        count += sum(1 for x in row[max(rect.left(), 0): min(rect.right() + 1, gray.width())] if x < 128)
    return count


def columns_with_ink(image: QImage) -> tuple[int, int]:
    """Leftmost and rightmost column holding a black pixel."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    lo, hi = gray.width(), -1
    for y in range(gray.height()):
        row = bytes(gray.constScanLine(y))[: gray.width()]
        dark = [x for x, v in enumerate(row) if v < 128]
        if dark:
            lo, hi = min(lo, dark[0]), max(hi, dark[-1])
    return lo, hi


def test_image_is_one_bit_at_dot_width(renderer: SlipRenderer, slip: SlipData) -> None:
    r = renderer.render(slip)
    assert r.width == renderer.paper.width_dots
    assert r.image.format() == QImage.Format.Format_Mono
    assert 700 < r.height < 2000  # a slip, not a roll


def test_ink_stays_inside_the_margins(renderer: SlipRenderer, slip: SlipData) -> None:
    r = renderer.render(slip)
    lo, hi = columns_with_ink(r.image)
    m = renderer.paper.margin
    assert lo >= m and hi < renderer.paper.width_dots - m


@pytest.mark.parametrize("part", ["site_ur", "type_ur", "instruction_ur", "wait_ur"])
def test_urdu_is_drawn_in_its_area(renderer: SlipRenderer, slip: SlipData, part: str) -> None:
    r = renderer.render(slip)
    area = r.regions[part]
    m = renderer.paper.margin
    assert area.left() >= m and area.right() < renderer.paper.width_dots - m
    assert area.height() >= 20
    ink = black_in(r.image, area)
    # Not blank, not a filled box: text covers a fraction of its box.
    assert 0.03 * area.width() * area.height() < ink < 0.6 * area.width() * area.height()


def test_urdu_labels_are_right_aligned_in_label_rows(renderer: SlipRenderer, slip: SlipData) -> None:
    r = renderer.render(slip)
    area = r.regions["wait_ur"]
    assert area.right() >= renderer.paper.width_dots - renderer.paper.margin - 3


def test_different_urdu_draws_different_pixels(renderer: SlipRenderer) -> None:
    """The Urdu type label really is the text given (not a fallback box or a blank)."""
    a = renderer.render(make_slip(update_type=UpdateType.ROSTER)).image
    b = renderer.render(make_slip(update_type=UpdateType.SHOCK)).image
    ra = renderer.render(make_slip(update_type=UpdateType.ROSTER)).regions["type_ur"]
    assert a.copy(ra) != b.copy(ra)


def test_shipped_urdu_font_has_every_letter(qapp: object) -> None:
    fonts = load_slip_fonts()
    raw = QRawFont.fromFont(QFont(fonts.urdu))
    for label in UPDATE_TYPE_UR.values():
        missing = [ch for ch in label if not ch.isspace() and not raw.supportsCharacter(ord(ch))]
        assert not missing, (label, missing)


def test_missing_font_fails_clearly(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(SlipFontError, match="NotoNaskhArabic-Regular.ttf"):
        load_slip_fonts(tmp_path)


def test_qr_decodes_from_the_slip_and_verifies(renderer: SlipRenderer, slip: SlipData) -> None:
    r = renderer.render(slip)
    found = decode(to_pil(r.image))
    assert len(found) == 1
    payload = found[0].data.decode("ascii")
    assert payload == slip.qr_payload
    claim = verify(payload, SECRET, site_id="PK10101-01")
    assert (claim.number, claim.update_type, str(claim.business_day)) == ("R-042", "roster", "2026-03-04")
    qr = r.regions["qr"]
    assert found[0].rect.left >= qr.left() - 1 and found[0].rect.width <= qr.width() + 2


def test_reprint_is_marked(renderer: SlipRenderer, slip: SlipData) -> None:
    from dataclasses import replace

    plain = renderer.render(slip)
    again = renderer.render(replace(slip, reprint=True))
    assert again.height > plain.height
