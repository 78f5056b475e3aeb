"""The queue page through its real path: form -> service -> database -> signal -> table and cards."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.pages.queue import QueuePage
from db.models import TokenState, UpdateType
from services.queue import QueueService


def _page(qtbot, ctx) -> QueuePage:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None and len(page.cards) == 6)
    return page


def test_issue_call_complete_through_the_window(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.type_box.setCurrentIndex(page.type_box.findData(UpdateType.ROSTER))
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].number == "R-001"
    assert page.last_issued.text() == "R-001"

    counter_id = next(iter(page.cards))
    card = page.cards[counter_id]
    qtbot.mouseClick(card.buttons["call"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.token.text() == "R-001")
    assert page.model.rowCount() == 0
    assert card.buttons["start"].isEnabled() and not card.buttons["call"].isEnabled()

    qtbot.mouseClick(card.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(card.buttons["complete"].isEnabled)
    qtbot.mouseClick(card.buttons["complete"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.token.text() == "—")
    assert "1" in card.served.text()
    [token] = ctx.queue.tokens()
    assert token.state is TokenState.COMPLETED
    assert [e.kind for e in ctx.queue.events()] == ["issued", "called", "started", "completed"]


def test_keyboard_issue_and_call(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.type_box.setCurrentIndex(page.type_box.findData(UpdateType.MISSED_OUT))
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    first = next(iter(page.cards.values()))
    qtbot.waitUntil(lambda: first.token.text() == "M-001")


def test_change_by_another_process_reaches_the_page(qtbot, ctx, store, clock, triage_actor):
    page = _page(qtbot, ctx)
    # A second console on the same database: its own service, so no in-process signal.
    other = QueueService(store, clock, ctx.site_id)
    other.issue_token(UpdateType.CYCLIC, actor=triage_actor)
    with qtbot.waitSignal(ctx.events.sig_external, timeout=3000):
        pass
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.rows[0].number == "C-001"


def test_illegal_action_shows_a_clear_message_and_changes_nothing(qtbot, ctx, triage_actor):
    page = _page(qtbot, ctx)
    ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    counter_id = next(iter(page.cards))
    ctx.queue.call_next(counter_id, actor=ctx.actor)
    qtbot.waitUntil(lambda: page.cards[counter_id].token.text() == "R-001")
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=3000) as blocker:
        page.counter_action(counter_id, "no_show")  # needs two recalls first
    assert "Recall" in blocker.args[0]
    assert ctx.queue.tokens()[0].state is TokenState.CALLED
