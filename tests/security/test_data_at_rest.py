"""Personal data at rest: private files, and CNICs kept in clear only as long as the retention table says."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import Store, data_dir
from db.migrate import upgrade
from db.models import OutboxItem, Token, UpdateType
from services.clock import FixedClock
from services.day import CloseChoice, DayService
from services.queue import QueueService
from services.registry.outbox import VERIFY
from services.retention import Retention, cnic_digest, privacy_key
from services.roles import Actor
from tests.conftest import SITE_ID

ROOT = Path(__file__).resolve().parents[2]
KEY = b"k" * 32


def test_new_database_and_its_sidecars_are_private(tmp_path: Path) -> None:
    """Finding: the site database was created 0644."""
    old = os.umask(0o022)
    try:
        url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
        upgrade(url)
        store = Store.open(url)
        with store.session() as s, s.begin():
            s.execute(text("CREATE TABLE IF NOT EXISTS probe(x)"))
            s.execute(text("INSERT INTO probe VALUES (1)"))
        files = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
        store.dispose()
    finally:
        os.umask(old)
    assert files["site.sqlite3"] == 0o600
    assert all(mode == 0o600 for name, mode in files.items() if name.startswith("site.sqlite3")), files


def test_data_folder_and_privacy_key_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    folder = data_dir()
    assert folder == tmp_path / "drc-console" and folder.stat().st_mode & 0o777 == 0o700
    key = privacy_key("", folder)
    assert len(key) == 64 and privacy_key("", folder) == key  # made once, then kept
    assert (folder / "privacy.key").stat().st_mode & 0o777 == 0o600
    assert privacy_key("from-config", folder) == b"from-config"


def _issue(queue: QueueService, cnic: str, actor: Actor) -> int:
    return queue.issue_token(UpdateType.ROSTER, actor=actor, cnic=cnic).id


def _token(store: Store, token_id: int) -> Token:
    with store.read() as s:
        t = s.get(Token, token_id)
        assert t is not None
        return t


def test_cnic_is_kept_until_n_days_after_close_then_hash_and_mask_only(
        store: Store, clock: FixedClock, queue: QueueService, supervisor: Actor, triage_actor: Actor) -> None:
    """Finding: CNICs were kept in clear in tokens forever."""
    days = DayService(store, clock, SITE_ID, queue)
    days.open_day(actor=supervisor)
    old = _issue(queue, "3520212345671", triage_actor)
    clock.advance(timedelta(hours=6))
    days.close_day(CloseChoice.CANCEL, actor=supervisor)
    retention = Retention(store, clock, KEY, cnic_days=30)
    clock.advance(timedelta(days=29, hours=23))
    assert retention.purge().tokens == 0 and _token(store, old).cnic == "3520212345671"
    fresh = _issue(queue, "3520298765431", triage_actor)  # today's visitor
    clock.advance(timedelta(hours=2))
    assert retention.purge().tokens == 1
    t = _token(store, old)
    assert t.cnic is None and t.cnic_masked == "35202-*****67-1"
    assert t.cnic_hash == cnic_digest(KEY, "3520212345671") != cnic_digest(b"other-key", "3520212345671")
    assert _token(store, fresh).cnic == "3520298765431"
    # A repeat visit is still recognised, whether the earlier CNIC is hashed or in clear.
    assert retention.visits("3520212345671") == 1
    _issue(queue, "3520212345671", triage_actor)
    assert retention.visits("3520212345671") == 2


def test_a_day_never_closed_counts_as_closed_at_its_end(store: Store, clock: FixedClock, queue: QueueService,
                                                       triage_actor: Actor) -> None:
    tid = _issue(queue, "3520212345671", triage_actor)
    clock.advance(timedelta(days=3))
    assert Retention(store, clock, KEY, cnic_days=2).purge().tokens == 1
    assert _token(store, tid).cnic is None


def test_finished_checks_lose_the_cnic(store: Store, clock: FixedClock, queue: QueueService) -> None:
    """Finding: CNICs stayed in the verification queue forever (items finished before this release)."""
    with store.session() as s, s.begin():
        s.add(OutboxItem(kind=VERIFY, ref="1", payload={"cnic": "3520212345671", "update_type": "roster"},
                         created_at=clock.now(), next_attempt_at=clock.now(), sent_at=clock.now()))
        s.add(OutboxItem(kind=VERIFY, ref="2", payload={"cnic": "3520212345672"}, created_at=clock.now(),
                         next_attempt_at=clock.now()))  # still waiting: it needs the CNIC
    assert Retention(store, clock, KEY).purge().outbox_items == 1
    with store.read() as s:
        payloads = {i.ref: i.payload for i in s.scalars(select(OutboxItem))}
    assert payloads == {"1": {"update_type": "roster"}, "2": {"cnic": "3520212345672"}}


def test_privacy_purge_command(store: Store, clock: FixedClock, queue: QueueService, triage_actor: Actor,
                               sqlite_url: str, tmp_path: Path) -> None:
    tid = _issue(queue, "3520212345671", triage_actor)  # 2026-03-04: long past by the real clock
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRC_CONFIG": str(tmp_path / "none.toml"),
           "DRC_PRIVACY_KEY": "site-secret", "XDG_DATA_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "console.main", "privacy", "purge", "--db", sqlite_url], env=env,
                       capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert r.returncode == 0 and "on 1 token" in r.stdout, r.stderr
    assert _token(store, tid).cnic_hash == cnic_digest(b"site-secret", "3520212345671")


def test_backups_are_private(tmp_path: Path, sqlite_url: str) -> None:
    """Database and backups 0600: a copy made with ``drc-console backup`` under a loose umask."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRC_CONFIG": str(tmp_path / "none.toml")}
    out = tmp_path / "copy.sqlite3"
    r = subprocess.run(["sh", "-c", f'umask 022 && exec "{sys.executable}" -m console.main backup --db "{sqlite_url}" '
                        f'--out "{out}"'], env=env, capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert out.stat().st_mode & 0o777 == 0o600
