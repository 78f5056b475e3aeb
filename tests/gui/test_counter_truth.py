"""Counter truth at a glance (issue #14 item 3): the recall count on the card and a banner at the
recall limit; six compact cards fit a maximised window on a 1366x768 screen, in English and in Urdu,
also while the stranded banner shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from console.app import APP_MIN_POINT_SIZE, build_window, install_translations, use_urdu_font
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


@pytest.fixture(params=["en", "ur"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The console in English, or in Urdu as ``--lang ur`` starts it (catalogue, right to left, Naskh)."""
    font = QFont(qapp.font())
    sized = QFont(font)
    sized.setPointSizeF(max(font.pointSizeF(), APP_MIN_POINT_SIZE))  # the console's own font (make_application)
    qapp.setFont(sized)
    tr = install_translations(qapp, request.param) if request.param == "ur" else None
    if request.param == "ur":
        assert tr is not None
        use_urdu_font(qapp)
    yield request.param
    if tr is not None:
        qapp.removeTranslator(tr)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qapp.setFont(font)


@pytest.mark.parametrize("stranded", [False, True], ids=["no-banner", "stranded-banner"])
def test_six_cards_fit_a_maximised_window_at_1366x768(qtbot, ctx: AppContext, site: list[int], language: str,
                                                      stranded: bool) -> None:
    """Six cards (the tallest with its recall banner) fully in view, with the stranded banner too when shown."""
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    token = ctx.queue.call_next(site[0], actor=SYSTEM)
    for _ in range(2):
        ctx.queue.recall(token.id, actor=SYSTEM)  # the tallest card: with its recall banner
    if stranded:  # nobody serves cyclic updates any more, and two visitors wait for one
        for view in ctx.site.counters():
            if UpdateType.CYCLIC in view.served_types:
                ctx.site.set_served_types(view.id, [t for t in view.served_types if t is not UpdateType.CYCLIC],
                                          actor=SYSTEM)
        for _ in range(2):
            ctx.queue.issue_token(UpdateType.CYCLIC, actor=SYSTEM)
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # offscreen: the size of a maximised window by hand
    window.resize(1366, 768 - 30)  # a maximised window under a 30-pixel title bar
    window.show()
    page = window.show_page("queue")
    assert isinstance(page, QueuePage)
    qtbot.waitUntil(lambda: len(page.cards) == 6 and "R-001" in page.cards[site[0]].token.text())

    def in_view(widget: QWidget) -> bool:
        # visibleRegion is what is not clipped by any scroll area or the window: the whole widget.
        return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()

    rows = [page.cards[site[i]] for i in (0, 2, 4)]
    qtbot.waitUntil(lambda: 0 < rows[0].y() < rows[1].y() < rows[2].y() and rows[2].isVisible())  # laid out
    banner = window.stranded
    if stranded:
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert "2" in banner.text.text() and banner.button.isVisible()
        assert language == "en" or "waiting for" not in banner.text.text()
    QApplication.processEvents()
    assert all(in_view(card) for card in page.cards.values())  # no card below the fold
    assert banner.isHidden() if not stranded else (in_view(banner) and in_view(banner.text) and in_view(banner.button))
    window.close()  # gone before the language fixture turns the application back to English
    window.deleteLater()
    qtbot.waitUntil(lambda: not window.isVisible())
