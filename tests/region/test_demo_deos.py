"""The demo network's DEOs have made-up regional display names, so the Region page's DEO tables name people."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.context import AppContext
from services.deo_ids import deo_pseudonym
from services.hub.db import make_engine
from services.hub.models import SiteDeo
from services.hub.ops.demo_deos import name_demo_deos, region_names
from services.hub.ops.demo_fill import fill_recent
from services.hub.ops.network import NetworkSite, network_sites
from tests.hub.conftest import TODAY, seeded_hub_db
from tests.region.conftest import NetworkHub, hub_config, start_hub
from tests.region.test_region_page import MANAGER, open_page
from widgets.bidi import LRI, PDI

DISPLAY = re.compile(r"^[A-Z][a-z]+ [A-Z]\.$")  # a first name and the initial of the last, as a site shares it


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[NetworkSite]]:
    """A hub filled as ``--demo`` fills it (up to ten sites of every region, the last 3 days)."""
    url = seeded_hub_db(f"sqlite:///{tmp_path_factory.mktemp('demo-deos') / 'hub.sqlite3'}", households=200,
                        paradata_days=1)
    engine = make_engine(url)
    try:
        every = network_sites(engine, None)
        sites = [s for region in region_names() for s in [x for x in every if x.region == region][:10]]
        fill_recent(engine, sites, TODAY - timedelta(days=1), 3)
    finally:
        engine.dispose()
    return url, sites


@pytest.fixture(scope="module")
def demo_hub(demo_db: tuple[str, list[NetworkSite]]) -> Iterator[NetworkHub]:
    hub = start_hub(demo_db[0])
    yield hub
    hub.stop()


def names_held(url: str) -> dict[tuple[str, str], str]:
    engine = make_engine(url)
    try:
        with Session(engine) as ses:
            return {(s, d): n for s, d, n in ses.execute(select(SiteDeo.site_id, SiteDeo.deo_id,
                                                                SiteDeo.display_name))}
    finally:
        engine.dispose()


def test_every_simulated_deo_has_a_regional_name_the_same_every_run(demo_db: tuple[str, list[NetworkSite]],
                                                                   tmp_path: Path) -> None:
    url, sites = demo_db
    held = names_held(url)
    assert {s.region for s in sites} == set(region_names())  # every region's names are used
    for site in sites:
        women, men, families = region_names()[site.region]
        names = [held[(site.site_id, deo_pseudonym(site.site_id, f"deo{k}"))] for k in range(1, site.deos + 1)]
        assert len(set(names)) == len(names)  # two DEOs of one site are never the same name
        for name in names:
            assert DISPLAY.match(name), name
            given, initial = name[:-3], name[-2]
            assert given in women + men and initial in {f[0] for f in families}, (site.region, name)
    # Another hub filled the same way names the same people; a name a site uploaded itself is kept.
    again = seeded_hub_db(f"sqlite:///{tmp_path / 'again.sqlite3'}", households=200, paradata_days=1)
    engine = make_engine(again)
    try:
        own = sites[0]
        with Session(engine) as ses, ses.begin():
            ses.add(SiteDeo(site_id=own.site_id, deo_id=deo_pseudonym(own.site_id, "deo1"), display_name="Uploaded N."))
        assert name_demo_deos(engine, sites) == len(held) - 1
        assert name_demo_deos(engine, sites) == 0
    finally:
        engine.dispose()
    assert names_held(again) == {**held, (own.site_id, deo_pseudonym(own.site_id, "deo1")): "Uploaded N."}


def test_the_deo_tables_name_people(qtbot: Any, make_ctx: Callable[..., AppContext], demo_hub: NetworkHub,
                                    tmp_path: Path) -> None:
    page = open_page(qtbot, make_ctx(hub_config(demo_hub.base_url), actor=MANAGER, region_cache=tmp_path))
    api = demo_hub.get("/v1/regions/deo-ranking", n=5, **{"from": (TODAY - timedelta(days=6)).isoformat(),
                                                          "to": TODAY.isoformat()})
    for table, side in ((page.top_deos, "top"), (page.bottom_deos, "bottom")):
        shown = [table.figures.value(r, 0) for r in range(table.figures.rowCount())]
        assert len(shown) == 5 and all(DISPLAY.match(name) for name in shown), shown
        assert shown == [d["display_name"] for d in api[side]]
    site_id = api["top"][0]["site_id"]
    with qtbot.waitSignal(page.sig_site_loaded, timeout=15000):  # the site's own DEO table names them too
        page._drill(site_id)
    drilled = [page.deos.figures.value(r, 0) for r in range(page.deos.figures.rowCount())]
    assert drilled and all(DISPLAY.match(name) for name in drilled), drilled
    assert api["top"][0]["display_name"] in drilled


def test_the_deo_names_stay_left_to_right_in_urdu(urdu: Any, qtbot: Any, make_ctx: Callable[..., AppContext],
                                                  demo_hub: NetworkHub, tmp_path: Path) -> None:
    page = open_page(qtbot, make_ctx(hub_config(demo_hub.base_url), actor=MANAGER, region_cache=tmp_path))
    shown = [page.top_deos.figures.value(r, 0) for r in range(page.top_deos.figures.rowCount())]
    assert shown and all(name.startswith(LRI) and name.endswith(PDI) and DISPLAY.match(name[1:-1])
                         for name in shown), shown  # "Ayesha K." not ".Ayesha K" in a right-to-left cell
