"""What goes on a token slip (plain data) and the paper it goes on.

The glue fills a :class:`SlipData` from the database; the renderer turns it into pixels.
Nothing here knows about Qt, the database or a printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# Dots across the printable width at 203 dpi.
WIDTH_58MM = 384
WIDTH_80MM = 576
WIDTH_80MM_OLD = 512

# The six update types as a visitor reads them (keyed by the enum value, so printing needs no db import).
UPDATE_TYPE_EN: dict[str, str] = {
    "missed_out": "Missed-out household",
    "roster": "Roster update",
    "shock": "Shock update",
    "appeal": "Appeal against cut-off",
    "cyclic": "Cyclic update",
    "recertification": "Recertification",
}
UPDATE_TYPE_UR: dict[str, str] = {
    "missed_out": "رہ جانے والے گھرانے کا اندراج",
    "roster": "خاندانی کوائف میں تبدیلی",
    "shock": "آفت زدہ علاقے کا سروے",
    "appeal": "کٹ آف کے خلاف اپیل",
    "cyclic": "دو سالہ دوبارہ سروے",
    "recertification": "سہ سالہ تصدیقِ نو",
}

INSTRUCTION_EN = "Please sit and watch the screen. When your number is called, go to the counter shown."
INSTRUCTION_UR = "براہِ کرم تشریف رکھیں اور اسکرین دیکھتے رہیں۔ اپنا نمبر آنے پر بتائے گئے کاؤنٹر پر جائیں۔"
KEEP_EN = "Keep this slip until your visit is complete."
KEEP_UR = "کام مکمل ہونے تک یہ پرچی اپنے پاس رکھیں۔"


@dataclass(frozen=True)
class SlipData:
    """Everything printed on one slip, already localised and masked."""

    site_name: str
    site_name_ur: str
    issued_at: datetime  # aware; shown in its own zone, so pass it converted to the site zone
    number: str
    update_type: str  # enum value, e.g. "roster"
    update_type_en: str = ""
    update_type_ur: str = ""
    priority: bool = False
    position: int = 0  # 1-based place among waiting tokens of the type; 0 = not shown
    estimated_wait: timedelta | None = None
    cnic_masked: str = ""
    instruction_en: str = INSTRUCTION_EN
    instruction_ur: str = INSTRUCTION_UR
    qr_payload: str = ""
    reprint: bool = False

    @property
    def type_en(self) -> str:
        """English name of the update type (the given one, else the built-in label)."""
        return self.update_type_en or UPDATE_TYPE_EN.get(self.update_type, self.update_type)

    @property
    def type_ur(self) -> str:
        """Urdu name of the update type (the given one, else the built-in label)."""
        return self.update_type_ur or UPDATE_TYPE_UR.get(self.update_type, "")


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
        return f"~ {hours:.1f} h", f"تقریباً {hours:.1f} گھنٹے"
    return f"~ {minutes} min", f"تقریباً {minutes} منٹ"
