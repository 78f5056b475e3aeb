"""The audit page: the site's audit trail, newest first, and a check that nobody altered it.

Supervisors and administrators only. Reading and checking run on the database worker; the page
shows the result when it arrives. Each record: when (site time), who, what (the action's name in the
reader's language, its code in the tooltip for the help desk) and the detail as stored (JSON, kept
left to right; never a PIN, and any CNIC-shaped number masked once more on the way to the screen).
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import audit_action_label, chain_problem_text, ltr
from services.audit import AuditRecord, ChainReport
from services.clock import SITE_ZONE
from services.masking import mask_personal
from widgets.bidi import semicolon_join
from widgets.text_table import fill_text_table, text_table

LIMIT = 500


class AuditPage(QWidget):
    """Browse the audit trail and verify its hash chain."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.log = ctx.audit
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("All actions"), "")
        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.verify_button.setObjectName("audit_verify")
        self.verify_button.clicked.connect(self._on_verify_clicked)
        self.chain = QLabel()
        self.chain.setObjectName("audit_chain")
        self.table = text_table([self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Detail")],
                                select_rows=True, stretch=(3,))
        self.table.setObjectName("audit_table")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.action)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.chain)
        top.addWidget(self.verify_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Load the newest records (of the chosen action) on the database worker."""
        action = str(self.action.currentData() or "")
        actor = self.ctx.actor
        self.ctx.tasks.run_db(lambda: (self.log.entries(actor=actor, limit=LIMIT, action=action), self.log.actions()),
                              self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[list[AuditRecord], list[str]]) -> None:
        records, actions = result
        known = {self.action.itemData(i) for i in range(self.action.count())}
        for name in actions:
            if name not in known:
                self.action.addItem(audit_action_label(name), name)
                self.action.setItemData(self.action.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        fill_text_table(self.table, [
            (ltr(r.at.astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M:%S")), ltr(r.actor), audit_action_label(r.action),
             ltr(mask_personal(json.dumps(r.detail, ensure_ascii=False, sort_keys=True, default=str))))
            for r in records])
        for row, r in enumerate(records):
            if (action := self.table.item(row, 2)) is not None:
                action.setToolTip(r.action)  # the code, as `drc-console audit list` prints it

    def _on_verify_clicked(self) -> None:
        self.verify_button.setEnabled(False)
        self.chain.setText(self.tr("Checking…"))
        self.ctx.tasks.run_db(self.log.verify, self._on_verified, self._on_failed)

    def _on_verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            self.chain.setText(self.tr("Intact: %1 records, none edited or removed.").replace("%1", str(report.checked)))
            self.chain.setStyleSheet("color:#1b5e20;font-weight:600;")
        else:
            found = [chain_problem_text(code, params) for code, params in report.findings[:3]]
            self.chain.setText(self.tr("ALTERED: %1").replace("%1", semicolon_join(found or report.problems[:3])))
            self.chain.setStyleSheet("color:#b71c1c;font-weight:600;")

    def _on_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.ctx.status.alert(self.tr("The audit trail could not be read: %1").replace("%1", str(exc)), "error")
