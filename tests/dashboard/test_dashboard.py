"""The dashboard page against the real queue service, task runner and event adapter."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.dashboard import DashboardPage
from db.models import UpdateType
from services.roles import Actor

R = UpdateType.ROSTER


def _page(qtbot: QtBot, ctx: AppContext, throttle_ms: int = 50) -> DashboardPage:
    page = DashboardPage(ctx, throttle_ms=throttle_ms)
    qtbot.addWidget(page)
    page.show()  # charts are built on first show
    qtbot.waitUntil(lambda: page.metrics is not None, timeout=5000)
    return page


def test_completing_a_token_updates_tiles_and_deo_chart(qtbot: QtBot, ctx: AppContext, site: list[int],
                                                        triage_actor: Actor, supervisor: Actor) -> None:
    page = _page(qtbot, ctx)
    assert page.deo_chart is not None and page.hourly is not None
    assert page.tile_served.value_text == "0" and page.deo_chart.count == 0
    t = ctx.queue.issue_token(R, actor=triage_actor)
    qtbot.waitUntil(lambda: page.tile_waiting.value_text == "1", timeout=5000)
    ctx.clock.advance(600)  # type: ignore[attr-defined]
    ctx.queue.call_next(site[0], actor=supervisor)
    ctx.queue.start(t.id, actor=supervisor)
    ctx.clock.advance(300)  # type: ignore[attr-defined]
    ctx.queue.complete(t.id, actor=supervisor)
    qtbot.waitUntil(lambda: page.tile_served.value_text == "1" and page.deo_chart.count == 1, timeout=5000)
    # The supervisor pressed the keys on Sana Iqbal's counter: the chart credits Sana (the operator).
    assert page.deo_chart.values[0] == 1 and page.deo_chart.labels == ["Sana"]
    assert page.tile_waiting.value_text == "0"
    assert page.tile_wait.value_text.startswith("10")
    assert page.tile_level.value_text == "100%"
    assert page.hourly.served.sum() == 1 and page.hourly.issued[10] == 1
    assert "Served: 1" in (page.deo_chart.tooltip_at(0, 0.5) or "")
    assert "Issued: 1" in (page.hourly.tooltip_at(10.1, 0.3) or "")


def test_bursts_are_coalesced(qtbot: QtBot, ctx: AppContext, triage_actor: Actor) -> None:
    page = _page(qtbot, ctx, throttle_ms=300)
    before = page.refreshes
    for _ in range(25):
        ctx.queue.issue_token(R, actor=triage_actor)
    qtbot.waitUntil(lambda: page.tile_waiting.value_text == "25", timeout=5000)
    assert page.refreshes - before <= 2  # 25 changes, one (at most two) recomputes


def test_png_and_report_export(qtbot: QtBot, ctx: AppContext, triage_actor: Actor, tmp_path: Path) -> None:
    page = _page(qtbot, ctx)
    ctx.queue.issue_token(R, actor=triage_actor)
    png = tmp_path / "hourly.png"
    assert page.hourly is not None and page.hourly.export_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = tmp_path / "report.json"
    with qtbot.waitSignal(page.sig_report_exported, timeout=10_000):
        page.export_report("json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kpis"]["issued"] == 1
    assert data["quality"]["available"] is False and "registry" in data["quality"]["reason"]


def test_hover_shows_the_hour_under_the_mouse(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF

    from widgets.charts import HourlyChart

    chart = HourlyChart("t", ("Issued", "Served", "Issued avg", "Served avg"))
    qtbot.addWidget(chart)
    chart.resize(800, 300)
    chart.show()
    qtbot.waitExposed(chart)
    issued = [0] * 24
    issued[11] = 7
    chart.set_data(issued, [0] * 24, [0.0] * 24, [2.5] * 24)
    pos = chart.plotItem.vb.mapViewToScene(QPointF(11.0, 3.0))
    chart.scene().sigMouseMoved.emit(pos)
    qtbot.waitUntil(lambda: chart.last_tooltip.startswith("11:00"), timeout=3000)
    assert "Issued: 7" in chart.last_tooltip and "Served avg: 2.5" in chart.last_tooltip


def test_charts_wait_for_the_first_show(qtbot: QtBot, ctx: AppContext) -> None:
    page = DashboardPage(ctx, throttle_ms=50)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.metrics is not None, timeout=5000)
    assert page.hourly is None  # nothing drawn (nor pyqtgraph needed) while the page is hidden
    page.show()
    assert page.hourly is not None and page.deo_chart is not None
    assert page.hourly.issued.sum() == page.metrics.issued_per_hour.sum()  # type: ignore[union-attr]
