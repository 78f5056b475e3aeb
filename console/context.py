"""The console's composition root: every service a page may use, built once and typed.

A page receives the :class:`AppContext` and takes what it needs from it; it never builds a
service itself. Read this file to find what exists:

- always there: ``queue``, ``site``, ``auth``, ``audit``, ``day``, ``metrics``, ``triage`` (without a hub
  it offers the manual choices only), and the Qt pieces ``tasks``, ``events``, ``status``;
- ``None`` only where the feature is really off: ``registry``, ``sync``, ``region`` and ``centre`` (no ``[hub] url``),
  ``printing`` (until :func:`start_features` starts the print worker), ``terminal`` (the counter
  terminal is not enabled), ``board`` (the now-serving window is not open).

:func:`build_context` builds the services (a QApplication must exist); :func:`start_features`
starts the parts that run on their own (outbox sync, printing) once somebody has signed in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.adapter import QueueEvents
from console.status import StatusBar, site_title
from console.tasks import TaskRunner
from db.engine import Store, data_dir
from services.audit import AuditLog
from services.auth import AuthService
from services.centre_quality import CentreQuality
from services.clock import Clock
from services.config import Config
from services.day import DayService
from services.metrics import MetricsService
from services.quality_limits import quality_limits
from services.queue import QueuePolicy, QueueService
from services.region import RegionService
from services.registry import RegistryClient
from services.roles import Actor
from services.site import SiteService
from services.triage import HeldPolicy, PolicyKeeper, TriageService, combine

if TYPE_CHECKING:  # Qt glue that itself takes the context: imported for the annotations only
    from console.board import BoardWindow
    from console.printing_glue import PrintService
    from console.sync_worker import SyncWorker
    from services.terminal import TerminalServer

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """The services, workers and signed-in person of one running console."""

    config: Config
    store: Store
    clock: Clock
    site_id: str
    queue: QueueService
    site: SiteService
    auth: AuthService
    audit: AuditLog
    day: DayService
    metrics: MetricsService
    triage: TriageService
    tasks: TaskRunner
    events: QueueEvents
    status: StatusBar
    actor: Actor
    demo: bool = False
    registry: RegistryClient | None = None
    """The central registry client; None when no hub is configured."""
    sync: SyncWorker | None = None
    """The outbox worker; None when no hub is configured."""
    region: RegionService | None = None
    """The hub's regional figures with the last answers cached; None when no hub is configured."""
    centre: CentreQuality | None = None
    """Quality at the centre (duplicates, flagged surveys, reviews, overrides); None when no hub is configured."""
    printing: PrintService | None = None
    """Slips and reprints; None until :func:`start_features` (tests that print start it)."""
    terminal: TerminalServer | None = None
    """The counter terminal's server; None when the terminal is off."""
    board: BoardWindow | None = None
    """The now-serving window while it is open."""


def queue_policy(cfg: Config) -> QueuePolicy:
    """The queue rules from the configuration (the appeal switch is the centre's: the triage policy's)."""
    q = cfg.queue
    return QueuePolicy(max_priority_streak=q.max_priority_streak, recalls_before_no_show=q.recalls_before_no_show,
                       default_service_minutes=q.default_service_minutes,
                       appeal_enabled=combine(cfg.policy, None)[0].appeal_enabled)


def policy_cache_path(store: Store) -> Path:
    """Where the centre's last policy is kept: beside a SQLite site store, else in the data folder."""
    database = store.engine.url.database
    if store.engine.dialect.name == "sqlite" and database and database != ":memory:":
        return Path(database).resolve().parent / "central-policy.json"
    return data_dir() / "central-policy.json"


def build_context(cfg: Config, store: Store, clock: Clock, actor: Actor, *, demo: bool = False,
                  poll_ms: int = 1000, sync_interval_ms: int = 5000, region_cache: Path | None = None,
                  policy_cache: Path | None = None) -> AppContext:
    """Create every service and Qt adapter of one console (a QApplication must exist).

    ``region_cache`` is where the regional answers are kept (default: the data folder);
    ``policy_cache`` the centre's last policy (default: beside the SQLite store).
    """
    from console.sync_worker import SyncWorker
    from services.sync import OutboxSync

    site_id = cfg.site.id
    keeper = PolicyKeeper(cfg.policy, policy_cache or policy_cache_path(store), clock.now)
    policy = keeper.policy
    queue = QueueService(store, clock, site_id, replace(queue_policy(cfg), appeal_enabled=policy.appeal_enabled))
    tasks = TaskRunner()
    registry = (RegistryClient.from_config(cfg.hub, shock_ttl=policy.shock_areas_ttl_seconds)
                if cfg.hub.url else None)
    status = StatusBar(clock, site_title(cfg.site.name, cfg.site.name_ur, site_id))
    events = QueueEvents(queue, tasks, poll_ms=poll_ms)
    ctx = AppContext(
        config=cfg, store=store, clock=clock, site_id=site_id, queue=queue,
        site=SiteService(store, clock, site_id),
        auth=AuthService(store, clock, site_id=site_id),
        audit=AuditLog(store, clock),
        day=DayService(store, clock, site_id, queue),
        metrics=MetricsService(store, clock, site_id, service_level_minutes=cfg.metrics.service_level_minutes,
                               queue=queue),
        triage=TriageService(registry, policy, clock, keeper),
        tasks=tasks, events=events, status=status, actor=actor, demo=demo, registry=registry,
    )
    tasks.sig_error.connect(status.show_error)
    for key in keeper.held.ignored:
        status.alert(QCoreApplication.translate(
            "Policy", "The configuration's [policy] {key} is ignored: the centre sets it.").format(key=key), "warning")
    for key in quality_limits(cfg.metrics, keeper.held.central).ignored:
        log.warning("config [metrics] %s ignored: the centre sets it", key)
        status.alert(QCoreApplication.translate(
            "Policy", "The configuration's [metrics] {key} is ignored: the centre sets it.").format(key=key), "warning")
    if registry is not None:
        outbox = OutboxSync(store, queue, registry, clock, site_id, policy=policy)

        def follow(held: HeldPolicy) -> None:
            """A new policy from the centre: the queue's appeal switch and the later checks follow it."""
            queue.policy = replace(queue.policy, appeal_enabled=held.policy.appeal_enabled)
            outbox.policy = held.policy

        keeper.subscribe(follow)
        ctx.sync = SyncWorker(tasks, status, outbox, sync_interval_ms, parent=tasks)
        events.sig_issued.connect(ctx.sync.nudge)
        ctx.region = RegionService(registry, region_cache or data_dir() / "region-cache")
        ctx.centre = CentreQuality(registry)
    return ctx


def start_features(ctx: AppContext) -> None:
    """Start what runs on its own once someone has signed in: outbox sync and slip printing."""
    from console.printing_glue import install_printing

    if ctx.sync is not None:
        ctx.sync.start()
    if ctx.printing is None:
        install_printing(ctx)


def close_context(ctx: AppContext) -> None:
    """Stop everything a context runs, in order, on exit (the app, the kiosk and the tests use this;
    calling it twice is harmless).

    The terminal first (no new actions arrive), then the change poller and the outbox worker, then
    the printer thread (slips already queued still print), then the background tasks (waiting for
    the one running), and last the registry's HTTP session.
    """
    if ctx.terminal is not None:
        ctx.terminal.stop()
        ctx.terminal = None
    ctx.events.stop()
    if ctx.sync is not None:
        ctx.sync.stop()
    if ctx.printing is not None:
        ctx.printing.shutdown()
    ctx.tasks.shutdown()
    if ctx.registry is not None:
        ctx.registry.close()
