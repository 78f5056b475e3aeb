"""Start-up: QApplication, the context of services, sign-in and the main window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication

import resources
from console.context import AppContext, build_context, close_context, queue_policy, start_features
from console.logfiles import install_log_files
from console.main_window import MainWindow
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.audit import AuditLog
from services.clock import SystemClock
from services.config import Config, default_config_path
from services.provision import ensure_site, seed_demo
from services.retention import purge_configured
from services.roles import Actor

log = logging.getLogger(__name__)
DEMO_NETWORK_DAYS = 30  # --demo: every site's last 30 days, filled in the background (console.demo.fill_network)

__all__ = ["build_context", "build_window", "make_application", "queue_policy", "run_gui"]


def install_translations(app: QApplication, lang: str) -> QTranslator | None:
    """Load the Urdu catalogue and switch to right-to-left when asked for Urdu."""
    if lang != "ur":
        return None
    tr = QTranslator(app)
    qm = resources.path("translations", "drc_ur.qm")
    if not (qm.exists() and tr.load(str(qm))):
        log.warning("Urdu translations missing at %s; showing English", qm)
        return None
    app.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return tr


def collect_garbage_on_gui_thread(app: QApplication, interval_ms: int = 10_000) -> QTimer:
    """Run Python's cycle collector only on the GUI thread, from a timer.

    Left automatic, a collection can start on a worker thread and free Qt objects there, which
    Qt does not allow (a rare crash). Disabling automatic collection and collecting here avoids it.
    """
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(gc.collect)
    timer.start(interval_ms)
    return timer


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


def build_window(ctx: AppContext) -> MainWindow:
    """The main window for the signed-in person, with the Day and board actions."""
    from console.about import install_about_menu
    from console.board import open_board
    from console.close_day import close_day, open_day
    from services.roles import Permission

    window = MainWindow(ctx)
    install_about_menu(window)
    board = QAction(QCoreApplication.translate("MainWindow", "Now-serving board"), window)
    board.setShortcut(QKeySequence("F11"))
    board.triggered.connect(lambda: open_board(ctx, window))
    window.view_menu.addSeparator()
    window.view_menu.addAction(board)
    if ctx.actor.can(Permission.OPEN_CLOSE_DAY):
        opening = QAction(QCoreApplication.translate("MainWindow", "Open the day"), window)
        opening.triggered.connect(lambda: open_day(ctx))
        closing = QAction(QCoreApplication.translate("MainWindow", "Close the day…"), window)
        closing.triggered.connect(lambda: close_day(ctx, window))
        window.day_menu.addAction(opening)
        window.day_menu.addAction(closing)
    if ctx.config.printer.qr_secret and (ctx.actor.can(Permission.REPRINT) or ctx.actor.can(Permission.SERVE_OWN_COUNTER)):
        from console.slip_check import install_slip_check

        install_slip_check(ctx, window, window.day_menu, ctx.config.printer.qr_secret)
    return window


def run_gui(cfg: Config, *, demo: bool = False, lang: str | None = None, setup: bool = False) -> int:
    """Open the console window (after the setup wizard on a first run); returns the process exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_files()
    app = make_application()
    collect_garbage_on_gui_thread(app)
    install_translations(app, lang or cfg.ui.language)
    env = None
    if demo:
        from console.demo import prepare_demo, start_demo_hub

        env = prepare_demo(cfg)
    elif setup or cfg.source is None:  # no configuration yet: the first-run wizard writes one
        from console.setup_wizard import run_setup

        written = run_setup(cfg.source or default_config_path(), cfg)
        if written is None:
            return 0
        if lang is None and written.ui.language == "ur" != cfg.ui.language:
            install_translations(app, "ur")
        cfg = written
    url = cfg.database.url or None
    # Alembic's migration context is process-global: migrate the site store before the demo
    # hub migrates its own database on another thread.
    upgrade(url)
    if env is not None:
        env.stops.append(start_demo_hub(cfg, env.data_dir, network_days=DEMO_NETWORK_DAYS, central_key=env.region_key))
    store = Store.open(url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    if demo:
        seed_demo(store, clock, cfg.site.id, 6)
    # Nobody is signed in yet: a role that may do nothing at the counter until sign-in.
    ctx = build_context(cfg, store, clock, Actor("-", Role.REGIONAL_MANAGER), demo=demo)
    if env is not None:
        from console.demo import use_demo_region

        use_demo_region(ctx, env)
    # On the database worker: a hand-edited configuration shows in the audit trail, and CNICs past
    # [privacy] cnic_days keep only a keyed hash and the masked form (the first run may touch many rows).
    ctx.tasks.run_db(lambda: AuditLog(store, clock).note_config(cfg))
    if not demo:
        ctx.tasks.run_db(lambda: purge_configured(store, clock, cfg))
    from console.backup_timer import install_auto_backup
    from console.login import install_idle_lock, sign_in
    from console.terminal import start_terminal

    code = 0
    lock = None
    try:
        if sign_in(ctx) is None:
            return 0
        if demo:
            from console.demo import demo_walk_ins

            ctx.tasks.run_db(lambda: demo_walk_ins(ctx.queue))
        start_features(ctx)
        install_auto_backup(ctx)
        window = build_window(ctx)
        window.show()
        lock = install_idle_lock(ctx, window)
        if lock is not None:
            # Another person may unlock: show the pages their role allows.
            lock.sig_user_changed.connect(lambda _actor: window.rebuild_pages())
        start_terminal(ctx)
        log.info("DRC Console started for site %s (db %s)", cfg.site.id, Path(store.engine.url.database or "").name)
        code = app.exec()
    finally:
        if lock is not None:
            lock.stop()
        close_context(ctx)
        store.dispose()
        if env is not None:
            env.close()
        gc.enable()
    return code
