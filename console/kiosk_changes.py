"""The kiosk's roster-update screen: which change(s) the visitor comes for, as big toggles.

The same eight changes as the triage desk (``services.triage.ROSTER_CHANGES``), named by the desk's
words (catalogue context ``RosterChange``). Touch toggles a change; on a keyboard Tab moves between
the toggles and Space toggles one, Enter continues and Escape or Backspace goes back to the types.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.labels import ROSTER_CHANGE_EN
from services.triage import ROSTER_CHANGES

HEAD = str(QT_TRANSLATE_NOOP("KioskWindow", "What changes in your family? Touch each one that applies."))
CONTINUE = str(QT_TRANSLATE_NOOP("KioskWindow", "Continue"))
BACK = str(QT_TRANSLATE_NOOP("KioskWindow", "Back"))
TOGGLE_STYLE = ("QPushButton{font-size:24pt;font-weight:600;padding:14px;}"
                "QPushButton:checked{background:#1b5e20;color:white;border:3px solid #0b2e10;}")
Words = Callable[[str, str], str]
"""``words(context, english)``: the text in the visitor's language."""


class RosterChangesScreen(QWidget):
    """Eight toggles, Continue (once one is on) and Back."""

    sig_done = Signal(tuple)
    """The visitor continued with these changes (a tuple in ``ROSTER_CHANGES`` order, never empty)."""
    sig_back = Signal()
    """The visitor went back to the update types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskRosterChanges")
        self._words: Words = lambda _context, source: source
        lay = QVBoxLayout(self)
        self.head = QLabel()
        self.head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.head.setWordWrap(True)
        self.head.setStyleSheet("font-size:26pt;font-weight:700;")
        lay.addWidget(self.head)
        grid = QGridLayout()
        self.toggles: dict[str, QPushButton] = {}
        for i, change in enumerate(ROSTER_CHANGES):
            button = QPushButton()
            button.setObjectName(f"kioskChange_{change}")
            button.setCheckable(True)
            button.setMinimumHeight(80)
            button.setStyleSheet(TOGGLE_STYLE)
            button.toggled.connect(self._on_toggled)
            self.toggles[change] = button
            grid.addWidget(button, i // 2, i % 2)
        lay.addLayout(grid)
        row = QHBoxLayout()
        self.back_button, self.continue_button = QPushButton(), QPushButton()
        for button in (self.back_button, self.continue_button):
            button.setMinimumHeight(90)
            button.setStyleSheet("font-size:28pt;font-weight:700;padding:14px;")
            row.addWidget(button)
        self.back_button.clicked.connect(self.sig_back)
        self.continue_button.clicked.connect(self.finish)
        lay.addLayout(row)

    def prepare(self, words: Words) -> None:
        """A new visitor: every toggle off, the texts in the visitor's language."""
        self._words = words
        self.head.setText(words("KioskWindow", HEAD))
        for button in self.toggles.values():
            button.setChecked(False)
        self.back_button.setText(words("KioskWindow", BACK))
        self.continue_button.setText(words("KioskWindow", CONTINUE))
        self._on_toggled()
        self.toggles[ROSTER_CHANGES[0]].setFocus()

    def chosen(self) -> tuple[str, ...]:
        """The changes on, in the standard order."""
        return tuple(c for c in ROSTER_CHANGES if self.toggles[c].isChecked())

    def _on_toggled(self) -> None:
        for change, button in self.toggles.items():
            name = self._words("RosterChange", ROSTER_CHANGE_EN.get(change, change))
            button.setText(f"✓  {name}" if button.isChecked() else name)
        self.continue_button.setEnabled(bool(self.chosen()))

    def finish(self) -> None:
        """Continue, when at least one change is on."""
        if self.chosen():
            self.sig_done.emit(self.chosen())

    def key(self, key: int) -> bool:
        """Enter continues, Escape or Backspace goes back (True when the key was used).

        Digits do nothing here: a card scanned again must not tick changes.
        """
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.sig_back.emit()
        else:
            return False
        return True


__all__ = ["RosterChangesScreen"]
