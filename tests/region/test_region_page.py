"""The Region page against a real hub holding a simulated network: figures equal the API's, faults said plainly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from console.context import AppContext
from console.pages.region import RegionPage
from db.models import Role
from services.roles import Actor
from tests.hub.conftest import TODAY
from tests.region.conftest import SINDH_KEY, NetworkHub, hub_config, start_hub

MANAGER = Actor("manager", Role.REGIONAL_MANAGER)
YESTERDAY = TODAY - timedelta(days=1)


def open_page(qtbot: Any, ctx: AppContext) -> RegionPage:
    """The page shown on the "last 7 days" preset, after its first answer was drawn (or refused)."""
    page = RegionPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignals([page.sig_loaded], raising=True, timeout=15000):
        page.show()
    return page


def rows_by_site(page: RegionPage) -> dict[str, tuple[Any, ...]]:
    model = page.sites.figures
    return {model.value(r, 0): model.rows[r] for r in range(model.rowCount())}


def test_site_table_equals_the_api(qtbot: Any, make_ctx: Callable[..., AppContext], network_hub: NetworkHub,
                                   tmp_path: Path) -> None:
    ctx = make_ctx(hub_config(network_hub.base_url), actor=MANAGER, region_cache=tmp_path)
    page = open_page(qtbot, ctx)
    start, end = TODAY - timedelta(days=6), TODAY
    assert (page.query().start, page.query().end) == (start, end)
    api = network_hub.get("/v1/regions/performance", **{"from": start.isoformat(), "to": end.isoformat()})
    shown = rows_by_site(page)
    assert len(shown) == len(api["sites"]) == 617
    reporting = 0
    for s in api["sites"]:
        row = shown[s["site_id"]]
        assert row[3:10] == (s["issued"], s["completed"], s["no_show"], s["median_wait_min"], s["service_level"],
                             s["completed_per_day"], s["flagged_tokens"])
        index = list(shown).index(s["site_id"])
        assert (index in page.sites.figures.muted) == s["silent"]
        assert bool(row[10]) == s["silent"]  # silent sites say since when (here: never)
        reporting += not s["silent"]
    assert reporting > 0
    rank = network_hub.get("/v1/regions/ranking", kpi="completed_per_day", n=5,
                           **{"from": start.isoformat(), "to": end.isoformat()})
    assert [page.top.figures.value(r, 0) for r in range(page.top.figures.rowCount())] == \
        [s["site_id"] for s in rank["top"]]
    assert [page.bottom.figures.value(r, 3) for r in range(page.bottom.figures.rowCount())] == \
        [s["completed_per_day"] for s in rank["bottom"]]
    assert "617" in page.status.text()

    site_id = rank["top"][0]["site_id"]
    with qtbot.waitSignal(page.sig_site_loaded, timeout=15000):
        page._drill(site_id)
    drill = network_hub.get(f"/v1/sites/{site_id}/performance", **{"from": start.isoformat(), "to": end.isoformat()})
    hours = page.hours.figures
    assert [hours.rows[r][1:] for r in range(hours.rowCount())] == \
        [(h["issued"], h["completed"], h["no_show"], h["median_wait_min"], h["service_level"]) for h in drill["hours"]]
    assert sum(page.deos.figures.value(r, 2) for r in range(page.deos.figures.rowCount())) == \
        drill["total"]["completed"]
    assert sum(page.types.figures.value(r, 1) for r in range(page.types.figures.rowCount())) == \
        drill["total"]["issued"]


def test_rankings_keep_their_order_and_sorting_uses_the_numbers(qtbot: Any, make_ctx: Callable[..., AppContext],
                                            network_hub: NetworkHub, tmp_path: Path) -> None:
    ctx = make_ctx(hub_config(network_hub.base_url), actor=MANAGER, region_cache=tmp_path)
    page = open_page(qtbot, ctx)
    for table in (page.top, page.bottom, page.sites):  # the ranking's (and the API's) order until the reader sorts
        view = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
        assert view == [table.figures.value(r, 0) for r in range(table.figures.rowCount())]
    api_order = [page.sites.figures.value(r, 0) for r in range(page.sites.figures.rowCount())]
    assert api_order == sorted(api_order)  # the API lists sites by id
    muted_before = {page.sites.figures.value(r, 0) for r in page.sites.figures.muted}
    page.sites.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    model = page.sites.figures
    served = [model.value(r, 4) for r in range(model.rowCount())]
    assert served == sorted(served, reverse=True) and served[0] > served[-1]
    shown = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert shown == [f"{v:,}" for v in served]  # the text drawn is the row's own figure after sorting
    assert {model.value(r, 0) for r in model.muted} == muted_before  # shading moved with its rows
    with qtbot.waitSignal(page.sig_loaded, timeout=15000):  # a refresh keeps the reader's sort
        page.reload()
    assert [model.value(r, 4) for r in range(model.rowCount())] == served


def test_hub_down_shows_the_stored_answer_with_its_age(qtbot: Any, make_ctx: Callable[..., AppContext],
                                                       network_db: str, tmp_path: Path) -> None:
    hub = start_hub(network_db)
    try:
        ctx = make_ctx(hub_config(hub.base_url), actor=MANAGER, region_cache=tmp_path)
        page = open_page(qtbot, ctx)
        before = rows_by_site(page)
        assert "From the hub" in page.status.text()
    finally:
        hub.stop()
    with qtbot.waitSignal(page.sig_loaded, timeout=15000):
        page.reload()
    assert rows_by_site(page) == before
    assert "stored answer" in page.status.text() and "min old" in page.status.text()

    # A question never answered before: a plain message and empty tables, not an empty "truth".
    page.period.setCurrentIndex(page.period.findData("yesterday"))
    with qtbot.waitSignal(page.sig_failed, timeout=15000) as failed:
        page.reload()
    assert "cannot be reached" in failed.args[0]
    assert page.sites.figures.rowCount() == 0 and page.overview is None


def test_range_over_400_days_is_refused_without_asking(qtbot: Any, make_ctx: Callable[..., AppContext],
                                                       network_hub: NetworkHub, tmp_path: Path) -> None:
    ctx = make_ctx(hub_config(network_hub.base_url), actor=MANAGER, region_cache=tmp_path)
    page = open_page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.daily is not None, timeout=15000)
    stored = sorted(tmp_path.glob("region-*.json"))
    assert len(stored) == 2  # the 7-day overview and day-by-day answers
    page.period.setCurrentIndex(page.period.findData("custom"))
    first = TODAY - timedelta(days=400)
    page.start.setDate(QDate(first.year, first.month, first.day))
    with qtbot.waitSignal(page.sig_failed, timeout=5000) as failed:
        page.reload()
    assert "too long" in failed.args[0]
    assert page.sites.figures.rowCount() == 0
    with qtbot.waitSignal(page.sig_export_failed, timeout=5000) as export_failed:
        page.export_to(tmp_path / "report.json", "json")
    assert "too long" in export_failed.args[0] and not (tmp_path / "report.json").exists()
    assert sorted(tmp_path.glob("region-*.json")) == stored  # the refused range was never asked


@pytest.mark.parametrize("region, refused", [("Sindh", False), ("Punjab", True)])
def test_a_regional_key_reads_its_region_only(qtbot: Any, make_ctx: Callable[..., AppContext],
                                              network_hub: NetworkHub, tmp_path: Path, region: str,
                                              refused: bool) -> None:
    ctx = make_ctx(hub_config(network_hub.base_url, SINDH_KEY), actor=MANAGER, region_cache=tmp_path)
    page = open_page(qtbot, ctx)
    assert {page.sites.figures.value(r, 0)[:2] for r in range(page.sites.figures.rowCount())} == {"PK"}
    signal = page.sig_failed if refused else page.sig_loaded
    with qtbot.waitSignal(signal, timeout=15000):
        page.region.setCurrentIndex(page.region.findData(region))
    if refused:
        assert "may not read" in page.status.text()
        assert page.sites.figures.rowCount() == 0
    else:
        assert page.sites.figures.rowCount() == 145  # every Sindh site, silent ones too
