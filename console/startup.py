"""Start-up behind the first window: the sign-in dialog shows at once, the rest is prepared behind it.

What made the first window slow was work the dialog does not need to be drawn: importing the
services (SQLAlchemy, Alembic, numpy), migrating the store, seeding the demo and starting its hub.
:class:`Startup` does that on a thread that begins only once the first window is on screen
(``begin``, called by the first-window probe), so nothing competes with the first paint; the
person types their name and PIN meanwhile. When the store is ready the context is built on the
GUI thread and ``sig_ready`` hands it to the dialog. This module imports only QtCore so that it
costs the first window nothing.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from console.context import AppContext
    from console.demo import DemoEnv
    from db.engine import Store
    from services.clock import SystemClock
    from services.config import Config

log = logging.getLogger(__name__)

HUB_WAIT_S = 90
"""How long the demo waits for its hub to answer before the console starts without it."""


@dataclass
class Prepared:
    """What the start-up thread made: the open store, the clock, and whether an administrator exists."""

    store: Store
    clock: SystemClock
    first_run: bool


def prepare(cfg: Config, env: DemoEnv | None) -> Prepared:
    """Migrate and open the site store (and in the demo: start the hub, seed staff and walk-ins).

    Runs on the start-up thread. The site store is migrated before the demo hub migrates its own
    database, on this one thread: Alembic's context is process-global.
    """
    from console.context import queue_policy
    from db.engine import Store
    from db.migrate import upgrade
    from services.auth import AuthService, set_demo_pins
    from services.clock import SystemClock
    from services.provision import ensure_site, seed_demo
    from services.queue import QueueService

    url = cfg.database.url or None
    upgrade(url)
    if env is not None:
        from console.app import DEMO_NETWORK_DAYS
        from console.demo import start_demo_hub

        env.stops.append(start_demo_hub(cfg, env.data_dir, network_days=DEMO_NETWORK_DAYS,
                                        central_key=env.region_key, ready=env.hub_ready))
    store = Store.open(url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    if env is not None:
        from console.demo import demo_walk_ins

        seed_demo(store, clock, cfg.site.id, 6)
        set_demo_pins(store)
        demo_walk_ins(QueueService(store, clock, cfg.site.id, queue_policy(cfg)))
        # The console's first registry checks (outbox, triage, quality) come with its context:
        # build that once the hub answers, not while it still seeds ("offline" for seconds).
        if not env.hub_ready.wait(HUB_WAIT_S):
            log.warning("the demo hub is not up after %d s; starting without it", HUB_WAIT_S)
    first_run = AuthService(store, clock, site_id=cfg.site.id).needs_first_admin()
    return Prepared(store, clock, first_run)


class Startup(QObject):
    """Prepares the store on a thread once the first window is up, then builds the context on the GUI thread."""

    sig_ready = Signal(object)
    """The :class:`AppContext` is built (GUI thread); nobody is signed in yet."""

    sig_failed = Signal(object)
    """Preparing failed (the exception); the console cannot start."""

    _sig_prepared = Signal()

    def __init__(self, cfg: Config, env: DemoEnv | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cfg = cfg
        self.env = env
        self.demo = env is not None
        self.prepared: Prepared | None = None
        self.error: BaseException | None = None
        self.ctx: AppContext | None = None
        self._thread: threading.Thread | None = None
        self._sig_prepared.connect(self._build)  # emitted on the thread: queued to the GUI thread

    @property
    def started(self) -> bool:
        """True once ``begin`` has started the preparation."""
        return self._thread is not None

    def begin(self) -> None:
        """Start preparing (once); the first-window probe calls it when the first window is on screen."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._prepare, name="drc-startup", daemon=True)
            self._thread.start()

    def _prepare(self) -> None:
        try:
            self.prepared = prepare(self.cfg, self.env)
        except BaseException as exc:  # shown in the sign-in dialog and raised again when start-up ends
            log.exception("the console could not start")
            self.error = exc
        self._sig_prepared.emit()

    def _build(self) -> None:
        if self.ctx is not None:
            return
        if self.error is not None:
            self.sig_failed.emit(self.error)
            return
        if self.prepared is None:  # start-up already ended (the dialog was cancelled)
            return
        from console.context import build_context
        from db.models import Role
        from services.audit import AuditLog
        from services.retention import purge_configured
        from services.roles import Actor

        store, clock, cfg = self.prepared.store, self.prepared.clock, self.cfg
        # Nobody is signed in yet: a role that may do nothing at the counter until sign-in.
        ctx = build_context(cfg, store, clock, Actor("-", Role.REGIONAL_MANAGER), demo=self.demo)
        if self.env is not None:
            from console.demo import use_demo_region

            use_demo_region(ctx, self.env)
        # On the database worker: a hand-edited configuration shows in the audit trail, and CNICs past
        # [privacy] cnic_days keep only a keyed hash and the masked form (the first run may touch many rows).
        ctx.tasks.run_db(lambda: AuditLog(store, clock).note_config(cfg))
        if not self.demo:
            ctx.tasks.run_db(lambda: purge_configured(store, clock, cfg))
        self.ctx = ctx
        self.sig_ready.emit(ctx)

    def finish(self, timeout: float = 120.0) -> AppContext | None:
        """Wait for the thread to end; the context if it was built (None: cancelled before, or failed).

        Called when the sign-in dialog has closed, perhaps cancelled before the store was ready:
        start-up must still end cleanly, so the thread is waited for. What it made without a
        context (the store) is closed here; a built context is closed by the caller.
        """
        if self._thread is not None:
            self._thread.join(timeout)
        if self.ctx is None and self.prepared is not None:
            self.prepared.store.dispose()
            self.prepared = None  # a queued build that arrives later finds nothing to build
        return self.ctx
