"""Byte-level checks of the ESC/POS a slip becomes."""

from __future__ import annotations

import pytest

from printing.escpos_out import CUT, ESC_INIT, FEED_AND_CUT, RASTER, choose_profile, encode_slip, raster_widths
from printing.layout import SlipData
from printing.render import SlipRenderer


def test_slip_bytes_init_raster_cut_at_configured_width(renderer: SlipRenderer, slip: SlipData) -> None:
    image = renderer.render(slip).image
    width = renderer.paper.width_dots
    data = encode_slip(image, width_dots=width)
    assert data.startswith(ESC_INIT)
    assert RASTER in data
    assert data.endswith(FEED_AND_CUT) and data.rfind(CUT) == len(data) - len(FEED_AND_CUT)
    widths = raster_widths(data)
    assert widths and all(w == width for w in widths)
    # Every raster band together covers the whole image, row for row.
    total_rows = 0
    i = data.find(RASTER)
    while i >= 0:
        x_bytes = data[i + 4] | data[i + 5] << 8
        rows = data[i + 6] | data[i + 7] << 8
        total_rows += rows
        i = data.find(RASTER, i + 8 + x_bytes * rows)
    assert total_rows == image.height()


def test_slip_bytes_carry_the_black_dots(renderer: SlipRenderer, slip: SlipData) -> None:
    """The raster payload has as many set bits as the image has black pixels."""
    image = renderer.render(slip).image
    data = encode_slip(image, width_dots=renderer.paper.width_dots)
    bits = 0
    i = data.find(RASTER)
    while i >= 0:
        x_bytes = data[i + 4] | data[i + 5] << 8
        rows = data[i + 6] | data[i + 7] << 8
        payload = data[i + 8: i + 8 + x_bytes * rows]
        bits += sum(bin(b).count("1") for b in payload)
        i = data.find(RASTER, i + 8 + x_bytes * rows)
    gray = image.convertToFormat(image.Format.Format_Grayscale8)
    black = sum(1 for y in range(gray.height()) for x in bytes(gray.constScanLine(y))[: gray.width()] if x < 128)
    assert bits == black > 1000


def test_width_mismatch_is_refused(renderer: SlipRenderer, slip: SlipData) -> None:
    image = renderer.render(slip).image
    with pytest.raises(ValueError, match="dots wide"):
        encode_slip(image, width_dots=image.width() + 64)


def test_profile_follows_the_paper() -> None:
    assert choose_profile(576, "TM-T20II") == "TM-T20II"
    assert choose_profile(384, "TM-T20II") == "POS-5890"
    assert choose_profile(512, "") == "TM-T88V"


def test_fast_raster_equals_python_escpos_image(renderer: SlipRenderer, slip: SlipData) -> None:
    """The direct bit path sends exactly what python-escpos's own image() would."""
    from printing.escpos_out import encode_slip_via_pil

    image = renderer.render(slip).image
    width = renderer.paper.width_dots
    assert encode_slip(image, width_dots=width) == encode_slip_via_pil(image, width_dots=width)


def test_odd_width_pads_rows_white(qapp: object) -> None:
    from PySide6.QtGui import QImage

    img = QImage(388, 10, QImage.Format.Format_Grayscale8)
    img.fill(0)  # all black
    data = encode_slip(img, width_dots=388)
    assert raster_widths(data) == [392]
    i = data.find(RASTER)
    row = data[i + 8: i + 8 + 49]
    assert row[:48] == b"\xff" * 48 and row[48] == 0xF0
