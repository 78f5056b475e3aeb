"""Domain names as the interface shows them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from db.models import TokenState, UpdateType
from services.labels import TOKEN_STATE_EN, UPDATE_TYPE_EN

# The English names live in services.labels; these markers put them in the translation catalogue.
_CATALOGUE = (
    QT_TRANSLATE_NOOP("UpdateType", "Missed-out household"),
    QT_TRANSLATE_NOOP("UpdateType", "Roster update"),
    QT_TRANSLATE_NOOP("UpdateType", "Shock update"),
    QT_TRANSLATE_NOOP("UpdateType", "Appeal against cut-off"),
    QT_TRANSLATE_NOOP("UpdateType", "Cyclic update"),
    QT_TRANSLATE_NOOP("UpdateType", "Recertification"),
    QT_TRANSLATE_NOOP("TokenState", "Waiting"),
    QT_TRANSLATE_NOOP("TokenState", "Called"),
    QT_TRANSLATE_NOOP("TokenState", "In service"),
    QT_TRANSLATE_NOOP("TokenState", "Completed"),
    QT_TRANSLATE_NOOP("TokenState", "No-show"),
    QT_TRANSLATE_NOOP("TokenState", "Cancelled"),
)


def type_label(t: UpdateType) -> str:
    """Translated English name of an update type."""
    return QCoreApplication.translate("UpdateType", UPDATE_TYPE_EN[t])


def state_label(s: TokenState) -> str:
    """Translated name of a token state."""
    return QCoreApplication.translate("TokenState", TOKEN_STATE_EN[s])


def counter_label(number: int, label: str) -> str:
    """A counter's name; the default "Counter N" is stored in English and shown translated."""
    if label == f"Counter {number}":
        return QCoreApplication.translate("Counter", "Counter %1").replace("%1", str(number))
    return label


def ltr(value: object) -> str:
    """``value`` as text kept left-to-right inside right-to-left (Urdu) text.

    CNICs, dates and token numbers mix digits, dashes and stars; without isolation the bidi
    algorithm reorders their parts in an Urdu line (``35202-*****67-1`` would read backwards).
    """
    text = str(value)
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return f"\u2066{text}\u2069"
    return text
