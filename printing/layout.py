"""What goes on a token slip (plain data) and the paper it goes on.

The glue fills a :class:`SlipData` from the database; the renderer turns it into pixels.
Nothing here knows about Qt, the database or a printer, and it holds no names of update types:
the caller gives them from the one place words live (``services.labels``), which printing may
not import (it sits beside ``services`` in the layers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabulary import UpdateType

# Dots across the printable width at 203 dpi.
WIDTH_58MM = 384
WIDTH_80MM = 576
WIDTH_80MM_OLD = 512

INSTRUCTION_EN = "Please sit and watch the screen. When your number is called, go to the counter shown."
INSTRUCTION_UR = "براہِ کرم تشریف رکھیں اور اسکرین پر اپنا ٹوکن نمبر دیکھتے رہیں۔ ٹوکن نمبر آنے پر بتائے گئے کاؤنٹر پر جائیں۔"
KEEP_EN = "Keep this slip until your visit is complete."
KEEP_UR = "کام مکمل ہونے تک یہ پرچی اپنے پاس رکھیں۔"


@dataclass(frozen=True)
class SlipData:
    """Everything printed on one slip, already localised and masked."""

    site_name: str
    site_name_ur: str
    issued_at: datetime  # aware; shown in its own zone, so pass it converted to the site zone
    number: str
    update_type: UpdateType
    type_en: str  # the update type's name as the visitor reads it (``services.labels.UPDATE_TYPE_EN``)
    type_ur: str  # ... and in Urdu (``services.labels.UPDATE_TYPE_UR``); empty: no Urdu line
    priority: bool = False
    position: int = 0  # 1-based place among waiting tokens of the type; 0 = not shown
    estimated_wait: timedelta | None = None
    cnic_masked: str = ""
    instruction_en: str = INSTRUCTION_EN
    instruction_ur: str = INSTRUCTION_UR
    qr_payload: str = ""
    reprint: bool = False


@dataclass(frozen=True)
class Paper:
    """The printable width in dots and the white margin kept on each side."""

    width_dots: int = WIDTH_80MM

    @property
    def margin(self) -> int:
        """Side margin in dots (~2 mm), never printed on."""
        return 12 if self.width_dots <= WIDTH_58MM else 16

    @property
    def content_width(self) -> int:
        """Dots between the margins."""
        return self.width_dots - 2 * self.margin

    @property
    def scale(self) -> float:
        """Type scale relative to 80 mm paper."""
        return self.width_dots / WIDTH_80MM


def format_wait(wait: timedelta | None) -> tuple[str, str]:
    """Estimated wait as (English, Urdu) text, rounded to 5 minutes; dashes when unknown."""
    if wait is None:
        return "-", "-"
    minutes = int(wait.total_seconds() // 60)
    if minutes < 5:
        return "< 5 min", "5 منٹ سے کم"
    minutes = 5 * round(minutes / 5)
    if minutes >= 120:
        hours = minutes / 60
        return f"~ {hours:.1f} h", f"تقریباً {urdu_hours(minutes)}"
    return f"~ {minutes} min", f"تقریباً {minutes} منٹ"


_HALF_HOURS = {1: "ڈیڑھ", 2: "ڈھائی"}


def urdu_hours(minutes: int) -> str:
    """Hours as an Urdu speaker says them, to the half hour: ڈیڑھ / ڈھائی / ساڑھے تین گھنٹے, never "2.5"."""
    halves = round(minutes / 30)
    whole, half = divmod(halves, 2)
    if not half:
        return f"{whole} گھنٹے"
    if whole in _HALF_HOURS:
        return f"{_HALF_HOURS[whole]} گھنٹے"
    return f"ساڑھے {whole} گھنٹے" if whole else "آدھا گھنٹہ"
