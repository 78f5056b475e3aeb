"""A counter card: who sits there, which token it serves, for how long, and its action buttons.

Compact on purpose: six cards fit beside the waiting list on a 1366x768 screen, the most common
office display, so no counter acts out of sight.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from widgets.bidi import ltr

ACTIONS = ("call", "recall", "start", "complete", "no_show", "transfer")
KEYS = {"call": "F5", "recall": "F6", "start": "F7", "complete": "F8", "no_show": "F9", "transfer": "F4"}
"""The key of each action on the selected card (the queue and counters pages bind them)."""


@dataclass(frozen=True)
class CounterCardData:
    """Everything a card shows, already formatted."""

    counter_id: int
    label: str
    staff: str
    state: str  # open | paused | closed
    state_label: str
    types_label: str
    token_number: str = ""
    token_state: str = ""  # called | in_service | ""
    token_state_label: str = ""
    elapsed_min: int = 0
    served_today: int = 0
    level: str = "ok"  # ok | long | very_long
    has_deo: bool = True
    """A DEO sits at the counter: without one it cannot call (the queue refuses)."""
    recalls: int = 0
    """How often the current token was recalled."""
    recall_limit: int = 0
    """Recalls allowed before a no-show (0: not shown)."""


_GRID = {"call": (0, 0), "recall": (0, 1), "start": (1, 0), "no_show": (1, 1), "complete": (2, 0), "transfer": (2, 1)}
"""Where each button sits: the calling pair on top, the visitor's arrival or absence next, then the end."""

_LEVEL_STYLE = {
    "ok": "#ffffff",
    "long": "#fff3cd",
    "very_long": "#f8d7da",
}


BUTTON_MIN_HEIGHT = 28
"""Pixels at a 10-point font: a comfortable target for a mouse or a finger (scaled with larger text)."""


class CounterCard(QFrame):
    """One counter; emits ``sig_action(counter_id, action)`` when a button is pressed."""

    sig_action = Signal(int, str)
    """A button was pressed: (counter id, one of ACTIONS)."""

    sig_selected = Signal(int)
    """The card was clicked (counter id): keyboard shortcuts act on the selected card."""

    def __init__(self, data: CounterCardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CounterCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(300)
        self._selected = False
        self.title = QLabel()
        self.title.setStyleSheet("font-size:13pt;font-weight:600;")
        self.state_chip = QLabel()
        self.state_chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.staff = QLabel()
        self.staff.setObjectName("staff")
        self.types = QLabel()
        self.types.setStyleSheet("color:#4a4a4a;font-size:10pt;")
        # One line, elided (the full list in the tooltip): a wrapped list made Urdu cards a row taller.
        self.types.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.token = QLabel()
        self.token.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token.setStyleSheet("font-size:22pt;font-weight:700;")
        self.token.setMinimumWidth(110)
        self.token_state = QLabel()
        self.token_state.setObjectName("tokenState")
        self.served = QLabel()
        self.served.setStyleSheet("color:#4a4a4a;font-size:10pt;")
        self.token_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token_state.setWordWrap(True)
        self.served.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recall_banner = QLabel()
        self.recall_banner.setObjectName("recallBanner")
        self.recall_banner.setWordWrap(True)
        self.recall_banner.setStyleSheet("background:#b71c1c;color:white;font-weight:600;border-radius:4px;"
                                         "padding:2px 6px;")
        self.recall_banner.hide()

        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.title)
        head.addWidget(self.staff)
        head.addStretch(1)
        head.addWidget(self.state_chip)
        # The token and its facts on the left, the six actions (three rows of two) on the right:
        # a card is as short as its buttons, so three rows of cards fit a 768-pixel-high screen.
        now = QVBoxLayout()
        now.setSpacing(0)
        now.addWidget(self.token)
        now.addWidget(self.token_state)
        now.addWidget(self.served)
        now.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        names = {
            "call": self.tr("Call next"), "recall": self.tr("Recall"), "start": self.tr("Start"),
            "complete": self.tr("Complete"), "no_show": self.tr("No-show"), "transfer": self.tr("Transfer"),
        }
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        grid.setHorizontalSpacing(6)
        for action in ACTIONS:
            b = QPushButton(names[action])
            b.setObjectName(f"btn_{action}")
            b.setToolTip(KEYS[action])
            b.clicked.connect(lambda _=False, a=action: self.sig_action.emit(self.counter_id, a))
            self.buttons[action] = b
            grid.addWidget(b, _GRID[action][0], _GRID[action][1])
        self.buttons["call"].setStyleSheet("font-weight:600;")
        self._fit_buttons()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 5, 10, 6)
        lay.setSpacing(3)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addLayout(now, 2)
        body.addLayout(grid, 3)
        lay.addLayout(head)
        lay.addWidget(self.types)
        lay.addLayout(body)
        lay.addWidget(self.recall_banner)
        self.data = data
        self.set_data(data)

    @property
    def counter_id(self) -> int:
        """The counter this card stands for."""
        return self.data.counter_id

    def set_data(self, data: CounterCardData) -> None:
        """Show new values and enable only the buttons legal in this state."""
        self.data = data
        self.title.setText(data.label)
        self.state_chip.setText(data.state_label)
        chip = {"open": "#1b5e20", "paused": "#8a5300", "closed": "#616161"}.get(data.state, "#616161")
        self.state_chip.setStyleSheet(f"color:white;background:{chip};border-radius:6px;padding:2px 8px;")
        self.staff.setText(data.staff)
        self.staff.setStyleSheet("" if data.has_deo else "color:#b71c1c;font-weight:600;")
        self.types.setToolTip(data.types_label)
        self._elide_types()
        self.token.setText(ltr(data.token_number) if data.token_number else "—")
        called = data.token_state == "called"
        at_limit = called and data.recall_limit > 0 and data.recalls >= data.recall_limit
        if data.token_number:
            text = self.tr("%1 · %2 min").replace("%1", data.token_state_label).replace("%2", str(data.elapsed_min))
            if data.recall_limit and data.token_state == "called":
                text += "\n" + self.tr("Recalled %1 of %2").replace("%1", str(data.recalls)).replace(
                    "%2", str(data.recall_limit))
            self.token_state.setText(text)
        else:
            self.token_state.setText(self.tr("Free"))
        self.served.setText(self.tr("Served today: %1").replace("%1", str(data.served_today)))
        self.recall_banner.setText(self.tr("Recall limit: F7 start or F9 no-show"))
        self.recall_banner.setToolTip(self.tr("Recall limit reached: start the service or mark %1 no-show (F9)")
                                      .replace("%1", data.token_number))
        self.recall_banner.setVisible(at_limit)
        busy = bool(data.token_number)
        self.buttons["call"].setEnabled(data.state == "open" and not busy and data.has_deo)
        self.buttons["call"].setToolTip(KEYS["call"] if data.has_deo else self.tr("Assign a DEO before calling"))
        self.buttons["recall"].setEnabled(called and not at_limit)
        self.buttons["start"].setEnabled(called)
        self.buttons["no_show"].setEnabled(called)
        self.buttons["transfer"].setEnabled(called)
        self.buttons["complete"].setEnabled(data.token_state == "in_service")
        self._restyle()

    def _elide_types(self) -> None:
        width = max(40, self.width() - 24)
        self.types.setText(self.types.fontMetrics().elidedText(self.data.types_label, Qt.TextElideMode.ElideRight,
                                                               width))

    def _fit_buttons(self) -> None:
        """Buttons as tall as their text needs, not as the font's line: Urdu's Naskh has a tall line
        height, and six cards must still fit a 1366x768 window (large text makes them taller again)."""
        height = max(BUTTON_MIN_HEIGHT, round(BUTTON_MIN_HEIGHT * self.font().pointSizeF() / 10))
        for button in self.buttons.values():
            button.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        """The application font changed (View > Large text): the buttons follow."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_buttons()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_types()

    def set_actionable(self, actionable: bool) -> None:
        """Show the action buttons only to someone who may serve at this counter (others just watch)."""
        for b in self.buttons.values():
            b.setVisible(actionable)

    @property
    def actionable(self) -> bool:
        """Whether the action buttons are shown."""
        return not self.buttons["call"].isHidden()

    def set_selected(self, selected: bool) -> None:
        """Highlight the card the keyboard acts on."""
        self._selected = selected
        self._restyle()

    def _restyle(self) -> None:
        border = "3px solid #1565c0" if self._selected else "1px solid #c8c8c8"
        bg = _LEVEL_STYLE.get(self.data.level, "#ffffff")
        self.setStyleSheet(f"QFrame#CounterCard{{background:{bg};border:{border};border-radius:10px;}}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.sig_selected.emit(self.counter_id)
        super().mousePressEvent(event)
