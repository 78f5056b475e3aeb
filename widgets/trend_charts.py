"""Day-by-day trend charts of the Region page: one small pyqtgraph chart per KPI over the chosen range.

The charts take plain series (dates and values, None where a day has no figure) and labels in
the reader's language; no services, no database. A day without a figure breaks the line instead
of drawing a false zero; hover names the day and its value.

The series are plain data that a worker thread may build: each :class:`Series` makes its numpy
array when created, each :class:`Trend` its highest value, so the GUI thread only hands arrays to
``setData``. A refresh touches only what changed (title, legend, ticks, styles) and draws one chart
per turn of the event loop, each painted before the next is updated; the left axis draws grid lines
at its labelled ticks only (minor grid lines cost ~10x the painting of a whole axis).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
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
    """One line: its legend label, colour and a value per day (None: no figure that day).

    ``y`` is the values as floats (NaN for None), made with the series, on whichever thread makes it.
    """

    label: str
    values: Sequence[float | None]
    color: QColor
    y: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "y", np.array(self.values, dtype=float))  # None becomes NaN


@dataclass(frozen=True)
class Trend:
    """One chart: a title, a unit for the hover text, its lines, and optionally a target line.

    ``top`` is the highest value drawn (lines and target; 0 when there is none), made with the trend.
    """

    title: str
    unit: str
    series: Sequence[Series]
    target: float | None = None
    top: float = field(init=False, compare=False)

    def __post_init__(self) -> None:
        highs = [float(np.nanmax(s.y)) for s in self.series if np.isfinite(s.y).any()]
        object.__setattr__(self, "top", max([0.0, *highs, *([self.target] if self.target is not None else [])]))


def day_ticks(days: Sequence[date]) -> list[tuple[int, str]]:
    """At most about ``TICKS`` date labels (``MM-DD``) along the bottom axis."""
    step = max(1, len(days) // TICKS)
    return [(i, d.strftime("%m-%d")) for i, d in enumerate(days) if i % step == 0]


class TrendChart(ChartView):
    """Lines over the days of a range; days on the bottom axis as ``MM-DD``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumHeight(170)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # days run left to right in Urdu too
        self.plotItem.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the graphics layout does not inherit it
        # A light backing so grid lines do not run through the legend's names.
        self.plotItem.addLegend(offset=(-10, 8), labelTextSize="8pt", brush=pg.mkBrush(255, 255, 255, 215))
        self.plotItem.getAxis("left").setStyle(maxTickLevel=0)  # grid lines at labelled ticks only
        self.days: list[date] = []
        self.series: list[Series] = []
        self.unit = ""
        self._title = title
        self._ticks: list[tuple[int, str]] = []
        self._lines: list[pg.PlotDataItem] = []
        self._legend_labels: list[tuple[str, str]] = []
        self._target = pg.InfiniteLine(angle=0, pen=pg.mkPen(TARGET_COLOR, width=1, style=Qt.PenStyle.DashLine))
        self._target.setVisible(False)
        self.plotItem.addItem(self._target)

    def set_trend(self, days: Sequence[date], trend: Trend, ticks: list[tuple[int, str]] | None = None) -> None:
        """Replace the lines (a refresh reuses the line items it has and touches only what changed).

        ``ticks`` are the bottom axis's labels when the caller made them (``day_ticks(days)``).
        """
        if trend.title != self._title:
            self._title = trend.title
            self.plotItem.setTitle(trend.title, size="10pt")
        self.days, self.series, self.unit = list(days), list(trend.series), trend.unit
        x = np.arange(len(days), dtype=float)
        while len(self._lines) < len(trend.series):
            self._lines.append(self.plotItem.plot([], []))
        dots = len(days) <= DOTS_UP_TO
        for line, series in zip(self._lines, trend.series, strict=False):
            style = (series.color.name(), dots)
            if line.property("drc_style") != style:  # restyling is not free: only when it changes
                line.setProperty("drc_style", style)
                line.setPen(pg.mkPen(series.color, width=2 if dots else 1))
                line.setSymbol("o" if dots else None)
                line.setSymbolSize(4)
                line.setSymbolBrush(series.color)
                line.setSymbolPen(series.color)
            if np.isfinite(series.y).any():
                line.setData(x, series.y, connect="finite")
            else:  # an all-NaN series makes the bounds warn
                line.setData([], [])
            line.setVisible(True)
        for line in self._lines[len(trend.series):]:
            line.setVisible(False)
        self._set_legend(trend)
        self._target.setVisible(trend.target is not None)
        if trend.target is not None:
            self._target.setPos(trend.target)
        ticks = day_ticks(days) if ticks is None else ticks
        if ticks != self._ticks:
            self._ticks = ticks
            self.plotItem.getAxis("bottom").setTicks([ticks])
        self.plotItem.setRange(xRange=(-0.5, max(len(days), 1) - 0.5), yRange=(0, max(trend.top, 1.0) * HEADROOM),
                               padding=0)
        # pyqtgraph applies a new range while painting, and the lines' changed geometry then asks for a
        # second full paint in the next turn (on top of the next chart's): apply it now, so one paint does.
        self.plotItem.vb.updateMatrix()

    def _set_legend(self, trend: Trend) -> None:
        """Name each line in the legend (rebuilt only when the names or colours change)."""
        labels = [(s.label, s.color.name()) for s in trend.series]
        if labels == self._legend_labels:
            return
        self._legend_labels = labels
        legend = self.plotItem.legend
        legend.clear()
        for line, series in zip(self._lines, trend.series, strict=False):
            legend.addItem(line, series.label)

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
    Charts are made one per turn too: ahead of the first answer with :meth:`reserve`, else as needed.
    """

    sig_drawn = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[TrendChart] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._wanted = 0
        self._pending: list[tuple[int, Trend]] = []
        self._days: list[date] = []
        self._ticks: list[tuple[int, str]] = []
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(self._draw_next)

    def reserve(self, count: int) -> None:
        """Make ``count`` charts (empty) from the next turn on, one per turn, before any answer needs them."""
        self._wanted = max(self._wanted, count)
        if len(self.charts) < self._wanted:
            self._next.start()

    def set_trends(self, days: Sequence[date], trends: Sequence[Trend]) -> None:
        """Draw each trend in its chart, from the next turn of the event loop on; a newer call replaces a pending one."""
        self._days = list(days)
        self._ticks = day_ticks(self._days)
        self._pending = list(enumerate(trends))
        self._wanted = max(self._wanted, len(trends))
        if self._pending:
            self._next.start()

    @property
    def drawing(self) -> bool:
        """Some charts still wait for their turn."""
        return bool(self._pending)

    def _draw_next(self) -> None:
        if len(self.charts) < self._wanted:  # a new chart's set-up and first layout cost as much as a redraw
            i = len(self.charts)
            chart = TrendChart(self._pending[i][1].title if i < len(self._pending) else "")
            self._grid.addWidget(chart, i // 2, i % 2)
            self.charts.append(chart)
        elif self._pending:
            i, trend = self._pending.pop(0)
            self.charts[i].set_trend(self._days, trend, self._ticks)
            if not self._pending:
                self.sig_drawn.emit()
        if len(self.charts) < self._wanted or self._pending:
            self._next.start()


COLORS = {"issued": ISSUED_COLOR.darker(130), "served": SERVED_COLOR, "wait": WAIT_COLOR, "level": AVG_COLOR,
          "sites": QColor("#2e7d32"), "no_show": TARGET_COLOR}
