"""pyqtgraph charts of the dashboard: hourly bars with a 7-day line, per-DEO bars, waiting-time trend.

Each chart owns preallocated numpy buffers and only calls ``setOpts``/``setData`` on update, so a
refresh never rebuilds items. They take plain arrays and labels (no database, no services); hover
shows a tooltip for the bar or point under the mouse; ``export_png`` saves what is on screen.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import QToolTip, QWidget

HOURS = 24
MAX_DEOS = 40
ISSUED_COLOR = QColor("#9ec5e8")
SERVED_COLOR = QColor("#1f4e79")
AVG_COLOR = QColor("#e07b00")
WAIT_COLOR = QColor("#7a3e9d")
TARGET_COLOR = QColor("#c0392b")

pg.setConfigOptions(antialias=True, foreground="#333333")


def _axis_font(plot: pg.PlotItem) -> None:
    font = QFont()
    font.setPointSizeF(9.5)
    for name in ("left", "bottom"):
        plot.getAxis(name).setStyle(tickFont=font)


class ChartView(pg.PlotWidget):
    """A white, non-pannable plot with hover tooltips and PNG export."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background="w")
        self.plotItem.setTitle(title, size="11pt")
        self.plotItem.setMouseEnabled(x=False, y=False)
        self.plotItem.hideButtons()
        self.plotItem.showGrid(y=True, alpha=0.25)
        _axis_font(self.plotItem)
        self.setMinimumHeight(200)
        self.last_tooltip = ""
        # Rate-limit hover handling: mouse moves arrive far faster than a tooltip needs.
        self._hover = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._on_scene_mouse_moved)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """Text for the data point nearest to view coordinates (x, y); None when there is nothing."""
        return None

    def _on_scene_mouse_moved(self, args: tuple[QPointF]) -> None:
        pos = args[0]
        if not self.plotItem.sceneBoundingRect().contains(pos):
            return
        p = self.plotItem.vb.mapSceneToView(pos)
        text = self.tooltip_at(p.x(), p.y()) or ""
        if text != self.last_tooltip:
            self.last_tooltip = text
            if text:
                QToolTip.showText(QCursor.pos(), text, self)
            else:
                QToolTip.hideText()

    def export_png(self, path: str | Path) -> bool:
        """Save the chart as it is shown (PNG); True on success."""
        return self.grab().save(str(path), "PNG")


class HourlyChart(ChartView):
    """Issued and served per hour today as bars, with the 7-day averages as lines."""

    def __init__(self, title: str, labels: tuple[str, str, str, str], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._labels = labels
        self.x = np.arange(HOURS, dtype=float)
        self.issued = np.zeros(HOURS)
        self.served = np.zeros(HOURS)
        self.issued_avg = np.zeros(HOURS)
        self.served_avg = np.zeros(HOURS)
        # Items created with a name join the legend by themselves.
        self.plotItem.addLegend(offset=(-10, 8), labelTextSize="9pt")
        self._bar_issued = pg.BarGraphItem(x=self.x - 0.2, height=self.issued, width=0.38,
                                           brush=ISSUED_COLOR, pen=pg.mkPen(None), name=labels[0])
        self._bar_served = pg.BarGraphItem(x=self.x + 0.2, height=self.served, width=0.38,
                                           brush=SERVED_COLOR, pen=pg.mkPen(None), name=labels[1])
        self.plotItem.addItem(self._bar_issued)
        self.plotItem.addItem(self._bar_served)
        self._line_issued = self.plotItem.plot(self.x, self.issued_avg, name=labels[2],
                                               pen=pg.mkPen(ISSUED_COLOR.darker(140), width=2, style=Qt.PenStyle.DashLine))
        self._line_served = self.plotItem.plot(self.x, self.served_avg, name=labels[3],
                                               pen=pg.mkPen(AVG_COLOR, width=2.5))
        self.plotItem.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(HOURS)]])
        self._window = (8, 17)
        self._apply_range()

    def set_data(self, issued: npt.ArrayLike, served: npt.ArrayLike, issued_avg: npt.ArrayLike,
                 served_avg: npt.ArrayLike) -> None:
        """Replace the 24 hourly values of each series."""
        self.issued[:] = issued
        self.served[:] = served
        self.issued_avg[:] = issued_avg
        self.served_avg[:] = served_avg
        self._bar_issued.setOpts(height=self.issued)
        self._bar_served.setOpts(height=self.served)
        self._line_issued.setData(self.x, self.issued_avg)
        self._line_served.setData(self.x, self.served_avg)
        active = np.flatnonzero(self.issued + self.served + self.issued_avg + self.served_avg)
        lo, hi = (8, 17) if active.size == 0 else (min(8, int(active[0])), max(17, int(active[-1])))
        if (lo, hi) != self._window:
            self._window = (lo, hi)
        self._apply_range()

    def _apply_range(self) -> None:
        lo, hi = self._window
        top = max(1.0, float(np.max([self.issued.max(), self.served.max(), self.issued_avg.max(),
                                     self.served_avg.max()])))
        self.plotItem.setRange(xRange=(lo - 0.6, hi + 0.6), yRange=(0, top * 1.15), padding=0)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """Both counts of the hour under the mouse, with their 7-day averages."""
        h = int(round(x))
        if not 0 <= h < HOURS:
            return None
        return (f"{h:02d}:00–{(h + 1) % 24:02d}:00\n"
                f"{self._labels[0]}: {int(self.issued[h])}  ({self._labels[2]}: {self.issued_avg[h]:.1f})\n"
                f"{self._labels[1]}: {int(self.served[h])}  ({self._labels[3]}: {self.served_avg[h]:.1f})")


class DeoChart(ChartView):
    """Tokens served per DEO as bars (one bar per DEO, however many counters they used)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.x = np.arange(MAX_DEOS, dtype=float)
        self.values = np.zeros(MAX_DEOS)
        self.count = 0
        self.labels: list[str] = []
        self.details: list[str] = []
        self._bars = pg.BarGraphItem(x=self.x[:0], height=self.values[:0], width=0.6, brush=SERVED_COLOR,
                                     pen=pg.mkPen(None))
        self.plotItem.addItem(self._bars)
        self._texts: list[pg.TextItem] = []

    def set_data(self, labels: list[str], values: npt.ArrayLike, details: list[str] | None = None) -> None:
        """One bar per label (at most ``MAX_DEOS``); ``details`` are the hover texts."""
        vals = np.asarray(values, dtype=float)[:MAX_DEOS]
        n = vals.shape[0]
        self.count = n
        self.labels = list(labels[:n])
        self.details = list((details or [""] * n)[:n])
        self.values[:n] = vals
        self.values[n:] = 0
        self._bars.setOpts(x=self.x[:n], height=self.values[:n])
        self.plotItem.getAxis("bottom").setTicks([[(i, lab) for i, lab in enumerate(self.labels)]])
        while len(self._texts) < n:
            t = pg.TextItem(color="#1f4e79", anchor=(0.5, 1.0))
            self.plotItem.addItem(t)
            self._texts.append(t)
        for i, t in enumerate(self._texts):
            t.setVisible(i < n)
            if i < n:
                t.setText(str(int(self.values[i])))
                t.setPos(i, self.values[i])
        top = max(1.0, float(self.values[:n].max()) if n else 1.0)
        self.plotItem.setRange(xRange=(-0.6, max(n, 1) - 0.4), yRange=(0, top * 1.2), padding=0)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The DEO's figures."""
        i = int(round(x))
        if not 0 <= i < self.count:
            return None
        return self.details[i] or f"{self.labels[i]}: {int(self.values[i])}"


class WaitTrendChart(ChartView):
    """Median waiting time (issue -> first call) by the hour of the call, with the target as a line."""

    def __init__(self, title: str, unit: str, calls_label: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._unit = unit
        self._calls_label = calls_label
        self.x = np.arange(HOURS, dtype=float)
        self.median = np.full(HOURS, np.nan)
        self.calls = np.zeros(HOURS)
        self._line = self.plotItem.plot(self.x, np.zeros(HOURS), pen=pg.mkPen(WAIT_COLOR, width=2.5), symbol="o",
                                        symbolSize=7, symbolBrush=WAIT_COLOR, connect="finite")
        self._target = pg.InfiniteLine(pos=30.0, angle=0, pen=pg.mkPen(TARGET_COLOR, width=1.5,
                                                                        style=Qt.PenStyle.DashLine))
        self.plotItem.addItem(self._target)
        self.plotItem.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(HOURS)]])
        self.plotItem.getAxis("left").setLabel(unit)
        self.target = 30.0

    def set_data(self, median_per_hour: npt.ArrayLike, calls_per_hour: npt.ArrayLike, target: float) -> None:
        """Median wait (minutes, NaN where no call) and calls per hour; ``target`` is the service level."""
        self.median[:] = median_per_hour
        self.calls[:] = calls_per_hour
        self.target = target
        finite = np.flatnonzero(~np.isnan(self.median))
        if finite.size:
            self._line.setData(self.x, self.median, connect="finite")
        else:  # an all-NaN series makes the scatter's bounds warn
            self._line.setData(self.x[:0], self.median[:0])
        self._target.setPos(target)
        lo, hi = (8, 17) if finite.size == 0 else (min(8, int(finite[0])), max(17, int(finite[-1])))
        top = max(target, float(np.nanmax(self.median)) if finite.size else 0.0, 1.0)
        self.plotItem.setRange(xRange=(lo - 0.6, hi + 0.6), yRange=(0, top * 1.15), padding=0)

    def tooltip_at(self, x: float, y: float) -> str | None:
        """Median wait and number of calls in the hour under the mouse."""
        h = int(round(x))
        if not 0 <= h < HOURS or np.isnan(self.median[h]):
            return None
        return f"{h:02d}:00–{(h + 1) % 24:02d}:00\n{self.median[h]:.1f} {self._unit}\n{self._calls_label}: {int(self.calls[h])}"
