"""Through the console glue with a real store and QueueService: failed slips never cost a token its place."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.printing_glue import PrintService, install_printing
from db.engine import Store
from db.models import SlipStatus, TokenState, UpdateType
from printing.layout import Paper
from printing.qr import verify
from printing.render import SlipRenderer
from printing.worker import make_job
from services.clock import FixedClock
from services.config import Config
from services.queue import QueueService
from services.roles import Actor
from tests.conftest import SITE_ID
from tests.printing.conftest import SECRET, FakePrinter, refused_port


def printer_config(**printer: object) -> Config:
    """An offline console's configuration with these printer settings (and the test QR secret)."""
    cfg = Config()
    cfg.hub.url = ""
    cfg.printer = dataclasses.replace(cfg.printer, qr_secret=SECRET, **printer)
    return cfg


@pytest.fixture
def console(make_ctx: Callable[..., AppContext]) -> tuple[AppContext, PrintService]:
    """A console whose printer refuses connections (the network backend at a dead port)."""
    ctx = make_ctx(printer_config(backend="network", host="127.0.0.1", port=refused_port()))
    return ctx, install_printing(ctx)


def kinds(ctx: AppContext, token_id: int) -> list[str]:
    return [e.kind for e in ctx.queue.events() if e.token_id == token_id]


def test_install_sets_the_contexts_printing(console: tuple[AppContext, PrintService]) -> None:
    ctx, service = console
    assert ctx.printing is service


@pytest.mark.parametrize("fault", ["refuse", "drop"])
def test_failed_slip_keeps_token_then_reprint_succeeds(console: tuple[AppContext, PrintService], qtbot: QtBot,
                                                      triage_actor: Actor, fault: str, tmp_path: Path) -> None:
    ctx, service = console
    dropper = FakePrinter("drop") if fault == "drop" else None
    if dropper:
        service.configure(dataclasses.replace(ctx.config.printer, port=dropper.port))
    with qtbot.waitSignal(service.sig_recorded, timeout=10000):
        first = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    with qtbot.waitSignal(service.sig_recorded, timeout=10000) as rec:
        # Printing listens to the adapter's "issued" signal: nothing else to call.
        view = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor, cnic="3520212345671")
    assert rec.args == [view.id, "print_failed"]
    if dropper:
        dropper.close()

    token = ctx.queue.token(view.id)
    assert token.state is TokenState.WAITING and token.slip_status is SlipStatus.FAILED
    assert ctx.queue.position(view.id) == 2 and ctx.queue.position(first.id) == 1
    assert [t.id for t in ctx.queue.waiting()] == [first.id, view.id]
    assert any(level == "error" and view.number in text for level, text in ctx.status.alerts)
    failed = [e for e in ctx.queue.events() if e.kind == "print_failed"]
    assert failed and failed[0].payload["reason"]

    with FakePrinterCtx() as printer:
        service.configure(dataclasses.replace(ctx.config.printer, port=printer.port))
        with qtbot.waitSignal(service.sig_recorded, timeout=10000) as rec:
            service.reprint(view.id)
        assert rec.args == [view.id, "reprinted"]
    assert kinds(ctx, view.id) == ["issued", "print_failed", "reprinted"]
    token = ctx.queue.token(view.id)
    assert token.state is TokenState.WAITING and token.slip_status is SlipStatus.PRINTED
    assert ctx.queue.position(view.id) == 2
    # The printer got one slip (the other connection is the status check after configure).
    slips = [c for c in printer.connections if b"\x1dv0" in c]
    assert len(slips) == 1 and slips[0].startswith(b"\x10\x04\x01\x10\x04\x04\x1b@")


class FakePrinterCtx:
    """A working printer for the length of a with-block."""

    def __enter__(self) -> FakePrinter:
        self.srv = FakePrinter("ok")
        return self.srv

    def __exit__(self, *exc: object) -> None:
        self.srv.close()


def test_printed_slip_is_recorded_and_matches_preview_bytes(qtbot: QtBot, make_ctx: Callable[..., AppContext],
                                                            triage_actor: Actor, tmp_path: Path) -> None:
    ctx = make_ctx(printer_config(backend="preview", preview_dir=str(tmp_path), width_dots=384))
    service = install_printing(ctx)
    with qtbot.waitSignal(service.sig_recorded, timeout=10000) as rec:
        view = ctx.queue.issue_token(UpdateType.SHOCK, actor=triage_actor, priority=True,
                                     priority_reason="elderly")
    assert rec.args == [view.id, "printed"]
    assert kinds(ctx, view.id) == ["issued", "printed"]
    assert ctx.queue.token(view.id).slip_status is SlipStatus.PRINTED
    bins = list(tmp_path.glob(f"*_{view.number}_print_*.bin"))
    assert len(bins) == 1
    # The same slip rendered again gives the same bytes: the preview .bin is what a printer gets.
    slip = service.last_result.request.slip if service.last_result else None
    assert slip is not None and slip.priority and slip.position == 1 and slip.number == view.number
    assert verify(slip.qr_payload, SECRET, site_id=SITE_ID).number == view.number
    _, job = make_job(SlipRenderer(Paper(384)), slip)
    assert job.data == bins[0].read_bytes()


def test_issuing_never_waits_for_the_printer(qtbot: QtBot, make_ctx: Callable[..., AppContext], store: Store,
                                             clock: FixedClock, triage_actor: Actor) -> None:
    """A printer that takes its time (never answers status) does not hold up the GUI thread."""
    import time

    srv = FakePrinter("silent")
    ctx = make_ctx(printer_config(backend="network", host="127.0.0.1", port=srv.port))
    service = install_printing(ctx)
    try:
        # Issued by another console's service (no listener here); the adapter's signal is what arrives.
        view = QueueService(store, clock, SITE_ID).issue_token(UpdateType.ROSTER, actor=triage_actor)
        t0 = time.perf_counter()
        ctx.events.sig_issued.emit(view)
        assert time.perf_counter() - t0 < 0.05
        with qtbot.waitSignal(service.sig_recorded, timeout=15000) as rec:
            pass
        assert rec.args == [view.id, "printed"]
    finally:
        srv.close()
