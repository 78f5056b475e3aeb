"""The board in an Urdu console: English and Urdu keep their slots, type names are readable across a
hall (at least 4% of the screen height), and each type shows a new token's estimated wait."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from console.board import BoardWindow
from console.context import AppContext
from console.speech import Announcer
from db.models import UpdateType
from services.roles import SYSTEM


def _board(qtbot, ctx: AppContext, width: int = 1920, height: int = 1080) -> BoardWindow:
    board = BoardWindow(ctx, announcer=Announcer(None, "off"))
    qtbot.addWidget(board)
    board.resize(width, height)
    board.show()
    qtbot.waitUntil(lambda: not board.loader.busy and bool(board.view.waiting))
    return board


def test_urdu_console_keeps_english_and_urdu_in_their_slots(urdu, qtbot, ctx: AppContext, site: list[int]) -> None:
    board = _board(qtbot, ctx)
    v = board.view
    assert v.now_title_en.text() == "Now serving" and v.now_title_ur.text() == "اب باری ہے"
    assert v.wait_title_en.text() == "Waiting" and v.wait_title_ur.text() == "منتظر"
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[2], actor=ctx.actor)
    qtbot.waitUntil(lambda: v.newest_number.text() == "R-001")
    assert v.newest_counter_en.text() == "Counter 3"
    assert v.newest_counter_ur.text() == "کاؤنٹر نمبر \u20663\u2069"
    en = {lab.text() for lab, _ in v._sized if not lab.property("urdu")}
    ur = {lab.text() for lab, _ in v._sized if lab.property("urdu")}
    arabic = lambda t: any("\u0600" <= ch <= "\u06ff" for ch in t)  # noqa: E731
    assert not any(arabic(t) for t in en if "·" not in t and "\n" not in t)  # English slots hold no Urdu
    assert all(arabic(t) for t in ur if t)  # Urdu slots hold Urdu
    board.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_type_names_are_at_least_four_percent_of_the_screen_height(qtbot, ctx: AppContext, size) -> None:
    board = _board(qtbot, ctx, *size)
    qtbot.waitUntil(lambda: board.view.height() == size[1])
    rows = [r for r in board.view.wait_rows if r[0].isVisible()]
    assert len(rows) >= 4
    for en, ur, _count, _minutes in rows:
        for lab in (en, ur):
            # The drawn letters (cap/ascent height) of the name, not only the nominal size.
            assert lab.font().pixelSize() >= 0.04 * size[1], lab.text()
            assert QFontMetrics(lab.font()).height() >= 0.04 * size[1]
            # Neither name is cut: it fits the width its label got.
            assert QFontMetrics(lab.font()).horizontalAdvance(lab.text()) <= lab.width() + 2, lab.text()
    board.close()


def test_each_type_shows_the_estimated_wait_of_a_new_token(qtbot, ctx: AppContext) -> None:
    board = _board(qtbot, ctx)
    for _ in range(4):
        ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    expected = int(ctx.queue.estimated_wait(UpdateType.ROSTER).total_seconds() // 60)
    assert expected > 0
    row = lambda: next(r for r in board.view.wait_rows if r[0].text() == "Roster update")  # noqa: E731
    qtbot.waitUntil(lambda: row()[2].text() == "4")
    assert row()[3].text() == f"~{expected}"
    assert next(w for w in board.view.waiting if w.label_en == "Roster update").wait_min == expected
    board.close()
