"""A KPI tile: a title, one big value and a line of context, coloured by how good the value is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

# Background / accent per level: calm for normal, amber to look at, red to act on.
_LEVELS = {
    "normal": ("#f4f7fb", "#1f4e79"),
    "good": ("#eef8f0", "#1e6b34"),
    "warn": ("#fff6e0", "#8a5a00"),
    "bad": ("#fdecec", "#a31515"),
}


class KpiTile(QFrame):
    """Shows one indicator; ``set_value`` changes value, context line and level."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        self._title = QLabel(title)
        self._value = QLabel("–")
        self._detail = QLabel("")
        self._title.setStyleSheet("font-size: 10.5pt; color: #444;")
        self._value.setStyleSheet("font-size: 24pt; font-weight: 600;")
        self._detail.setStyleSheet("font-size: 9.5pt; color: #555;")
        self._detail.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(2)
        for w in (self._title, self._value, self._detail):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            lay.addWidget(w)
        self.level = "normal"
        self._apply_level()

    @property
    def value_text(self) -> str:
        """The big value as shown."""
        return self._value.text()

    @property
    def detail_text(self) -> str:
        """The context line as shown."""
        return self._detail.text()

    def set_title(self, title: str) -> None:
        """Rename the indicator (the dashboard says "Served today" only while it shows today)."""
        self._title.setText(title)

    def set_value(self, value: str, detail: str = "", level: str = "normal") -> None:
        """Show ``value`` with a context line; ``level`` is normal, good, warn or bad."""
        self._value.setText(value)
        self._detail.setText(detail)
        if level != self.level:
            self.level = level if level in _LEVELS else "normal"
            self._apply_level()

    def _apply_level(self) -> None:
        bg, fg = _LEVELS[self.level]
        self.setStyleSheet(f"#KpiTile {{ background: {bg}; border: 1px solid #d0d7e2; border-radius: 6px; }}")
        self._value.setStyleSheet(f"font-size: 24pt; font-weight: 600; color: {fg};")
