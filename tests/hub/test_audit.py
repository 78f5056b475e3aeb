"""The hub's audit trail through the real path: ``drc-hub key`` / ``audit``, a uvicorn hub on loopback.

Each backend (SQLite file, PostgreSQL) starts from an empty, migrated database: the trail holds
only what these tests did, so counts are exact.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, select, text

from services.hub.audit import record, records, verify
from services.hub.cli import main
from services.hub.db import make_engine, upgrade
from services.hub.key_use import KeyUse
from services.hub.keys import Caller
from services.hub.models import HubAuditRecord
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import TODAY

CNIC = "3520212345671"


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty hub database, migrated (no population: the keys used here need no sites)."""
    sqlite = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    url = sqlite if request.param == "sqlite" else request.getfixturevalue("pg_url")
    upgrade(url)
    return url


@pytest.fixture
def engine(hub_url: str) -> Iterator[Engine]:
    """An engine on the test's hub database."""
    eng = make_engine(hub_url)
    yield eng
    eng.dispose()


def _key(url: str, tmp_path: Path, *scope: str) -> str:
    """Create a key with ``drc-hub key`` (and list the keys); returns the secret."""
    out = tmp_path / f"key-{len(list(tmp_path.glob('key-*')))}"
    assert main(["key", *scope, "--label", "Ali Raza desk", "--out", str(out), "--db", url]) == 0
    secret = out.read_text(encoding="utf-8").strip()
    assert main(["key", "list", "--db", url]) == 0
    return secret


def _trail_text(engine: Engine) -> str:
    with engine.connect() as conn:
        return "\n".join(str(tuple(row)) for row in conn.execute(text("SELECT * FROM hub_audit")))


def test_key_admin_use_and_refusals_reach_the_trail_without_secrets(
        hub_url: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Created/listed/revoked keys, each key's calls and 403s, and 401s end in a verified trail."""
    central = _key(hub_url, tmp_path, "--central")
    region = _key(hub_url, tmp_path, "--region", "Sindh")
    spare = _key(hub_url, tmp_path, "--central")
    central_id, region_id, spare_id = [r.detail["key_id"] for r in records(engine) if r.action == "key_created"]
    assert main(["key", "revoke", spare_id, "--db", hub_url]) == 0
    capsys.readouterr()

    base, stop = run_hub_in_thread(hub_url, "unused-" + "x" * 40, db_keys=True, today=lambda: TODAY)
    try:
        def call(key: str | None, path: str = "/v1/households/status-by-cnic") -> int:
            headers = {"Authorization": f"Bearer {key}"} if key else {}
            return requests.post(base + path, json={"cnic": CNIC}, headers=headers, timeout=5).status_code

        assert [call(central) for _ in range(3)] == [404, 404, 404]  # served (no such household)
        assert [call(region) for _ in range(2)] == [403, 403]  # regional keys may not look up
        assert call("not-a-key") == 401
        assert call(None) == 401
        assert call(spare) == 401  # revoked
        assert requests.get(base + "/v1/health", timeout=5).status_code == 200  # open: not counted
    finally:
        stop()  # shutdown flushes the counters

    trail = records(engine)
    actions = [r.action for r in trail]
    assert actions.count("key_created") == 3 and actions.count("keys_listed") == 3
    assert actions.count("key_revoked") == 1
    assert all(r.actor.startswith("cli:") for r in trail if r.action in ("key_created", "keys_listed", "key_revoked"))
    uses = {r.detail["key_id"]: r.detail for r in trail if r.action == "key_use"}
    assert set(uses) == {central_id, region_id}
    assert uses[central_id]["requests"] == 3 and uses[central_id]["refused"] == 0
    assert uses[region_id] == {**uses[region_id], "kind": "region", "scope": "Sindh", "requests": 2,
                                  "refused": 2, "day": TODAY.isoformat()}
    assert uses[central_id]["first"] <= uses[central_id]["last"]
    (unknown,) = [r.detail for r in trail if r.action == "key_refused"]
    assert unknown["refused"] == 3 and unknown["missing"] == 1

    assert main(["audit", "verify", "--db", hub_url]) == 0
    assert f"{len(trail)} records; head {trail[-1].hash}" in capsys.readouterr().out
    assert main(["audit", "list", "--limit", "3", "--db", hub_url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 3 and listed[-1].startswith(f"#{trail[-1].id} ")
    dumped = _trail_text(engine) + "\n".join(listed)
    for secret in (central, region, spare, "not-a-key"):
        assert secret not in dumped
    assert CNIC not in dumped and "Ali Raza" not in dumped


def _some_records(engine: Engine, n: int = 5) -> list[int]:
    for i in range(n):
        record(engine, "test", "key_use", {"key_id": f"k{i}", "requests": i, "day": TODAY.isoformat()})
    return [r.id for r in records(engine)]


def test_an_edited_record_fails_verify_and_names_it(hub_url: str, engine: Engine,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Changing one field of a stored record: verify exits 1 naming that record."""
    ids = _some_records(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE hub_audit SET actor = 'someone-else' WHERE id = :i"), {"i": ids[2]})
    assert main(["audit", "verify", "--db", hub_url]) == 1
    err = capsys.readouterr().err
    assert f"record #{ids[2]} " in err and "edited" in err and "2 intact" in err


def test_a_rewritten_or_removed_record_fails_verify_at_its_successor(hub_url: str, engine: Engine,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Removing a record (or rewriting it with a fresh hash) breaks the next record's link."""
    ids = _some_records(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM hub_audit WHERE id = :i"), {"i": ids[1]})
    check = verify(engine)
    assert not check.ok and check.bad_id == ids[2] and f"#{ids[0]}" in check.reason
    assert main(["audit", "verify", "--db", hub_url]) == 1
    assert f"record #{ids[2]} does not follow record #{ids[0]}" in capsys.readouterr().err
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM hub_audit WHERE id = :i"), {"i": ids[0]})
    assert verify(engine).bad_id == ids[2]  # the first record gone: the new first does not start the trail
    assert "the start of the trail" in verify(engine).reason


def test_concurrent_writers_keep_one_chain(engine: Engine) -> None:
    """Two threads appending at once (a CLI beside a serving hub): every record chained, no fork."""
    errors: list[BaseException] = []

    def write(tag: str) -> None:
        try:
            for i in range(15):
                record(engine, tag, "key_use", {"n": i})
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = verify(engine)
    assert check.ok and check.count == 30


def test_counts_survive_a_failed_flush_and_flush_periodically(tmp_path: Path) -> None:
    """Database not writable: the counts wait for the next flush; the thread flushes on its own."""
    url = f"sqlite:///{tmp_path / 'late.sqlite3'}"
    eng = make_engine(url)
    try:
        use = KeyUse(eng, lambda: TODAY, interval=0.05)
        caller = Caller("site", "PK10101-01", "abcd1234")
        use.served(caller, refused=False)
        assert use.flush() == 0  # no hub_audit table yet
        use.served(caller, refused=True)
        upgrade(url)
        assert use.flush() == 1
        (rec,) = records(eng)
        assert rec.detail["requests"] == 2 and rec.detail["refused"] == 1 and rec.actor == "key:abcd1234"
        use.start()
        use.served(caller, refused=False)
        deadline = time.monotonic() + 10
        while len(records(eng)) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        use.close()
        assert [r.detail["requests"] for r in records(eng)] == [2, 1]
        assert verify(eng).ok
    finally:
        eng.dispose()


def test_record_times_are_utc(engine: Engine) -> None:
    """``at`` is stored as naive UTC and hashes the same after a round trip."""
    before = datetime.now(UTC).replace(tzinfo=None)
    record(engine, "test", "keys_listed", {"keys": 0})
    with engine.connect() as conn:
        at = conn.execute(select(HubAuditRecord.at)).scalar_one()
    assert before <= at <= datetime.now(UTC).replace(tzinfo=None)
    assert verify(engine).ok
