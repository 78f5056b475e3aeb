"""The queue page, the counters page and the counter terminal say the same about a counter.

Regression tests for two screens that once built their counter cards and transfer lists apart:
the long-service colour differed, and Appeal was offered while appeals were off (a priority
visitor was moved to a type no counter serves).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog

from console.context import AppContext
from console.pages.counters import CountersPage
from console.pages.queue import QueuePage
from services.roles import SYSTEM
from tests.terminal.conftest import serve_terminal
from vocabulary import TokenState, UpdateType


def _pages(qtbot: Any, ctx: AppContext) -> tuple[QueuePage, CountersPage]:
    queue_page, counters_page = QueuePage(ctx), CountersPage(ctx)
    for page in (queue_page, counters_page):
        qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(queue_page.cards) == 6 and len(counters_page.cards) == 6)
    return queue_page, counters_page


def _settle(qtbot: Any, ctx: AppContext, *pages: Any) -> None:
    for page in pages:
        page.loader.now()
    qtbot.waitUntil(lambda: all(p.loader.settled for p in pages) and ctx.tasks.pending == 0)


@pytest.mark.parametrize("started", [False, True])
def test_both_pages_show_the_same_card(qtbot: Any, ctx: AppContext, site: list[int], started: bool) -> None:
    ctx.config.queue.long_service_minutes = 20
    ctx.config.queue.very_long_service_minutes = 35
    token = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[0], actor=SYSTEM)
    if started:
        ctx.queue.start(token.id, actor=SYSTEM)
    ctx.clock.advance(timedelta(minutes=25))
    queue_page, counters_page = _pages(qtbot, ctx)
    _settle(qtbot, ctx, queue_page, counters_page)
    shown = [queue_page.cards[site[0]].data, counters_page.cards[site[0]].data]
    assert shown[0] == shown[1]
    # One rule: only a service in progress turns amber; a visitor who has not arrived is recalled instead.
    assert shown[0].elapsed_min == 25
    assert shown[0].level == ("long" if started else "ok")
    assert shown[0].token_state == (TokenState.IN_SERVICE if started else TokenState.CALLED).value


def test_no_transfer_to_appeal_while_appeals_are_off(qtbot: Any, ctx: AppContext, site: list[int],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        offered.append(list(items))
        return "", False  # the supervisor cancels: nothing moves

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM, priority=True, priority_reason="elderly")
    ctx.queue.call_next(site[0], actor=SYSTEM)
    queue_page, counters_page = _pages(qtbot, ctx)
    _settle(qtbot, ctx, queue_page, counters_page)
    queue_page.counter_action(site[0], "transfer")
    counters_page._on_card_action(site[0], "transfer")
    assert len(offered) == 2 and offered[0] == offered[1]
    assert "Appeal against cut-off" not in offered[0]
    assert offered[0] == ["Missed-out household", "Shock update", "Cyclic update", "Recertification"]
    assert ctx.queue.current_at(site[0]).update_type is UpdateType.ROSTER


def test_the_terminal_offers_no_appeal_either(store: Any, clock: Any, site: list[int], queue: Any) -> None:
    served = serve_terminal(store, clock, site, queue)
    terminal = next(served)
    try:
        http, _csrf = terminal.sign_in("deo1")
        page = http.get(terminal.url, timeout=10).text
        options = re.findall(r"<option value='([a-z_]+)'>", page)
        assert options and "appeal" not in options
        assert set(options) == {t.value for t in UpdateType} - {"appeal"}
    finally:
        served.close()
