"""The fonts a slip is drawn with, loaded from ``resources/fonts`` so Urdu works on a fresh install.

Noto Naskh Arabic shapes Urdu cleanly on a 1-bit thermal slip; Noto Sans gives the Latin text
the same look on Windows and Linux. Both are SIL OFL (see ``resources/fonts/OFL.txt``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

import resources

FONT_DIR = resources.path("fonts")
URDU_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
LATIN_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


class SlipFontError(RuntimeError):
    """A slip font is missing or unreadable; printing cannot produce correct Urdu without it."""


@dataclass(frozen=True)
class SlipFonts:
    """Family names registered with Qt for the slip."""

    urdu: str
    latin: str


_lock = threading.Lock()
_loaded: dict[Path, SlipFonts] = {}


def _add(path: Path) -> str:
    if not path.is_file():
        raise SlipFontError(
            f"Slip font missing: {path}. Reinstall DRC Console (the font ships in resources/fonts) "
            "or copy the Noto font file there."
        )
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise SlipFontError(f"Slip font unreadable: {path} (Qt could not load it)")
    return str(families[0])


def load_slip_fonts(font_dir: Path | None = None) -> SlipFonts:
    """Register the slip fonts once per folder and return their family names.

    Needs a QGuiApplication (Qt's font database lives in it); raises :class:`SlipFontError`.
    """
    folder = Path(font_dir or FONT_DIR)
    with _lock:
        if folder in _loaded:
            return _loaded[folder]
        if QGuiApplication.instance() is None:
            raise SlipFontError("Slip fonts need a QGuiApplication; create one before rendering slips")
        urdu = [_add(folder / name) for name in URDU_FILES][0]
        latin = [_add(folder / name) for name in LATIN_FILES][0]
        fonts = SlipFonts(urdu=urdu, latin=latin)
        _loaded[folder] = fonts
        return fonts
