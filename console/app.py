"""Start-up: QApplication, the context of services, sign-in and the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

import resources
from console.adapter import QueueEvents
from console.context import AppContext
from console.status import StatusBar
from console.tasks import TaskRunner
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import Clock, SystemClock
from services.config import Config
from services.provision import ensure_site, seed_demo
from services.queue import QueuePolicy, QueueService
from services.roles import Actor
from services.site import SiteService

log = logging.getLogger(__name__)


def queue_policy(cfg: Config) -> QueuePolicy:
    """The queue rules from the configuration."""
    q = cfg.queue
    return QueuePolicy(max_priority_streak=q.max_priority_streak, recalls_before_no_show=q.recalls_before_no_show,
                       default_service_minutes=q.default_service_minutes)


def build_context(cfg: Config, store: Store, clock: Clock, actor: Actor, *, demo: bool = False,
                  poll_ms: int = 1000) -> AppContext:
    """Create the services and Qt adapters of one console (a QApplication must exist)."""
    site_id = cfg.site.id
    queue = QueueService(store, clock, site_id, queue_policy(cfg))
    tasks = TaskRunner()
    events = QueueEvents(queue, tasks, poll_ms=poll_ms)
    status = StatusBar(clock, f"{cfg.site.name} ({site_id})")
    return AppContext(config=cfg, store=store, clock=clock, site_id=site_id, queue=queue,
                      site=SiteService(store, clock, site_id), tasks=tasks, events=events, status=status,
                      actor=actor, demo=demo)


def install_translations(app: QApplication, lang: str) -> None:
    """Load the Urdu catalogue and switch to right-to-left when asked for Urdu."""
    if lang != "ur":
        return
    tr = QTranslator(app)
    qm = resources.path("translations", "drc_ur.qm")
    if qm.exists() and tr.load(str(qm)):
        app.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the console's look: large, plain, readable at a distance."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("drc-console")
    app.setOrganizationName("drc-console")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.5))
    app.setFont(font)
    return app


def run_gui(cfg: Config, *, demo: bool = False, lang: str | None = None) -> int:
    """Open the console window; returns the process exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = make_application()
    install_translations(app, lang or cfg.ui.language)
    env = None
    if demo:
        from console.demo import prepare_demo  # noqa: PLC0415

        env = prepare_demo(cfg)
    url = cfg.database.url or None
    upgrade(url)
    store = Store.open(url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    if demo:
        seed_demo(store, clock, cfg.site.id, 6)
    ctx = build_context(cfg, store, clock, Actor("supervisor", Role.SUPERVISOR), demo=demo)
    if demo:
        from console.demo import demo_walk_ins  # noqa: PLC0415

        demo_walk_ins(ctx.queue)
    from console.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(ctx)
    window.show()
    log.info("DRC Console started for site %s (db %s)", cfg.site.id, Path(store.engine.url.database or "").name)
    code = app.exec()
    ctx.events.stop()
    ctx.tasks.shutdown()
    store.dispose()
    if env is not None:
        env.close()
    return code
