"""Checking a scanned or typed slip code at the console, and the check the counter terminal uses.

``SlipCheckDialog`` is the console's window for ``console.slip_code.slip_checker`` (Day menu,
Ctrl+K). A barcode scanner types the code and Enter into the focused field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.context import AppContext
from console.slip_code import Checker, slip_checker
from services.slip import SlipVerdict


def _text(v: SlipVerdict) -> str:
    if v.code == "ok":
        extra = {True: QCoreApplication.translate("SlipCheck", "The CNIC matches."), False: "",
                 None: QCoreApplication.translate("SlipCheck", "No CNIC compared.")}[v.cnic_match]
        head = QCoreApplication.translate("SlipCheck", "Slip %1 is genuine, for today and still open.")
        return head.replace("%1", v.number or "") + " " + extra
    texts = {
        "invalid": QCoreApplication.translate("SlipCheck", "Not a genuine slip: %1"),
        "other_site": QCoreApplication.translate("SlipCheck", "The slip belongs to another site (%1)."),
        "other_day": QCoreApplication.translate("SlipCheck", "The slip is for another day (%1)."),
        "unknown": QCoreApplication.translate("SlipCheck", "No token %2 today."),
        "not_open": QCoreApplication.translate("SlipCheck", "Token %2 is no longer open."),
        "wrong_person": QCoreApplication.translate("SlipCheck",
                                                   "Slip %2 was issued to someone else: the CNIC does not match."),
    }
    return texts[v.code].replace("%1", v.detail).replace("%2", v.number or "")


class SlipCheckDialog(QDialog):
    """Scan or type a slip code (and optionally the visitor's CNIC) and see whether it is good."""

    def __init__(self, ctx: AppContext, check: Checker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check = check
        self.setWindowTitle(self.tr("Check a slip"))
        self.code = QLineEdit()
        self.code.setObjectName("slip_code")
        self.code.setPlaceholderText(self.tr("Scan the slip's QR code or type it"))
        self.cnic = QLineEdit()
        self.cnic.setObjectName("slip_cnic")
        self.cnic.setPlaceholderText(self.tr("Visitor's CNIC (optional)"))
        self.outcome = QLabel()
        self.outcome.setObjectName("slip_result")
        self.outcome.setWordWrap(True)
        self.button = QPushButton(self.tr("Check"))
        self.button.setObjectName("slip_check")
        self.button.clicked.connect(self._on_check_clicked)
        self.code.returnPressed.connect(self.cnic.setFocus)
        self.cnic.returnPressed.connect(self._on_check_clicked)
        form = QFormLayout()
        form.addRow(self.tr("Slip code"), self.code)
        form.addRow(self.tr("CNIC"), self.cnic)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.button)
        lay.addWidget(self.outcome)
        self.resize(520, 200)

    def _on_check_clicked(self) -> None:
        code, cnic = self.code.text(), self.cnic.text()
        self.button.setEnabled(False)
        self.ctx.tasks.run_db(lambda: self.check(code, cnic), self._on_checked, self._on_failed)

    def _on_checked(self, verdict: SlipVerdict) -> None:
        self.button.setEnabled(True)
        self.outcome.setText(_text(verdict))
        self.outcome.setStyleSheet("color:#1b5e20;font-weight:600;" if verdict.ok else "color:#b71c1c;font-weight:600;")

    def _on_failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.outcome.setText(self.tr("The slip could not be checked: %1").replace("%1", str(exc)))


def install_slip_check(ctx: AppContext, window: QWidget, menu: object, secret: str) -> QAction:
    """Add "Check a slip…" (Ctrl+K) to ``menu``."""
    check = slip_checker(ctx.queue, ctx.site_id, secret)
    action = QAction(QCoreApplication.translate("SlipCheck", "Check a slip…"), window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.triggered.connect(lambda: SlipCheckDialog(ctx, check, window).exec())
    menu.addAction(action)  # type: ignore[attr-defined]
    return action
