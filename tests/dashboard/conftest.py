"""Dashboard fixtures: a migrated template database per test and a running AppContext."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.app import build_context
from console.context import AppContext
from db.engine import Store
from db.migrate import upgrade
from services.clock import FixedClock
from services.config import Config
from services.roles import Actor


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, empty SQLite file; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("dashboard-template") / "empty.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_template: Path) -> str:
    """A copy of the migrated template."""
    target = tmp_path / "site.sqlite3"
    shutil.copyfile(migrated_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def ctx(qapp: object, store: Store, clock: FixedClock, site: list[int], supervisor: Actor) -> Iterator[AppContext]:
    """The console's services and workers over the demo site; workers stopped afterwards."""
    context = build_context(Config(), store, clock, supervisor, poll_ms=60_000)
    yield context
    context.events.stop()
    context.tasks.shutdown(wait=True)
