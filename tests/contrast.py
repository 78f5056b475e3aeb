"""WCAG 2 contrast of the text people see, measured on the rendered widget.

Each visible label and button is drawn (``QWidget.grab``); its background is the colour most of
its pixels have, and its text colour is the colour, among those drawn on at least a few pixels,
that stands out most from that background (anti-aliasing only blends the two, so the text's own
colour is the extreme). Stylesheets, palettes, disabled states and parents' backgrounds are all
counted, as on screen. A widget in a scroll area is first scrolled into view, as a person does to
read it: measured where it is cut off, a button showed only a sliver of its frame and no text.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

MINIMUM = 4.5
"""WCAG 2 level AA for normal text."""


def luminance(c: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def ratio(a: QColor, b: QColor) -> float:
    """Contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that as much of it as fits shows."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def measured(widget: QWidget) -> tuple[float, QColor, QColor] | None:
    """(contrast, text colour, background colour) of a rendered text widget; None when nothing shows."""
    # Drawn from the window, so a transparent label shows its parents' background as on screen, and
    # only the part that shows (what a scroll area cuts off is some other widget's pixels there);
    # a 3-pixel inset leaves out frames and button bevels (their edges are not text).
    into_view(widget)
    shown = widget.visibleRegion().boundingRect()
    top = widget.window()
    at = widget.mapTo(top, shown.topLeft())
    img = top.grab(QRect(at, shown.size())).toImage().convertToFormat(QImage.Format.Format_RGB32)
    inset = 3
    if img.width() < 2 * inset + 4 or img.height() < 2 * inset + 4:
        return None
    counts: Counter[int] = Counter()
    for y in range(inset, img.height() - inset):
        for x in range(inset, img.width() - inset):
            counts[img.pixel(x, y)] += 1
    bg = QColor.fromRgb(counts.most_common(1)[0][0])
    candidates = [QColor.fromRgb(p) for p, n in counts.items() if n >= 3]
    if len(candidates) < 2:
        return None
    fg = max(candidates, key=lambda c: ratio(c, bg))
    return ratio(fg, bg), fg, bg


def low_contrast(root: QWidget, minimum: float = MINIMUM) -> list[tuple[str, str, float, str, str]]:
    """Visible labels and buttons under ``root`` whose text contrast is below ``minimum``."""
    bad = []
    for w in [root, *root.findChildren(QWidget)]:
        if not (isinstance(w, (QLabel, QAbstractButton)) and w.isVisible()):
            continue
        text = w.text()
        if not text.strip() or (isinstance(w, QLabel) and w.pixmap() is not None and not w.pixmap().isNull()):
            continue
        m = measured(w)
        if m is not None and m[0] < minimum:
            bad.append((type(w).__name__, text[:40], round(m[0], 2), m[1].name(), m[2].name()))
    return bad
