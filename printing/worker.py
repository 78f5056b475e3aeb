"""The print queue: one background thread renders, encodes and sends slips, in order.

The GUI thread only calls :meth:`PrintWorker.submit`; the outcome comes back as Qt signals
(queued to the receiver's thread). A printer fault fails the job with a reason and never
raises into the caller: the token it belongs to is the glue's business, not the printer's.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from printing.backends import PrinterBackend, PrinterError, PrinterStatus, SlipJob
from printing.escpos_out import encode_slip
from printing.fonts import SlipFontError, SlipFonts, load_slip_fonts
from printing.layout import Paper, SlipData
from printing.render import RenderedSlip, SlipRenderer

log = logging.getLogger(__name__)

_ids = itertools.count(1)


@dataclass(frozen=True)
class PrintRequest:
    """A slip to print for a token (``token_id`` 0 for a test slip); ``kind`` print | reprint | test."""

    token_id: int
    slip: SlipData
    kind: str = "print"
    request_id: int = field(default_factory=lambda: next(_ids))


@dataclass(frozen=True)
class PrintResult:
    """What became of a request: the image that was (or would have been) printed, and why it failed."""

    request: PrintRequest
    ok: bool
    status: PrinterStatus
    reason: str = ""
    image: QImage | None = None
    size_bytes: int = 0
    seconds: float = 0.0
    printer: str = ""


def job_name(slip: SlipData, kind: str) -> str:
    """File-safe name of a slip for the preview folder: day, number, kind and time of printing."""
    stamp = datetime.now().strftime("%H%M%S%f")
    return f"{slip.issued_at:%Y%m%d}_{slip.number}_{kind}_{stamp}"


def make_job(renderer: SlipRenderer, slip: SlipData, kind: str = "print", profile: str = "") -> tuple[RenderedSlip, SlipJob]:
    """Render ``slip`` and encode it to ESC/POS: the image and the bytes every backend sends."""
    rendered = renderer.render(slip)
    data = encode_slip(rendered.image, width_dots=renderer.paper.width_dots, profile=profile)
    return rendered, SlipJob(job_name(slip, kind), rendered.image, data)


class PrintWorker(QObject):
    """Owns the printer connection on one thread; reports every slip as printed or failed."""

    sig_rendered = Signal(object)
    """A slip image is ready (PrintResult with ok False until it is sent): previews show it at once."""
    sig_printed = Signal(object)
    """A slip reached the printer (PrintResult)."""
    sig_failed = Signal(object)
    """A slip did not reach the paper (PrintResult with a reason); its token is unaffected."""
    sig_status = Signal(object, str)
    """The printer's state changed or was checked: (PrinterStatus, reason or '')."""

    def __init__(self, backend: PrinterBackend, paper: Paper, *, profile: str = "",
                 fonts: SlipFonts | None = None, font_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Fonts are registered here, on the thread that owns the QGuiApplication. Without them every
        # slip fails with the reason (the tokens are still issued), instead of the console not starting.
        self.font_error = ""
        self._fonts: SlipFonts | None = fonts
        if fonts is None:
            try:
                self._fonts = load_slip_fonts(font_dir)
            except SlipFontError as exc:
                self.font_error = str(exc)
                log.error("%s", exc)
        self._backend, self._paper, self._profile = backend, paper, profile
        self._queue: queue.Queue[tuple[str, object] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="drc-printer", daemon=True)
        self._started = False
        self.last_status = PrinterStatus.UNKNOWN

    # ---- called from the GUI thread --------------------------------------------------
    def start(self) -> None:
        """Start the printer thread (idempotent)."""
        if not self._started:
            self._started = True
            self._thread.start()

    def submit(self, request: PrintRequest) -> None:
        """Queue a slip; returns at once."""
        self.start()
        self._queue.put(("print", request))

    def configure(self, backend: PrinterBackend, paper: Paper, profile: str = "") -> None:
        """Switch printer or paper; applied between jobs, in order with them."""
        self.start()
        self._queue.put(("configure", (backend, paper, profile)))

    def check_status(self) -> None:
        """Ask the printer for its state; the answer comes as ``sig_status``."""
        self.start()
        self._queue.put(("status", None))

    def pending(self) -> int:
        """Requests not yet handled (roughly)."""
        return self._queue.qsize()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish queued jobs and end the thread."""
        if self._started and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    @property
    def backend(self) -> PrinterBackend:
        """The printer currently in use."""
        return self._backend

    @property
    def paper(self) -> Paper:
        """The paper currently in use."""
        return self._paper

    # ---- the printer thread ----------------------------------------------------------
    def _renderer(self) -> SlipRenderer | None:
        return SlipRenderer(self._paper, self._fonts) if self._fonts is not None else None

    def _run(self) -> None:
        renderer = self._renderer()
        while True:
            item = self._queue.get()
            if item is None:
                return
            what, arg = item
            try:
                if what == "configure":
                    self._backend, self._paper, self._profile = arg  # type: ignore[misc]
                    renderer = self._renderer()
                elif what == "status":
                    self._report_status()
                elif what == "print":
                    assert isinstance(arg, PrintRequest)
                    self._print(renderer, arg)
            except Exception:  # the thread must outlive any bug in one job
                log.exception("print worker: %s failed", what)

    def _report_status(self) -> None:
        try:
            status, reason = self._backend.status(), ""
        except PrinterError as exc:
            status, reason = exc.status, exc.reason
        self.last_status = status
        self.sig_status.emit(status, reason)

    def _print(self, renderer: SlipRenderer | None, request: PrintRequest) -> None:
        t0 = time.perf_counter()
        printer = self._backend.describe()
        if renderer is None:
            self.sig_failed.emit(PrintResult(request, False, self.last_status, self.font_error, printer=printer))
            return
        try:
            rendered, job = make_job(renderer, request.slip, request.kind, self._profile)
        except Exception as exc:
            log.exception("could not render slip %s", request.slip.number)
            self.sig_failed.emit(PrintResult(request, False, self.last_status, f"could not draw the slip: {exc}",
                                             printer=printer))
            return
        self.sig_rendered.emit(PrintResult(request, False, self.last_status, image=rendered.image,
                                           size_bytes=len(job.data), printer=printer))
        try:
            status = self._backend.print_slip(job)
        except PrinterError as exc:
            self.last_status = exc.status
            log.warning("slip %s not printed: %s", request.slip.number, exc.reason)
            self.sig_status.emit(exc.status, exc.reason)
            self.sig_failed.emit(PrintResult(request, False, exc.status, exc.reason, rendered.image, len(job.data),
                                             time.perf_counter() - t0, printer))
            return
        except Exception as exc:  # a driver bug must not look like success
            log.exception("printer backend error")
            self.sig_failed.emit(PrintResult(request, False, PrinterStatus.UNKNOWN, f"printer error: {exc}",
                                             rendered.image, len(job.data), time.perf_counter() - t0, printer))
            return
        changed = status != self.last_status
        self.last_status = status
        if changed or status is PrinterStatus.PAPER_LOW:
            self.sig_status.emit(status, "")
        self.sig_printed.emit(PrintResult(request, True, status, "", rendered.image, len(job.data),
                                          time.perf_counter() - t0, printer))
