"""Shared fixtures: a migrated SQLite store, a throw-away PostgreSQL database, a fixed clock."""

from __future__ import annotations

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text

from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import SITE_ZONE, FixedClock
from services.provision import ensure_site, seed_demo
from services.queue import QueuePolicy, QueueService
from services.roles import Actor


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


PG_ADMIN_URL = os.environ.get("DRC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SITE_ID = "PK10101-01"


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
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
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
