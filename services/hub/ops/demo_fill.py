"""Fill a demo hub with a simulated network, newest day first, so a region shows within seconds.

``drc-console --demo`` calls :func:`fill_recent` on a background thread once its hub serves. Each
day goes through :func:`simulate_network` (the real roll-up, roll-ups only), one day at a time from
yesterday backwards: after the first day the manager's "last 7 days" already has figures, and the
rest of the month arrives while they look. A few sites fall silent for the last days, so the page
has silent sites to mark. Each simulated DEO first gets a made-up display name
(``services.hub.ops.demo_deos``), so the DEO rankings name people. The work is bounded (``days`` x
the sites) and stops between days when ``cancelled`` says so (the window closed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from services.clock import SITE_ZONE
from services.hub.models import SiteSeen
from services.hub.ops.demo_deos import name_demo_deos
from services.hub.ops.network import NetworkSite, simulate_network

SILENT_EVERY = 50  # one site in fifty stops uploading ...
SILENT_DAYS = 3  # ... for the last three days


@dataclass
class FillProgress:
    """How far the fill got (days done, events made) and whether it ran to the end."""

    days: int = 0
    events: int = 0
    finished: bool = False


def fill_recent(engine: Engine, sites: Sequence[NetworkSite], yesterday: date, days: int, *, volume: float = 0.3,
                seed: int = 7, cancelled: threading.Event | None = None,
                on_day: Callable[[date], None] | None = None) -> FillProgress:
    """Simulate ``days`` days up to ``yesterday`` for ``sites``, newest first; returns what was done."""
    progress = FillProgress()
    quiet = {s.site_id for i, s in enumerate(sites) if i % SILENT_EVERY == SILENT_EVERY // 2}
    newest: dict[str, date] = {}
    name_demo_deos(engine, sites)
    for back in range(days):
        if cancelled is not None and cancelled.is_set():
            break
        day = yesterday - timedelta(days=back)
        working = [s for s in sites if back >= SILENT_DAYS or s.site_id not in quiet]
        report = simulate_network(engine, working, day, 1, raw_days=0, seed=seed, volume=volume)
        for s in working:
            newest.setdefault(s.site_id, day)
        progress.days += 1
        progress.events += report.events
        _stamp_last_seen(engine, newest)  # each day's call stamped its own (older) day: put the newest back
        if on_day is not None:
            on_day(day)
    progress.finished = progress.days == days
    return progress


def _stamp_last_seen(engine: Engine, newest: dict[str, date]) -> None:
    """Each site's last upload at 20:00 local on its newest simulated day, unless a real upload is newer."""
    with Session(engine) as ses, ses.begin():
        held = dict(ses.execute(select(SiteSeen.site_id, SiteSeen.last_seen)).all())
        for site_id, day in newest.items():
            stamp = datetime(day.year, day.month, day.day, 20, tzinfo=SITE_ZONE).astimezone(UTC).replace(tzinfo=None)
            if site_id not in held:
                ses.add(SiteSeen(site_id=site_id, last_seen=stamp))
            elif held[site_id] < stamp:
                ses.get_one(SiteSeen, site_id).last_seen = stamp
