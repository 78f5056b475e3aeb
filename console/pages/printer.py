"""The printer page: printer settings with a Test print, the last slip, and slips to reprint."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.printing_glue import PrintService, default_preview_dir, status_text
from printing.backends import PrinterStatus
from printing.layout import WIDTH_58MM, WIDTH_80MM, WIDTH_80MM_OLD
from printing.worker import PrintResult
from services.clock import SITE_ZONE
from services.config import PrinterSection, save_config
from services.labels import UPDATE_TYPE_EN
from services.queue import TokenView
from services.roles import Permission
from widgets.slip_preview import SlipPreview

_tr = QCoreApplication.translate

BACKEND_CHOICES = [
    ("preview", str(QT_TRANSLATE_NOOP("PrinterPage", "Preview folder (PNG + .bin, no paper)"))),
    ("network", str(QT_TRANSLATE_NOOP("PrinterPage", "Network printer (TCP, port 9100)"))),
    ("usb", str(QT_TRANSLATE_NOOP("PrinterPage", "USB printer (vendor/product id)"))),
    ("serial", str(QT_TRANSLATE_NOOP("PrinterPage", "Serial port"))),
    ("file", str(QT_TRANSLATE_NOOP("PrinterPage", "Device file (e.g. /dev/usb/lp0)"))),
    ("cups", str(QT_TRANSLATE_NOOP("PrinterPage", "CUPS queue (raw)"))),
    ("win32", str(QT_TRANSLATE_NOOP("PrinterPage", "Windows printer (raw)"))),
]
PAPER_CHOICES = [(WIDTH_58MM, str(QT_TRANSLATE_NOOP("PrinterPage", "58 mm (384 dots)"))),
                 (WIDTH_80MM, str(QT_TRANSLATE_NOOP("PrinterPage", "80 mm (576 dots)"))),
                 (WIDTH_80MM_OLD, str(QT_TRANSLATE_NOOP("PrinterPage", "80 mm, older head (512 dots)")))]


def _hex(value: int) -> str:
    return f"{value:04x}" if value else ""


class PrinterPage(QWidget):
    """Choose and test the slip printer, see the last slip, reprint slips that did not print."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service: PrintService | None = ctx.printing
        self.preview = SlipPreview()
        root = QHBoxLayout(self)
        left = QVBoxLayout()
        root.addLayout(left, 1)
        root.addWidget(self.preview, 0)

        left.addWidget(self._build_settings())
        self.status_label = QLabel(self.tr("Printer: not checked"))
        self.status_label.setWordWrap(True)
        left.addWidget(self.status_label)

        box = QGroupBox(self.tr("Slips not printed (tokens keep their place)"))
        v = QVBoxLayout(box)
        self.unprinted = QTableWidget(0, 4)
        self.unprinted.setHorizontalHeaderLabels([self.tr("Token"), self.tr("Update type"), self.tr("Issued"), ""])
        self.unprinted.verticalHeader().setVisible(False)
        self.unprinted.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unprinted.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.unprinted)
        row = QHBoxLayout()
        self.reprint_number = QLineEdit()
        self.reprint_number.setPlaceholderText(self.tr("Token number, e.g. R-042"))
        self.reprint_any = QPushButton(self.tr("Reprint this token"))
        self.reprint_any.clicked.connect(self._on_reprint_any_clicked)
        self.reprint_number.returnPressed.connect(self._on_reprint_any_clicked)
        row.addWidget(self.reprint_number)
        row.addWidget(self.reprint_any)
        v.addLayout(row)
        left.addWidget(box, 1)

        if self.service is None:
            for w in (self.apply_button, self.test_button, self.check_button, self.reprint_any):
                w.setEnabled(False)
            self.status_label.setText(self.tr("Printing is not set up in this console."))
            return
        s = self.service
        s.sig_slip.connect(self._on_service_slip)
        s.sig_printed.connect(self._on_service_printed)
        s.sig_failed.connect(self._on_service_failed)
        s.sig_recorded.connect(self._on_service_recorded)
        s.sig_status.connect(self._on_service_status)
        ctx.events.sig_changed.connect(self._on_queue_changed)
        if s.last_result is not None and s.last_result.image is not None:
            self._show_result(s.last_result, self.tr("last slip"))
        self._on_service_status(s.status, s.status_reason)
        self.refresh()

    # ---- settings --------------------------------------------------------------------
    def _build_settings(self) -> QGroupBox:
        cfg = self.ctx.config.printer
        box = QGroupBox(self.tr("Slip printer"))
        form = QFormLayout(box)
        self.backend_box = QComboBox()
        for key, label in BACKEND_CHOICES:
            self.backend_box.addItem(_tr("PrinterPage", label), key)
        self.params = QStackedWidget()
        self.fields: dict[str, QWidget] = {}

        def page(*rows: tuple[str, str, QWidget]) -> QWidget:
            w = QWidget()
            f = QFormLayout(w)
            f.setContentsMargins(0, 0, 0, 0)
            for name, label, widget in rows:
                f.addRow(_tr("PrinterPage", label), widget)
                self.fields[name] = widget
            return w

        def line(text: str, placeholder: str = "") -> QLineEdit:
            e = QLineEdit(text)
            e.setPlaceholderText(placeholder)
            return e

        port = QSpinBox()
        port.setRange(1, 65535)
        port.setValue(cfg.port)
        baud = QComboBox()
        for rate in (9600, 19200, 38400, 57600, 115200):
            baud.addItem(str(rate), rate)
        baud.setCurrentIndex(max(0, baud.findData(cfg.baudrate)))
        self._pages = {
            "preview": page(("preview_dir", str(QT_TRANSLATE_NOOP("PrinterPage", "Folder")),
                             line(cfg.preview_dir, str(default_preview_dir())))),
            "network": page(("host", str(QT_TRANSLATE_NOOP("PrinterPage", "Host or IP")), line(cfg.host, "192.168.1.50")),
                            ("port", str(QT_TRANSLATE_NOOP("PrinterPage", "Port")), port)),
            "usb": page(("usb_vendor", str(QT_TRANSLATE_NOOP("PrinterPage", "Vendor id (hex)")), line(_hex(cfg.usb_vendor), "04b8")),
                        ("usb_product", str(QT_TRANSLATE_NOOP("PrinterPage", "Product id (hex)")), line(_hex(cfg.usb_product), "0e15"))),
            "serial": page(("serial_device", str(QT_TRANSLATE_NOOP("PrinterPage", "Device")),
                            line(cfg.serial_device, "/dev/ttyUSB0 or COM3")),
                           ("baudrate", str(QT_TRANSLATE_NOOP("PrinterPage", "Speed (baud)")), baud)),
            "file": page(("device_file", str(QT_TRANSLATE_NOOP("PrinterPage", "Device file")), line(cfg.device_file, "/dev/usb/lp0"))),
            "cups": page(("cups_name", str(QT_TRANSLATE_NOOP("PrinterPage", "CUPS queue")), line(cfg.printer_name, "(default printer)"))),
            "win32": page(("win32_name", "Printer name", line(cfg.printer_name, "(default printer)"))),
        }
        for key, _label in BACKEND_CHOICES:
            self.params.addWidget(self._pages[key])
        self.backend_box.currentIndexChanged.connect(self._on_backend_box_changed)
        self.backend_box.setCurrentIndex(max(0, self.backend_box.findData(cfg.backend)))
        self._on_backend_box_changed(self.backend_box.currentIndex())

        self.paper_box = QComboBox()
        for dots, label in PAPER_CHOICES:
            self.paper_box.addItem(_tr("PrinterPage", label), dots)
        self.dots = QSpinBox()
        self.dots.setRange(200, 832)
        self.dots.setSingleStep(8)
        self.dots.setSuffix(self.tr(" dots"))
        self.dots.setValue(cfg.width_dots)
        idx = self.paper_box.findData(cfg.width_dots)
        self.paper_box.setCurrentIndex(idx if idx >= 0 else 1)
        self.paper_box.currentIndexChanged.connect(self._on_paper_box_changed)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper_box, 1)
        paper_row.addWidget(self.dots)
        self.profile = line(cfg.profile, "TM-T20II")

        form.addRow(self.tr("Connection"), self.backend_box)
        form.addRow(self.params)
        form.addRow(self.tr("Paper width"), paper_row)
        form.addRow(self.tr("ESC/POS profile"), self.profile)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Apply"))
        self.test_button = QPushButton(self.tr("Test print"))
        self.check_button = QPushButton(self.tr("Check printer"))
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.check_button.clicked.connect(self._on_check_clicked)
        for b in (self.apply_button, self.test_button, self.check_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        source = self.ctx.config.source
        if self.ctx.demo or source is None:
            note = self.tr("Applied settings last until the console closes; to keep them, "
                           "put them in the [printer] section of the configuration file.")
        else:
            note = self.tr("Apply also saves the settings to %1.").replace("%1", str(source))
        self.config_note = QLabel(note)
        self.config_note.setWordWrap(True)
        self.config_note.setStyleSheet("color:#555;")
        form.addRow(self.config_note)
        if not self.ctx.actor.can(Permission.CONFIGURE):
            # Test print and status stay; changing the printer is the supervisor's.
            for w in (self.backend_box, self.params, self.paper_box, self.dots, self.profile):
                w.setEnabled(False)
            self.apply_button.hide()
            self.config_note.setText(self.tr("Only a supervisor may change the printer settings."))
        return box

    def _on_backend_box_changed(self, index: int) -> None:
        self.params.setCurrentWidget(self._pages[self.backend_box.itemData(index)])

    def _on_paper_box_changed(self, index: int) -> None:
        self.dots.setValue(int(self.paper_box.itemData(index)))

    def settings(self) -> PrinterSection:
        """The printer settings as entered (the QR secret is kept from the configuration)."""
        f = self.fields

        def text(name: str) -> str:
            w = f[name]
            assert isinstance(w, QLineEdit)
            return w.text().strip()

        def hex_id(name: str) -> int:
            try:
                return int(text(name) or "0", 16)
            except ValueError:
                return 0

        backend = str(self.backend_box.currentData())
        port = f["port"]
        baud = f["baudrate"]
        assert isinstance(port, QSpinBox) and isinstance(baud, QComboBox)
        name = text("win32_name") if backend == "win32" else text("cups_name")
        values: dict[str, Any] = {
            "backend": backend, "width_dots": self.dots.value(), "profile": self.profile.text().strip(),
            "host": text("host"), "port": port.value(), "usb_vendor": hex_id("usb_vendor"),
            "usb_product": hex_id("usb_product"), "serial_device": text("serial_device"),
            "baudrate": int(baud.currentData()), "device_file": text("device_file"), "printer_name": name,
            "preview_dir": text("preview_dir"),
        }
        return dataclasses.replace(self.ctx.config.printer, **values)

    def _on_apply_clicked(self) -> None:
        if self.service is None:
            return
        settings = self.settings()
        backend = self.service.configure(settings)
        self.status_label.setText(self.tr("Printer: %1 - checking…").replace("%1", backend.describe()))
        self.ctx.config.printer = settings
        if self.ctx.demo or self.ctx.config.source is None:
            return
        cfg = self.ctx.config
        self.ctx.tasks.run_io(lambda: save_config(cfg), self._on_saved, self._on_save_failed)

    def _on_saved(self, path: Path) -> None:
        self.config_note.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        cfg, who = self.ctx.config, self.ctx.actor.username
        self.ctx.tasks.run_db(lambda: self.ctx.audit.note_config(cfg, who), source=self.tr("Printer"))

    def _on_save_failed(self, exc: BaseException) -> None:
        self.ctx.status.alert(self.tr("The printer settings work now but were not saved: %1").replace("%1", str(exc)),
                              "error")

    def _on_test_clicked(self) -> None:
        if self.service is not None:
            self.service.test_print()

    def _on_check_clicked(self) -> None:
        if self.service is not None:
            self.service.check_status()

    # ---- service signals -------------------------------------------------------------
    def _show_result(self, result: PrintResult, state: str) -> None:
        if result.image is None:
            return
        slip = result.request.slip
        when = slip.issued_at.astimezone(SITE_ZONE).strftime("%H:%M")
        self.preview.set_slip(result.image, self.tr("%1 (%2, issued %3): %4")
                              .replace("%1", slip.number).replace("%2", slip.type_en).replace("%3", when)
                              .replace("%4", state))

    def _on_service_slip(self, result: PrintResult) -> None:
        self._show_result(result, self.tr("printing…"))

    def _on_service_printed(self, _token_id: int, _kind: str) -> None:
        if self.service and self.service.last_result:
            self._show_result(self.service.last_result, self.tr("printed"))

    def _on_service_failed(self, _token_id: int, reason: str) -> None:
        if self.service and self.service.last_result:
            self._show_result(self.service.last_result, self.tr("NOT PRINTED - %1").replace("%1", reason))

    def _on_service_recorded(self, _token_id: int, _kind: str) -> None:
        self.refresh()

    def _on_service_status(self, status: PrinterStatus, reason: str) -> None:
        where = self.service.worker.backend.describe() if self.service else ""
        text = self.tr("Printer %1: %2").replace("%1", where).replace("%2", status_text(status))
        if reason:
            text += " - " + reason
        self.status_label.setText(text)
        self.status_label.setStyleSheet("" if status.ok else "color:#b71c1c;font-weight:600;")

    def _on_queue_changed(self, _change: object) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Reload the list whenever the page comes into view."""
        super().showEvent(event)
        self.refresh()

    # ---- slips not printed -----------------------------------------------------------
    def refresh(self) -> None:
        """Reload the tokens whose slip did not print (on the database worker)."""
        if self.service is not None:
            self.service.unprinted(self._fill)

    def _fill(self, tokens: list[TokenView]) -> None:
        self.unprinted.setRowCount(len(tokens))
        for row, t in enumerate(tokens):
            when = t.issued_at.astimezone(SITE_ZONE).strftime("%H:%M")
            for col, text in enumerate((t.number, _tr("UpdateType", UPDATE_TYPE_EN[t.update_type]), when)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.unprinted.setItem(row, col, item)
            button = QPushButton(self.tr("Reprint"))
            button.setObjectName(f"reprint-{t.id}")
            button.clicked.connect(lambda _checked=False, tid=t.id: self._reprint(tid))
            self.unprinted.setCellWidget(row, 3, button)

    def unprinted_ids(self) -> list[int]:
        """Token ids listed as not printed (for tests and the supervisor's count)."""
        ids = []
        for row in range(self.unprinted.rowCount()):
            item = self.unprinted.item(row, 0)
            if item is not None:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _reprint(self, token_id: int) -> None:
        if self.service is not None:
            self.service.reprint(token_id)

    def _on_reprint_any_clicked(self) -> None:
        number = self.reprint_number.text().strip().upper()
        if not number or self.service is None:
            return
        q = self.ctx.queue

        def find() -> int | None:
            matches = [t for t in q.tokens() if t.number == number]
            return matches[-1].id if matches else None

        def found(token_id: int | None) -> None:
            if token_id is None:
                self.ctx.status.alert(self.tr("No token %1 today.").replace("%1", number), "warning")
            else:
                self.reprint_number.clear()
                self._reprint(token_id)

        self.ctx.tasks.run_db(find, found)
