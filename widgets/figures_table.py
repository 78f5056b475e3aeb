"""A sortable table of figures: plain value rows, each column shown in its own format.

Used by the Region page for sites, top/bottom lists and a site's drill-down. Rows are tuples of
plain values (text, counts, shares, minutes, None for "no figure").

Why it is built this way: a refresh of 617 sites must not stall the GUI thread (target < 50 ms).
So the model formats every cell once when rows arrive (``data`` is then a list lookup, the call
the view makes thousands of times per paint), sorts itself (no ``QSortFilterProxyModel``, whose
mapping calls back into Python for every index), and the view sizes columns once per new set of
rows from the widest texts, instead of ``ResizeToContents`` measuring cells on every layout.
Sorting uses the raw values, so 9 sorts before 10 and an empty figure sorts first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
MUTED_BG = QColor("#f1e3e3")
FORMATS = ("text", "int", "share", "minutes", "rate")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # once: enum "|" is slow per cell
CANDIDATES = 3  # per column, the longest texts measured in pixels when sizing (length alone is close enough)
CELL_PAD = 18
HEADER_PAD = 30  # room for the sort arrow


def show_value(value: Any, fmt: str) -> str:
    """A value as its column shows it (``–`` for no figure)."""
    if value is None:
        return "–"
    if fmt == "share":
        return f"{value:.0%}"
    if fmt in ("minutes", "rate"):
        return f"{value:.1f}"
    if fmt == "int":
        return f"{value:,}"
    return str(value)


def _sort_key(value: Any, fmt: str) -> Any:
    if fmt == "text":
        return "" if value is None else str(value)
    return float("-inf") if value is None else float(value)


@dataclass(frozen=True)
class Prepared:
    """Rows with their texts already formatted and each column's widest texts: ready to show."""

    items: list[tuple[tuple[Any, ...], tuple[str, ...], bool]]
    widest: list[list[str]]


def prepare(formats: Sequence[str], rows: Sequence[tuple[Any, ...]], muted: set[int] | None = None) -> Prepared:
    """Format ``rows`` for a table with ``formats`` (pure Python: run it off the GUI thread).

    ``muted`` holds indexes of rows to shade (silent sites).
    """
    shade = muted or set()
    items = [(tuple(r), tuple(show_value(v, f) for v, f in zip(r, formats, strict=True)), i in shade)
             for i, r in enumerate(rows)]
    widest = [sorted({it[1][col] for it in items}, key=len, reverse=True)[:CANDIDATES] for col in range(len(formats))]
    return Prepared(items, widest)


class FiguresModel(QAbstractTableModel):
    """Rows of plain values; ``formats`` says per column how a value shows; muted rows are shaded."""

    def __init__(self, headers: list[str], formats: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        if len(formats) != len(headers) or any(f not in FORMATS for f in formats):
            raise ValueError("one known format per column")
        self.headers = headers
        self.formats = formats
        self.rows: list[tuple[Any, ...]] = []
        self._shown: list[tuple[str, ...]] = []
        self._muted: list[bool] = []
        self._given: list[tuple[tuple[Any, ...], tuple[str, ...], bool]] = []
        self._widest: list[list[str]] = [[] for _ in formats]
        self._align = [_NUMBER_ALIGN if f != "text" else None for f in formats]
        self._brush = QBrush(MUTED_BG)
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    # ---- rows ------------------------------------------------------------------------------
    def set_figures(self, rows: Sequence[tuple[Any, ...]], muted: set[int] | None = None) -> None:
        """Replace the rows; ``muted`` holds indexes (in ``rows``) of rows to shade (silent sites).

        The rows keep the reader's sort if they chose one, else the order given (a ranking, hours).
        """
        self.set_prepared(prepare(self.formats, rows, muted))

    def set_prepared(self, prepared: Prepared) -> None:
        """Replace the rows with rows :func:`prepare` formatted (on any thread) for these formats."""
        if len(prepared.widest) != len(self.formats):
            raise ValueError("prepared for another table")
        self._given = prepared.items
        self._widest = prepared.widest
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        items = self._given
        col = self.sort_column
        if 0 <= col < len(self.formats):
            fmt = self.formats[col]
            items = sorted(items, key=lambda it: _sort_key(it[0][col], fmt),
                           reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.rows = [it[0] for it in items]
        self._shown = [it[1] for it in items]
        self._muted = [it[2] for it in items]

    @property
    def muted(self) -> set[int]:
        """Indexes (in the shown order) of shaded rows."""
        return {i for i, m in enumerate(self._muted) if m}

    def value(self, row: int, col: int) -> Any:
        """The raw value at ``row``, ``col`` in the shown order (tests compare these with the API)."""
        return self.rows[row][col]

    def shown(self, row: int, col: int) -> str:
        """The text shown at ``row``, ``col``."""
        return self._shown[row][col]

    def widest(self, col: int) -> list[str]:
        """The longest texts of a column (what sizing measures)."""
        return self._widest[col]

    # ---- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The hot path of painting: plain int compares and list lookups only.
        if role == _DISPLAY:
            return self._shown[index.row()][index.column()]
        if role == _ALIGN:
            return self._align[index.column()]
        if role == _BACKGROUND:
            return self._brush if self._muted[index.row()] else None
        if role == SORT_ROLE:
            col = index.column()
            return _sort_key(self.rows[index.row()][col], self.formats[col])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's raw values (``-1``: the order the rows came in)."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._arrange()
        self.layoutChanged.emit()


class FiguresTable(QTableView):
    """A read-only, sortable view over a :class:`FiguresModel`; columns sized once per new rows."""

    def __init__(self, model: FiguresModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = model
        self.setModel(model)
        # Keep the order the rows came in (a ranking, hours of the day) until the reader sorts.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size each column to its header and widest text (a few measurements, not every cell)."""
        cells, head = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        header = self.horizontalHeader()
        for col in range(self.figures.columnCount()):
            width = head.horizontalAdvance(self.figures.headers[col]) + HEADER_PAD
            for text in self.figures.widest(col):
                width = max(width, cells.horizontalAdvance(text) + CELL_PAD)
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def source_row(self, index: QModelIndex) -> int:
        """The model row behind a view index (the model sorts itself, so they are the same)."""
        return index.row()
