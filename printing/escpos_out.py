"""Turn a rendered 1-bit slip into the ESC/POS bytes a thermal printer takes.

The whole slip is one raster image (``GS v 0``), so Urdu and the QR print the same on any
ESC/POS printer, including cheap ones without code pages or native QR. The bytes are made once
with python-escpos's ``Dummy`` printer and then sent unchanged by every backend (and saved as the
preview ``.bin``), so what a test compares is exactly what a printer receives.
"""

from __future__ import annotations

from escpos.capabilities import CAPABILITIES
from escpos.printer import Dummy
from PIL import Image
from PySide6.QtGui import QImage

from printing.layout import WIDTH_58MM, WIDTH_80MM, WIDTH_80MM_OLD

ESC_INIT = b"\x1b@"
RASTER = b"\x1dv0"
CUT = b"\x1dV"
# Feed to the cutter and cut (GS V 66 0). Emitted for every profile: printers without a cutter
# ignore it, and the slip still ends at the tear bar.
FEED_AND_CUT = b"\x1dVB\x00"

# A known profile per common dot width; used when the configured one does not match the paper.
PROFILE_FOR_WIDTH: dict[int, str] = {WIDTH_58MM: "POS-5890", WIDTH_80MM: "TM-T20II", WIDTH_80MM_OLD: "TM-T88V"}


def profile_width(profile: str) -> int | None:
    """Printable dots of a python-escpos profile, or None when the profile does not say."""
    data = CAPABILITIES["profiles"].get(profile)
    if data is None:
        return None
    pixels = data.get("media", {}).get("width", {}).get("pixels")
    return pixels if isinstance(pixels, int) else None


def choose_profile(width_dots: int, configured: str = "") -> str:
    """The configured profile if it knows this paper width, else a stock profile for the width."""
    if configured and profile_width(configured) == width_dots:
        return configured
    if width_dots in PROFILE_FOR_WIDTH:
        return PROFILE_FOR_WIDTH[width_dots]
    if configured and configured in CAPABILITIES["profiles"]:
        return configured
    return "default"


def to_pil(image: QImage) -> Image.Image:
    """A QImage as an 8-bit PIL image (black = 0), for python-escpos and for saving."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())  # type: ignore[call-overload]
    return Image.frombuffer("L", (w, h), data, "raw", "L", stride, 1).copy()


def encode_slip(image: QImage, *, width_dots: int, profile: str = "") -> bytes:
    """ESC/POS for one slip: initialise (ESC @), the raster image (GS v 0, split in bands), cut."""
    if image.width() != width_dots:
        raise ValueError(f"slip image is {image.width()} dots wide, the printer takes {width_dots}")
    printer = Dummy(profile=choose_profile(width_dots, profile))
    printer.hw("INIT")
    printer.image(to_pil(image), impl="bitImageRaster", high_density_horizontal=True, high_density_vertical=True)
    printer._raw(FEED_AND_CUT)
    return bytes(printer.output)


def raster_widths(data: bytes) -> list[int]:
    """Widths in dots of every ``GS v 0`` raster command in ``data`` (for checks and tests)."""
    widths: list[int] = []
    i = data.find(RASTER)
    while i >= 0:
        x_bytes = data[i + 4] | (data[i + 5] << 8)
        height = data[i + 6] | (data[i + 7] << 8)
        widths.append(x_bytes * 8)
        i = data.find(RASTER, i + 8 + x_bytes * height)
    return widths
