"""The Region page's DEO rankings, trend charts, map and export against a real hub with a simulated network."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from console.context import AppContext
from console.pages.region import RegionPage
from services.hub.ops.report import read_csv
from services.hub.reference import sites as known_sites
from tests.hub.conftest import TODAY
from tests.region.conftest import NetworkHub, hub_config
from tests.region.test_region_page import MANAGER, open_page

START, END = TODAY - timedelta(days=6), TODAY
RANGE = {"from": START.isoformat(), "to": END.isoformat()}


def page_for(qtbot: Any, make_ctx: Callable[..., AppContext], hub: NetworkHub, tmp_path: Path) -> RegionPage:
    page = open_page(qtbot, make_ctx(hub_config(hub.base_url), actor=MANAGER, region_cache=tmp_path))
    page.resize(1400, 900)
    qtbot.waitUntil(lambda: page.daily is not None, timeout=15000)
    return page


def test_deo_top_and_bottom_equal_the_api(qtbot: Any, make_ctx: Callable[..., AppContext], network_hub: NetworkHub,
                                          tmp_path: Path) -> None:
    page = page_for(qtbot, make_ctx, network_hub, tmp_path)
    api = network_hub.get("/v1/regions/deo-ranking", n=5, **RANGE)
    for table, side in ((page.top_deos, "top"), (page.bottom_deos, "bottom")):
        model = table.figures
        assert [model.rows[r][1:] for r in range(model.rowCount())] == \
            [(d["site_id"], d["completed"], d["days_active"], d["completed_per_day"]) for d in api[side]]
        assert model.rowCount() == 5
    with qtbot.waitSignal(page.sig_site_loaded, timeout=15000) as loaded:  # a DEO's row drills into its site
        page.top_deos.doubleClicked.emit(page.top_deos.figures.index(0, 0))
    assert loaded.args == [api["top"][0]["site_id"]]


def test_trend_charts_draw_the_days_of_the_api(qtbot: Any, make_ctx: Callable[..., AppContext],
                                               network_hub: NetworkHub, tmp_path: Path) -> None:
    page = page_for(qtbot, make_ctx, network_hub, tmp_path)
    assert page.panels.trend_grid is None  # made only when its tab is first shown
    grid = page.panels.show_trends()
    qtbot.waitUntil(lambda: not grid.drawing, timeout=5000)  # one chart per turn of the event loop
    api = network_hub.get("/v1/regions/daily", **RANGE)["days"]
    assert len(grid.charts) == 4
    tokens, wait, level, sites = grid.charts
    assert [d.isoformat() for d in tokens.days] == [d["date"] for d in api]
    assert list(tokens.series[1].values) == [d["completed"] for d in api]
    assert list(wait.series[0].values) == [d["median_wait_min"] for d in api]
    assert list(sites.series[0].values) == [d["sites_reporting"] for d in api]
    x, y = tokens.plotItem.listDataItems()[1].getData()  # what is drawn, not only what is kept
    assert list(y) == [float(d["completed"]) for d in api]
    assert tokens.tooltip_at(len(api) - 1, 0).startswith(api[-1]["date"])
    assert "617" in sites.plotItem.titleLabel.text
    assert [label.text for _sample, label in tokens.plotItem.legend.items] == ["Issued", "Served"]
    # A refresh over another range redraws the same charts with the new days.
    with qtbot.waitSignal(page.sig_daily_loaded, timeout=15000):
        page.period.setCurrentIndex(page.period.findData("last_30"))
    qtbot.waitUntil(lambda: not grid.drawing, timeout=5000)
    month = network_hub.get("/v1/regions/daily", **{"from": (END - timedelta(days=29)).isoformat(),
                                                    "to": END.isoformat()})["days"]
    assert len(grid.charts) == 4 and len(tokens.days) == len(month) == 30
    for chart, key in ((tokens, "issued"), (wait, "median_wait_min"), (sites, "sites_reporting")):
        _x, y = chart.plotItem.listDataItems()[0].getData()
        assert [None if math.isnan(v) else v for v in y] == [d[key] for d in month], key


def test_map_places_every_site_and_a_click_drills_down(qtbot: Any, make_ctx: Callable[..., AppContext],
                                                      network_hub: NetworkHub, tmp_path: Path) -> None:
    page = page_for(qtbot, make_ctx, network_hub, tmp_path)
    site_map = page.panels.show_map()
    qtbot.waitUntil(lambda: len(site_map.points) == 617, timeout=5000)
    where = {s.site_id: (s.lat, s.lon) for s in known_sites()}
    assert all((p.lat, p.lon) == where[p.site_id] for p in site_map.points)
    perf = {s["site_id"]: s for s in network_hub.get("/v1/regions/performance", **RANGE)["sites"]}
    reporting = [(p, step) for p, step in zip(site_map.points, site_map.steps, strict=True) if step is not None]
    assert len(reporting) == sum(not s["silent"] for s in perf.values() if s["completed_per_day"] is not None)
    best = max(reporting, key=lambda ps: ps[0].value)  # served per day: the highest is the greenest
    worst = min(reporting, key=lambda ps: ps[0].value)
    assert best[1] == 8 and worst[1] == 0
    assert best[0].value == perf[best[0].site_id]["completed_per_day"]
    # Colour by median wait: lower is better, so the shortest wait is green.
    page.panels.kpi.setCurrentIndex(page.panels.kpi.findData("median_wait_min"))
    waits = [(p.value, s) for p, s in zip(site_map.points, site_map.steps, strict=True) if s is not None]
    assert min(waits)[1] == 8 and max(waits)[1] == 0
    # Hover and click through the real scene at a reporting site's point with no other point close by.
    qtbot.waitUntil(lambda: site_map.plotItem.vb.width() > 300, timeout=5000)
    site_map.plotItem.autoRange(padding=0.05)
    px, py = site_map.plotItem.vb.viewPixelSize()

    def gap(p: Any) -> float:
        return min(math.hypot((q.lon - p.lon) / px, (q.lat - p.lat) / py) for q in site_map.points if q.site_id != p.site_id)

    target = max((p for p, s in zip(site_map.points, site_map.steps, strict=True) if s is not None), key=gap)
    assert gap(target) > 6
    scene_pos = site_map.plotItem.vb.mapViewToScene(_point(target.lon, target.lat))
    view_pos = site_map.mapFromScene(scene_pos)
    assert site_map.tooltip_at(target.lon, target.lat).startswith(target.site_id)
    with qtbot.waitSignal(page.sig_site_loaded, timeout=15000) as loaded:
        qtbot.mouseClick(site_map.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(view_pos.x()),
                                                                                      round(view_pos.y())))
    assert loaded.args == [target.site_id]
    assert target.site_id in page.drill_title.text()
    assert site_map.highlighted == target.site_id  # the drilled site is ringed, and stays so across a refresh
    with qtbot.waitSignal(page.sig_loaded, timeout=15000):
        page.reload()
    assert site_map.highlighted == target.site_id


def _point(x: float, y: float) -> Any:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_export_writes_the_report_of_the_hub(qtbot: Any, make_ctx: Callable[..., AppContext],
                                             network_hub: NetworkHub, tmp_path: Path) -> None:
    page = page_for(qtbot, make_ctx, network_hub, tmp_path)
    api = network_hub.get("/v1/regions/report", **RANGE)
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("json", "csv", "pdf"):
        with qtbot.waitSignal(page.sig_exported, timeout=30000):
            page.export_to(out / f"report.{fmt}", fmt)
    assert json.loads((out / "report.json").read_text(encoding="utf-8")) == api
    tables = read_csv((out / "report.csv").read_text(encoding="utf-8"))
    assert set(tables) == set(api["tables"])
    assert [r["site_id"] for r in tables["top_drcs"]] == [r[0] for r in api["tables"]["top_drcs"]["rows"]]
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF") and not list(out.glob("*.part"))
    assert "written" in page.status.text()
    page.region.setCurrentIndex(page.region.findData("Sindh"))
    with qtbot.waitSignal(page.sig_exported, timeout=30000):
        page.export_to(out / "sindh.json", "json")
    sindh = json.loads((out / "sindh.json").read_text(encoding="utf-8"))
    assert sindh["region"] == "Sindh" and {r[0] for r in sindh["tables"]["regions"]["rows"]} == {"Sindh"}
