"""The Region page's drill-down: one site's hours, DEOs, update types and flagged tokens over the range.

It loads on the network pool (``CoalescedLoad``) when the page asks for a site (a double-click in a
table, a click on the map) and keeps what it shows if the hub is down and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from console.context import AppContext
from console.names import ltr, type_label
from console.region_rows import deo_rows, flag_rows, hour_rows, type_rows
from console.tasks import CoalescedLoad
from services.hub.ops.schemas import SiteDrillDown
from services.region import Answer, RegionOffline
from vocabulary import UpdateType
from widgets.figures_table import FiguresModel, FiguresTable


class SiteDrill(QWidget):
    """One site over the page's range, in four tabs."""

    sig_loaded = Signal(str)
    """A site's figures were drawn (its id)."""

    def __init__(self, ctx: AppContext, age_note: Callable[[Answer[Any]], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._age_note = age_note
        self._ask: tuple[str, date, date] | None = None
        self.title = QLabel(self.tr("Double-click a site (or click it on the map) to see its hours, DEOs and "
                                    "update types."))
        self.title.setWordWrap(True)
        fig_headers = [self.tr("Issued"), self.tr("Served"), self.tr("No-show"), self.tr("Median wait (min)"),
                       self.tr("Service level")]
        fig_formats = ["int", "int", "int", "minutes", "share"]
        self.hours = FiguresTable(FiguresModel([self.tr("Hour"), *fig_headers], ["text", *fig_formats]))
        self.types = FiguresTable(FiguresModel([self.tr("Update type"), *fig_headers], ["text", *fig_formats]))
        self.deos = FiguresTable(FiguresModel(
            [self.tr("DEO"), self.tr("Called"), self.tr("Served"), self.tr("Surveys"), self.tr("No-show"),
             self.tr("Mean service (min)")],
            ["text", "int", "int", "int", "int", "minutes"]))
        self.flags = FiguresTable(FiguresModel([self.tr("Day"), self.tr("Token"), self.tr("Why it was flagged")],
                                               ["text", "int", "text"]))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.hours, self.tr("Hourly"))
        self.tabs.addTab(self.deos, self.tr("DEOs"))
        self.tabs.addTab(self.types, self.tr("Update types"))
        self.tabs.addTab(self.flags, self.tr("Quality flags"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.tabs)
        self._load = CoalescedLoad(ctx.tasks, self._fetch, self._on_site, on_error=self._on_failed,
                                   source=self.tr("Region"), io=True, parent=self)

    def show_site(self, site_id: str, start: date, end: date) -> None:
        """Load one site's figures for ``start..end``."""
        if self.ctx.region is None:
            return
        self._ask = (site_id, start, end)
        self.title.setText(self.tr("Loading %1…").replace("%1", ltr(site_id)))
        self._load.now()

    def _fetch(self) -> tuple[str, Answer[SiteDrillDown]]:
        assert self.ctx.region is not None and self._ask is not None
        site_id, start, end = self._ask
        return site_id, self.ctx.region.site(site_id, start, end)

    def _on_site(self, result: tuple[str, Answer[SiteDrillDown]]) -> None:
        site_id, answer = result
        data = answer.data
        self.hours.figures.set_figures(hour_rows(data.hours))
        self.deos.figures.set_figures(deo_rows(data.deos))
        self.types.figures.set_figures(type_rows(data.update_types, self._type_name))
        self.flags.figures.set_figures(flag_rows(data.flagged))
        self.title.setText(self.tr("%1, %2 to %3: %4 flagged tokens.").replace("%1", ltr(site_id)).replace(
            "%2", ltr(data.from_.isoformat())).replace("%3", ltr(data.to.isoformat())).replace(
            "%4", str(len(data.flagged))) + " " + self._age_note(answer))
        self.sig_loaded.emit(site_id)

    def _on_failed(self, exc: BaseException) -> None:
        for table in (self.hours, self.deos, self.types, self.flags):
            table.figures.set_figures([])
        if isinstance(exc, RegionOffline):
            self.title.setText(self.tr("The hub cannot be reached and this site's figures are not stored."))
        else:
            self.title.setText(self.tr("The site's figures could not be loaded: %1").replace("%1", str(exc)))

    @staticmethod
    def _type_name(name: str) -> str:
        try:
            return type_label(UpdateType(name))
        except ValueError:
            return name

    def stop(self) -> None:
        """Load no more (the page is closing)."""
        self._load.stop()
