"""The first-run wizard end to end (pytest-qt), against a real hub on loopback and a loopback printer."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from console.setup_wizard import SetupWizard
from db.engine import Store
from db.models import Counter, Site, UpdateType
from services.auth import AuthService
from services.clock import SystemClock
from services.config import load_config
from services.setup import SiteDirectory, UsbPrinter, cups_queues, usb_printers
from tests.printing.conftest import FakePrinter, refused_port
from tests.registry.live_hub import KEY, LiveHub

SITE = "PK60102-01"  # DRC Fateh Jang, Attock, Punjab


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> Iterator[SetupWizard]:
    """The wizard writing into a temp folder, with one USB printer and one CUPS queue 'found' on the PC."""
    w = SetupWizard(tmp_path / "cfg" / "config.toml", database_url=f"sqlite:///{tmp_path / 'site.sqlite3'}",
                    usb=[UsbPrinter(0x04B8, 0x0E15, "EPSON TM-T20II")], cups=["Thermal_80"])
    qtbot.addWidget(w)
    w.show()
    yield w
    w.tasks.shutdown()


def _next(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def test_a_site_is_set_up_end_to_end(wizard: SetupWizard, qtbot, tmp_path: Path, hub: LiveHub) -> None:
    wizard.language_page.urdu.setChecked(True)
    _next(wizard)

    page = wizard.site_page
    page.region.setCurrentText("Punjab")
    page.district.setCurrentText("Attock")
    page.tehsil.setCurrentText("Fateh Jang")
    assert [page.site.itemData(i) for i in range(page.site.count())] == [SITE]
    _next(wizard)

    hub_page = wizard.hub_page
    hub_page.url.setText(hub.url)
    hub_page.key.setText(KEY)
    with qtbot.waitSignal(hub_page.sig_tested, timeout=15_000):
        hub_page.test.click()
    assert hub_page.result.text().startswith("Connected:") and "site key accepted" in hub_page.result.text()
    _next(wizard)

    printer_page = wizard.printer_page
    labels = [printer_page.choice.itemText(i) for i in range(printer_page.choice.count())]
    assert "USB: EPSON TM-T20II (04b8:0e15)" in labels and "CUPS queue: Thermal_80" in labels
    printer = FakePrinter("ok")
    try:
        printer_page.host.setText("127.0.0.1")
        printer_page.port.setValue(printer.port)
        with qtbot.waitSignal(printer_page.sig_checked, timeout=15_000) as checked:
            printer_page.check.click()
        assert checked.args == [True, "ready"]
        with qtbot.waitSignal(printer_page.sig_checked, timeout=20_000) as tested:
            printer_page.test.click()
        assert tested.args[0] is True
        qtbot.waitUntil(lambda: any(b"\x1dv0" in c for c in printer.connections), timeout=10_000)
    finally:
        printer.close()
    _next(wizard)

    admin = wizard.admin_page
    admin.full_name.setText("Site Administrator")
    admin.secret.setText("4321")
    admin.repeat.setText("4312")
    _next(wizard)
    assert wizard.currentPage() is admin and "differ" in admin.error.text()
    admin.repeat.setText("4321")
    _next(wizard)

    counters = wizard.counters_page
    counters.count.setValue(2)
    for col in range(counters.table.columnCount()):  # counter 2: roster updates only
        counters.table.item(1, col).setCheckState(Qt.CheckState.Unchecked)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "Counter 2 serves no update type" in counters.error.text() and wizard.applied is None
    roster = next(c for c in range(counters.table.columnCount())
                  if counters.table.horizontalHeaderItem(c).text() == "Roster update")
    counters.table.item(1, roster).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(wizard.sig_applied, timeout=30_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()

    path = tmp_path / "cfg" / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    cfg = load_config(path)
    assert (cfg.ui.language, cfg.site.id, cfg.hub.url, cfg.hub.api_key) == ("ur", SITE, hub.url, KEY)
    assert (cfg.printer.backend, cfg.printer.host, cfg.printer.port) == ("network", "127.0.0.1", printer.port)
    store = Store.open(cfg.database.url)
    try:
        with store.read() as s:
            site = s.get(Site, SITE)
            assert site is not None and (site.region, site.district, site.tehsil) == ("Punjab", "Attock", "Fateh Jang")
            served = [c.served_types for c in s.scalars(select(Counter).order_by(Counter.number))]
        assert len(served) == 2 and served[1] == [UpdateType.ROSTER.value] and len(served[0]) == 5
        actor = AuthService(store, SystemClock(), site_id=SITE).authenticate("admin", "4321")
        assert actor.role.value == "admin"
    finally:
        store.dispose()


def test_an_unreachable_hub_is_explained_and_the_site_can_still_start_offline(wizard: SetupWizard, qtbot,
                                                                              tmp_path: Path) -> None:
    _next(wizard)
    wizard.site_page.choose(SITE)
    _next(wizard)
    hub_page = wizard.hub_page
    hub_page.url.setText(f"http://127.0.0.1:{refused_port()}")
    with qtbot.waitSignal(hub_page.sig_tested, timeout=15_000):
        hub_page.test.click()
    text = hub_page.result.text()
    assert text.startswith("Not connected:") and "not reachable" in text and "offline" in text
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _next(wizard)
    printer_page = wizard.printer_page
    printer_page.choice.setCurrentIndex(printer_page.choice.count() - 1)  # preview: set up a printer later
    printer_page.port.setValue(refused_port())
    _next(wizard)
    wizard.admin_page.secret.setText("2468")
    wizard.admin_page.repeat.setText("2468")
    _next(wizard)
    with qtbot.waitSignal(wizard.sig_applied, timeout=30_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    cfg = load_config(tmp_path / "cfg" / "config.toml")
    assert cfg.hub.url == hub_page.url.text() and cfg.printer.backend == "preview" and cfg.ui.language == "en"


def test_a_printer_that_does_not_answer_is_explained(wizard: SetupWizard, qtbot) -> None:
    for _ in range(3):
        _next(wizard)
    page = wizard.printer_page
    page.host.setText("127.0.0.1")
    page.port.setValue(refused_port())
    with qtbot.waitSignal(page.sig_checked, timeout=15_000) as checked:
        page.check.click()
    assert checked.args[0] is False
    assert page.result.text().startswith("Printer problem:") and "Printer page" in page.result.text()


def test_the_directory_holds_the_617_drcs_by_region() -> None:
    d = SiteDirectory.load()
    assert len(d.all) == 617
    per_region = {r: sum(1 for s in d.all if s.region == r) for r in d.regions()}
    assert per_region == {"AJK": 36, "Balochistan": 120, "Gilgit-Baltistan": 28, "Islamabad": 3,
                          "Khyber Pakhtunkhwa": 133, "Punjab": 152, "Sindh": 145}
    assert [s.site_id for s in d.sites("Punjab", "Attock", "Fateh Jang")] == [SITE]


def test_usb_printers_and_cups_queues_found_on_the_pc(tmp_path: Path) -> None:
    sysfs = tmp_path / "usb"
    printer, keyboard = sysfs / "1-2", sysfs / "1-3"
    for dev, vendor, product, cls, name in ((printer, "04b8", "0e15", "07", "TM-T20II"),
                                            (keyboard, "046d", "c31c", "03", "Keyboard")):
        (dev / f"{dev.name}:1.0").mkdir(parents=True)
        (dev / "idVendor").write_text(vendor + "\n")
        (dev / "idProduct").write_text(product + "\n")
        (dev / "manufacturer").write_text("EPSON\n")
        (dev / "product").write_text(name + "\n")
        (dev / f"{dev.name}:1.0" / "bInterfaceClass").write_text(cls + "\n")
        (sysfs / f"{dev.name}:1.0").symlink_to(dev / f"{dev.name}:1.0")
    assert usb_printers(sysfs) == [UsbPrinter(0x04B8, 0x0E15, "EPSON TM-T20II")]
    assert usb_printers(tmp_path / "none") == []

    lpstat = tmp_path / "lpstat"
    lpstat.write_text("#!/bin/sh\n[ \"$1\" = -e ] && printf 'Thermal_80\\nOffice_Laser\\n'\n", encoding="utf-8")
    lpstat.chmod(0o755)
    assert cups_queues(str(lpstat)) == ["Office_Laser", "Thermal_80"]
    assert cups_queues("") == []


def test_the_first_start_without_a_configuration_opens_the_wizard(qapp, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import run_gui
    from services.config import Config

    monkeypatch.setenv("HOME", str(tmp_path))  # platformdirs and QSettings stay inside the test
    monkeypatch.setenv("DRC_LOG_DIR", str(tmp_path / "logs"))
    seen: dict[str, int] = {"ticks": 0}

    def drive() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, SetupWizard) and w.isVisible():
                seen["wizard"] = 1
                w.reject()  # cancelled: nothing is written, the console does not start
                return
        seen["ticks"] += 1
        if seen["ticks"] < 200:
            QTimer.singleShot(50, drive)

    QTimer.singleShot(50, drive)
    assert run_gui(Config()) == 0
    assert seen.get("wizard") == 1
    assert not list(tmp_path.rglob("config.toml"))
