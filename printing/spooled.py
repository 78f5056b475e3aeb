"""Printers behind the operating system's spooler, by name: a CUPS queue or a Windows printer.

Both take raw ESC/POS jobs and cannot answer status queries; each needs an optional package
(pycups, pywin32), and says which when it is missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError

from printing.backends import PrinterBackend, PrinterError


class SpooledBackend(PrinterBackend):
    """A named printer of the spooler; subclasses name the driver and what it needs."""

    label = ""
    """How the printer is named in messages ("CUPS printer", "Windows printer")."""
    shown_as = ""
    """How :meth:`describe` names it, before the printer's name."""
    driver = ""
    """The python-escpos printer class (in ``escpos.printer``)."""
    missing = ""
    """What to install when the driver is not usable."""

    def __init__(self, printer_name: str, profile: str = "", width_dots: int = 576) -> None:
        super().__init__(profile, width_dots)
        self.printer_name = printer_name

    def describe(self) -> str:
        """The spooler's printer."""
        return f"{self.shown_as} {self.printer_name or '(default)'}"

    def _connect(self) -> Escpos:
        driver: Any = getattr(importlib.import_module("escpos.printer"), self.driver)
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
    label, shown_as, driver = "CUPS printer", "CUPS", "CupsPrinter"
    missing = "CUPS printing needs pycups: apt install libcups2-dev, then pip install pycups"

    def _flush(self, conn: Escpos) -> None:
        conn.send()  # type: ignore[attr-defined]


class Win32Backend(SpooledBackend):
    """A Windows printer by name, sent raw through the spooler (needs pywin32)."""

    kind = "win32"
    label = shown_as = "Windows printer"
    driver = "Win32Raw"
    missing = "Windows raw printing needs pywin32 (pip install pywin32) and runs on Windows only"
