"""Table model of tokens: a thin adapter over plain rows, keyed by token id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TokenRow:
    """What the waiting list shows of one token (already formatted, already masked)."""

    token_id: int
    number: str
    type_label: str
    priority: str
    waited_min: int
    verification: str
    slip: str
    alert: bool = False


class TokenTableModel(QAbstractTableModel):
    """Rows of :class:`TokenRow`; ``set_rows`` replaces them with minimal resets."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TokenRow] = []
        self._headers = [self.tr("Token"), self.tr("Update type"), self.tr("Priority"), self.tr("Waiting"),
                         self.tr("Identity"), self.tr("Slip")]
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.number, row.type_label, row.priority, self.tr("%1 min").replace("%1", str(row.waited_min)),
                    row.verification, row.slip)[col]
        if role == Qt.ItemDataRole.FontRole and col == 0:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and row.alert and col == 5:
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.BackgroundRole and row.priority:
            return QBrush(QColor("#fff4e0"))
        if role == Qt.ItemDataRole.UserRole:
            return row.token_id
        return None

    def set_rows(self, rows: list[TokenRow]) -> None:
        """Replace the rows (the list is small: a site's waiting line)."""
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, token_id: int) -> int:
        """Row index of a token, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.token_id == token_id), -1)

    def token_id(self, row: int) -> int:
        """Token id at ``row``."""
        return self._rows[row].token_id

    def rows(self) -> list[TokenRow]:
        """A copy of the current rows."""
        return list(self._rows)
