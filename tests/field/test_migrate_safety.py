"""Migrations copy the store first; a failed migration and a killed one both end with the store as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db.engine import Store
from db.migrate import MigrationError, current_heads, marker_for, upgrade
from services.backup import inspect_backup
from services.export import write_events_csv
from tests.conftest import simulated_site_db
from tests.field.test_backup import DAY

ROOT = Path(__file__).resolve().parents[2]

# A migration that does part of its work outside its transaction (as a batch rebuild or a data fix
# may), then fails or hangs: without the copy taken first, the events it deleted would be lost.
EXTRA_REVISION = '''
"""Test-only revision: half of a migration, then {mode}."""
import time
from pathlib import Path

from alembic import op
import sqlalchemy as sa

revision = "f1e1d0000001"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("COMMIT")
    op.execute("DELETE FROM token" if {mode!r} == "orphan" else "DELETE FROM token_event")
    if {mode!r} == "fail":
        raise RuntimeError("the disk went away")
    if {mode!r} == "hang":
        Path({signal!r}).write_text("deleted", encoding="utf-8")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.05)


def downgrade():
    op.drop_table("half_done")
'''


def _tree(tmp_path: Path, mode: str) -> Path:
    tree = tmp_path / f"migrations-{mode}"
    shutil.copytree(ROOT / "db" / "migrations", tree, ignore=shutil.ignore_patterns("__pycache__"))
    heads = sorted(current_heads())
    down = heads[0] if len(heads) == 1 else tuple(heads)
    body = EXTRA_REVISION.format(mode=mode, down=down, signal=str(tmp_path / "signal"))
    (tree / "versions" / "f1e1_field_test.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return tree


@pytest.fixture
def day_db(tmp_path: Path) -> tuple[str, Path, str]:
    """A migrated store holding a simulated day; its URL, file and the day's event export."""
    path = tmp_path / "site.sqlite3"
    url = simulated_site_db(path, DAY, tokens=40, counters=3, seed=9)
    return url, path, _events(url, tmp_path)


def _events(url: str, tmp_path: Path) -> str:
    store = Store.open(url)
    try:
        out = tmp_path / "events.csv"
        write_events_csv(store, DAY, out)
        return out.read_text(encoding="utf-8")
    finally:
        store.dispose()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_a_migration_takes_a_backup_first(tmp_path: Path, day_db: tuple[str, Path, str]) -> None:
    url, path, events = day_db
    tree = _tree(tmp_path, "ok")
    backup = upgrade(url, migrations=tree)
    assert backup is not None and backup.parent == path.parent / "backups"
    assert inspect_backup(backup).revision == ",".join(sorted(current_heads()))  # the schema before
    assert "half_done" in _tables(path)
    assert not marker_for(path).exists()
    assert upgrade(url, migrations=tree) is None  # nothing left to do: no second copy


def test_a_failed_migration_rolls_back_to_the_backup(tmp_path: Path, day_db: tuple[str, Path, str]) -> None:
    url, path, events = day_db
    with pytest.raises(MigrationError, match="rolled back to"):
        upgrade(url, migrations=_tree(tmp_path, "fail"))
    assert "half_done" not in _tables(path)
    assert _events(url, tmp_path) == events
    assert not marker_for(path).exists()


def test_a_migration_that_leaves_rows_pointing_at_nothing_fails(tmp_path: Path,
                                                                 day_db: tuple[str, Path, str]) -> None:
    """Foreign keys are off while revisions run on SQLite (batch rebuilds); they are checked after."""
    url, path, events = day_db
    with pytest.raises(MigrationError, match="pointing at nothing"):
        upgrade(url, migrations=_tree(tmp_path, "orphan"))
    assert "half_done" not in _tables(path)
    assert _events(url, tmp_path) == events


@pytest.mark.slow
def test_a_migration_killed_half_way_is_rolled_back_on_the_next_start(tmp_path: Path,
                                                                      day_db: tuple[str, Path, str]) -> None:
    url, path, events = day_db
    tree = _tree(tmp_path, "hang")
    code = f"from pathlib import Path; from db.migrate import upgrade; upgrade({url!r}, migrations=Path({str(tree)!r}))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "signal").exists():
            assert proc.poll() is None, "the migration process ended before the kill"
            assert time.monotonic() < deadline, "the migration never reached its half-way point"
            time.sleep(0.05)
        proc.kill()  # SIGKILL: no exception handler, no cleanup runs
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert marker_for(path).exists()
    assert "half_done" in _tables(path)  # the kill really left a half-migrated store behind
    assert _events(url, tmp_path) != events

    upgrade(url)  # the next start: the copy taken before the migration is put back first
    assert not marker_for(path).exists()
    assert "half_done" not in _tables(path)
    assert _events(url, tmp_path) == events
