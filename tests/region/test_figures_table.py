"""The figures table: sorts by raw values in the model itself, keeps shading with its rows, no clipped column."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from widgets.figures_table import FiguresModel, FiguresTable, prepare


def table(qtbot: Any) -> FiguresTable:
    view = FiguresTable(FiguresModel(["Site", "Served", "Level"], ["text", "int", "share"]))
    qtbot.addWidget(view)
    return view


def test_sorting_uses_numbers_and_empty_first(qtbot: Any) -> None:
    view = table(qtbot)
    view.figures.set_figures([("a", 10, 0.5), ("b", 9, None), ("c", None, 0.25)], muted={2})
    assert [view.figures.value(r, 0) for r in range(3)] == ["a", "b", "c"]  # as given until the reader sorts
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [view.figures.value(r, 0) for r in range(3)] == ["c", "b", "a"]
    assert view.figures.muted == {0}  # "c" moved first and stays shaded
    assert view.figures.index(0, 1).data() == "–" and view.figures.index(2, 2).data() == "50%"
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert [view.figures.value(r, 0) for r in range(3)] == ["a", "c", "b"]


def test_a_long_text_far_down_is_not_clipped(qtbot: Any) -> None:
    view = table(qtbot)
    rows = [(f"site {i}", i, 0.1) for i in range(600)]
    rows[590] = ("DRC with a rather long name far down the list", 590, 0.1)
    view.figures.set_figures(rows)
    needed = view.fontMetrics().horizontalAdvance(rows[590][0])
    assert view.horizontalHeader().sectionSize(0) >= needed


def test_prepared_rows_belong_to_their_table(qtbot: Any) -> None:
    view = table(qtbot)
    ready = prepare(["text", "int", "share"], [("x", 1_234, 0.125)])  # on a worker thread in the page
    view.figures.set_prepared(ready)
    assert view.figures.shown(0, 1) == "1,234" and view.figures.shown(0, 2) == "12%"
    with pytest.raises(ValueError):
        view.figures.set_prepared(prepare(["text"], [("x",)]))
