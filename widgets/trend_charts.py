"""Day-by-day trend charts of the Region page: one small pyqtgraph chart per KPI over the chosen range.

The charts take plain series (dates and values, None where a day has no figure) and labels in
the reader's language; no services, no database. A day without a figure breaks the line instead
of drawing a false zero; hover names the day and its value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QWidget

from widgets.charts import AVG_COLOR, ISSUED_COLOR, SERVED_COLOR, TARGET_COLOR, WAIT_COLOR, ChartView

TICKS = 6  # date labels along the bottom axis, at most
DOTS_UP_TO = 62  # days: up to two months of days get dots and a 2 px line; longer ranges a 1 px line
# (antialiased wide paths are what costs when painting: a year's 2 px lines took ~1 s per repaint of four charts)
HEADROOM = 1.4  # room above the highest value for the legend (top right), so it never covers a line


@dataclass(frozen=True)
class Series:
    """One line: its legend label, colour and a value per day (None: no figure that day)."""

    label: str
    values: Sequence[float | None]
    color: QColor


@dataclass(frozen=True)
class Trend:
    """One chart: a title, a unit for the hover text, its lines, and optionally a target line."""

    title: str
    unit: str
    series: Sequence[Series]
    target: float | None = None


class TrendChart(ChartView):
    """Lines over the days of a range; days on the bottom axis as ``MM-DD``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumHeight(170)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # days run left to right in Urdu too
        self.plotItem.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the graphics layout does not inherit it
        self.plotItem.addLegend(offset=(-10, 8), labelTextSize="8pt")
        self.days: list[date] = []
        self.series: list[Series] = []
        self.unit = ""
        self._lines: list[pg.PlotDataItem] = []
        self._legend_labels: list[str] = []
        self._target = pg.InfiniteLine(angle=0, pen=pg.mkPen(TARGET_COLOR, width=1, style=Qt.PenStyle.DashLine))
        self._target.setVisible(False)
        self.plotItem.addItem(self._target)

    def set_trend(self, days: Sequence[date], trend: Trend) -> None:
        """Replace the lines (a refresh reuses the line items it already has)."""
        self.plotItem.setTitle(trend.title, size="10pt")
        self.days, self.series, self.unit = list(days), list(trend.series), trend.unit
        x = np.arange(len(days), dtype=float)
        legend = self.plotItem.legend
        while len(self._lines) < len(trend.series):
            self._lines.append(self.plotItem.plot([], []))
        top = 0.0
        legend.clear()
        dots = len(days) <= DOTS_UP_TO
        for line, series in zip(self._lines, trend.series, strict=False):
            y = np.array([np.nan if v is None else float(v) for v in series.values], dtype=float)
            style = (series.color.name(), dots)
            if line.property("drc_style") != style:  # restyling is not free: only when it changes
                line.setProperty("drc_style", style)
                line.setPen(pg.mkPen(series.color, width=2 if dots else 1))
                line.setSymbol("o" if dots else None)
                line.setSymbolSize(4)
                line.setSymbolBrush(series.color)
                line.setSymbolPen(series.color)
            if np.isfinite(y).any():
                line.setData(x, y, connect="finite")
                top = max(top, float(np.nanmax(y)))
            else:  # an all-NaN series makes the bounds warn
                line.setData([], [])
            line.setVisible(True)
        for line in self._lines[len(trend.series):]:
            line.setVisible(False)
        self._target.setVisible(trend.target is not None)
        if trend.target is not None:
            self._target.setPos(trend.target)
            top = max(top, trend.target)
        step = max(1, len(days) // TICKS)
        self.plotItem.getAxis("bottom").setTicks([[(i, d.strftime("%m-%d")) for i, d in enumerate(days)
                                                   if i % step == 0]])
        self.plotItem.setRange(xRange=(-0.5, max(len(days), 1) - 0.5), yRange=(0, max(top, 1.0) * HEADROOM), padding=0)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The day under the mouse and each line's value."""
        i = int(round(x))
        if not 0 <= i < len(self.days):
            return None
        parts = [self.days[i].isoformat()]
        for s in self.series:
            v = s.values[i]
            parts.append(f"{s.label}: {'–' if v is None else f'{v:,.1f}'.removesuffix('.0')} {self.unit}".rstrip())
        return "\n".join(parts)


class TrendGrid(QWidget):
    """Trend charts in two columns, as many as the trends given.

    A refresh redraws one chart per turn of the event loop (each paints before the next is
    updated), so four charts never hold the GUI thread together; ``sig_drawn`` says when all are.
    """

    sig_drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[TrendChart] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._pending: list[tuple[TrendChart, Trend]] = []
        self._days: list[date] = []
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(self._draw_next)

    def set_trends(self, days: Sequence[date], trends: Sequence[Trend]) -> None:
        """Draw each trend in its chart (charts are made once, on the first call); a newer call replaces a pending one."""
        while len(self.charts) < len(trends):
            chart = TrendChart(trends[len(self.charts)].title)
            self._grid.addWidget(chart, len(self.charts) // 2, len(self.charts) % 2)
            self.charts.append(chart)
        self._days = list(days)
        self._pending = list(zip(self.charts, trends, strict=False))
        self._draw_next()

    @property
    def drawing(self) -> bool:
        """Some charts still wait for their turn."""
        return bool(self._pending)

    def _draw_next(self) -> None:
        if not self._pending:
            return
        chart, trend = self._pending.pop(0)
        chart.set_trend(self._days, trend)
        if self._pending:
            self._next.start()
        else:
            self.sig_drawn.emit()


COLORS = {"issued": ISSUED_COLOR.darker(130), "served": SERVED_COLOR, "wait": WAIT_COLOR, "level": AVG_COLOR,
          "sites": QColor("#2e7d32"), "no_show": TARGET_COLOR}
