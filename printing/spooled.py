"""Printers behind the operating system's spooler, by name: a CUPS queue or a Windows printer.

Both take raw ESC/POS jobs and cannot answer status queries; each needs an optional package
(pycups, pywin32), and says which when it is missing.
"""

from __future__ import annotations

from typing import Any

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError

from printing.backends import PrinterBackend, PrinterError


class SpooledBackend(PrinterBackend):
    """A named printer of the spooler; subclasses say which driver and what it needs."""

    label = ""
    """How the printer is named in messages ("CUPS printer", "Windows printer")."""
    missing = ""
    """What to install when the driver is not usable."""

    def __init__(self, printer_name: str, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots)
        self.printer_name = printer_name

    def _driver(self) -> Any:
        raise NotImplementedError

    def _connect(self) -> Escpos:
        driver = self._driver()
        if not driver.is_usable():
            raise PrinterError(self.missing)
        conn: Escpos = driver(self.printer_name, profile=self.profile)
        try:
            conn.open(job_name="drc-slip")  # type: ignore[call-arg]
        except EscposError as exc:
            raise PrinterError(f"{self.label} {self.printer_name!r} not available: {exc}") from exc
        return conn


class CupsBackend(SpooledBackend):
    """A CUPS queue taking raw jobs (needs pycups, which is optional)."""

    kind = "cups"
    label = "CUPS printer"
    missing = "CUPS printing needs pycups: apt install libcups2-dev, then pip install pycups"

    def describe(self) -> str:
        """The CUPS queue."""
        return f"CUPS {self.printer_name or '(default)'}"

    def _driver(self) -> Any:
        from escpos.printer import CupsPrinter

        return CupsPrinter

    def _flush(self, conn: Escpos) -> None:
        conn.send()  # type: ignore[attr-defined]


class Win32Backend(SpooledBackend):
    """A Windows printer by name, sent raw through the spooler (needs pywin32)."""

    kind = "win32"
    label = "Windows printer"
    missing = "Windows raw printing needs pywin32 (pip install pywin32) and runs on Windows only"

    def describe(self) -> str:
        """The Windows printer."""
        return f"Windows printer {self.printer_name or '(default)'}"

    def _driver(self) -> Any:
        from escpos.printer import Win32Raw

        return Win32Raw
