"""The --demo network: filled newest day first in the background, some sites falling silent, cancellable;
the demo's Region page reads all 617 sites with its own central key."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.context import AppContext
from console.demo import DemoEnv, start_demo_hub, use_demo_region
from db.models import Role
from services.clock import SITE_ZONE, business_day
from services.config import Config
from services.hub.db import make_engine
from services.hub.models import SiteDay, SiteSeen
from services.hub.ops.demo_fill import SILENT_DAYS, fill_recent
from services.hub.ops.network import network_sites
from services.region import RegionOffline, RegionQuery, RegionRefused
from services.roles import Actor
from tests.hub.conftest import TODAY, seeded_hub_db


def evening(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 20, tzinfo=SITE_ZONE).astimezone(UTC).replace(tzinfo=None)


def test_fill_is_newest_first_with_silent_sites_and_stops_when_cancelled(tmp_path: Path) -> None:
    engine = make_engine(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=200, paradata_days=1))
    try:
        sites = network_sites(engine, 60)
        yesterday = TODAY - timedelta(days=1)
        cancel = threading.Event()
        seen: list[date] = []

        def on_day(day: date) -> None:
            seen.append(day)
            if len(seen) == SILENT_DAYS + 1:
                cancel.set()

        done = fill_recent(engine, sites, yesterday, 10, cancelled=cancel, on_day=on_day)
        assert seen == [yesterday - timedelta(days=i) for i in range(SILENT_DAYS + 1)]
        assert (done.days, done.finished) == (SILENT_DAYS + 1, False) and done.events > 0
        with Session(engine) as ses:
            days = set(ses.scalars(select(SiteDay.day).distinct()))
            seen_at = dict(ses.execute(select(SiteSeen.site_id, SiteSeen.last_seen)).all())
            recent = set(ses.scalars(select(SiteDay.site_id).where(SiteDay.day == yesterday, SiteDay.events > 0)))
        assert days <= set(seen) and yesterday in days  # nothing older than where it was stopped (Sundays are closed)
        quiet = {s.site_id for s in sites} - recent
        assert 0 < len(quiet) < 5
        for s in sites:  # each site's last upload is its newest day, not the oldest filled last
            expected = yesterday - timedelta(days=SILENT_DAYS) if s.site_id in quiet else yesterday
            assert seen_at[s.site_id] == evening(expected)
    finally:
        engine.dispose()


def test_demo_region_reads_the_whole_network_within_seconds(tmp_path: Path,
                                                           make_ctx: Callable[..., AppContext]) -> None:
    cfg = Config()
    env = DemoEnv(tmp_path)
    stop = start_demo_hub(cfg, tmp_path, households=200, network_days=1, central_key=env.region_key)
    try:
        ctx = make_ctx(cfg, actor=Actor("manager", Role.REGIONAL_MANAGER), region_cache=tmp_path / "cache")
        use_demo_region(ctx, env)
        assert ctx.region is not None and ctx.registry is not None
        assert env.region_key not in (cfg.hub.api_key, "")  # the console's own key stays a site key
        yesterday = business_day(datetime.now(UTC)) - timedelta(days=1)
        began = time.monotonic()
        while True:
            try:
                sites = ctx.region.overview(RegionQuery(yesterday, yesterday)).data.performance.sites
                if sum(not s.silent for s in sites) > 600:
                    break
            except (RegionOffline, RegionRefused):  # the hub is still seeding
                pass
            assert time.monotonic() - began < 120, "the demo network never showed"
            time.sleep(0.5)
        assert len(sites) == 617
        assert 0 < sum(s.silent for s in sites) < 17  # a few fell silent
    finally:
        stop()
        for close in env.stops:
            close()


def test_page_asks_again_once_a_starting_hub_is_up(qtbot: Any, make_ctx: Callable[..., AppContext],
                                                     network_db: str, tmp_path: Path) -> None:
    """Signed in before the demo hub serves: the page says so, then shows the region by itself."""
    from console.pages.region import RegionPage
    from services.hub.testing import free_port, run_hub_in_thread
    from tests.hub.conftest import HUB_KEY
    from tests.region.conftest import hub_config

    port = free_port()
    ctx = make_ctx(hub_config(f"http://127.0.0.1:{port}"), actor=Actor("manager", Role.REGIONAL_MANAGER),
                   region_cache=tmp_path)
    page = RegionPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_failed, timeout=15000) as failed:
        page.show()
    assert "cannot be reached" in failed.args[0]
    _, stop = run_hub_in_thread(network_db, HUB_KEY, port=port, today=lambda: TODAY)
    try:
        with qtbot.waitSignal(page.sig_loaded, timeout=20000):
            pass  # nobody presses Refresh
        assert page.sites.figures.rowCount() == 617
    finally:
        stop()
