"""The supervisor's audit page lists the trail and checks the chain (real widgets, database worker)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget
from sqlalchemy import select, update

from console.context import AppContext
from console.main_window import MainWindow
from console.pages.audit import AuditPage
from db.models import AuditEntry
from services.audit import AuditLog
from services.roles import Actor


def test_supervisor_browses_and_checks_the_trail(qtbot, ctx: AppContext) -> None:
    log = AuditLog(ctx.store, ctx.clock)
    for i in range(3):
        log.record("supervisor", "counter_state", counter=i)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    window.show()
    table = page.findChild(QTableWidget, "audit_table")
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    # Read-only; time, who and action fit their text and the detail takes the rest of the width.
    fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
    assert [table.horizontalHeader().sectionResizeMode(c) for c in range(4)] == [fit, fit, fit, stretch]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    # The action by its name, the code for the help desk in the tooltip; the detail as stored.
    assert table.item(0, 2).text() == "Counter opened, paused or closed"
    assert table.item(0, 2).toolTip() == "counter_state" and '"counter": 2' in table.item(0, 3).text()
    combo = page.action
    assert combo.findData("counter_state") > 0 and combo.itemText(combo.findData("counter_state")) == table.item(0, 2).text()
    chain = page.findChild(QLabel, "audit_chain")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chain.text().startswith("Intact"))
    with ctx.store.session() as s, s.begin():
        first = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id))
        s.execute(update(AuditEntry).where(AuditEntry.id == first).values(detail={"counter": 9}))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chain.text().startswith("ALTERED"))
    assert "edited" in chain.text()


def test_a_deo_has_no_audit_page(qtbot, ctx: AppContext) -> None:
    ctx.actor = Actor("deo1", ctx.actor.role.DEO, 5)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "audit" not in window.pages


def test_a_cnic_in_a_detail_is_masked_on_screen(qtbot, ctx: AppContext) -> None:
    AuditLog(ctx.store, ctx.clock).record("supervisor", "identity_override", cnic="3520212345671", reason="card seen")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    detail = page.table.item(0, 3).text()
    assert "35202-*****67-1" in detail and "3520212345671" not in detail
    assert page.table.item(0, 2).text() == "NADRA block overridden"
