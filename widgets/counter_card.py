"""A counter card: who sits there, which token it serves, for how long, and its action buttons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ACTIONS = ("call", "recall", "start", "complete", "no_show", "transfer")


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


_LEVEL_STYLE = {
    "ok": "#ffffff",
    "long": "#fff3cd",
    "very_long": "#f8d7da",
}


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
        self.title.setStyleSheet("font-size:15pt;font-weight:600;")
        self.state_chip = QLabel()
        self.staff = QLabel()
        self.types = QLabel()
        self.types.setWordWrap(True)
        self.types.setStyleSheet("color:#555;")
        self.token = QLabel()
        self.token.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token.setStyleSheet("font-size:30pt;font-weight:700;")
        self.token_state = QLabel()
        self.token_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.served = QLabel()
        self.served.setStyleSheet("color:#555;")

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.state_chip)
        self.buttons: dict[str, QPushButton] = {}
        names = {
            "call": self.tr("Call next"), "recall": self.tr("Recall"), "start": self.tr("Start"),
            "complete": self.tr("Complete"), "no_show": self.tr("No-show"), "transfer": self.tr("Transfer"),
        }
        grid = QGridLayout()
        for i, action in enumerate(ACTIONS):
            b = QPushButton(names[action])
            b.setObjectName(f"btn_{action}")
            b.setMinimumHeight(34)
            b.clicked.connect(lambda _=False, a=action: self.sig_action.emit(self.counter_id, a))
            self.buttons[action] = b
            grid.addWidget(b, i // 3, i % 3)
        self.buttons["call"].setStyleSheet("font-weight:600;")
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.staff)
        lay.addWidget(self.types)
        lay.addWidget(self.token)
        lay.addWidget(self.token_state)
        lay.addWidget(self.served)
        lay.addLayout(grid)
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
        self.types.setText(data.types_label)
        self.token.setText(data.token_number or "—")
        if data.token_number:
            self.token_state.setText(f"{data.token_state_label} · {data.elapsed_min} min")
        else:
            self.token_state.setText(self.tr("Free"))
        self.served.setText(self.tr("Served today: %1").replace("%1", str(data.served_today)))
        busy = bool(data.token_number)
        called = data.token_state == "called"
        self.buttons["call"].setEnabled(data.state == "open" and not busy)
        self.buttons["recall"].setEnabled(called)
        self.buttons["start"].setEnabled(called)
        self.buttons["no_show"].setEnabled(called)
        self.buttons["transfer"].setEnabled(called)
        self.buttons["complete"].setEnabled(data.token_state == "in_service")
        self._restyle()

    def set_selected(self, selected: bool) -> None:
        """Highlight the card the keyboard acts on."""
        self._selected = selected
        self._restyle()

    def _restyle(self) -> None:
        border = "3px solid #1565c0" if self._selected else "1px solid #c8c8c8"
        bg = _LEVEL_STYLE.get(self.data.level, "#ffffff")
        self.setStyleSheet(f"QFrame#CounterCard{{background:{bg};border:{border};border-radius:10px;}}")

    def mousePressEvent(self, event: object) -> None:
        self.sig_selected.emit(self.counter_id)
        super().mousePressEvent(event)  # type: ignore[arg-type]
