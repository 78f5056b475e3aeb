"""The Diagnostics page runs the doctor's checks off the GUI thread and saves a masked bundle."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from console.context import AppContext
from console.pages.diagnostics import DiagnosticsPage
from services.doctor import Verdict
from tests.printing.conftest import FakePrinter, refused_port

KEY = "site-key-that-must-not-leak-77"


@pytest.fixture
def page(ctx: AppContext, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DiagnosticsPage:
    """The page over a console whose hub is down and whose network printer is given per test."""
    monkeypatch.setenv("DRC_LOG_DIR", str(tmp_path / "logs"))
    ctx.config.hub.url = f"http://127.0.0.1:{refused_port()}"
    ctx.config.hub.api_key = KEY
    ctx.config.hub.connect_timeout = 1.0
    ctx.config.printer.backend = "network"
    ctx.config.printer.host = "127.0.0.1"
    widget = DiagnosticsPage(ctx)
    qtbot.addWidget(widget)
    return widget


def _rows(page: DiagnosticsPage) -> dict[str, tuple[str, str, str]]:
    t = page.table
    return {t.item(r, 0).text(): (t.item(r, 1).text(), t.item(r, 2).text(), t.item(r, 3).text())
            for r in range(t.rowCount())}


def test_the_page_shows_a_stopped_printer_and_an_offline_hub(page: DiagnosticsPage, qtbot) -> None:
    page.ctx.config.printer.port = refused_port()
    with qtbot.waitSignal(page.sig_checked, timeout=20_000):
        page.show()  # the first show runs the checks
    rows = _rows(page)
    assert rows["Printer"][0] == "Fail" and "not reachable" in rows["Printer"][1]
    assert rows["Hub"][0] == "Fail" and "offline" in rows["Hub"][2]
    assert rows["Database"][0] == "Pass"
    colours = {page.table.item(r, 0).text(): page.table.item(r, 1).background().color().name()
               for r in range(page.table.rowCount())}
    assert (colours["Printer"], colours["Database"]) == ("#f7c6c6", "#d8f0dc")  # the verdict's colour
    assert page.summary.text().startswith("2 failed")
    assert page.run_button.isEnabled()


def test_a_working_printer_passes_and_the_bundle_is_masked(page: DiagnosticsPage, qtbot, tmp_path: Path) -> None:
    printer = FakePrinter("ok")
    page.ctx.config.printer.port = printer.port
    try:
        with qtbot.waitSignal(page.sig_checked, timeout=20_000) as blocker:
            page.run_checks()
    finally:
        printer.close()
    verdicts = {r.name: r.verdict for r in blocker.args[0]}
    assert verdicts["printer"] is Verdict.PASS and verdicts["hub"] is Verdict.FAIL
    assert _rows(page)["Printer"][0] == "Pass"

    with qtbot.waitSignal(page.sig_bundle_saved, timeout=10_000) as saved:
        page.save_bundle_to(tmp_path / "out" / "bundle.zip")
    with zipfile.ZipFile(saved.args[0]) as zf:
        text = "\n".join(zf.read(n).decode("utf-8") for n in zf.namelist())
    assert "PASS  printer" in text and KEY not in text
    assert "help desk" in page.bundle_label.text()
