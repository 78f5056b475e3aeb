"""Counter truth at a glance (issue #14 item 3): the recall count on the card and a banner at the
recall limit; six compact cards fit a maximised window on a 1366x768 screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.app import build_window
from console.context import AppContext
from console.pages.queue import QueuePage
from db.models import UpdateType
from services.roles import SYSTEM


def test_recall_count_and_the_banner_at_the_limit(qtbot, ctx: AppContext, site: list[int]) -> None:
    assert ctx.config.queue.recalls_before_no_show == 2
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    token = ctx.queue.call_next(site[0], actor=SYSTEM)
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    card_of = lambda: page.cards[site[0]]  # noqa: E731
    qtbot.waitUntil(lambda: site[0] in page.cards and card_of().token.text() == "R-001")
    assert "Recalled 0 of 2" in card_of().token_state.text()
    ctx.queue.recall(token.id, actor=SYSTEM)
    qtbot.waitUntil(lambda: "Recalled 1 of 2" in card_of().token_state.text())
    assert card_of().recall_banner.isHidden() and card_of().buttons["recall"].isEnabled()
    ctx.queue.recall(token.id, actor=SYSTEM)
    qtbot.waitUntil(lambda: "Recalled 2 of 2" in card_of().token_state.text())
    card = card_of()
    assert not card.recall_banner.isHidden() and "Recall limit" in card.recall_banner.text()
    assert not card.buttons["recall"].isEnabled()  # the queue would refuse a third recall
    assert card.buttons["no_show"].isEnabled() and card.buttons["start"].isEnabled()


def test_six_cards_fit_a_maximised_window_at_1366x768(qtbot, ctx: AppContext, site: list[int]) -> None:
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    token = ctx.queue.call_next(site[0], actor=SYSTEM)
    for _ in range(2):
        ctx.queue.recall(token.id, actor=SYSTEM)  # the tallest card: with its recall banner
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # offscreen: the size of a maximised window by hand
    window.resize(1366, 768 - 30)  # a maximised window under a 30-pixel title bar
    window.show()
    page = window.show_page("queue")
    assert isinstance(page, QueuePage)
    qtbot.waitUntil(lambda: len(page.cards) == 6 and page.cards[site[0]].token.text() == "R-001")
    def all_in_view() -> bool:
        # visibleRegion is what is not clipped by any scroll area or the window: the whole card.
        return all(card.visibleRegion().boundingRect() == card.rect() for card in page.cards.values())

    rows = [page.cards[site[i]] for i in (0, 2, 4)]
    qtbot.waitUntil(lambda: 0 < rows[0].y() < rows[1].y() < rows[2].y() and rows[2].isVisible())  # laid out
    QApplication.processEvents()
    assert all_in_view()  # no card below the fold
