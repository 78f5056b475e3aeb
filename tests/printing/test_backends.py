"""Backends: the bytes a real TCP printer receives equal the preview .bin; faults fail with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing.backends import (
    FileBackend,
    NetworkBackend,
    PreviewBackend,
    PrinterError,
    PrinterStatus,
    UnavailableBackend,
    make_backend,
)
from printing.layout import SlipData
from printing.render import SlipRenderer
from printing.worker import make_job
from services.config import PrinterSection
from tests.printing.conftest import ONLINE_QUERY, PAPER_QUERY, FakePrinter, refused_port


def preview_bin(renderer: SlipRenderer, slip: SlipData, folder: Path) -> bytes:
    backend = PreviewBackend(folder, width_dots=renderer.paper.width_dots)
    _, job = make_job(renderer, slip)
    assert backend.print_slip(job) is PrinterStatus.READY
    bins = list(folder.glob("*.bin"))
    assert len(bins) == 1 and bins[0].with_suffix(".png").exists()
    return bins[0].read_bytes()


def test_network_printer_receives_exactly_the_preview_bytes(renderer: SlipRenderer, slip: SlipData, tmp_path: Path,
                                                            printer_server: FakePrinter) -> None:
    expected = preview_bin(renderer, slip, tmp_path)
    backend = NetworkBackend("127.0.0.1", printer_server.port, width_dots=renderer.paper.width_dots,
                             check_status=False)
    _, job = make_job(renderer, slip)
    backend.print_slip(job)
    assert printer_server.done.wait(5)
    printer_server.close()
    assert printer_server.connections == [expected]


def test_status_is_checked_before_and_after_the_slip(renderer: SlipRenderer, slip: SlipData, tmp_path: Path,
                                                     printer_server: FakePrinter) -> None:
    expected = preview_bin(renderer, slip, tmp_path)
    backend = NetworkBackend("127.0.0.1", printer_server.port, width_dots=renderer.paper.width_dots)
    _, job = make_job(renderer, slip)
    assert backend.print_slip(job) is PrinterStatus.READY
    printer_server.close()
    query = ONLINE_QUERY + PAPER_QUERY
    assert printer_server.connections == [query + expected + query]


def test_paper_out_is_reported_and_nothing_is_sent(renderer: SlipRenderer, slip: SlipData) -> None:
    srv = FakePrinter("paper_out")
    try:
        backend = NetworkBackend("127.0.0.1", srv.port, width_dots=renderer.paper.width_dots)
        _, job = make_job(renderer, slip)
        with pytest.raises(PrinterError) as err:
            backend.print_slip(job)
        assert err.value.status is PrinterStatus.PAPER_OUT
        assert "out of paper" in err.value.reason
    finally:
        srv.close()
    assert srv.connections == [ONLINE_QUERY + PAPER_QUERY]


def test_refused_connection_fails_with_reason(renderer: SlipRenderer, slip: SlipData) -> None:
    port = refused_port()
    backend = NetworkBackend("127.0.0.1", port, width_dots=renderer.paper.width_dots)
    _, job = make_job(renderer, slip)
    with pytest.raises(PrinterError, match=f"127.0.0.1:{port}"):
        backend.print_slip(job)
    with pytest.raises(PrinterError):
        backend.status()


@pytest.mark.parametrize("mode", ["drop", "cut"])
def test_dropped_connection_fails(renderer: SlipRenderer, slip: SlipData, mode: str) -> None:
    srv = FakePrinter(mode)
    try:
        backend = NetworkBackend("127.0.0.1", srv.port, width_dots=renderer.paper.width_dots)
        _, job = make_job(renderer, slip)
        with pytest.raises(PrinterError, match="(?i)connection"):
            backend.print_slip(job)
    finally:
        srv.close()


def test_device_file_gets_the_same_bytes(renderer: SlipRenderer, slip: SlipData, tmp_path: Path) -> None:
    expected = preview_bin(renderer, slip, tmp_path / "preview")
    target = tmp_path / "lp0"
    _, job = make_job(renderer, slip)
    assert FileBackend(str(target), width_dots=renderer.paper.width_dots).print_slip(job) is PrinterStatus.UNKNOWN
    assert target.read_bytes() == expected


def test_make_backend_from_config(tmp_path: Path) -> None:
    cfg = PrinterSection(backend="preview", preview_dir=str(tmp_path))
    assert isinstance(make_backend(cfg), PreviewBackend)
    cfg = PrinterSection(backend="network", host="10.0.0.9", port=9100)
    assert make_backend(cfg).describe() == "10.0.0.9:9100"
    with pytest.raises(PrinterError, match="host"):
        make_backend(PrinterSection(backend="network", host=""))
    with pytest.raises(PrinterError, match="unknown printer backend"):
        make_backend(PrinterSection(backend="laser"))


def test_optional_drivers_fail_with_install_hint(renderer: SlipRenderer, slip: SlipData) -> None:
    pytest.importorskip("escpos")
    try:
        import cups  # noqa: F401
    except ImportError:
        backend = make_backend(PrinterSection(backend="cups", printer_name="tm"))
        _, job = make_job(renderer, slip)
        with pytest.raises(PrinterError, match="pycups"):
            backend.print_slip(job)
    else:
        pytest.skip("pycups is installed here")


def test_unavailable_backend_fails_every_slip(renderer: SlipRenderer, slip: SlipData) -> None:
    backend = UnavailableBackend("no printer host configured")
    _, job = make_job(renderer, slip)
    with pytest.raises(PrinterError, match="no printer host"):
        backend.print_slip(job)


def test_printer_that_never_answers_status_still_prints(renderer: SlipRenderer, slip: SlipData, tmp_path: Path) -> None:
    expected = preview_bin(renderer, slip, tmp_path)
    srv = FakePrinter("silent")
    try:
        backend = NetworkBackend("127.0.0.1", srv.port, width_dots=renderer.paper.width_dots, status_timeout=0.2)
        _, job = make_job(renderer, slip)
        assert backend.print_slip(job) is PrinterStatus.UNKNOWN
        # Asked once, got nothing, stopped asking: the slip went through untouched.
        assert srv.done.wait(5)
    finally:
        srv.close()
    assert srv.connections == [ONLINE_QUERY + expected]
