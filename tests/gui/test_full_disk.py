"""A full disk while issuing: a clear message, nothing half-written, the window keeps working."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import event, text

from console.pages.queue import QueuePage
from db.models import UpdateType


def test_issue_on_a_full_disk_says_so_and_loses_nothing(qtbot, ctx, store, triage_actor):
    ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    with store.engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
    store.engine.dispose()

    # SQLite's page limit makes the database file behave exactly like a full disk (SQLITE_FULL).
    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA max_page_count = {pages}")
        cur.close()

    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    alerts = []
    ctx.status.sig_alert.connect(lambda t, level: alerts.append((t, level)))
    page.type_box.setCurrentIndex(page.type_box.findData(UpdateType.CYCLIC))
    # Fill the last free pages, then the next issue must fail.
    for _ in range(200):
        qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.issue_button.isEnabled)
        if alerts:
            break
    assert alerts, "the capped database never filled up"
    message, level = alerts[0]
    assert level == "error" and "disk is full" in message
    issued = ctx.queue.tokens()
    # Every token that exists is whole: numbers gap-free, each with its issue event.
    cyclic = sorted(t.number for t in issued if t.update_type is UpdateType.CYCLIC)
    assert cyclic == [f"C-{i:03d}" for i in range(1, len(cyclic) + 1)]
    assert sum(1 for e in ctx.queue.events() if e.kind == "issued") == len(issued)
    assert page.issue_button.isEnabled()
