"""Table model of tokens: a thin adapter over plain rows, keyed by token id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from widgets.bidi import ltr
from widgets.rows_model import Index, RowsTableModel


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


class TokenTableModel(RowsTableModel):
    """Rows of :class:`TokenRow`, keyed by token id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self.headers = [self.tr("Token"), self.tr("Update type"), self.tr("Priority"), self.tr("Waiting"),
                        self.tr("Identity"), self.tr("Slip")]
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (ltr(row.number), row.type_label, row.priority, self.tr("%1 min").replace("%1", str(row.waited_min)),
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
        """Replace the rows; an unchanged list keeps the view (and its selection) as it is."""
        if rows != self.rows:
            super().set_rows(rows)

    def row_of(self, token_id: int) -> int:
        """Row index of a token, or -1."""
        return next((i for i, r in enumerate(self.rows) if r.token_id == token_id), -1)

    def token_id(self, row: int) -> int:
        """Token id at ``row``."""
        return int(self.rows[row].token_id)
