"""Start-up: QApplication, the context of services, sign-in and the main window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import resources
from console.logfiles import install_log_files
from console.startup_probe import watch_first_window
from services.config import Config, default_config_path

if TYPE_CHECKING:  # imported where used: the first window must not wait for the services' imports
    from console.context import AppContext
    from console.main_window import MainWindow

log = logging.getLogger(__name__)
DEMO_NETWORK_DAYS = 30  # --demo: every site's last 30 days, filled in the background (console.demo.fill_network)

__all__ = ["build_window", "make_application", "run_gui"]


def __getattr__(name: str) -> object:
    """``console.app.build_context`` / ``queue_policy`` still work, imported on first use.

    They live in ``console.context``, whose import (every service, SQLAlchemy, numpy) is what
    start-up now does behind the first window; importing it here would put it back in front.
    """
    if name in ("build_context", "queue_policy"):
        from console import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def use_urdu_font(app: QApplication) -> None:
    """Urdu in the bundled Noto Naskh Arabic, Latin in the usual font.

    Left to fontconfig, Urdu falls back to a sans Arabic face in which a standalone ہ looks like
    "o"; listing the Naskh first makes Qt take every Arabic-script glyph from it (it has no Latin
    letters, so those still come from the normal family).
    """
    from printing.fonts import load_slip_fonts

    font = QFont(app.font())
    font.setFamilies([load_slip_fonts().urdu, *font.families()])
    app.setFont(font)


def collect_garbage_on_gui_thread(app: QApplication, interval_ms: int = 1_000) -> QTimer:
    """Run Python's cycle collector only on the GUI thread, from a timer.

    Left automatic, a collection can start on a worker thread and free Qt objects there, which
    Qt does not allow (a rare crash). Disabling automatic collection and collecting here avoids it.
    Each tick collects what the automatic collector would (the oldest generation whose count has
    passed its threshold; usually only the young objects, or nothing); see :func:`freeze_long_lived`
    for why a full collection must not scan everything.
    """
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(collect_due_generation)
    timer.start(interval_ms)
    return timer


def collect_due_generation() -> int | None:
    """Collect the oldest generation whose count passed its threshold (None: nothing was due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None


def freeze_long_lived() -> None:
    """Set aside, for good, the objects alive once the window is up (services, pages, charts, reference data).

    They are ~200,000 objects, and a full collection that scans them held the GUI thread ~0.4 s
    (``tests/benchmarks/region_page_bench.py``); frozen, a full collection scans only what came after
    (a few ms). They live as long as the window does, so the collector has nothing to find among them.
    """
    gc.collect()
    gc.freeze()


APP_MIN_POINT_SIZE = 11.5
"""The console's smallest application font: plain and readable at a distance (tests size windows with it)."""


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the console's look: large, plain, readable at a distance."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("drc-console")
    app.setOrganizationName("drc-console")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), APP_MIN_POINT_SIZE))
    app.setFont(font)
    readable_palette(app)
    return app


DISABLED_TEXT = "#5c5c5c"
"""Text of controls that cannot be used now: Fusion's #bebebe on #efefef is 1.6:1, unreadable; this is
5:1 (WCAG AA) and still plainly lighter than the black of a usable control."""


def readable_palette(app: QApplication) -> None:
    """Every text at least 4.5:1 against its background, disabled controls included."""
    pal = app.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    app.setPalette(pal)


def build_window(ctx: AppContext, *, idle_minutes: float | None = None) -> MainWindow:
    """The main window for the signed-in person: their pages and menus, who is signed in, Ctrl+L to lock.

    ``idle_minutes`` overrides ``[ui] idle_lock_minutes`` (0: lock only on request).
    """
    from console.about import install_about_menu
    from console.main_window import MainWindow
    from console.session import SessionControls

    window = MainWindow(ctx)
    install_about_menu(window)
    window.session = SessionControls(ctx, window, idle_minutes)
    from console.large_text import install_large_text

    install_large_text(window, ctx, window.view_menu)
    return window


def run_gui(cfg: Config, *, demo: bool = False, lang: str | None = None, setup: bool = False) -> int:
    """Open the console window (after the setup wizard on a first run); returns the process exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_files()
    app = make_application()
    probe = watch_first_window(app)
    collect_garbage_on_gui_thread(app)
    if install_translations(app, lang or cfg.ui.language) is not None:
        use_urdu_font(app)
    env = None
    if demo:
        from console.demo import prepare_demo

        env = prepare_demo(cfg)
    elif setup or cfg.source is None:  # no configuration yet: the first-run wizard writes one
        from console.setup_wizard import run_setup

        written = run_setup(cfg.source or default_config_path(), cfg)
        if written is None:
            return 0
        if lang is None and written.ui.language == "ur" != cfg.ui.language and install_translations(app, "ur"):
            use_urdu_font(app)
        cfg = written
    from console.login import sign_in_at_start
    from console.startup import Startup

    # The sign-in dialog is the first window. Migrating and opening the store, the demo's hub and
    # seeding, and building the services happen behind it once it is on screen (console.startup);
    # the main window and its pages come after sign-in.
    startup = Startup(cfg, env)
    if probe.seen is not None:  # the setup wizard was the first window
        startup.begin()
    else:
        probe.sig_shown.connect(startup.begin, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(1500, startup, startup.begin)  # no expose event (a minimised start): begin anyway
    actor = sign_in_at_start(startup)
    ctx = startup.finish()
    if ctx is None:  # cancelled before the services were ready, or start-up failed
        if env is not None:
            env.close()
        gc.enable()
        if startup.error is not None:
            raise startup.error
        return 0
    store = ctx.store
    from console.backup_timer import install_auto_backup
    from console.context import close_context, start_features
    from console.terminal import start_terminal

    code = 0
    window: MainWindow | None = None
    try:
        if actor is None:
            return 0
        start_features(ctx)
        install_auto_backup(ctx)
        window = build_window(ctx)
        window.show()
        start_terminal(ctx)
        freeze_long_lived()
        log.info("DRC Console started for site %s (db %s)", cfg.site.id, Path(store.engine.url.database or "").name)
        code = app.exec()
    finally:
        if window is not None and window.session is not None:
            window.session.stop()
        close_context(ctx)
        store.dispose()
        if env is not None:
            env.close()
        gc.unfreeze()
        gc.enable()
    return code
