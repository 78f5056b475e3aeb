"""The dashboard's look back: KPI trends over 7 or 30 days, the network view, counter utilisation, the wait promise.

A set of tabs beside the day's charts. It draws a :class:`services.history.DayHistory` that the
dashboard loads on the database worker for the chosen day; it never reads the store itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from console.names import type_label
from services.history import DayHistory, DayTrend
from widgets.text_table import fill_text_table, text_table


def _num(v: float | None, nd: int = 1) -> str:
    return "–" if v is None else f"{v:.{nd}f}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


class TrendView(QWidget):
    """One KPI per day over the last 7 or 30 days, as a line (pyqtgraph is built on first data)."""

    KPIS = ("served", "issued", "median_wait_min", "service_level", "no_show_rate")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi = QComboBox()
        self.kpi.setObjectName("trend_kpi")
        for key, text in zip(self.KPIS, (self.tr("Served"), self.tr("Issued"), self.tr("Median wait (min)"),
                                         self.tr("Service level"), self.tr("No-show rate")), strict=True):
            self.kpi.addItem(text, key)
        self.span = QComboBox()
        self.span.setObjectName("trend_span")
        self.span.addItem(self.tr("Last 7 days"), 7)
        self.span.addItem(self.tr("Last 30 days"), 30)
        self.summary = QLabel()
        self.summary.setObjectName("trend_summary")
        row = QHBoxLayout()
        row.addWidget(self.kpi)
        row.addWidget(self.span)
        row.addWidget(self.summary, 1)
        self.lay = QVBoxLayout(self)
        self.lay.addLayout(row)
        self.plot: object | None = None
        self.rows: list[DayTrend] = []
        self.kpi.currentIndexChanged.connect(self._on_choice_changed)
        self.span.currentIndexChanged.connect(self._on_choice_changed)

    def set_trend(self, rows: list[DayTrend]) -> None:
        """The 30 days (oldest first); the view shows the chosen KPI over the chosen span."""
        self.rows = rows
        self._draw()

    def _on_choice_changed(self, _index: int) -> None:
        self._draw()

    def values(self) -> tuple[list[str], list[float | None]]:
        """Day labels and values of the chosen KPI over the chosen span (None: nothing to measure)."""
        span = int(self.span.currentData())
        key = str(self.kpi.currentData())
        rows = self.rows[-span:]
        return [r.day.strftime("%d %b") for r in rows], [getattr(r, key) for r in rows]

    def _draw(self) -> None:
        import numpy as np
        import pyqtgraph as pg

        labels, values = self.values()
        if self.plot is None:
            plot = pg.PlotWidget(background="w")
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(y=True, alpha=0.25)
            plot.setMinimumHeight(180)
            self.curve = plot.plot([], [], pen=pg.mkPen("#1f4e79", width=2), symbol="o", symbolSize=6,
                                   symbolBrush="#1f4e79", connect="finite")
            self.lay.addWidget(plot, 1)
            self.plot = plot
        ys = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
        self.curve.setData(np.arange(len(ys), dtype=float), ys)
        axis = self.plot.getAxis("bottom")  # type: ignore[attr-defined,union-attr]
        step = 1 if len(labels) <= 10 else 5
        axis.setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])
        known = [v for v in values if v is not None]
        key = str(self.kpi.currentData())
        mean = sum(known) / len(known) if known else None
        text = _pct(mean) if key in ("service_level", "no_show_rate") else _num(mean)
        self.summary.setText(self.tr("Average over the days with visitors: %1").replace("%1", text))


class HistoryTabs(QObject):
    """The four look-back views, added as tabs to the dashboard's tab widget."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.trend = TrendView()
        self.network = text_table([self.tr("Hour"), self.tr("Unverified tokens"), self.tr("Hub")])
        self.network.setObjectName("network_table")
        self.network_note = QLabel()
        self.network_note.setWordWrap(True)
        self.counters = text_table([self.tr("Counter"), self.tr("Serving (min)"), self.tr("Break (min)"), self.tr("Idle (min)"),
                                self.tr("Serving share")])
        self.counters.setObjectName("utilisation_table")
        self.promise = text_table([self.tr("Update type"), self.tr("Called tokens"), self.tr("Median error (min)"),
                               self.tr("Waited longer than promised")])
        self.promise.setObjectName("promise_table")
        self.promise_note = QLabel(self.tr("The slip's estimated wait against the real wait from issue to call."))
        self.promise_note.setWordWrap(True)
        self.network_page = self._page(self.network_note, self.network)
        self.promise_page = self._page(self.promise_note, self.promise)

    @staticmethod
    def _page(note: QLabel, table: QTableWidget) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(note)
        lay.addWidget(table, 1)
        return page

    def set_history(self, h: DayHistory) -> None:
        """Show ``h`` in every tab."""
        self.trend.set_trend(h.trend_30)
        offline = [n for n in h.network if n.offline]
        self.network_note.setText(self.tr("Hours with the hub offline: %1. Unverified tokens: %2.")
                                  .replace("%1", ", ".join(f"{n.hour:02d}:00" for n in offline) or self.tr("none"))
                                  .replace("%2", str(sum(n.unverified for n in h.network))))
        fill_text_table(self.network, [[f"{n.hour:02d}:00", str(n.unverified), self.tr("offline") if n.offline else self.tr("online")]
                             for n in h.network], center_figures=True)
        fill_text_table(self.counters, [[f"{c.number} · {c.label}", _num(c.serving_min, 0), _num(c.break_min, 0),
                               _num(c.idle_min, 0), _pct(c.serving_share)] for c in h.counters], center_figures=True)
        fill_text_table(self.promise, [[type_label(p.update_type), str(p.tokens), _num(p.median_abs_error_min),
                              _pct(p.longer_share)] for p in h.promise], center_figures=True)
