"""Every text on every page, the dialogs and the board has a WCAG contrast of at least 4.5:1."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QScrollArea, QWidget

from console.app import build_window
from console.board import BoardWindow
from console.context import AppContext
from console.speech import Announcer
from db.models import Role
from services.roles import Actor
from tests.contrast import low_contrast, ratio
from tests.gui.test_urdu_pages import _busy_day


def test_contrast_formula_matches_wcag() -> None:
    assert round(ratio(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(ratio(QColor("#777777"), QColor("#ffffff")), 2) == 4.48
    assert round(ratio(QColor("#767676"), QColor("#ffffff")), 2) == 4.54


@pytest.mark.parametrize("role", [Role.ADMIN, Role.REGIONAL_MANAGER])
def test_every_page_has_readable_contrast(console_look, qtbot, make_ctx: Callable[..., AppContext],
                                          site: list[int], role: Role) -> None:
    ctx = make_ctx(actor=Actor(role.value, role))
    _busy_day(ctx, site)
    size = QApplication.font().pointSizeF()
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert QApplication.font().pointSizeF() == size  # the console's own text size, not one left by a test
    bad = {}
    for key in list(window.pages):
        page = window.show_page(key)
        qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=10000)
        qtbot.wait(50)
        QApplication.processEvents()
        bad[key] = low_contrast(page)
    bad["status"] = low_contrast(window.statusBar())
    assert {k: v for k, v in bad.items() if v} == {}


def test_buttons_a_scroll_area_cuts_off_are_measured_on_their_text(console_look, qtbot) -> None:
    """Scrolled into view first: cut off, a readable button showed a sliver of its frame and no text,
    and a button wholly out of view was measured on whatever lay outside the window."""
    area = QScrollArea()
    content = QWidget()
    row = QHBoxLayout(content)
    row.addSpacing(270)
    readable, faint = QPushButton("Today"), QPushButton("Refresh")
    palette = faint.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#a0a0a0"))  # 2.2:1 on the button's face
    faint.setPalette(palette)
    row.addWidget(readable)
    row.addWidget(faint)
    area.setWidget(content)
    qtbot.addWidget(area)
    area.resize(300, 120)
    area.show()
    qtbot.waitExposed(area)
    assert not readable.visibleRegion().boundingRect().contains(readable.rect())  # cut off as it opens
    assert [(kind, text) for kind, text, *_ in low_contrast(area)] == [("QPushButton", "Refresh")]


def test_board_has_readable_contrast(console_look, qtbot, ctx: AppContext, site: list[int]) -> None:
    _busy_day(ctx, site)
    board = BoardWindow(ctx, announcer=Announcer(None, "off"))
    qtbot.addWidget(board)
    board.resize(1366, 768)
    board.show()
    qtbot.waitUntil(lambda: not board.loader.busy and bool(board.view.waiting))
    assert low_contrast(board) == []
    board.close()
