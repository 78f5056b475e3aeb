"""The Region page's map: every site at its coordinates, coloured by the chosen KPI (pyqtgraph scatter).

No region outlines: no well-kept package ships Pakistan's boundaries, so regions are named at the
middle of their sites, and the best and worst sites carry their names. Colours run from red (worst)
through amber to green (best) over the reporting sites' range, in a few steps so pyqtgraph draws
from a handful of cached symbols; silent sites are hollow grey rings. Hover names the site; a click
emits its id (the page drills down).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from widgets.charts import ChartView

STEPS = 9
WORST, MIDDLE, BEST = QColor("#c0392b"), QColor("#f1c40f"), QColor("#27ae60")
SILENT = QColor("#9e9e9e")
HOVER_PIXELS = 12
ASPECT = 1 / math.cos(math.radians(30))  # a degree of longitude is shorter than one of latitude at ~30 N


@dataclass(frozen=True)
class MapPoint:
    """One site on the map: where, its KPI value (None: no figure) and the hover text."""

    site_id: str
    lat: float
    lon: float
    value: float | None
    silent: bool
    text: str


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def palette() -> list[QColor]:
    """``STEPS`` colours from worst to best."""
    out = []
    for i in range(STEPS):
        t = i / (STEPS - 1)
        out.append(_blend(WORST, MIDDLE, t * 2) if t <= 0.5 else _blend(MIDDLE, BEST, (t - 0.5) * 2))
    return out


def step_of(value: float, low: float, high: float, higher_is_better: bool) -> int:
    """The colour step of ``value`` between the range's ``low`` and ``high`` (0 worst)."""
    t = 0.5 if high <= low else (value - low) / (high - low)
    if not higher_is_better:
        t = 1 - t
    return min(STEPS - 1, max(0, round(t * (STEPS - 1))))


class SiteMap(ChartView):
    """Sites as coloured points over longitude (x) and latitude (y), aspect kept."""

    sig_site_clicked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumHeight(320)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # west stays on the left in Urdu
        self.plotItem.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # the graphics layout does not inherit it
        self.plotItem.showGrid(x=False, y=False)
        self.plotItem.hideAxis("left")
        self.plotItem.hideAxis("bottom")
        self.plotItem.setMouseEnabled(x=True, y=True)  # a manager zooms into a district with the wheel
        self.plotItem.vb.setAspectLocked(True, ratio=ASPECT)
        self.points: list[MapPoint] = []
        self.steps: list[int | None] = []
        self._xy = np.zeros((0, 2))
        # One scatter item per colour (and one for silent rings, drawn below): each refresh is a
        # few numpy arrays per item instead of 617 per-spot styles.
        self._layers: list[pg.ScatterPlotItem] = []
        for i in range(STEPS + 1):
            silent = i == 0
            layer = pg.ScatterPlotItem(size=8 if silent else 10, hoverable=False,
                                       pen=pg.mkPen(SILENT, width=1.5) if silent else pg.mkPen("#ffffff", width=1),
                                       brush=pg.mkBrush(None) if silent else pg.mkBrush(palette()[i - 1]))
            layer.setZValue(1 if silent else 2)
            layer.sigClicked.connect(self._on_clicked)
            self.plotItem.addItem(layer)
            self._layers.append(layer)
        self._ring = pg.ScatterPlotItem(size=18, pen=pg.mkPen("#1f2d3d", width=2), brush=pg.mkBrush(None),
                                        hoverable=False)
        self._ring.setZValue(3)
        self.plotItem.addItem(self._ring)
        self.highlighted: str | None = None
        self._labels: list[pg.TextItem] = []
        self._label_html: list[str] = []
        self._scope: tuple[str, ...] = ()
        self.legend_text = ""

    def set_points(self, title: str, points: Sequence[MapPoint], higher_is_better: bool,
                   names: dict[str, str], regions: Sequence[tuple[str, float, float]], legend: str) -> None:
        """Draw ``points`` coloured by value; ``names`` labels chosen sites, ``regions`` are (name, lat, lon).

        The view fits the points when the set of sites changes (another filter), and otherwise keeps
        the reader's zoom across refreshes.
        """
        self.plotItem.setTitle(title, size="10pt")
        self.points = list(points)
        values = [p.value for p in points if p.value is not None and not p.silent]
        low, high = (min(values), max(values)) if values else (0.0, 0.0)
        self.steps = [None if p.silent or p.value is None else step_of(p.value, low, high, higher_is_better)
                      for p in points]
        self._xy = np.array([(p.lon, p.lat) for p in points], dtype=float).reshape(-1, 2)
        layer_of = np.array([0 if step is None else step + 1 for step in self.steps], dtype=int)
        ids = np.array([p.site_id for p in points], dtype=object)
        for i, layer in enumerate(self._layers):
            mine = layer_of == i
            layer.setData(x=self._xy[mine, 0], y=self._xy[mine, 1], data=ids[mine])
        labels = [(name, lat, lon, True) for name, lat, lon in regions]
        where = {p.site_id: p for p in points}
        labels += [(text, where[s].lat, where[s].lon, False) for s, text in names.items() if s in where]
        self._place_labels(labels)
        self.highlight(self.highlighted)
        self.legend_text = legend
        self.setToolTip(legend)
        scope = tuple(p.site_id for p in points)
        if scope != self._scope and len(self._xy):
            self._scope = scope
            self.plotItem.autoRange(padding=0.05)

    def highlight(self, site_id: str | None) -> None:
        """Ring one site (the one drilled into); None or an unknown site removes the ring."""
        where = {p.site_id: p for p in self.points}
        self.highlighted = site_id if site_id in where else None
        if self.highlighted is None:
            self._ring.setData(x=[], y=[])
        else:
            p = where[self.highlighted]
            self._ring.setData(x=[p.lon], y=[p.lat])

    def _place_labels(self, labels: Sequence[tuple[str, float, float, bool]]) -> None:
        """Region names (bold) and site names, reusing the text items of the last refresh."""
        while len(self._labels) < len(labels):
            item = pg.TextItem()
            self.plotItem.addItem(item)
            self._labels.append(item)
            self._label_html.append("")
        for i, item in enumerate(self._labels):
            if i >= len(labels):
                item.setVisible(False)
                continue
            text, lat, lon, bold = labels[i]
            color, size, weight = ("#555555", 10, 700) if bold else ("#1f2d3d", 8, 400)
            html = (f'<span style="color:{color}; font-size:{size}pt; font-weight:{weight}">'
                    f'{text.replace("<", "&lt;")}</span>')
            if html != self._label_html[i]:
                item.setHtml(html)
                item.setAnchor((0.5, 0.5 if bold else 1.2))
                item.setZValue(5 if bold else 6)
                self._label_html[i] = html
            item.setPos(lon, lat)
            item.setVisible(True)

    def nearest(self, x: float, y: float) -> int | None:
        """The index of the point nearest to view coordinates (x, y) within a few pixels, or None."""
        if not len(self._xy):
            return None
        px, py = self.plotItem.vb.viewPixelSize()
        d = ((self._xy[:, 0] - x) / max(px, 1e-9)) ** 2 + ((self._xy[:, 1] - y) / max(py, 1e-9)) ** 2
        i = int(np.argmin(d))
        return i if d[i] <= HOVER_PIXELS ** 2 else None

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The site under the mouse: its name and figure."""
        i = self.nearest(x, y)
        return None if i is None else self.points[i].text

    def _on_clicked(self, _item: object, spots: Sequence[Any], event: Any = None) -> None:
        """Points overlap at the country's scale: take the one nearest to where the click landed."""
        if not len(spots):
            return
        chosen = spots[0]
        if event is not None:
            at = event.pos()
            chosen = min(spots, key=lambda s: (s.pos().x() - at.x()) ** 2 + (s.pos().y() - at.y()) ** 2)
        site_id = chosen.data()
        if site_id:
            self.sig_site_clicked.emit(str(site_id))

    def click_site(self, site_id: str) -> None:
        """Act as if the site's point was clicked (keyboard users and tests)."""
        if any(p.site_id == site_id for p in self.points):
            self.sig_site_clicked.emit(site_id)


__all__ = ["MapPoint", "SiteMap", "palette", "step_of"]
