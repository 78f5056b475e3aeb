"""Left-to-right islands in right-to-left text, for every layer that shows text.

CNICs, token numbers and dates mix digits, letters, dashes and stars; in an Urdu line the
Unicode bidi algorithm reorders their parts ("35202-*****67-1" reads "1-67*****-35202", "R-042"
reads "042-R"). Wrapping them in LRI ... PDI (U+2066 / U+2069) keeps each one whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LRI = "\u2066"
PDI = "\u2069"


def _rtl() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def comma_join(items: Iterable[str]) -> str:
    """A list joined the way the reader writes it: "a, b" in English, "a، b" (Arabic comma) in Urdu."""
    return ("، " if _rtl() else ", ").join(items)


def semicolon_join(items: Iterable[str]) -> str:
    """Clauses joined by a semicolon: "; " in English, "؛ " in Urdu."""
    return ("؛ " if _rtl() else "; ").join(items)


def ltr(value: object) -> str:
    """``value`` as text kept left to right when the interface is right to left (Urdu); as is otherwise."""
    text = str(value)
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return f"{LRI}{text}{PDI}"
    return text
