"""The first-run wizard: language, site, hub, printer, first admin, counters (``drc-console --setup``).

Shown when no configuration exists. Each page checks its answers and says what is wrong. Network
and printer checks run on worker threads (``TaskRunner``); the window never waits on them. An
unreachable hub is explained but does not stop the setup: the site can start offline. Finishing
writes the configuration (0600) and initialises the database (``services.setup.apply_setup``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console.names import finding_text, fix_text, type_label
from console.tasks import TaskRunner
from db.models import UpdateType
from services.auth import AuthPolicy
from services.clock import SystemClock
from services.config import Config
from services.doctor import CheckResult, Verdict, check_hub
from services.provision import ALL_TYPES
from services.setup import SetupPlan, SiteDirectory, UsbPrinter, apply_setup, cups_queues, usb_printers


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LanguagePage(QWizardPage):
    """English or Urdu for the whole console."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Language"))
        self.setSubTitle(self.tr("The language of the console's screens and menus. You can change it later."))
        self.english = QRadioButton("English")
        self.urdu = QRadioButton("اردو (Urdu)")
        self.english.setChecked(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.english)
        lay.addWidget(self.urdu)

    def language(self) -> str:
        """``en`` or ``ur``."""
        return "ur" if self.urdu.isChecked() else "en"


class SitePage(QWizardPage):
    """This PC's DRC, chosen by region, district and tehsil from the 617 sites."""

    def __init__(self, directory: SiteDirectory) -> None:
        super().__init__()
        self.setTitle(self.tr("Site"))
        self.setSubTitle(self.tr("Choose the region, district and tehsil, then this DRC."))
        self.directory = directory
        self.region, self.district, self.tehsil, self.site = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        form = QFormLayout(self)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Tehsil"), self.tehsil)
        form.addRow(self.tr("DRC"), self.site)
        self.region.currentTextChanged.connect(self._on_region_changed)
        self.district.currentTextChanged.connect(self._on_district_changed)
        self.tehsil.currentTextChanged.connect(self._on_tehsil_changed)
        self.site.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self.region.addItems(directory.regions())

    def _on_region_changed(self, region: str) -> None:
        self.district.clear()
        self.district.addItems(self.directory.districts(region))

    def _on_district_changed(self, district: str) -> None:
        self.tehsil.clear()
        self.tehsil.addItems(self.directory.tehsils(self.region.currentText(), district))

    def _on_tehsil_changed(self, tehsil: str) -> None:
        self.site.clear()
        for s in self.directory.sites(self.region.currentText(), self.district.currentText(), tehsil):
            self.site.addItem(f"{s.name} ({s.site_id})", s.site_id)

    def isComplete(self) -> bool:
        """A DRC is chosen."""
        return self.site.currentData() is not None

    def choose(self, site_id: str) -> None:
        """Select a DRC by id (the combos follow)."""
        rec = self.directory.get(site_id)
        if rec is None:
            raise KeyError(site_id)
        self.region.setCurrentText(rec.region)
        self.district.setCurrentText(rec.district)
        self.tehsil.setCurrentText(rec.tehsil)
        self.site.setCurrentIndex(self.site.findData(site_id))


class HubPage(QWizardPage):
    """The hub's address and this site's key, with a live connection test."""

    sig_tested = Signal(object)
    """A connection test finished (its ``CheckResult``)."""

    def __init__(self, tasks: TaskRunner, cfg: Config) -> None:
        super().__init__()
        self.tasks = tasks
        self.setTitle(self.tr("Central hub"))
        self.setSubTitle(self.tr("The address of the central registry and the site key from the centre."))
        self.url = QLineEdit(cfg.hub.url)
        self.key = QLineEdit(cfg.hub.api_key)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(self.tr("Test connection"))
        self.test.clicked.connect(self.run_test)
        self.result = _note()
        form = QFormLayout(self)
        form.addRow(self.tr("Hub address"), self.url)
        form.addRow(self.tr("Site key"), self.key)
        form.addRow("", self.test)
        form.addRow(self.result)
        self.url.textChanged.connect(lambda _t: self.completeChanged.emit())

    def isComplete(self) -> bool:
        """An address is given (the hub may still be unreachable: the site can start offline)."""
        return self.url.text().strip().startswith(("http://", "https://"))

    def run_test(self) -> None:
        """Check the hub on a worker thread: reachable, clock, key."""
        self.test.setEnabled(False)
        self.result.setText(self.tr("Testing…"))
        url, key = self.url.text().strip(), self.key.text().strip()
        self.tasks.run_io(lambda: check_hub(url, key), self._on_tested)

    def _on_tested(self, result: CheckResult) -> None:
        self.test.setEnabled(True)
        if result.verdict is Verdict.FAIL:
            self.result.setText(self.tr("Not connected: %1. %2 You can finish the setup anyway: the site works "
                                        "offline and connects when the hub answers.")
                                .replace("%1", finding_text(result)).replace("%2", fix_text(result) + "."))
        else:
            self.result.setText(self.tr("Connected: %1").replace("%1", finding_text(result)))
        self.sig_tested.emit(result)


class AdminPage(QWizardPage):
    """The first administrator account."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account adds staff and changes settings. Keep the PIN or password secret."))
        self.username, self.full_name = QLineEdit("admin"), QLineEdit()
        self.secret, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.secret, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _note()
        self.error.setStyleSheet("color:#b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("PIN or password"), self.secret)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        """A username, and the same PIN twice, long enough."""
        minimum = AuthPolicy().min_secret_length
        if not self.username.text().strip():
            self.error.setText(self.tr("Enter a username."))
        elif len(self.secret.text()) < minimum:
            self.error.setText(self.tr("The PIN or password needs at least %1 characters.").replace("%1", str(minimum)))
        elif self.secret.text() != self.repeat.text():
            self.error.setText(self.tr("The two entries differ; type the PIN or password again."))
        else:
            self.error.clear()
            return True
        return False


class CountersPage(QWizardPage):
    """How many DEO counters the site has and which update types each serves."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Counters"))
        self.setSubTitle(self.tr("Tick the update types each counter serves. You can change this on the Counters page."))
        self.count = QSpinBox()
        self.count.setRange(1, 20)
        self.count.setValue(3)
        self.table = QTableWidget(0, len(ALL_TYPES))
        self.table.setHorizontalHeaderLabels([type_label(t) for t in ALL_TYPES])
        self.error = _note()
        self.error.setStyleSheet("color:#b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("Number of counters"), self.count)
        form.addRow(self.table)
        form.addRow(self.error)
        self.count.valueChanged.connect(self._on_count_changed)
        self._on_count_changed(self.count.value())

    def _on_count_changed(self, n: int) -> None:
        old = self.table.rowCount()
        self.table.setRowCount(n)
        for row in range(old, n):
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(self.tr("Counter %1").replace("%1", str(row + 1))))
            for col in range(len(ALL_TYPES)):
                item = QTableWidgetItem()
                item.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(row, col, item)

    def served(self) -> list[list[UpdateType]]:
        """The ticked types per counter."""
        def ticked(row: int, col: int) -> bool:
            item = self.table.item(row, col)
            return item is not None and item.checkState() == Qt.CheckState.Checked

        return [[t for col, t in enumerate(ALL_TYPES) if ticked(row, col)] for row in range(self.table.rowCount())]

    def validatePage(self) -> bool:
        """Every counter serves at least one type."""
        empty = [str(i + 1) for i, types in enumerate(self.served()) if not types]
        if empty:
            self.error.setText(self.tr("Counter %1 serves no update type.").replace("%1", ", ".join(empty)))
            return False
        self.error.clear()
        return True


class SetupWizard(QWizard):
    """The whole first-run setup; ``applied`` holds the written configuration once finished."""

    sig_applied = Signal(object)
    """The configuration was written and the database initialised (the ``Config``)."""

    def __init__(self, config_path: Path, *, cfg: Config | None = None, database_url: str = "",
                 usb: list[UsbPrinter] | None = None, cups: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        """``usb`` and ``cups`` are the printers found on the PC (looked up when not given)."""
        from console.setup_printer import SetupPrinterPage

        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up DRC Console"))
        self.config_path = config_path
        self.database_url = database_url
        self.base = cfg
        self.applied: Config | None = None
        self.tasks = TaskRunner(self)
        base = cfg or Config()
        self.language_page = LanguagePage()
        self.site_page = SitePage(SiteDirectory.load())
        self.hub_page = HubPage(self.tasks, base)
        self.printer_page = SetupPrinterPage(self.tasks, base.printer, usb_printers() if usb is None else usb,
                                        cups_queues() if cups is None else cups)
        self.admin_page = AdminPage()
        self.counters_page = CountersPage()
        for page in (self.language_page, self.site_page, self.hub_page, self.printer_page, self.admin_page,
                     self.counters_page):
            self.addPage(page)
        self.finish_error = _note()
        self.finish_error.setStyleSheet("color:#b00020;")
        self.counters_page.layout().addWidget(self.finish_error)  # type: ignore[union-attr]
        self._applying = False

    def plan(self) -> SetupPlan:
        """The answers so far as a plan for ``apply_setup``."""
        site = self.site_page.directory.get(self.site_page.site.currentData())
        assert site is not None
        return SetupPlan(
            language=self.language_page.language(), site=site, hub_url=self.hub_page.url.text(),
            hub_key=self.hub_page.key.text(), printer=self.printer_page.settings(),
            admin_username=self.admin_page.username.text().strip(), admin_name=self.admin_page.full_name.text(),
            admin_secret=self.admin_page.secret.text(), counters=self.counters_page.served(),
            database_url=self.database_url)

    def accept(self) -> None:
        """Apply the plan on the database worker; close when it is written."""
        if self.applied is not None:
            super().accept()
            return
        if self._applying or not self.counters_page.validatePage():
            return
        self._applying = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.finish_error.setText(self.tr("Writing the configuration and preparing the database…"))
        plan = self.plan()
        self.tasks.run_db(lambda: apply_setup(plan, self.config_path, SystemClock(), self.base), self._on_applied,
                          self._on_apply_failed)

    def _on_applied(self, cfg: Config) -> None:
        self.applied = cfg
        self.sig_applied.emit(cfg)
        self.tasks.shutdown(wait=False)
        super().accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        self._applying = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.finish_error.setText(self.tr("Setup could not finish: %1").replace("%1", str(exc)))


def run_setup(config_path: Path, cfg: Config | None = None) -> Config | None:
    """Show the wizard (a QApplication must exist); the written configuration, or None if cancelled."""
    wizard = SetupWizard(config_path, cfg=cfg, database_url=cfg.database.url if cfg else "")
    wizard.exec()
    return wizard.applied
