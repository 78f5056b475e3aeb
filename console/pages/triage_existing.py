"""The warning that a visitor already holds an open token, with the reprint beside it.

A token carried over from an earlier day got a new number at close of day, so the slip in the
visitor's hand shows the old one: then the banner says so and the reprint is the default action.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.names import ltr, state_label
from services.clock import business_day
from services.queue import TokenView

BANNER_WARN = "background:#fff4e0;color:#6d4200;border:2px solid #e09b00;border-radius:6px;padding:10px;"


class ExistingTokenBanner(QFrame):
    """Hidden until :meth:`show_token` gets a token; ``reprint_button`` asks for a new slip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(BANNER_WARN)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Reprint slip"))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.reprint_button)
        self.hide()

    def show_token(self, view: TokenView | None, *, can_print: bool) -> None:
        """Warn about ``view`` (None: hide); a carried-over token makes the reprint the default."""
        if view is None:
            self.hide()
            return
        first_day = business_day(view.issued_at)
        carried = first_day < view.business_day
        if carried:
            text = self.tr("Token {number} was carried over from {day}: the visitor's slip shows that day's "
                           "number. Reprint the slip now so it shows {number}.")
        else:
            text = self.tr("This CNIC already holds token {number} today ({state}). Reprint the slip instead "
                           "of issuing a second token.")
        self.label.setText(text.format(number=ltr(view.number), state=state_label(view.state),
                                       day=ltr(first_day.isoformat())))
        self.reprint_button.setEnabled(can_print)
        self.reprint_button.setDefault(carried)
        self.show()
        if carried and can_print:
            self.reprint_button.setFocus()


__all__ = ["ExistingTokenBanner"]
