"""A counter card for the supervisor: the queue card plus who sits there, what it serves, open/break/close."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from widgets.counter_card import CounterCard, CounterCardData


@dataclass(frozen=True)
class StaffChoice:
    """A person who can be put on a counter."""

    staff_id: int
    name: str
    at_counter: str = ""
    """Where the person sits today ("Counter 3"), empty when at no counter: picking them moves them."""


_STATE_COLOUR = {"open": "#1b5e20", "paused": "#8a5300", "closed": "#616161"}


class CounterAdminCard(CounterCard):
    """:class:`CounterCard` with a DEO picker, served-type checkboxes and open / break / close."""

    sig_assign = Signal(int, int)
    """Put someone on the counter: (counter id, staff id; 0 = nobody)."""

    sig_types = Signal(int, list)
    """The served update types changed: (counter id, list of type values)."""

    sig_state = Signal(int, str)
    """Open, pause or close the counter: (counter id, "open" | "paused" | "closed")."""

    def __init__(self, data: CounterCardData, type_names: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(data, parent)
        self.types.hide()  # the checkboxes say it better
        self.staff.hide()  # so does the DEO picker
        lay = self.layout()
        assert lay is not None
        self.deo = QComboBox()
        self.deo.setObjectName("deo")
        self.deo.setMinimumContentsLength(14)
        self.deo.activated.connect(self._on_deo_activated)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("DEO")))
        row.addWidget(self.deo, 1)
        self.type_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        for i, (value, label) in enumerate(type_names):
            box = QCheckBox(label)
            box.setObjectName(f"type_{value}")
            box.toggled.connect(self._on_type_toggled)
            self.type_boxes[value] = box
            grid.addWidget(box, i // 3, i % 3)
        self.state_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        states = QHBoxLayout()
        for state, text in (("open", self.tr("Open")), ("paused", self.tr("Break")), ("closed", self.tr("Close"))):
            b = QPushButton(text)
            b.setObjectName(f"state_{state}")
            b.setCheckable(True)
            colour = _STATE_COLOUR[state]
            b.setStyleSheet(f"QPushButton:checked{{background:{colour};color:white;font-weight:600;"
                            f"border:1px solid {colour};border-radius:4px;padding:4px;}}")
            b.clicked.connect(lambda _=False, s=state: self.sig_state.emit(self.counter_id, s))
            group.addButton(b)
            self.state_buttons[state] = b
            states.addWidget(b)
        # Under the title: who and what first, then the live part, then the actions.
        lay.insertLayout(1, row)  # type: ignore[attr-defined]
        lay.insertLayout(2, grid)  # type: ignore[attr-defined]
        lay.insertLayout(3, states)  # type: ignore[attr-defined]
        self._staff: list[StaffChoice] = []

    def set_admin(self, staff: list[StaffChoice], staff_id: int | None, served: list[str]) -> None:
        """Show who may sit here (and who does), and which types the counter serves."""
        self._staff = list(staff)
        self.deo.blockSignals(True)
        self.deo.clear()
        self.deo.addItem(self.tr("— nobody —"), 0)
        for s in staff:
            text = s.name
            if s.at_counter and s.staff_id != staff_id:
                text = self.tr("%1 (at %2)").replace("%1", s.name).replace("%2", s.at_counter)
            self.deo.addItem(text, s.staff_id)
        index = self.deo.findData(staff_id or 0)
        self.deo.setCurrentIndex(max(index, 0))
        self.deo.blockSignals(False)
        for value, box in self.type_boxes.items():
            box.blockSignals(True)
            box.setChecked(value in served)
            box.blockSignals(False)
        for state, b in self.state_buttons.items():
            b.setChecked(state == self.data.state)

    def served_values(self) -> list[str]:
        """The type values ticked now."""
        return [v for v, box in self.type_boxes.items() if box.isChecked()]

    def _on_deo_activated(self, index: int) -> None:
        self.sig_assign.emit(self.counter_id, int(self.deo.itemData(index) or 0))

    def _on_type_toggled(self, _checked: bool) -> None:
        self.sig_types.emit(self.counter_id, self.served_values())
