"""Shared fixtures: a migrated SQLite store, a throw-away PostgreSQL database, a fixed clock,
the console context (``ctx``, ``make_ctx``), DEO actors (``deo``), the Urdu catalogue (``urdu``), the
console's look (``console_look``), a command line without the developer's own configuration
(``no_user_config``), and the leak guard that fails a test leaving a thread, a server or a child
process running."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, select, text

from db.engine import Store
from db.migrate import upgrade
from db.models import Role, Staff
from services.clock import SITE_ZONE, FixedClock
from services.provision import ensure_site, seed_demo
from services.queue import QueuePolicy, QueueService
from services.roles import Actor
from services.site import SiteService

if TYPE_CHECKING:
    from console.context import AppContext


@pytest.fixture(autouse=True)
def _restore_root_logging() -> Iterator[None]:
    """A test that starts the app (``run_gui``) adds the rotating log file and lowers the root level to
    INFO; undo both after it, so later tests do not write through a leftover handler."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers and isinstance(handler, logging.FileHandler):  # pytest's own handlers stay
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


_SETTINGS_DIR = Path(tempfile.mkdtemp(prefix="drc-test-settings-"))
# The app and CLI that tests start as child processes keep their config, settings and logs in the
# user's folders (platformdirs, QSettings): point those at this run's own folder, so a test run
# neither reads what a person set up on this machine nor leaves anything there.
for _var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = str(_SETTINGS_DIR / _var.lower().removeprefix("xdg_"))


@pytest.fixture(autouse=True)
def _private_user_settings() -> Iterator[None]:
    """The console remembers the window's geometry and the large-text choice in the user's QSettings.
    Tests keep theirs in a folder of their own, emptied after each test: a setting left by one test
    (or by an earlier run on the same machine) must not reach the next."""
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(_SETTINGS_DIR))
    QSettings("drc-console", "drc-console").clear()
    yield
    QSettings("drc-console", "drc-console").clear()


@pytest.fixture(autouse=True)
def _fresh_text_size() -> None:
    """The large-text switch keeps the normal point size on the application the first time a window
    is built (console.large_text); the tests share one application, so each starts without it, as a
    new console does. Left over, the size of an earlier test's font (the bare 9 pt of a test without
    ``console_look``) became the next test's normal size: a smaller font and a different layout."""
    from PySide6.QtCore import QCoreApplication

    from console.large_text import BASE_SIZE

    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(BASE_SIZE, None)


@pytest.fixture(autouse=True)
def _restore_default_locale() -> Iterator[None]:
    """A test that installs the Urdu catalogue also makes Urdu the default QLocale (dates in Urdu);
    put back the one before, so a later English test does not print Urdu dates."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def urdu(qapp: Any) -> Iterator[Any]:
    """The Urdu catalogue installed for the test (right to left, Urdu dates); English again after it."""
    from PySide6.QtCore import QLocale, Qt

    from console.app import install_translations

    tr = install_translations(qapp, "ur")
    assert tr is not None
    yield tr
    qapp.removeTranslator(tr)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def console_look(qapp: Any) -> Iterator[None]:
    """The console's own look (style, font, palette) for the test; the shared QApplication's after."""
    from console.app import make_application

    font, palette, style = qapp.font(), qapp.palette(), qapp.style().name()
    make_application()
    yield
    qapp.setStyle(style)
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own configuration, database and hub key out of a command-line run."""
    monkeypatch.setenv("DRC_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("DRC_DATABASE_URL", raising=False)
    monkeypatch.delenv("DRC_HUB_KEY", raising=False)


@pytest.fixture(scope="module", autouse=True)
def _set_aside_long_lived() -> None:
    """Before each test module: collect, then set aside for the cycle collector everything still alive
    (modules, collected tests, the session's fixtures and caches), as ``console.app.freeze_long_lived``
    does once the window is up. The full collection after each Qt test then scans only what this
    module made; without it the suite's ~400,000 long-lived objects were scanned twice a test (2 s
    teardowns late in the run). Only what survives a full collection is set aside; a cycle of it that
    dies later (a session fixture's, say) is kept until the run ends."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests: no automatic cycle collection (it may run on a worker thread and free Qt objects
    there); collect on the main thread after the test instead, as the app does (console.app)."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
        if not gc.get_freeze_count():  # the test undid the freeze (as the app does on exit): set aside again
            gc.freeze()  # what is alive now, after the collection: the session's and the module's objects


PG_ADMIN_URL = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SITE_ID = "PK10101-01"


def simulated_site_db(path: Path, day: date, *, tokens: int, counters: int, seed: int,
                      site_id: str = SITE_ID) -> str:
    """A migrated site database at ``path`` holding one simulated day (``services.simulate``); returns its URL."""
    from services.simulate import simulate_day

    url = f"sqlite:///{path}"
    upgrade(url)
    store = Store.open(url)
    try:
        simulate_day(store, tokens=tokens, counters=counters, seed=seed, day=day, site_id=site_id)
    finally:
        store.dispose()
    return url


@pytest.fixture
def clock() -> FixedClock:
    """10:00 on a Wednesday in Pakistan."""
    return FixedClock(datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, empty SQLite file; tests copy it instead of migrating again (~10x faster)."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_template: Path) -> str:
    """URL of a migrated SQLite file in a temp dir (a copy of the session template)."""
    target = tmp_path / "site.sqlite3"
    shutil.copyfile(migrated_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    """A migrated SQLite store with the production pragmas."""
    st = Store.open(sqlite_url)
    yield st
    st.dispose()


def _pg_reachable() -> bool:
    try:
        eng = create_engine(PG_ADMIN_URL)
        with eng.connect():
            pass
        eng.dispose()
        return True
    except Exception:
        return False


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the local server, dropped afterwards."""
    if not _pg_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"drc_test_{uuid.uuid4().hex[:12]}"
    pg_admin(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_admin(*statements: str) -> None:
    """Run ``statements`` on the local server, each on its own (CREATE / DROP DATABASE cannot be in a transaction)."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            for statement in statements:
                c.execute(text(statement))
    finally:
        admin.dispose()


@pytest.fixture
def site(store: Store, clock: FixedClock) -> list[int]:
    """The demo site with six counters and staff; returns the counter ids."""
    ensure_site(store, SITE_ID, "DRC Bagh", "ڈی آر سی باغ")
    return seed_demo(store, clock, SITE_ID, 6)


@pytest.fixture
def queue(store: Store, clock: FixedClock, site: list[int]) -> QueueService:
    """A queue service on the demo site."""
    return QueueService(store, clock, SITE_ID, QueuePolicy())


@pytest.fixture
def supervisor() -> Actor:
    """A supervisor: may do every queue action on every counter."""
    return Actor("supervisor", Role.SUPERVISOR)


@pytest.fixture
def triage_actor() -> Actor:
    """A triage assistant: issues tokens."""
    return Actor("triage", Role.TRIAGE)


@pytest.fixture
def site_service(store: Store, clock: FixedClock, site: list[int]) -> SiteService:
    """The site service over the demo site."""
    return SiteService(store, clock, SITE_ID)


def deo_for(store: Store, site: SiteService, counter_id: int) -> Actor:
    """The DEO actor assigned to ``counter_id`` today."""
    view = next(c for c in site.counters() if c.id == counter_id)
    assert view.staff_id is not None
    with store.read() as s:
        username = s.scalar(select(Staff.username).where(Staff.id == view.staff_id))
    assert username is not None
    return Actor(username, Role.DEO, view.staff_id)


@pytest.fixture
def deo(store: Store, site_service: SiteService) -> Callable[[int], Actor]:
    """``deo(counter_id)``: the DEO assigned to that counter today."""
    return lambda counter_id: deo_for(store, site_service, counter_id)


# ---- the console context ------------------------------------------------------------------------
@pytest.fixture
def make_ctx(qapp: Any, store: Store, clock: FixedClock, site: list[int],
             supervisor: Actor) -> Iterator[Callable[..., AppContext]]:
    """``make_ctx(cfg=None, actor=supervisor, **build_context options)``: a real console context on
    the demo site; without a ``cfg`` no hub is configured. Every context made is shut down after."""
    from console.context import build_context, close_context
    from services.config import Config

    made: list[AppContext] = []

    def make(cfg: Config | None = None, actor: Actor | None = None, **options: Any) -> AppContext:
        if cfg is None:
            cfg = Config()
            cfg.hub.url = ""  # an offline console unless the test brings a hub
        cfg.site.id = SITE_ID
        options.setdefault("poll_ms", 200)
        context = build_context(cfg, store, clock, actor or supervisor, **options)
        made.append(context)
        return context

    yield make
    for context in made:
        close_context(context)
        context.status.deleteLater()
    # Free the contexts' Qt objects here, on the GUI thread, never from a worker thread.
    made.clear()
    gc.collect()


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> AppContext:
    """The console context on the demo site, signed in as supervisor, no hub configured."""
    return make_ctx()


# ---- the leak guard -----------------------------------------------------------------------------
_LONG_LIVED: set[threading.Thread] = set()
"""Threads started by session/module-scoped fixtures (a shared hub server): they may outlive a test."""


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: Any) -> Any:
    """Remember the threads a wider-scoped fixture starts, so they do not count as a test's leak."""
    if fixturedef.scope == "function":
        return (yield)
    before = set(threading.enumerate())
    try:
        return (yield)
    finally:
        _LONG_LIVED.update(set(threading.enumerate()) - before)


def _running_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    # Not counted: foreign (Qt) threads Python only saw once, and AnyIO's process-wide worker pool
    # (a stopped hub's request threads idle there for ten seconds, then end on their own).
    return [t for t in threading.enumerate()
            if t not in before and t not in _LONG_LIVED and t.is_alive()
            and not isinstance(t, threading._DummyThread) and t.name != "AnyIO worker thread"]


@pytest.fixture(autouse=True)
def _no_leaked_threads_or_processes() -> Iterator[None]:
    """Fail a test that leaves a thread (a server, a worker) or a child process running after its
    fixtures are torn down; a few seconds' grace lets threads that were told to stop finish."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while (left := _running_threads(before)) and time.monotonic() < deadline:
        left[0].join(0.1)
    children = multiprocessing.active_children()
    for child in children:
        child.kill()
    assert not left, f"the test left threads running: {sorted(t.name for t in left)}"
    assert not children, f"the test left child processes running: {children}"
