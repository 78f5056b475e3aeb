"""The Diagnostics page: the same site checks as ``drc-console doctor``, and the diagnostics bundle.

The checks talk to the printer, the hub and the disk, so they run on the I/O pool; the page shows
each verdict with what was found and how to fix it. "Save diagnostics bundle" writes a zip that
the help desk can read: secrets and CNICs are masked, the database is never included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.doctor_cli import run_checks, save_bundle, site_checks
from console.names import finding_text, fix_text
from services.doctor import CheckResult, Verdict
from widgets.text_table import fill_text_table, text_table

_tr = QCoreApplication.translate

CHECK_NAMES = {
    "database": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Database")),
    "disk space": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Disk space")),
    "printer": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Printer")),
    "hub": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Hub")),
    "Urdu fonts": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Urdu fonts")),
    "time zone": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Time zone")),
    "data folder": str(QT_TRANSLATE_NOOP("DiagnosticsCheck", "Data folder")),
}
VERDICTS = {
    Verdict.PASS: (str(QT_TRANSLATE_NOOP("DiagnosticsVerdict", "Pass")), QColor("#d8f0dc")),
    Verdict.WARN: (str(QT_TRANSLATE_NOOP("DiagnosticsVerdict", "Look at this")), QColor("#ffe9b3")),
    Verdict.FAIL: (str(QT_TRANSLATE_NOOP("DiagnosticsVerdict", "Fail")), QColor("#f7c6c6")),
}


class DiagnosticsPage(QWidget):
    """Runs the site checks off the GUI thread and shows verdicts, findings and fixes."""

    sig_checked = Signal(list)
    """A run of the checks finished (the list of ``CheckResult``)."""

    sig_bundle_saved = Signal(str)
    """A diagnostics bundle was written (its path)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: list[CheckResult] = []
        self._running = False
        root = QVBoxLayout(self)
        title = QLabel(self.tr("Diagnostics"))
        title.setStyleSheet("font-size:18pt;font-weight:bold;")
        root.addWidget(title)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run checks"))
        self.run_button.clicked.connect(self.run_checks)
        self.bundle_button = QPushButton(self.tr("Save diagnostics bundle…"))
        self.bundle_button.clicked.connect(self._on_bundle_button_clicked)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.bundle_button)
        buttons.addStretch(1)
        root.addLayout(buttons)
        self.summary = QLabel(self.tr("Not checked yet."))
        self.summary.setWordWrap(True)
        root.addWidget(self.summary)
        self.table = text_table([self.tr("Check"), self.tr("Verdict"), self.tr("Found"), self.tr("How to fix")],
                                select_rows=True, stretch=(2, 3))
        self.table.setWordWrap(True)
        root.addWidget(self.table, 1)
        self.bundle_label = QLabel("")
        self.bundle_label.setWordWrap(True)
        root.addWidget(self.bundle_label)

    def _url(self) -> str:
        return self.ctx.store.engine.url.render_as_string(hide_password=False)

    def showEvent(self, event: QShowEvent) -> None:
        """Check once when the page is first shown."""
        super().showEvent(event)
        if not self.results and not self._running:
            self.run_checks()

    def run_checks(self) -> None:
        """Run every check on the I/O pool; the table fills in when they finish."""
        if self._running:
            return
        self._running = True
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking the database, disk, printer, hub, fonts, time zone and folders…"))
        checks = site_checks(self.ctx.config, self._url())
        self.ctx.tasks.run_io(lambda: run_checks(checks), self._on_checked, self._on_failed)

    def _on_checked(self, results: list[CheckResult]) -> None:
        self._running = False
        self.run_button.setEnabled(True)
        self.results = results
        fill_text_table(self.table, [
            (_tr("DiagnosticsCheck", CHECK_NAMES[r.name]) if r.name in CHECK_NAMES else r.name,
             _tr("DiagnosticsVerdict", VERDICTS[r.verdict][0]), finding_text(r), fix_text(r)) for r in results])
        for row, r in enumerate(results):
            if (verdict := self.table.item(row, 1)) is not None:
                verdict.setBackground(QBrush(VERDICTS[r.verdict][1]))
        self.table.resizeRowsToContents()
        failed = sum(r.verdict is Verdict.FAIL for r in results)
        warned = sum(r.verdict is Verdict.WARN for r in results)
        self.summary.setText(self.tr("%1 failed, %2 to look at, %3 passed.")
                             .replace("%1", str(failed)).replace("%2", str(warned))
                             .replace("%3", str(len(results) - failed - warned)))
        self.sig_checked.emit(results)

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        self.run_button.setEnabled(True)
        self.summary.setText(self.tr("The checks could not run: %1").replace("%1", str(exc)))

    def _on_bundle_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save diagnostics bundle"),
                                              str(Path.home() / "drc-diagnostics.zip"), self.tr("Zip files (*.zip)"))
        if name:
            self.save_bundle_to(Path(name))

    def save_bundle_to(self, path: Path) -> None:
        """Write the bundle (with the latest check results) to ``path`` on the I/O pool."""
        results = list(self.results)
        self.bundle_label.setText(self.tr("Saving the diagnostics bundle…"))
        self.ctx.tasks.run_io(lambda: save_bundle(self.ctx.config, results, path), self._on_bundle_saved,
                              self._on_bundle_failed)

    def _on_bundle_saved(self, path: Path) -> None:
        self.bundle_label.setText(self.tr("Saved %1 (secrets and CNICs masked; no database). Send it to the help desk.")
                                  .replace("%1", str(path)))
        self.sig_bundle_saved.emit(str(path))

    def _on_bundle_failed(self, exc: BaseException) -> None:
        self.bundle_label.setText(self.tr("Could not save the bundle: %1").replace("%1", str(exc)))
