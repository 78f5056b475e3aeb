"""No visitor stranded (issue #14 item 1): transfer lists follow the open counters, a banner warns of
tokens nobody serves and moves them with one key, the day opens at its first token, and a counter
without a DEO cannot call."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from console.app import build_window
from console.board import BoardWindow
from console.context import AppContext
from console.pages.counters import CountersPage
from console.pages.queue import QueuePage
from console.speech import Announcer
from db.models import AuditEntry, CounterState, UpdateType
from services.roles import SYSTEM


def _strand_shock(ctx: AppContext, site: list[int]) -> None:
    """Counters 1, 4, 5 (they serve shock) close; counter 6 (missed-out, shock) loses its DEO."""
    for cid in (site[0], site[3], site[4]):
        ctx.site.set_state(cid, CounterState.CLOSED, actor=ctx.actor)
    ctx.site.assign(site[5], None, actor=ctx.actor)
    ctx.events.sig_counters.emit()


def _pick(monkeypatch: pytest.MonkeyPatch, choice: str, offered: list[list[str]]) -> None:
    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        offered.append(list(items))
        return choice, True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))


def test_banner_warns_and_f3_moves_the_stranded_tokens(qtbot, ctx: AppContext, site: list[int],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    banner = window.stranded
    qtbot.waitUntil(lambda: banner.loader.settled)
    assert banner.isHidden()  # shock is served: nobody is stranded
    _strand_shock(ctx, site)
    qtbot.waitUntil(banner.isVisible)
    assert "2 waiting for Shock update" in banner.text.text()
    offered: list[list[str]] = []
    _pick(monkeypatch, "Missed-out household", offered)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: banner.isHidden() and not ctx.queue.stranded())
    # Only the types an open, staffed counter calls: counter 2 (missed-out, roster), 3 (roster, cyclic).
    assert offered == [["Missed-out household", "Roster update", "Cyclic update"]]
    waiting = ctx.queue.waiting()
    assert [t.update_type for t in waiting] == [UpdateType.MISSED_OUT] * 2
    assert waiting[0].id == first.id  # they keep their place in line


def test_console_transfer_list_follows_open_counters(qtbot, ctx: AppContext, site: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[1], actor=SYSTEM)
    _strand_shock(ctx, site)
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None and bool(page.snapshot.current))
    offered: list[list[str]] = []
    _pick(monkeypatch, "", offered)
    page.counter_action(site[1], "transfer")
    assert offered == [["Missed-out household", "Cyclic update"]]  # no shock, no appeal, not its own type


def test_board_operator_view_warns_but_the_hall_does_not(qtbot, ctx: AppContext, site: list[int]) -> None:
    ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    _strand_shock(ctx, site)
    board = BoardWindow(ctx, announcer=Announcer(None, "off"))
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    qtbot.waitUntil(board.stranded.isVisible)
    assert "1 waiting for Shock update" in board.stranded.text.text()
    board.showFullScreen()
    qtbot.waitUntil(board.stranded.isHidden)
    board.close()


def test_a_counter_without_a_deo_cannot_call(qtbot, ctx: AppContext, site: list[int]) -> None:
    ctx.site.assign(site[5], None, actor=ctx.actor)
    ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None and len(page.cards) == 6)
    card = page.cards[site[5]]
    assert card.staff.text() == "No DEO assigned"
    assert not card.buttons["call"].isEnabled()
    assert page.cards[site[4]].buttons["call"].isEnabled()
    # The keyboard reaches the engine, which refuses the same way.
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=3000) as blocker:
        page.counter_action(site[5], "call")
    assert "has no DEO" in blocker.args[0]
    assert ctx.queue.current_at(site[5]) is None


def test_the_first_token_opens_the_day_and_the_counters_page_agrees(qtbot, ctx: AppContext) -> None:
    page = CountersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None)
    assert "Day not opened yet" in page.day_label.text() and page.open_day_button.isEnabled()
    ctx.queue.issue_token(UpdateType.ROSTER, actor=ctx.actor)
    qtbot.waitUntil(lambda: "Day open since" in page.day_label.text())
    assert "(by supervisor)" in page.day_label.text() and not page.open_day_button.isEnabled()
    status = ctx.day.status()
    assert status.is_open and status.opened_by == "supervisor"
    ctx.queue.issue_token(UpdateType.ROSTER, actor=ctx.actor)  # the second token opens nothing more
    with ctx.store.read() as s:
        assert [a.action for a in s.query(AuditEntry).filter(AuditEntry.action.like("day_%"))] == ["day_opened"]


def test_a_token_after_the_close_reopens_the_day(ctx: AppContext, qapp) -> None:
    from services.day import CloseChoice

    ctx.queue.issue_token(UpdateType.ROSTER, actor=ctx.actor)
    ctx.day.close_day(CloseChoice.CANCEL, actor=ctx.actor)
    assert not ctx.day.status().is_open
    ctx.queue.issue_token(UpdateType.CYCLIC, actor=ctx.actor)
    assert ctx.day.status().is_open
