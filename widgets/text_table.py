"""A small read-only table of texts (look-back figures, reconciliation lists): built and filled one way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def text_table(headers: list[str], *, select_rows: bool = False, stretch: Sequence[int] | None = None) -> QTableWidget:
    """A table nobody edits, its columns sharing the width; rows selectable only when asked.

    With ``stretch``, only those columns share what is left and the others fit their contents.
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if select_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_text_table(table: QTableWidget, rows: Sequence[Sequence[Any]], *, center_figures: bool = False) -> None:
    """Put ``rows`` in ``table`` (each value as text); with ``center_figures`` every column but the first is centred."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if center_figures and c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)
