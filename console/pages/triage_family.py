"""The family tree the registry sent, beside the triage verdict: who is in the household.

Members are listed with relation, gender, age and masked CNIC only (no names: personal data stays
off the desk's screen). The row of the CNIC looked up is marked; the assistant confirms that the
visitor standing at the desk is that member (or picks another row) and the confirmation travels
with the token.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.names import ltr, relation_label
from services.cnic import mask_cnic
from services.registry import Member


class FamilyTreeBox(QGroupBox):
    """The household's members; ``confirmed_member()`` is the member the assistant confirmed, if any."""

    sig_confirmed = Signal(bool)
    """The assistant ticked (True) or cleared (False) the confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Family tree (from the registry)"))
        self._members: list[Member] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Relation"), self.tr("Gender"), self.tr("Age"), self.tr("CNIC")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(230)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.confirm_box = QCheckBox(self.tr("The visitor at the desk is the selected member"))
        self.confirm_box.setToolTip(self.tr("Check the card holder's relation, gender and age against the "
                                            "selected row; the confirmation is recorded with the token."))
        self.confirm_box.toggled.connect(self.sig_confirmed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.confirm_box)
        self.show_members([], None)

    def show_members(self, members: list[Member], visitor_cnic: str | None) -> None:
        """List ``members``; the row holding ``visitor_cnic`` is marked and selected."""
        self._members = list(members)
        self.confirm_box.setChecked(False)
        self.table.setRowCount(len(members))
        visitor_row = -1
        for row, m in enumerate(members):
            is_visitor = visitor_cnic is not None and m.cnic == visitor_cnic
            if is_visitor:
                visitor_row = row
            cnic = ltr(mask_cnic(m.cnic)) if m.cnic else self.tr("none (under 18)")
            relation = relation_label(m.relation) + ("  \u25c0 " + self.tr("this CNIC") if is_visitor else "")
            cells = [relation, self.tr("male") if m.gender == "m" else self.tr("female"), str(m.age), cnic]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if is_visitor:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        if visitor_row >= 0:
            self.table.selectRow(visitor_row)
        else:
            self.table.clearSelection()
        self.setVisible(bool(members))
        self._on_selection()

    def _on_selection(self) -> None:
        self.confirm_box.setEnabled(self.selected_member() is not None)
        if self.selected_member() is None:
            self.confirm_box.setChecked(False)

    def selected_member(self) -> Member | None:
        """The member whose row is selected."""
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._members[min(rows)] if rows else None

    def confirmed_member(self) -> Member | None:
        """The member the assistant confirmed the visitor to be, or None."""
        return self.selected_member() if self.confirm_box.isChecked() else None

    def clear(self) -> None:
        """No household on screen."""
        self.show_members([], None)


__all__ = ["FamilyTreeBox"]
