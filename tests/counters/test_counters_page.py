"""The counters page on real widgets over a real store: assign, types, state, keys, long services."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.close_day import CloseDayDialog
from console.context import AppContext
from console.pages.counters import CountersPage
from db.models import CounterState, Role, TokenState, UpdateType
from services.roles import SYSTEM, Actor
from tests.auth.test_permissions import snapshot


def _page(qtbot, ctx: AppContext) -> CountersPage:
    page = CountersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None and page.loader.settled and len(page.cards) == 6)
    return page


def _settled(page: CountersPage) -> bool:
    return page.loader.settled and page.ctx.tasks.pending == 0


def test_cards_show_deo_types_and_state(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = _page(qtbot, ctx)
    card = page.cards[site[0]]
    assert card.deo.currentText() == "Sana Iqbal"
    assert card.deo.count() == 7  # nobody + six DEOs
    assert [v for v, b in card.type_boxes.items() if b.isChecked()] == [
        "missed_out", "roster", "shock", "cyclic", "recertification"]
    assert card.state_buttons["open"].isChecked()
    assert "Day not opened yet" in page.day_label.text()


def test_move_a_deo_to_another_counter(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = _page(qtbot, ctx)
    card = page.cards[site[0]]
    index = card.deo.findText("Imran Shah (at Counter 2)")  # deo2: the picker says where he sits now
    card.deo.setCurrentIndex(index)
    card.deo.activated.emit(index)
    qtbot.waitUntil(lambda: page.message.text() == "Saved." and _settled(page))
    by_id = {c.id: c for c in ctx.site.counters()}
    assert by_id[site[0]].staff_name == "Imran Shah"
    assert by_id[site[1]].staff_id is None  # moved, not duplicated
    assert page.cards[site[1]].deo.currentText() == "— nobody —"


def test_served_types_and_break(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = _page(qtbot, ctx)
    card = page.cards[site[1]]
    card.type_boxes["appeal"].setChecked(True)
    qtbot.waitUntil(lambda: _settled(page) and UpdateType.APPEAL in ctx.site.counters()[1].served_types)
    qtbot.mouseClick(card.state_buttons["paused"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _settled(page) and ctx.site.counters()[1].state is CounterState.PAUSED)
    assert page.cards[site[1]].state_chip.text() == "On break"
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    page.select(site[1])
    page.act_on_selected("call")
    qtbot.waitUntil(lambda: "is on break; open it before calling" in page.message.text())
    assert ctx.queue.waiting()[0].state is TokenState.WAITING


def test_keyboard_call_start_complete_on_the_selected_counter(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = _page(qtbot, ctx)
    ctx.queue.issue_token(UpdateType.CYCLIC, actor=SYSTEM)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert page.selected == site[2]
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: _settled(page) and page.cards[site[2]].token.text() == "C-001")
    qtbot.keyClick(page, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "C-001: called" in page.message.text())
    assert ctx.queue.current_at(site[2]).recall_count == 1
    qtbot.keyClick(page, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: _settled(page) and page.cards[site[2]].data.token_state == "in_service")
    qtbot.keyClick(page, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: _settled(page) and page.cards[site[2]].data.served_today == 1)
    assert page.cards[site[2]].token.text() == "—"
    assert [e.kind for e in ctx.queue.events()] == ["issued", "called", "recalled", "started", "completed"]


def test_long_service_turns_amber_then_red(qtbot, ctx: AppContext, site: list[int]) -> None:
    ctx.config.queue.long_service_minutes = 20
    ctx.config.queue.very_long_service_minutes = 35
    t = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[0], actor=SYSTEM)
    ctx.queue.start(t.id, actor=SYSTEM)
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: _settled(page))
    card = page.cards[site[0]]
    assert card.data.level == "ok"
    ctx.clock.advance(timedelta(minutes=21))
    page._render_cards()
    assert card.data.level == "long" and "#fff3cd" in card.styleSheet()
    assert "21 min" in card.token_state.text()
    ctx.clock.advance(timedelta(minutes=15))
    page._render_cards()
    assert card.data.level == "very_long" and "#f8d7da" in card.styleSheet()


def test_a_triage_user_cannot_assign_even_from_the_page(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = _page(qtbot, ctx)
    ctx.actor = Actor("triage", Role.TRIAGE, 3)
    before = snapshot(ctx.store)
    page._on_card_assign(site[0], 0)
    qtbot.waitUntil(lambda: "may not manage counters" in page.message.text())
    assert snapshot(ctx.store) == before


def test_close_day_dialog_summary(qtbot, ctx: AppContext, site: list[int]) -> None:
    for t in (UpdateType.ROSTER, UpdateType.SHOCK, UpdateType.CYCLIC):
        ctx.queue.issue_token(t, actor=SYSTEM)
    ctx.queue.call_next(site[0], actor=SYSTEM)
    dlg = CloseDayDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: "Waiting: 2" in dlg.status_label.text())
    assert "Called: 1" in dlg.status_label.text()
    dlg.radio[dlg.choice().NO_SHOW].setChecked(True)
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.stack.currentIndex() == 1)
    figures = {k: v.text() for k, v in dlg.figures.items()}
    assert figures == {"issued": "3", "completed": "0", "no_show": "3", "cancelled": "0", "carried_over": "0",
                       "median_wait": "0 min"}
    assert not [t for t in ctx.queue.tokens() if t.state.is_open]
    QApplication.processEvents()


def test_the_main_window_hosts_the_page_and_opens_the_board(qtbot, ctx: AppContext) -> None:
    from console.board import BoardWindow, open_board
    from console.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    page = win.show_page("counters")
    assert isinstance(page, CountersPage)
    board = open_board(ctx, win, full_screen=False)
    assert isinstance(board, BoardWindow) and open_board(ctx, win, full_screen=False) is board
    qtbot.waitUntil(lambda: not board.loader.busy and page.snapshot is not None)
    board.close()
