"""A thick, high-contrast ring around whatever has the keyboard focus, in every window of the app.

Fusion's own focus cue is a faint dotted line on some widgets and nothing on others (cards, the
waiting table's neighbours), so a supervisor working by keyboard lost track of where the next key
goes. A :class:`QFocusFrame` follows the focused widget (moves, resizes, scroll areas) and is
transparent to the mouse; this one paints a ring that is plain to see on white and on the dark
navigation list alike. Style sheets are left alone: a ``:focus`` border would replace the native
look of every button the moment it is focused.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QMenu, QMenuBar, QWidget
from shiboken6 import isValid

RING_COLOUR = "#ff8f00"
"""Amber: at least 3:1 against white (#ffffff) and the navigation blue (#0d2538)."""
RING_WIDTH = 4


class FocusRing(QFocusFrame):
    """The ring itself: a rounded rectangle just outside the focused widget."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(RING_COLOUR), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # Centred on the widget's own edge: half outside, half over its border, so the ring still
        # shows when the parent clips the outside (a field that fills its container exactly).
        target = self.widget()
        mx = (self.width() - target.width()) / 2 if target is not None else 0
        my = (self.height() - target.height()) / 2 if target is not None else 0
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(mx, my, -mx, -my), 4, 4)


class FocusRingTracker(QObject):
    """Moves one :class:`FocusRing` to each newly focused widget (made again if its host was deleted)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.follow(new)

    def follow(self, widget: QWidget | None) -> None:
        """Put the ring around ``widget`` (hide it for windows, menus and nothing)."""
        ring = self.ring if self.ring is not None and isValid(self.ring) else None
        if widget is None or widget.isWindow() or isinstance(widget, QMenu | QMenuBar):
            if ring is not None:
                ring.setWidget(None)  # type: ignore[arg-type]  # Qt takes nullptr: follow nothing
                ring.hide()
            return
        if ring is None:
            ring = self.ring = FocusRing()
        ring.setWidget(widget)
        ring.show()
        ring.raise_()


def install_focus_ring(app: QApplication) -> FocusRingTracker:
    """Show the focus ring in every window of ``app`` (idempotent: one tracker per application)."""
    existing = app.findChild(FocusRingTracker)
    if isinstance(existing, FocusRingTracker):
        return existing
    return FocusRingTracker(app)
