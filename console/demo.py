"""The ``--demo`` environment: a throw-away database, preview printer, demo staff, local hub."""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from services.config import Config
from vocabulary import Role, UpdateType

if TYPE_CHECKING:  # the demo's first window must not wait for the queue engine's import
    from console.context import AppContext
    from services.queue import QueueService


@dataclass
class DemoEnv:
    """A prepared demo: its folder, what to stop when the window closes, and the hub key the Region page reads with.

    The demo console plays every role: its own hub key is a site key (uploads, triage), and the
    manager's Region page reads the whole simulated network with a central key of its own.
    """

    data_dir: Path
    stops: list[Callable[[], None]] = field(default_factory=list)
    region_key: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    hub_ready: threading.Event = field(default_factory=threading.Event)
    """Set once the demo hub answers (or failed to start): the console's context waits for it."""

    def close(self) -> None:
        """Stop background servers and delete the throw-away folder."""
        for stop in reversed(self.stops):
            try:
                stop()
            except Exception:  # closing a demo must not fail on a half-started part; say what happened
                logging.getLogger(__name__).exception("stopping a demo part failed")
        shutil.rmtree(self.data_dir, ignore_errors=True)


def prepare_demo(cfg: Config) -> DemoEnv:
    """Point ``cfg`` at a temporary database and preview folder; nothing is read from the user's setup."""
    data_dir = Path(tempfile.mkdtemp(prefix="drc-demo-"))
    cfg.database.url = f"sqlite:///{data_dir / 'site.sqlite3'}"
    cfg.printer.backend = "preview"
    cfg.printer.preview_dir = str(data_dir / "slips")
    if not cfg.printer.qr_secret:
        cfg.printer.qr_secret = secrets.token_urlsafe(24)  # random: a published demo secret would sign anything
    return DemoEnv(data_dir)


def demo_walk_ins(queue: QueueService) -> None:
    """A few visitors already in line, so the demo opens on a living queue (only on an empty day)."""
    from services.roles import Actor

    if queue.tokens():
        return
    triage = Actor("triage", Role.TRIAGE)
    mix = [UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.RECERTIFICATION, UpdateType.ROSTER,
           UpdateType.CYCLIC, UpdateType.SHOCK, UpdateType.ROSTER, UpdateType.MISSED_OUT]
    for i, t in enumerate(mix):
        queue.issue_token(t, actor=triage, priority=i == 2, priority_reason="elderly" if i == 2 else None)


def start_demo_hub(cfg: Config, data_dir: Path, *, households: int = 5000, network_days: int = 0,
                   central_key: str | None = None, ready: threading.Event | None = None) -> Callable[[], None]:
    """Serve the reference hub on loopback over a seeded synthetic population; returns ``stop``.

    ``cfg.hub`` points at it at once; seeding (a few seconds) and serving happen on a background
    thread; ``ready`` is set when the hub serves (or could not start), so the console can hold its
    first registry checks until then instead of showing "offline" for the seconds seeding takes.
    With ``network_days``, the same thread then fills the hub with every site's last days (newest
    first, see ``services.hub.ops.demo_fill``) while it serves; ``central_key`` is accepted as the
    hub's central key (the demo's Region page reads with it).
    """
    from services.hub.db import make_engine, upgrade
    from services.hub.seed import seed
    from services.hub.testing import free_port, run_hub_in_thread

    url = f"sqlite:///{data_dir / 'hub.sqlite3'}"
    # Alembic keeps its context in module globals: migrate here, on the calling thread, so it
    # never runs beside the site database's migration. Only seeding goes to the background.
    upgrade(url)
    port = free_port()
    site_key = secrets.token_urlsafe(24)
    cfg.hub.url, cfg.hub.api_key = f"http://127.0.0.1:{port}", site_key
    cancelled = threading.Event()
    stops: list[Callable[[], None]] = []

    def boot() -> None:
        try:
            engine = make_engine(url)
            try:
                seed(engine, households, 1, None, 3)
            finally:
                engine.dispose()
            if not cancelled.is_set():
                stops.append(run_hub_in_thread(url, central_key or secrets.token_urlsafe(24), port=port,
                                               site_keys={cfg.site.id: site_key})[1])
        except Exception:  # the console stays usable offline; say why in the log
            logging.getLogger(__name__).exception("the demo hub did not start")
            return
        finally:
            if ready is not None:
                ready.set()
        if network_days and not cancelled.is_set():
            fill_network(url, network_days, cancelled)

    thread = threading.Thread(target=boot, name="drc-demo-hub", daemon=True)
    thread.start()

    def stop() -> None:
        cancelled.set()
        thread.join(60)
        for s in stops:
            s()

    return stop


def fill_network(url: str, days: int, cancelled: threading.Event) -> None:
    """Every site's last ``days`` days into the demo hub, newest first (stops between days when cancelled)."""
    import time
    from datetime import timedelta

    from services.clock import business_day
    from services.hub.db import make_engine
    from services.hub.ops.demo_fill import fill_recent
    from services.hub.ops.network import network_sites

    log = logging.getLogger(__name__)
    engine = make_engine(url)
    try:
        started = time.monotonic()
        yesterday = business_day(datetime.now(UTC)) - timedelta(days=1)
        done = fill_recent(engine, network_sites(engine, None), yesterday, days, cancelled=cancelled,
                           on_day=lambda day: log.info("demo network: %s filled", day))
        log.info("demo network: %d days, %d events in %.0f s", done.days, done.events, time.monotonic() - started)
    except Exception:  # the demo goes on with what was filled; say why in the log
        log.exception("filling the demo network failed")
    finally:
        engine.dispose()


def use_demo_region(ctx: AppContext, env: DemoEnv) -> None:
    """Let the Region page read the demo hub's whole network with the demo's central key."""
    from dataclasses import replace

    from services.region import RegionService
    from services.registry.client import RegistryClient

    if ctx.registry is None:
        return
    client = RegistryClient.from_config(replace(ctx.config.hub, api_key=env.region_key))
    ctx.region = RegionService(client, env.data_dir / "region-cache")
    env.stops.append(client.close)
