"""A sortable table of figures: plain value rows, each column shown in its own format.

Used by the Region page for sites, top/bottom lists and a site's drill-down. Rows are tuples of
plain values (text, counts, shares, minutes, None for "no figure"); sorting uses the raw value
(through ``SORT_ROLE``), so 9 sorts before 10 and an empty figure sorts first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from widgets.rows_model import Index, RowsTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED_BG = QColor("#f1e3e3")
FORMATS = ("text", "int", "share", "minutes", "rate")
SIZE_FROM_ROWS = 40
_NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # once: enum "|" is slow per cell


class FiguresModel(RowsTableModel):
    """Rows of plain values; ``formats`` says per column how a value shows; ``muted`` rows are shaded."""

    def __init__(self, headers: list[str], formats: list[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        if len(formats) != len(headers) or any(f not in FORMATS for f in formats):
            raise ValueError("one known format per column")
        self.formats = formats
        self.muted: set[int] = set()

    def set_figures(self, rows: list[tuple[Any, ...]], muted: set[int] | None = None) -> None:
        """Replace the rows; ``muted`` holds indexes of rows to shade (silent sites)."""
        self.muted = set(muted or ())
        self.set_rows(rows)

    def value(self, row: int, col: int) -> Any:
        """The raw value at ``row``, ``col`` (tests compare these with the API)."""
        return self.rows[row][col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        fmt = self.formats[index.column()]
        if role == SORT_ROLE:
            if fmt == "text":
                return "" if value is None else str(value)
            return float("-inf") if value is None else float(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return _show(value, fmt)
        if role == Qt.ItemDataRole.TextAlignmentRole and fmt != "text":
            return _NUMBER_ALIGN
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.muted:
            return QBrush(MUTED_BG)
        return None


def _show(value: Any, fmt: str) -> str:
    if value is None:
        return "–"
    if fmt == "share":
        return f"{value:.0%}"
    if fmt in ("minutes", "rate"):
        return f"{value:.1f}"
    if fmt == "int":
        return f"{value:,}"
    return str(value)


class FiguresTable(QTableView):
    """A read-only, sortable view over a :class:`FiguresModel`."""

    def __init__(self, model: FiguresModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        # Keep the order the rows came in (a ranking, hours of the day) until the reader sorts.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Size columns from the first rows only: measuring all 617 sites' cells stalls the GUI thread.
        self.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.horizontalHeader().setStretchLastSection(True)

    def source_row(self, index: QModelIndex) -> int:
        """The model row behind a (sorted) view index."""
        return self.proxy.mapToSource(index).row()
