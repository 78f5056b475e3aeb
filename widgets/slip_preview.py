"""Shows a token slip exactly as it was (or will be) printed: the printer's own 1-bit image, dot for dot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class SlipPreview(QWidget):
    """A caption and the slip image at 1:1 (one screen pixel per printer dot), scrollable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.caption = QLabel(self.tr("No slip printed yet."))
        self.caption.setWordWrap(True)
        self.paper = QLabel()
        self.paper.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The thermal paper: white, a thin edge, nothing scaled.
        self.paper.setStyleSheet("background:white; border:1px solid #9e9e9e;")
        self.paper.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.paper)
        self.scroller.setWidgetResizable(False)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroller.setStyleSheet("QScrollArea{background:#eceff1;}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroller, 1)
        self.scroller.setMinimumWidth(420)

    def set_slip(self, image: QImage, caption: str = "") -> None:
        """Show ``image`` (the printed raster) with a caption such as the token and its state."""
        self._image = QImage(image)
        pixmap = QPixmap.fromImage(image)
        self.paper.setPixmap(pixmap)
        self.paper.resize(pixmap.size())
        # Wide enough to show every dot of a row without horizontal scrolling.
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        self.scroller.setMinimumWidth(pixmap.width() + bar + 2 * self.scroller.frameWidth() + 4)
        self.caption.setText(caption)

    def clear(self, caption: str = "") -> None:
        """Show no slip."""
        self._image = None
        self.paper.clear()
        self.caption.setText(caption or self.tr("No slip printed yet."))

    def image(self) -> QImage | None:
        """The image shown, or None."""
        return self._image
