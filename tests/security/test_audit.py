"""The audit trail: what is recorded, the hash chain, and ``drc-console audit verify`` finding tampering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from db.engine import Store
from db.models import AuditEntry, UpdateType
from services.audit import AuditLog
from services.auth import AuthError, AuthService, make_hasher, set_demo_pins
from services.clock import FixedClock
from services.config import Config
from services.day import CloseChoice, DayService
from services.queue import QueueService
from services.roles import Actor, PermissionDenied
from tests.conftest import SITE_ID

ROOT = Path(__file__).resolve().parents[2]


def _busy(store: Store, clock: FixedClock, queue: QueueService, supervisor: Actor, triage: Actor) -> None:
    """A short day with every kind of audited action."""
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    auth = AuthService(store, clock, hasher=hasher, site_id=SITE_ID)
    days = DayService(store, clock, SITE_ID, queue)
    auth.authenticate("supervisor", "1234")
    with pytest.raises(AuthError):
        auth.authenticate("supervisor", "0000")
    days.open_day(actor=supervisor)
    a = queue.issue_token(UpdateType.ROSTER, actor=triage)
    b = queue.issue_token(UpdateType.SHOCK, actor=triage)
    queue.record(a.id, "reprinted", actor=triage)
    queue.cancel(b.id, actor=supervisor, reason="left the hall")
    AuditLog(store, clock).note_config(Config(), "supervisor")
    days.close_day(CloseChoice.CANCEL, actor=supervisor)


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRC_CONFIG": "/nonexistent-drc.toml"}
    return subprocess.run([sys.executable, "-m", "console.main", "audit", *args, "--db", url], env=env,
                          capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)


def test_security_relevant_actions_are_recorded_and_chained(store: Store, clock: FixedClock, queue: QueueService,
                                                             supervisor: Actor, triage_actor: Actor) -> None:
    _busy(store, clock, queue, supervisor, triage_actor)
    log = AuditLog(store, clock)
    actions = [r.action for r in reversed(log.entries(actor=supervisor))]
    for wanted in ("sign_in", "sign_in_failed", "day_opened", "slip_reprinted", "token_cancelled",
                   "config_changed", "day_closed"):
        assert wanted in actions, actions
    cancelled = {r.detail["token"]: r for r in log.entries(actor=supervisor) if r.action == "token_cancelled"}
    assert cancelled["S-001"].actor == "supervisor" and cancelled["S-001"].detail["reason"] == "left the hall"
    assert "R-001" in cancelled  # cancelled by the close of day
    report = log.verify()
    assert report.ok and report.checked == log.count()
    # The same configuration again is not a change; a new printer is.
    assert log.note_config(Config()) == []
    cfg = Config()
    cfg.printer.host = "10.0.0.7"
    assert log.note_config(cfg) == ["printer"]
    with pytest.raises(PermissionDenied):
        log.entries(actor=triage_actor)


def test_audit_verify_finds_an_edited_and_a_deleted_record(store: Store, clock: FixedClock, queue: QueueService,
                                                           supervisor: Actor, triage_actor: Actor,
                                                           sqlite_url: str) -> None:
    _busy(store, clock, queue, supervisor, triage_actor)
    ok = _cli(sqlite_url, "verify")
    assert ok.returncode == 0 and "intact" in ok.stdout, ok.stderr
    with store.session() as s, s.begin():
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
        s.execute(update(AuditEntry).where(AuditEntry.id == ids[1]).values(actor="someone-else"))
    edited = _cli(sqlite_url, "verify")
    assert edited.returncode == 1 and f"record {ids[1]}" in edited.stderr and "edited" in edited.stderr
    with store.session() as s, s.begin():
        s.execute(update(AuditEntry).where(AuditEntry.id == ids[1]).values(actor="supervisor"))
        s.execute(delete(AuditEntry).where(AuditEntry.id == ids[3]))
    deleted = _cli(sqlite_url, "verify")
    assert deleted.returncode == 1 and f"record {ids[4]}" in deleted.stderr and "removed" in deleted.stderr
    listed = _cli(sqlite_url, "list", "--limit", "3")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3


def test_the_chain_holds_across_concurrent_writers_on_postgresql(pg_url: str, clock: FixedClock) -> None:
    """Two threads appending at once never fork the chain (an advisory lock serialises them)."""
    import threading

    from db.migrate import upgrade

    upgrade(pg_url)
    store = Store.open(pg_url)
    try:
        log = AuditLog(store, clock)

        def write(who: str) -> None:
            for i in range(40):
                log.record(who, "test", n=i)

        threads = [threading.Thread(target=write, args=(f"w{k}",)) for k in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        report = log.verify()
        assert report.ok, report.problems
        assert report.checked == 120
    finally:
        store.dispose()
