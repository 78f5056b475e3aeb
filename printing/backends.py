"""Where slip bytes go: USB, network, serial, device file, CUPS, Windows raw, or a preview folder.

Every backend sends the same ESC/POS bytes (see ``escpos_out``) over a python-escpos connection.
Where the connection reads back (network, USB, serial, a printer device file) the printer is
asked for its state before and after the slip; a printer that is offline or out of paper
fails the job with a reason instead of swallowing the slip.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import select
import socket
import stat
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from escpos.constants import RT_MASK_LOWPAPER, RT_MASK_NOPAPER, RT_MASK_ONLINE, RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from PySide6.QtGui import QImage

from printing.escpos_out import choose_profile

log = logging.getLogger(__name__)

BACKENDS = ("preview", "network", "usb", "serial", "file", "cups", "win32")


class PrinterStatus(enum.Enum):
    """What the printer said about itself (UNKNOWN where the connection cannot read back)."""

    READY = "ready"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    UNKNOWN = "unknown"

    @property
    def ok(self) -> bool:
        """True when a slip can be printed now."""
        return self in (PrinterStatus.READY, PrinterStatus.PAPER_LOW, PrinterStatus.UNKNOWN)

    @property
    def text(self) -> str:
        """A few English words for logs and failure reasons (the console translates by value)."""
        return {
            PrinterStatus.READY: "ready", PrinterStatus.PAPER_LOW: "paper nearly out",
            PrinterStatus.PAPER_OUT: "out of paper", PrinterStatus.OFFLINE: "offline (cover open or error)",
            PrinterStatus.UNKNOWN: "status not reported",
        }[self]


class PrinterError(Exception):
    """A slip did not reach the paper; ``reason`` says why, ``status`` what the printer reported."""

    def __init__(self, reason: str, status: PrinterStatus = PrinterStatus.OFFLINE) -> None:
        self.reason = reason
        self.status = status
        super().__init__(reason)


class PrinterSettings(Protocol):
    """The printer settings the backends read (``services.config.PrinterSection`` fits)."""

    backend: str
    width_dots: int
    profile: str
    host: str
    port: int
    usb_vendor: int
    usb_product: int
    serial_device: str
    baudrate: int
    device_file: str
    printer_name: str
    preview_dir: str


@dataclass(frozen=True)
class SlipJob:
    """One slip ready to go: a file-safe name, the image and its ESC/POS bytes."""

    name: str
    image: QImage
    data: bytes


class _NoAnswer(Exception):
    """The connection gave no status byte in time (many printers stay silent)."""


class PrinterBackend(ABC):
    """Sends slips to one printer; one instance is used by one print worker thread."""

    kind = "abstract"
    reads_status = False

    def __init__(self, profile: str = "", width_dots: int = 576, check_status: bool = True) -> None:
        self.profile = choose_profile(width_dots, profile)
        self.check_status = check_status and self.reads_status
        self._silent = False  # the printer never answered a status query: stop asking

    @abstractmethod
    def describe(self) -> str:
        """Where slips go, in a few words (no secrets)."""

    @abstractmethod
    def _connect(self) -> Escpos:
        """An opened python-escpos connection; raise PrinterError when it cannot open."""

    def _close(self, conn: Escpos) -> None:
        with contextlib.suppress(Exception):
            conn.close()

    def _reply(self, conn: Escpos) -> bytes:
        data = bytes(conn._read() or b"")
        if not data:
            raise _NoAnswer
        return data

    def _query(self, conn: Escpos) -> PrinterStatus:
        if not self.check_status or self._silent:
            return PrinterStatus.UNKNOWN
        try:
            conn._raw(RT_STATUS_ONLINE)
            online = self._reply(conn)[0]
            conn._raw(RT_STATUS_PAPER)
            paper = self._reply(conn)[0]
        except (_NoAnswer, TimeoutError, NotImplementedError):
            self._silent = True
            log.info("printer %s does not report its status; printing without checks", self.describe())
            return PrinterStatus.UNKNOWN
        if online & RT_MASK_ONLINE:
            return PrinterStatus.OFFLINE
        if paper & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
            return PrinterStatus.PAPER_OUT
        if paper & RT_MASK_LOWPAPER == RT_MASK_LOWPAPER:
            return PrinterStatus.PAPER_LOW
        return PrinterStatus.READY

    def status(self) -> PrinterStatus:
        """Ask the printer how it is (UNKNOWN where it cannot say); raises PrinterError if unreachable."""
        if not self.reads_status:
            return PrinterStatus.UNKNOWN
        conn = self._connect()
        try:
            self._silent = False
            return self._query(conn)
        except (OSError, EscposError) as exc:
            raise PrinterError(f"lost the connection to {self.describe()}: {exc}") from exc
        finally:
            self._close(conn)

    def print_slip(self, job: SlipJob) -> PrinterStatus:
        """Send one slip with status checks around it; returns the status after, raises PrinterError."""
        conn = self._connect()
        try:
            before = self._query(conn)
            if not before.ok:
                raise PrinterError(f"printer {before.text}", before)
            conn._raw(job.data)
            self._flush(conn)
            after = self._query(conn)
            if not after.ok:
                raise PrinterError(f"printer {after.text} after the slip was sent", after)
            return after
        except (OSError, EscposError) as exc:
            raise PrinterError(f"lost the connection to {self.describe()}: {exc}") from exc
        finally:
            self._close(conn)

    def _flush(self, conn: Escpos) -> None:  # noqa: B027 - a hook, not an abstract step
        """Hook for connections that buffer a whole job (CUPS)."""


class PreviewBackend(PrinterBackend):
    """Writes each slip as ``<name>.png`` and the exact printer bytes as ``<name>.bin`` (the demo printer)."""

    kind = "preview"

    def __init__(self, folder: str | Path, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots, check_status=False)
        self.folder = Path(folder)

    def describe(self) -> str:
        """The folder."""
        return f"preview folder {self.folder}"

    def _connect(self) -> Escpos:
        raise NotImplementedError  # never used: print_slip writes files directly

    def print_slip(self, job: SlipJob) -> PrinterStatus:
        """Save the PNG and the .bin; raises PrinterError when the folder is not writable."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{job.name}.bin").write_bytes(job.data)
            if not job.image.save(str(self.folder / f"{job.name}.png")):
                raise OSError("could not write the PNG")
        except OSError as exc:
            raise PrinterError(f"cannot write to {self.folder}: {exc}") from exc
        return PrinterStatus.READY

    def status(self) -> PrinterStatus:
        """Ready when the folder can be created."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrinterError(f"cannot write to {self.folder}: {exc}") from exc
        return PrinterStatus.READY


class NetworkBackend(PrinterBackend):
    """A printer on the LAN (raw TCP, usually port 9100)."""

    kind = "network"
    reads_status = True

    def __init__(self, host: str, port: int = 9100, profile: str = "", width_dots: int = 576, *,
                 timeout: float = 5.0, status_timeout: float = 1.5, check_status: bool = True) -> None:
        super().__init__(profile, width_dots, check_status)
        if not host:
            raise PrinterError("no printer host configured ([printer] host)")
        self.host, self.port, self.timeout, self.status_timeout = host, int(port), timeout, status_timeout

    def describe(self) -> str:
        """host:port."""
        return f"{self.host}:{self.port}"

    def _connect(self) -> Escpos:
        from escpos.printer import Network

        conn = Network(self.host, self.port, timeout=self.timeout, profile=self.profile)
        return _opened(conn, f"cannot connect to printer at {self.describe()}")

    def _reply(self, conn: Escpos) -> bytes:
        sock: socket.socket = conn.device  # type: ignore[assignment]
        sock.settimeout(self.status_timeout)
        try:
            data = sock.recv(16)
        except TimeoutError:
            raise _NoAnswer from None
        finally:
            sock.settimeout(self.timeout)
        if not data:
            # An orderly close: the printer (or what pretends to be one) hung up on us.
            raise PrinterError(f"printer at {self.describe()} closed the connection")
        return data


def _opened(conn: Escpos, failure: str) -> Escpos:
    """``conn`` opened; a failure to open becomes a :class:`PrinterError` saying ``failure: why`` on one line."""
    try:
        conn.open()
    except EscposError as exc:
        raise PrinterError(f"{failure}: {exc}".replace("\n", " ")) from exc
    return conn


class UsbBackend(PrinterBackend):
    """A USB printer by vendor and product id (needs pyusb and libusb)."""

    kind = "usb"
    reads_status = True

    def __init__(self, vendor: int, product: int, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots)
        if not vendor or not product:
            raise PrinterError("no USB vendor/product id configured ([printer] usb_vendor, usb_product)")
        self.vendor, self.product = vendor, product

    def describe(self) -> str:
        """vendor:product in hex."""
        return f"USB {self.vendor:04x}:{self.product:04x}"

    def _connect(self) -> Escpos:
        from escpos.printer import Usb

        if not Usb.is_usable():
            raise PrinterError("USB printing needs pyusb: pip install 'python-escpos[usb]' (and libusb-1.0)")
        return _opened(Usb(self.vendor, self.product, timeout=5000, profile=self.profile),
                       f"USB printer {self.describe()} not found")

    def _reply(self, conn: Escpos) -> bytes:
        try:
            return super()._reply(conn)
        except Exception as exc:  # pyusb raises its own timeout type
            if isinstance(exc, _NoAnswer) or "timeout" in type(exc).__name__.lower():
                raise _NoAnswer from None
            raise


class SerialBackend(PrinterBackend):
    """A serial (RS-232 / USB-serial) printer (needs pyserial)."""

    kind = "serial"
    reads_status = True

    def __init__(self, device: str, baudrate: int = 9600, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots)
        if not device:
            raise PrinterError("no serial device configured ([printer] serial_device)")
        self.device, self.baudrate = device, baudrate

    def describe(self) -> str:
        """Device and speed."""
        return f"serial {self.device} @ {self.baudrate}"

    def _connect(self) -> Escpos:
        from escpos.printer import Serial

        if not Serial.is_usable():
            raise PrinterError("serial printing needs pyserial: pip install 'python-escpos[serial]'")
        return _opened(Serial(self.device, self.baudrate, timeout=1, profile=self.profile),
                       f"cannot open {self.device}")


class _DeviceFile(Escpos):
    """A printer device file such as ``/dev/usb/lp0``: written, and read back when it is a device."""

    def __init__(self, path: str, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.path, self.read_timeout = path, read_timeout
        self.fd: int | None = None

    def open(self) -> None:
        self.is_device = stat.S_ISCHR(os.stat(self.path).st_mode) if os.path.exists(self.path) else False
        flags = os.O_RDWR if self.is_device else os.O_WRONLY | os.O_CREAT | os.O_APPEND
        self.fd = os.open(self.path, flags, 0o644)
        self._device = self.fd

    def _raw(self, msg: bytes) -> None:
        assert self.fd is not None
        view = memoryview(msg)
        while view:
            view = view[os.write(self.fd, view):]

    def _read(self) -> bytes:
        assert self.fd is not None
        if not self.is_device:
            raise NotImplementedError
        ready, _, _ = select.select([self.fd], [], [], self.read_timeout)
        return os.read(self.fd, 16) if ready else b""

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        self._device = False


class FileBackend(PrinterBackend):
    """A device file (``/dev/usb/lp0``) or any path the bytes should be appended to."""

    kind = "file"
    reads_status = True

    def __init__(self, path: str, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots)
        if not path:
            raise PrinterError("no device file configured ([printer] device_file)")
        self.path = path

    def describe(self) -> str:
        """The path."""
        return self.path

    def _connect(self) -> Escpos:
        conn = _DeviceFile(self.path, read_timeout=1.0, profile=self.profile)
        try:
            conn.open()
        except OSError as exc:
            raise PrinterError(f"cannot open {self.path}: {exc.strerror or exc}") from exc
        return conn

    def _query(self, conn: Escpos) -> PrinterStatus:
        # A plain file cannot answer; status queries written into it would corrupt the spool.
        if not getattr(conn, "is_device", False):
            return PrinterStatus.UNKNOWN
        return super()._query(conn)


def make_backend(cfg: PrinterSettings, *, default_preview_dir: str | Path = "") -> PrinterBackend:
    """The backend named by ``cfg.backend``; raises PrinterError for an unknown or incomplete one."""
    kind, profile, width = cfg.backend.strip().lower(), cfg.profile, int(cfg.width_dots)
    if kind == "preview":
        folder = cfg.preview_dir or str(default_preview_dir)
        if not folder:
            raise PrinterError("no preview folder configured ([printer] preview_dir)")
        return PreviewBackend(folder, profile, width)
    if kind == "network":
        return NetworkBackend(cfg.host, cfg.port, profile, width)
    if kind == "usb":
        return UsbBackend(cfg.usb_vendor, cfg.usb_product, profile, width)
    if kind == "serial":
        return SerialBackend(cfg.serial_device, cfg.baudrate, profile, width)
    if kind == "file":
        return FileBackend(cfg.device_file, profile, width)
    if kind in ("cups", "win32"):
        from printing.spooled import CupsBackend, Win32Backend  # a module that imports this one

        return (CupsBackend if kind == "cups" else Win32Backend)(cfg.printer_name, profile, width)
    raise PrinterError(f"unknown printer backend {cfg.backend!r}; use one of {', '.join(BACKENDS)}")


class UnavailableBackend(PrinterBackend):
    """Stands in for a printer that is not configured correctly: every slip fails with the reason.

    Falling back to the preview folder instead would mark slips printed that never came out.
    """

    kind = "unavailable"

    def __init__(self, reason: str, width_dots: int = 576) -> None:
        super().__init__("", width_dots, check_status=False)
        self.reason = reason

    def describe(self) -> str:
        """The configuration problem."""
        return f"no printer ({self.reason})"

    def _connect(self) -> Escpos:
        raise PrinterError(self.reason)

    def status(self) -> PrinterStatus:
        """Always the configuration problem."""
        raise PrinterError(self.reason)
