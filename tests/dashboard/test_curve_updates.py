"""Regression: PySide6 6.12.0 aborts (``none_dealloc``) after ~1,100 setData calls on a live plot.

If this process dies here after a PySide6 upgrade, keep the pin ``PySide6-Essentials<6.12`` (SETUP.md).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pytestqt.qtbot import QtBot

from widgets.charts import HourlyChart


def test_thousands_of_curve_updates_survive(qtbot: QtBot) -> None:
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    w.show()
    curve = w.plot(np.zeros(24))
    x = np.arange(24, dtype=float)
    y = np.zeros(24)
    for i in range(3000):
        y[:] = np.sin(x / 3 + i / 50)
        curve.setData(x, y)
        if i % 100 == 0:
            qtbot.wait(1)
    xs, ys = curve.getData()
    assert ys is not None and np.allclose(ys, np.sin(x / 3 + 2999 / 50))


def test_thousands_of_chart_updates_survive(qtbot: QtBot) -> None:
    chart = HourlyChart("t", ("a", "b", "c", "d"))
    qtbot.addWidget(chart)
    chart.show()
    rng = np.random.default_rng(1)
    for i in range(2000):
        v = rng.integers(0, 40, 24)
        chart.set_data(v, v // 2, v * 0.9, v * 0.4)
        if i % 100 == 0:
            qtbot.wait(1)
    assert np.array_equal(chart.served, v // 2)
