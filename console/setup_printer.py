"""The setup wizard's printer page: a printer found on the PC or a network address, checked and tested.

USB printers and CUPS queues found on the PC are offered by name; a network printer is given by
address. "Check printer" asks it for its status; "Print test slip" renders a sample slip at the
chosen paper width and sends it. Both run on the I/O pool.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWizardPage

from console.printing_glue import default_preview_dir
from console.slip_sample import sample_slip
from console.tasks import TaskRunner
from printing.backends import PrinterBackend, PrinterError, make_backend
from printing.layout import WIDTH_58MM, WIDTH_80MM, Paper
from printing.render import SlipRenderer
from printing.worker import make_job
from services.config import PrinterSection
from services.setup import UsbPrinter


class SetupPrinterPage(QWizardPage):
    """Choose the slip printer and prove it prints."""

    sig_checked = Signal(bool, str)
    """A status check or test slip finished: (worked, what happened)."""

    def __init__(self, tasks: TaskRunner, current: PrinterSection, usb: list[UsbPrinter], cups: list[str]) -> None:
        super().__init__()
        self.tasks = tasks
        self.current = current
        self.setTitle(self.tr("Slip printer"))
        self.setSubTitle(self.tr("Choose a printer found on this PC, or give a network printer's address."))
        self.choice = QComboBox()
        self.choice.addItem(self.tr("Network printer (address below)"), ("network", None))
        for p in usb:
            self.choice.addItem(self.tr("USB: %1 (%2:%3)").replace("%1", p.name)
                                .replace("%2", f"{p.vendor:04x}").replace("%3", f"{p.product:04x}"), ("usb", p))
        for q in cups:
            self.choice.addItem(self.tr("CUPS queue: %1").replace("%1", q), ("cups", q))
        self.choice.addItem(self.tr("No printer yet: save slips as pictures (preview)"), ("preview", None))
        self.host = QLineEdit(current.host)
        self.host.setPlaceholderText("192.168.1.50")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port or 9100)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("80 mm (576 dots)"), WIDTH_80MM)
        self.paper.addItem(self.tr("58 mm (384 dots)"), WIDTH_58MM)
        self.check = QPushButton(self.tr("Check printer"))
        self.test = QPushButton(self.tr("Print test slip"))
        self.check.clicked.connect(self.run_check)
        self.test.clicked.connect(self.print_test_slip)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check)
        buttons.addWidget(self.test)
        form = QFormLayout(self)
        form.addRow(self.tr("Printer"), self.choice)
        form.addRow(self.tr("Network address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(buttons)
        form.addRow(self.result)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self.host.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._on_choice_changed()

    def _on_choice_changed(self, _index: int = 0) -> None:
        network = self.choice.currentData()[0] == "network"
        self.host.setEnabled(network)
        self.port.setEnabled(network)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """A network printer needs an address; the others are complete as chosen."""
        return self.choice.currentData()[0] != "network" or bool(self.host.text().strip())

    def settings(self) -> PrinterSection:
        """The printer section for the configuration."""
        kind, detail = self.choice.currentData()
        cfg = dataclasses.replace(self.current, backend=kind, width_dots=int(self.paper.currentData()))
        if kind == "network":
            cfg.host, cfg.port = self.host.text().strip(), int(self.port.value())
        elif kind == "usb":
            cfg.usb_vendor, cfg.usb_product = detail.vendor, detail.product
        elif kind == "cups":
            cfg.printer_name = detail
        elif kind == "preview" and not cfg.preview_dir:
            cfg.preview_dir = str(default_preview_dir())
        return cfg

    def _backend(self) -> PrinterBackend:
        return make_backend(self.settings(), default_preview_dir=Path(default_preview_dir()))

    def run_check(self) -> None:
        """Ask the printer for its status."""
        self.result.setText(self.tr("Asking the printer…"))
        try:
            backend = self._backend()
        except PrinterError as exc:
            self._on_done(False, exc.reason)
            return
        self.tasks.run_io(lambda: backend.status().text, lambda text: self._on_done(True, text),
                          lambda exc: self._on_done(False, str(exc)))

    def print_test_slip(self) -> None:
        """Render a sample slip at the chosen width and send it."""
        try:
            backend = self._backend()
        except PrinterError as exc:
            self._on_done(False, exc.reason)
            return
        width = int(self.paper.currentData())
        _image, job = make_job(SlipRenderer(Paper(width)), sample_slip(number="T-000"), "test", backend.profile)
        self.result.setText(self.tr("Printing a test slip…"))
        self.tasks.run_io(lambda: backend.print_slip(job).text,
                          lambda text: self._on_done(True, self.tr("test slip sent; printer %1").replace("%1", text)),
                          lambda exc: self._on_done(False, str(exc)))

    def _on_done(self, ok: bool, text: str) -> None:
        if ok:
            self.result.setText(self.tr("Printer: %1").replace("%1", text))
        else:
            self.result.setText(self.tr("Printer problem: %1. Check the cable or address, or choose preview and "
                                        "set the printer up later on the Printer page.").replace("%1", text))
        self.sig_checked.emit(ok, text)
