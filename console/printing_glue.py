"""Wires token slips into the console: issue -> render -> print -> a TokenEvent, on the right threads.

``printing`` knows nothing of the database, so this is where a printed or failed slip becomes
a ``printed`` / ``print_failed`` / ``reprinted`` event (on the database worker). A failed slip
never touches the token's state or place: the token stays issued, is marked *slip not printed*,
the supervisor gets an alert and one click on Reprint sends it again.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import weakref
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, QObject, Signal

from db.models import SlipStatus, TokenState, UpdateType
from printing.backends import PrinterBackend, PrinterError, PrinterStatus, UnavailableBackend, make_backend
from printing.layout import Paper, SlipData
from printing.qr import sign
from printing.worker import PrintRequest, PrintResult, PrintWorker
from services.clock import SITE_ZONE
from services.cnic import mask_cnic
from services.config import APP_NAME, PrinterSection
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from services.queue import IssuedToken, TokenView

if TYPE_CHECKING:
    from console.context import AppContext

log = logging.getLogger(__name__)

MIN_DOTS, MAX_DOTS = 200, 832


def default_preview_dir() -> Path:
    """Where the preview printer saves slips when ``[printer] preview_dir`` is empty."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "slips"


def backend_for(cfg: PrinterSection) -> PrinterBackend:
    """The configured printer, or one that fails every slip with the configuration problem."""
    try:
        if not MIN_DOTS <= int(cfg.width_dots) <= MAX_DOTS:
            raise PrinterError(f"paper width {cfg.width_dots} dots is not plausible (58 mm = 384, 80 mm = 576)")
        return make_backend(cfg, default_preview_dir=default_preview_dir())
    except PrinterError as exc:
        return UnavailableBackend(exc.reason, paper_width(cfg))


class PrintService(QObject):
    """The console's side of printing: builds slips from tokens and records what the printer did."""

    sig_slip = Signal(object)
    """A slip image was drawn (PrintResult): the preview shows exactly this."""
    sig_printed = Signal(int, str)
    """(token id, kind) a slip reached the printer; token id 0 is a test slip."""
    sig_failed = Signal(int, str)
    """(token id, reason) a slip did not print; token id 0 is a test slip."""
    sig_recorded = Signal(int, str)
    """(token id, event kind) the printed / print_failed / reprinted event is committed."""
    sig_status = Signal(object, str)
    """(PrinterStatus, reason) the printer's state."""

    def __init__(self, ctx: AppContext, worker: PrintWorker, secret: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Weak: ctx holds this service (ctx.printing); a strong link back would
        # make a reference cycle of Qt objects that the garbage collector may free on a worker thread.
        self._ctx = weakref.ref(ctx)
        self.worker = worker
        self._secret = secret
        self.last_result: PrintResult | None = None
        self.status = PrinterStatus.UNKNOWN
        self.status_reason = ""
        worker.sig_rendered.connect(self._on_worker_rendered)
        worker.sig_printed.connect(self._on_worker_printed)
        worker.sig_failed.connect(self._on_worker_failed)
        worker.sig_status.connect(self._on_worker_status)

    @property
    def ctx(self) -> AppContext:
        """The console this service prints for."""
        ctx = self._ctx()
        if ctx is None:
            raise RuntimeError("the console context is gone")
        return ctx

    def _alive(self) -> bool:
        return self._ctx() is not None

    # ---- what the console calls ------------------------------------------------------
    def on_token_issued(self, view: TokenView) -> None:
        """Print a new token's slip (connected to the adapter's ``sig_issued``).

        The issue already says the token's place and wait (:class:`IssuedToken`), so the slip goes
        straight to the printer thread without another trip to the database.
        """
        if isinstance(view, IssuedToken):
            self.worker.submit(PrintRequest(view.id, self.slip_for(view, view.position, view.estimated_wait), "print"))
        else:
            self._print_token(view.id, "print")

    def reprint(self, token_id: int) -> None:
        """Print a token's slip again; the outcome is a reprinted or print_failed event."""
        self._print_token(token_id, "reprint")

    def test_print(self) -> None:
        """Print a sample slip (no token, no event) to check the printer and the paper width."""
        now = self.ctx.clock.now().astimezone(SITE_ZONE)
        site = self.ctx.config.site
        slip = SlipData(
            site_name=site.name, site_name_ur=site.name_ur, issued_at=now, number="T-000",
            update_type=UpdateType.ROSTER, type_en="TEST SLIP - " + UPDATE_TYPE_EN[UpdateType.ROSTER],
            type_ur=UPDATE_TYPE_UR[UpdateType.ROSTER],
            position=1, estimated_wait=timedelta(minutes=10), cnic_masked=mask_cnic("3520212345671"),
            qr_payload=sign(self.ctx.site_id, now.date(), "T-000", "roster", self._secret),
        )
        self.worker.submit(PrintRequest(0, slip, "test"))

    def check_status(self) -> None:
        """Ask the printer for its state (answer via ``sig_status``)."""
        self.worker.check_status()

    def configure(self, cfg: PrinterSection) -> PrinterBackend:
        """Use new printer settings from now on (kept in ``ctx.config`` for this session)."""
        backend = backend_for(cfg)
        self.ctx.config.printer = dataclasses.replace(cfg)
        self.worker.configure(backend, Paper(paper_width(cfg)), cfg.profile)
        self.worker.check_status()
        return backend

    def unprinted(self, on_done: Callable[[list[TokenView]], None]) -> None:
        """Today's open tokens whose slip failed (loaded on the database worker)."""
        q = self.ctx.queue

        def load() -> list[TokenView]:
            return [t for t in q.tokens() if t.slip_status == SlipStatus.FAILED and t.state.is_open]

        self.ctx.tasks.run_db(load, on_done)

    def shutdown(self) -> None:
        """Finish queued slips and stop the printer thread."""
        self.worker.stop()

    # ---- building a slip (database worker) -------------------------------------------
    def slip_for(self, view: TokenView, position: int, wait: timedelta | None, *, reprint: bool = False) -> SlipData:
        """The slip of one token: numbers from the queue, CNIC masked, QR signed with the site secret."""
        site = self.ctx.config.site
        issued: datetime = view.issued_at.astimezone(SITE_ZONE)
        utype = view.update_type
        return SlipData(
            site_name=site.name, site_name_ur=site.name_ur, issued_at=issued, number=view.number,
            update_type=utype, type_en=UPDATE_TYPE_EN[utype], type_ur=UPDATE_TYPE_UR[utype],
            priority=view.priority, position=position, estimated_wait=wait, cnic_masked=mask_cnic(view.cnic),
            qr_payload=sign(self.ctx.site_id, view.business_day, view.number, utype.value, self._secret,
                            cnic=view.cnic),
            reprint=reprint,
        )

    def _print_token(self, token_id: int, kind: str) -> None:
        q = self.ctx.queue

        def build() -> SlipData:
            view = q.token(token_id)
            position = q.position(token_id) if view.state == TokenState.WAITING else 0
            wait = q.estimated_wait(view.update_type, ahead=max(position - 1, 0)) if position else None
            return self.slip_for(view, position, wait, reprint=kind == "reprint")

        def submit(slip: SlipData) -> None:
            self.worker.submit(PrintRequest(token_id, slip, kind))

        def failed(exc: BaseException) -> None:
            self.ctx.status.alert(self.tr("Could not prepare the slip for token %1: %2")
                                  .replace("%1", str(token_id)).replace("%2", str(exc)), "error")

        self.ctx.tasks.run_db(build, submit, failed)

    # ---- worker results (GUI thread) -------------------------------------------------
    def _on_worker_rendered(self, result: PrintResult) -> None:
        if not self._alive():
            return
        self.last_result = result
        self.sig_slip.emit(result)

    def _record(self, token_id: int, kind: str, status: SlipStatus, payload: dict[str, object]) -> None:
        q, actor = self.ctx.queue, self.ctx.actor

        def write() -> None:
            q.record(token_id, kind, actor=actor, payload=payload, slip_status=status)

        def failed(exc: BaseException) -> None:
            self.ctx.status.alert(self.tr("Could not record the slip of token %1: %2")
                                  .replace("%1", str(token_id)).replace("%2", str(exc)), "error")

        self.ctx.tasks.run_db(write, lambda _r: self.sig_recorded.emit(token_id, kind), failed)

    def _on_worker_printed(self, result: PrintResult) -> None:
        if not self._alive():
            return
        self.last_result = result
        req = result.request
        if req.token_id == 0:
            self.ctx.status.alert(self.tr("Test slip sent to %1.").replace("%1", result.printer), "info")
        else:
            kind = "reprinted" if req.kind == "reprint" else "printed"
            self._record(req.token_id, kind, SlipStatus.PRINTED,
                         {"printer": result.printer, "bytes": result.size_bytes, "status": result.status.value})
        self.sig_printed.emit(req.token_id, req.kind)

    def _on_worker_failed(self, result: PrintResult) -> None:
        if not self._alive():
            return
        if result.image is not None:
            self.last_result = result
        req = result.request
        if req.token_id == 0:
            self.ctx.status.alert(self.tr("Test slip NOT printed: %1").replace("%1", result.reason), "error")
        else:
            self._record(req.token_id, "print_failed", SlipStatus.FAILED,
                         {"reason": result.reason, "attempt": req.kind, "printer": result.printer})
            self.ctx.status.alert(
                self.tr("Slip for token %1 NOT printed: %2. The token keeps its place; reprint it from the "
                        "Printer page.").replace("%1", req.slip.number).replace("%2", result.reason), "error")
        self.sig_failed.emit(req.token_id, result.reason)

    def _on_worker_status(self, status: PrinterStatus, reason: str) -> None:
        if not self._alive():
            return
        self.status, self.status_reason = status, reason
        self.ctx.status.set_printer(status_text(status), status.ok)
        if status is PrinterStatus.PAPER_LOW:
            self.ctx.status.alert(self.tr("Printer paper is nearly out: load a new roll soon."), "warning")
        self.sig_status.emit(status, reason)


def paper_width(cfg: PrinterSection) -> int:
    """The paper width to render for (a safe default when the setting is implausible)."""
    width = int(cfg.width_dots)
    return width if MIN_DOTS <= width <= MAX_DOTS else 576


def status_text(status: PrinterStatus) -> str:
    """The printer state in a few translated words."""
    return {
        PrinterStatus.READY: QCoreApplication.translate("Printer", "ready"),
        PrinterStatus.PAPER_LOW: QCoreApplication.translate("Printer", "paper nearly out"),
        PrinterStatus.PAPER_OUT: QCoreApplication.translate("Printer", "OUT OF PAPER"),
        PrinterStatus.OFFLINE: QCoreApplication.translate("Printer", "OFFLINE"),
        PrinterStatus.UNKNOWN: QCoreApplication.translate("Printer", "connected (no status)"),
    }[status]


def install_printing(ctx: AppContext) -> PrintService:
    """Start the print worker from ``ctx.config.printer`` and hook it into the console.

    Sets ``ctx.printing``, prints a slip for every token the adapter reports issued, reports the
    printer's state to ``ctx.status``, and stops the worker when the application quits.
    """
    cfg = ctx.config.printer
    secret = cfg.qr_secret
    if not secret:
        # Unsigned slips would be forgeable; a per-run secret keeps codes valid for today's checks only.
        secret = secrets.token_urlsafe(24)
        cfg.qr_secret = secret  # the slip check and the counter terminal verify with the same one
        ctx.status.alert(QCoreApplication.translate(
            "Printer", "No QR secret configured ([printer] qr_secret): slip codes cannot be verified after a restart."),
            "warning")
    backend = backend_for(cfg)
    worker = PrintWorker(backend, Paper(paper_width(cfg)), profile=cfg.profile)
    service = PrintService(ctx, worker, secret)
    ctx.printing = service
    ctx.events.sig_issued.connect(service.on_token_issued)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(service.shutdown)
    if isinstance(backend, UnavailableBackend):
        ctx.status.set_printer(QCoreApplication.translate("Printer", "not configured"), False)
        ctx.status.alert(QCoreApplication.translate("Printer", "Printer not usable: %1").replace("%1", backend.reason),
                         "error")
    else:
        worker.check_status()
    return service
