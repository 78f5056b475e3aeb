"""A CNIC entry field for typing or a keyboard-wedge scanner, with an inline error line.

The widget knows no rules beyond "13 digits": the caller passes ``parse`` (text -> 13 digits,
raising ``ValueError`` with a readable message), so widgets stay free of the services layer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

Parse = Callable[[str], str]
# Card barcode payloads are long; the field must take a whole scan without truncating it.
_MAX_INPUT = 512


def format_digits(digits: str) -> str:
    """``3520212345671`` -> ``35202-1234567-1`` (13 digits in, anything else returned as is)."""
    if len(digits) == 13 and digits.isdigit():
        return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"
    return digits


class CnicField(QWidget):
    """Line edit + error label; Enter (typed, or sent by the scanner) submits."""

    sig_cnic_ready = Signal(str)
    """The text was a CNIC: its 13 digits (after Enter or :meth:`submit`)."""

    sig_invalid = Signal(str)
    """Enter was pressed on text that is not a CNIC: the message shown."""

    def __init__(self, parse: Parse, parent: QWidget | None = None, *, point_size: float = 22.0) -> None:
        super().__init__(parent)
        self._parse = parse
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("cnicInput")
        self.line_edit.setMaxLength(_MAX_INPUT)
        self.line_edit.setPlaceholderText("#####-#######-#")
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        font = QFont(self.line_edit.font())
        font.setPointSizeF(point_size)
        font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
        self.line_edit.setFont(font)
        self.line_edit.setAccessibleName(self.tr("CNIC"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("cnicError")
        self.error_label.setStyleSheet("color:#b71c1c;font-weight:600;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.error_label)
        self.line_edit.returnPressed.connect(self.submit)
        self.line_edit.textEdited.connect(self._on_line_edit_text_edited)

    # ---- public ---------------------------------------------------------------------
    def text(self) -> str:
        """What is in the field now."""
        return self.line_edit.text()

    def digits(self) -> str | None:
        """The 13 digits if the field holds a CNIC, else None (no message shown)."""
        try:
            return self._parse(self.line_edit.text())
        except ValueError:
            return None

    def submit(self) -> str | None:
        """Check the text; show the error inline or tidy the text and emit ``sig_cnic_ready``."""
        try:
            digits = self._parse(self.line_edit.text())
        except ValueError as exc:
            self.set_error(str(exc))
            self.sig_invalid.emit(str(exc))
            self.line_edit.selectAll()
            return None
        self.set_error("")
        self.line_edit.setText(format_digits(digits))
        self.sig_cnic_ready.emit(digits)
        return digits

    def set_cnic(self, digits: str, *, submit: bool = False) -> None:
        """Fill the field (e.g. from a sample visitor); optionally submit at once."""
        self.line_edit.setText(format_digits(digits))
        self.set_error("")
        if submit:
            self.submit()

    def set_error(self, message: str) -> None:
        """Show ``message`` under the field (empty hides it)."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.line_edit.setStyleSheet("QLineEdit{border:2px solid #b71c1c;}" if message else "")

    def clear(self) -> None:
        """Empty the field and its error, ready for the next visitor."""
        self.line_edit.clear()
        self.set_error("")
        self.line_edit.setFocus()

    # ---- slots ----------------------------------------------------------------------
    def _on_line_edit_text_edited(self, _text: str) -> None:
        # A fresh keystroke means the person is fixing it: stop shouting.
        if self.error_label.isVisible():
            self.set_error("")
