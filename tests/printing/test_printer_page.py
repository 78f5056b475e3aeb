"""GUI: the printer page shows the slip that was printed, alerts on a failing printer, and reprints."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.printer import PrinterPage
from console.printing_glue import install_printing
from db.models import SlipStatus, UpdateType
from services.config import Config
from services.roles import Actor
from tests.printing.conftest import SECRET, refused_port


@pytest.fixture
def make_page(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> Callable[..., tuple[AppContext, PrinterPage]]:
    """Build a console with the given printer settings and its printer page."""

    def build(**printer: object) -> tuple[AppContext, PrinterPage]:
        cfg = Config()
        cfg.hub.url = ""
        cfg.printer = dataclasses.replace(cfg.printer, qr_secret=SECRET, **printer)
        ctx = make_ctx(cfg)
        install_printing(ctx)
        page = PrinterPage(ctx)
        qtbot.addWidget(page)
        page.show()
        return ctx, page

    return build


def same_pixels(a: QImage, b: QImage) -> bool:
    fa = a.convertToFormat(QImage.Format.Format_Grayscale8)
    fb = b.convertToFormat(QImage.Format.Format_Grayscale8)
    return fa.size() == fb.size() and all(
        bytes(fa.constScanLine(y))[: fa.width()] == bytes(fb.constScanLine(y))[: fb.width()] for y in range(fa.height()))


def test_issuing_a_token_shows_its_slip(make_page: object, qtbot: QtBot, triage_actor: Actor, tmp_path: Path) -> None:
    ctx, page = make_page(backend="preview", preview_dir=str(tmp_path), width_dots=576)  # type: ignore[operator]
    threads: list[bool] = []
    # The service re-emits worker results; they must arrive on the GUI thread (widgets are touched there).
    ctx.printing.sig_slip.connect(lambda _r: threads.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(ctx.printing.sig_recorded, timeout=10000):
        view = ctx.queue.issue_token(UpdateType.CYCLIC, actor=triage_actor)
    assert threads == [True]
    qtbot.waitUntil(lambda: "printed" in page.preview.caption.text())
    assert view.number in page.preview.caption.text()
    shown = page.preview.image()
    assert shown is not None and shown.width() == 576
    pngs = list(tmp_path.glob(f"*_{view.number}_print_*.png"))
    assert len(pngs) == 1
    assert same_pixels(shown, QImage(str(pngs[0])))
    assert page.preview.paper.pixmap().width() == 576  # shown dot for dot, not scaled


def test_failing_printer_alerts_and_reprint_from_the_page(make_page: object, qtbot: QtBot, triage_actor: Actor,
                                                         tmp_path: Path) -> None:
    ctx, page = make_page(backend="network", host="127.0.0.1", port=refused_port())  # type: ignore[operator]
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=10000,
                          check_params_cb=lambda text, level: level == "error" and "R-001" in text):
        view = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    qtbot.waitUntil(lambda: page.unprinted_ids() == [view.id], timeout=10000)
    assert "NOT PRINTED" in page.preview.caption.text()

    # The supervisor points the page at a working printer and presses Reprint on the row.
    page.backend_box.setCurrentIndex(page.backend_box.findData("preview"))
    page.fields["preview_dir"].setText(str(tmp_path))  # type: ignore[attr-defined]
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    button = page.unprinted.cellWidget(0, 3)
    assert isinstance(button, QPushButton)
    with qtbot.waitSignal(ctx.printing.sig_recorded, timeout=10000) as rec:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert rec.args == [view.id, "reprinted"]
    qtbot.waitUntil(lambda: page.unprinted_ids() == [], timeout=10000)
    assert ctx.queue.token(view.id).slip_status is SlipStatus.PRINTED
    assert list(tmp_path.glob(f"*_{view.number}_reprint_*.png"))
    assert ctx.config.printer.backend == "preview"


def test_test_print_and_paper_width(make_page: object, qtbot: QtBot, tmp_path: Path) -> None:
    ctx, page = make_page(backend="preview", preview_dir=str(tmp_path), width_dots=576)  # type: ignore[operator]
    page.paper_box.setCurrentIndex(page.paper_box.findData(384))
    assert page.dots.value() == 384
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(ctx.printing.sig_printed, timeout=10000) as rec:
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert rec.args == [0, "test"]
    qtbot.waitUntil(lambda: page.preview.image() is not None and page.preview.image().width() == 384)
    assert any("Test slip" in text for _level, text in ctx.status.alerts)
    assert list(tmp_path.glob("*_T-000_test_*.bin"))


def test_reprint_any_token_by_number(make_page: object, qtbot: QtBot, triage_actor: Actor, tmp_path: Path) -> None:
    ctx, page = make_page(backend="preview", preview_dir=str(tmp_path))  # type: ignore[operator]
    with qtbot.waitSignal(ctx.printing.sig_recorded, timeout=10000):
        view = ctx.queue.issue_token(UpdateType.MISSED_OUT, actor=triage_actor)
    page.reprint_number.setText(view.number.lower())
    with qtbot.waitSignal(ctx.printing.sig_recorded, timeout=10000) as rec:
        qtbot.mouseClick(page.reprint_any, Qt.MouseButton.LeftButton)
    assert rec.args == [view.id, "reprinted"]


def test_apply_saves_the_printer_settings_to_the_configuration_file(make_page, qtbot: QtBot, tmp_path: Path) -> None:
    from services.config import load_config

    ctx, page = make_page(backend="preview", preview_dir=str(tmp_path / "slips"))
    ctx.config.source = tmp_path / "config.toml"
    page.backend_box.setCurrentIndex(page.backend_box.findData("network"))
    page.fields["host"].setText("127.0.0.1")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in page.config_note.text())
    saved = load_config(tmp_path / "config.toml", env={})
    assert saved.printer.backend == "network" and saved.printer.host == "127.0.0.1"
    assert saved.printer.qr_secret == SECRET  # the secret set at install is kept, not blanked


def test_apply_without_a_configuration_file_changes_only_this_session(make_page, qtbot: QtBot, tmp_path: Path) -> None:
    ctx, page = make_page(backend="preview", preview_dir=str(tmp_path / "slips"))
    assert ctx.config.source is None
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert "until the console closes" in page.config_note.text()
    assert list(tmp_path.glob("*.toml")) == []
