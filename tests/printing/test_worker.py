"""The print worker: results as signals, in order, and a clear failure when the Urdu font is missing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from printing.backends import PreviewBackend
from printing.layout import Paper
from printing.worker import PrintRequest, PrintWorker
from tests.printing.conftest import make_slip


def test_slips_print_in_order_and_report(qtbot: QtBot, tmp_path: Path) -> None:
    worker = PrintWorker(PreviewBackend(tmp_path, width_dots=384), Paper(384))
    done: list[str] = []
    worker.sig_printed.connect(lambda r: done.append(r.request.slip.number))
    try:
        for n in range(1, 4):
            worker.submit(PrintRequest(n, make_slip(f"R-00{n}")))
        qtbot.waitUntil(lambda: len(done) == 3, timeout=10000)
    finally:
        worker.stop()
    assert done == ["R-001", "R-002", "R-003"]
    assert len(list(tmp_path.glob("*.png"))) == 3


def test_missing_font_fails_each_slip_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    worker = PrintWorker(PreviewBackend(tmp_path / "out"), Paper(576), font_dir=tmp_path / "no-fonts")
    assert "NotoNaskhArabic" in worker.font_error
    try:
        with qtbot.waitSignal(worker.sig_failed, timeout=10000) as failed:
            worker.submit(PrintRequest(7, make_slip()))
    finally:
        worker.stop()
    result = failed.args[0]
    assert not result.ok and "Slip font missing" in result.reason and result.request.token_id == 7
    assert not (tmp_path / "out").exists()
