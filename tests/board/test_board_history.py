"""The board's earlier calls keep only calls that still stand (issue #14 item 3): a no-show leaves,
so does a token transferred back to wait; both live and after a reload from the database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.board import BoardWindow
from console.context import AppContext
from console.speech import Announcer
from db.models import UpdateType
from services.board import BoardFeed
from services.roles import SYSTEM


def test_no_show_and_transfer_leave_the_board(qtbot, ctx: AppContext, site: list[int]) -> None:
    board = BoardWindow(ctx, announcer=Announcer(None, "off"))
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    qtbot.waitUntil(lambda: not board.loader.busy)
    gone = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    moved = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    for cid in site[:3]:
        ctx.queue.call_next(cid, actor=SYSTEM)
    QCoreApplication.processEvents()
    assert [r.number for r in board.view.calls] == ["R-003", "R-002", "R-001"]
    for _ in range(ctx.queue.policy.recalls_before_no_show):
        ctx.queue.recall(gone.id, actor=SYSTEM)
    ctx.queue.no_show(gone.id, actor=SYSTEM)
    ctx.queue.transfer(moved.id, UpdateType.CYCLIC, actor=SYSTEM)
    QCoreApplication.processEvents()
    assert [r.number for r in board.view.calls] == ["R-003"]
    board.reload()
    qtbot.waitUntil(lambda: board.loader.settled)
    assert [r.number for r in board.view.calls] == ["R-003"]
    assert [c.number for c in BoardFeed(ctx.store, ctx.clock, ctx.site_id).snapshot().calls] == ["R-003"]
    board.close()
