"""The main window's status bar: site, clock, registry online state, backlog, printer, alerts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.names import day_text, ltr
from services.clock import SITE_ZONE, Clock

_OK = "color:#1b5e20;"
_WARN = "color:#8a5300;"
_BAD = "color:#b71c1c;font-weight:600;"


def site_title(name: str, name_ur: str, site_id: str) -> str:
    """The site as the status bar names it: its Urdu name in an Urdu console, the code kept left to right."""
    urdu = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft and bool(name_ur)
    return f"{name_ur if urdu else name} ({ltr(site_id)})"


class StatusBar(QStatusBar):
    """Permanent fields plus transient alerts; every feature reports here, none owns it."""

    sig_alert = Signal(str, str)
    """An alert was raised: (text, level) with level info | warning | error."""

    def __init__(self, clock: Clock, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.site_label = QLabel(site_name)
        self.online_label = QLabel(self.tr("Registry: not checked"))
        self.backlog_label = QLabel("")
        self.printer_label = QLabel(self.tr("Printer: -"))
        self.clock_label = QLabel("")
        for w in (self.site_label, self.online_label, self.backlog_label, self.printer_label, self.clock_label):
            w.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(w)
        self.alerts: list[tuple[str, str]] = []
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start(1000)
        self._update_clock()

    def _update_clock(self) -> None:
        now: datetime = self._clock.now().astimezone(SITE_ZONE)
        self.clock_label.setText(day_text(now.date(), "ddd d MMM") + "  " + now.strftime("%H:%M"))

    def set_online(self, online: bool | None, text: str = "") -> None:
        """Show whether the central registry answers (None: unknown)."""
        if online is None:
            self.online_label.setText(text or self.tr("Registry: not checked"))
            self.online_label.setStyleSheet("")
        elif online:
            self.online_label.setText(text or self.tr("Registry: online"))
            self.online_label.setStyleSheet(_OK)
        else:
            self.online_label.setText(text or self.tr("Registry: OFFLINE"))
            self.online_label.setStyleSheet(_BAD)

    def set_backlog(self, n: int) -> None:
        """Items waiting to be sent to the hub."""
        self.backlog_label.setText(self.tr("Outbox: %n waiting", "", n) if n else "")
        self.backlog_label.setStyleSheet(_WARN if n else "")

    def set_printer(self, text: str, ok: bool) -> None:
        """Printer state in a few words."""
        self.printer_label.setText(self.tr("Printer: %1").replace("%1", text))
        self.printer_label.setStyleSheet(_OK if ok else _BAD)

    def show_error(self, text: str, source: str = "") -> None:
        """A background operation failed (``TaskRunner.sig_error``): alert, naming where it came from."""
        self.alert(self.tr("%1: %2").replace("%1", source).replace("%2", text) if source else text, "error")

    def alert(self, text: str, level: str = "error") -> None:
        """Show an alert now and keep it in the list of today's alerts."""
        self.alerts.append((level, text))
        self.showMessage(text, 15000 if level == "error" else 6000)
        self.setStyleSheet("QStatusBar{color:#b71c1c;font-weight:600;}" if level == "error" else "")
        self.sig_alert.emit(text, level)
