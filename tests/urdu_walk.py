"""Walk a widget tree as an Urdu reader sees it: every visible text, then two checks.

``untranslated``: English words left in an Urdu screen (an allow-list only for codes, keys and
proper nouns). ``unisolated``: CNICs, token numbers, dates and other number-with-separator runs
in a right-to-left line that are not wrapped in LRI...PDI (U+2066/U+2069), so the bidi algorithm
may reorder their parts ("35202-*****67-1" read as "1-67*****-35202").
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

LRI, PDI = "\u2066", "\u2069"
_TAG = re.compile(r"<[^>]+>")
_ISOLATED = re.compile(f"{LRI}[^{PDI}]*{PDI}")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# A run that mixes digits with letters or stars (CNIC masks, token numbers, codes): the parts a bidi
# pass reorders. Digits joined only by - / . : are safe (rule W4 keeps them one number), except dates
# inside an Urdu line, which are still isolated so they read as one unit.
_RUN = re.compile(r"[0-9A-Za-z*]*[0-9*][0-9A-Za-z*]*(?:[-/:.*][0-9A-Za-z*]+)+|[A-Za-z]+-[0-9]+")
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_PATH = re.compile(r"\S*/\S*")  # file paths and device names are data, not words
# An absolute path (its Latin letters hold it left to right) is not a run to isolate; dates never start
# with a slash, so they are still checked. A temporary folder's random name may hold digits ("hk9d/x").
_ABSOLUTE_PATH = re.compile(r"(?<!\S)(?:[A-Za-z]:)?[\\/]\S*[A-Za-z]{2}\S*")
_ARABIC = re.compile("[\u0600-\u06ff]")

ALLOWED_WORDS = frozenset({
    # codes, file types and keys a screen names as they are typed or printed
    "Alt", "Ctrl", "Enter", "Esc", "Tab", "PDF", "PNG", "CSV", "JSON", "QR", "USB", "LAN", "CUPS", "ESC", "POS",
    "p90", "zip", "bin", "url", "api", "key", "hub", "printer", "qr", "secret", "bind", "terminal", "ur", "en",
    # proper nouns: the demo site and its staff, the fonts' names and licence
    "DRC", "Bagh", "Noto", "SIL", "Naskh", "Arabic", "Sans",
})


def _clean(text: str) -> str:
    return _TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")


def _shown(w: QWidget) -> bool:
    return w.isVisible() and not w.isHidden()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text shown in ``root``: labels, buttons, fields, boxes, tabs, table cells."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget, text: str | None, what: str = "") -> None:
        if text and text.strip():
            found.append((f"{type(where).__name__}:{where.objectName()}{what}", _clean(text)))

    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        elif isinstance(w, QLineEdit):
            # What staff typed is theirs; a read-only field or an empty one's hint is the console's.
            add(w, w.text() if w.isReadOnly() else w.placeholderText())
        elif isinstance(w, QComboBox):
            add(w, w.currentText())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i), f"[tab {i}]")
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                add(w, str(model.headerData(c, Qt.Orientation.Horizontal) or ""), f"[head {c}]")
            for r in range(min(model.rowCount(), 50)):
                for c in range(model.columnCount()):
                    add(w, str(model.index(r, c).data() or ""), f"[{r},{c}]")
    return found


def untranslated(texts: list[tuple[str, str]], allowed: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Texts holding an English word outside the allow-lists (isolated codes are not words)."""
    bad = []
    for where, text in texts:
        plain = _PATH.sub(" ", _ISOLATED.sub(" ", text))
        words = [w for w in _WORD.findall(plain)
                 if w not in ALLOWED_WORDS and w not in allowed and not (w.isupper() and len(w) <= 5)]
        if words:
            bad.append((where, text))
    return bad


def unisolated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Texts with a number-with-separators run that is not isolated left to right."""
    bad = []
    for where, text in texts:
        plain = _ABSOLUTE_PATH.sub(" ", _ISOLATED.sub(" ", text))
        risky = [m for m in _RUN.findall(plain) if re.search(r"[A-Za-z*]", m)]
        if _ARABIC.search(plain):
            risky += _DATE.findall(plain)
        if risky:
            bad.append((where, text))
    return bad
