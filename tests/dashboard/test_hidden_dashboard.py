"""A hidden dashboard does not load the database on every change; it catches up when shown."""

from __future__ import annotations

from console.pages.dashboard import DashboardPage
from db.models import UpdateType
from services.roles import SYSTEM


def test_hidden_dashboard_waits_until_shown(qtbot, ctx):
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.metrics is not None)
    loads = []
    original = page.service.day

    def counting_day(*args, **kwargs):
        loads.append(1)
        return original(*args, **kwargs)

    page.service.day = counting_day
    for _ in range(3):
        ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    qtbot.wait(1500)  # longer than the 1 s coalescing interval: a visible page would have reloaded by now
    assert loads == []
    page.show()
    qtbot.waitUntil(lambda: page.metrics.issued == 3)
    assert len(loads) == 1
