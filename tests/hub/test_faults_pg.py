"""Faults against real PostgreSQL: a hub killed mid-ingest, and a site offline for a whole day.

(Resent batches counted as duplicates on PostgreSQL: ``tests/hub/test_ingest.py``, the
``postgresql`` runs of ``test_history_split_over_batches_is_legal_and_resends_are_duplicates``.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, func, select, text

from db.engine import Store
from db.migrate import upgrade as site_upgrade
from db.models import TokenEvent
from services.clock import SITE_ZONE, FixedClock
from services.hub.models import SiteEventRow
from services.hub.testing import free_port
from services.registry import RegistryClient
from services.simulate import simulate_day
from services.site_upload import upload_site
from tests.hub.conftest import HUB_KEY, SITE_ID, HubServer, seeded_hub_db

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _serve(pg_url: str, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "services.hub.cli", "serve", "--port", str(port), "--db", pg_url],
                            cwd=ROOT, env={**os.environ, "DRC_HUB_KEY": HUB_KEY, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return proc
        except requests.ConnectionError:
            assert proc.poll() is None and time.monotonic() < deadline, "drc-hub serve did not start"
            time.sleep(0.1)


def _events(day: date, first_token: int, tokens: int) -> list[dict]:
    t0 = datetime(day.year, day.month, day.day, 10, tzinfo=SITE_ZONE).astimezone(UTC)
    out = []
    for n in range(first_token, first_token + tokens):
        at = t0 + timedelta(minutes=n)
        for kind, minutes in (("issued", 0), ("called", 5), ("started", 6), ("completed", 15)):
            out.append({"uuid": str(uuid.uuid4()), "token_id": n, "token_number": f"R-{n:03d}",
                        "update_type": "roster", "priority": False, "kind": kind,
                        "at": (at + timedelta(minutes=minutes)).isoformat(), "actor": "deo1",
                        "counter": None if kind == "issued" else 1,
                        "payload": {"update_type": "roster", "priority": False} if kind == "issued" else {}})
    return out


def test_hub_killed_mid_ingest_loses_and_double_counts_nothing(pg_url: str) -> None:
    seeded_hub_db(pg_url, households=300, paradata_days=1)
    day = datetime.now(SITE_ZONE).date() - timedelta(days=1)
    auth = {"Authorization": f"Bearer {HUB_KEY}"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/v1/sites/{SITE_ID}/events"
    proc = _serve(pg_url, port)
    first, second = _events(day, 1, 10), _events(day, 11, 250)
    assert requests.post(url, json={"events": first}, headers=auth, timeout=10).json()["accepted"] == 40
    engine = create_engine(pg_url)
    blocker = engine.connect()
    try:
        # Hold the site's "last seen" row: the hub's ingest inserts the batch and rewrites the roll-ups,
        # then waits on this lock just before its commit. That is where it gets killed.
        blocker.execute(text("SELECT * FROM hub_site_seen WHERE site_id = :s FOR UPDATE"), {"s": SITE_ID})
        answer: list[object] = []
        upload = threading.Thread(target=lambda: answer.append(_post_quietly(url, second, auth)), daemon=True)
        upload.start()
        deadline = time.monotonic() + 20
        with engine.connect() as probe:
            while not probe.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         "AND datname = current_database()")).scalar():
                assert time.monotonic() < deadline, "the ingest never reached the lock"
                time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        upload.join(10)
    finally:
        blocker.rollback()
        blocker.close()
    assert answer and not isinstance(answer[0], dict)  # the site saw a failure, so it will retry
    with engine.connect() as conn:
        deadline = time.monotonic() + 10  # PostgreSQL notices the dead client and rolls its transaction back
        while conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")).scalar():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert conn.execute(select(func.count()).select_from(SiteEventRow)).scalar() == 40
    proc = _serve(pg_url, port)
    try:
        assert requests.post(url, json={"events": second}, headers=auth, timeout=30).json() == {
            "accepted": 1000, "duplicates": 0}
        assert requests.post(url, json={"events": second}, headers=auth, timeout=30).json() == {
            "accepted": 0, "duplicates": 1000}
        perf = requests.get(f"{base}/v1/regions/performance", params={"date": day.isoformat()}, headers=auth,
                            timeout=10).json()
        row = next(r for r in perf["sites"] if r["site_id"] == SITE_ID)
        assert (row["issued"], row["completed"], row["duplicates"], row["flagged_tokens"]) == (260, 260, 1000, 0)
    finally:
        proc.terminate()
        proc.wait(10)
        engine.dispose()


def _post_quietly(url: str, events: list[dict], auth: dict[str, str]) -> object:
    try:
        return requests.post(url, json={"events": events}, headers=auth, timeout=30).json()
    except requests.RequestException as exc:
        return exc


def test_site_offline_a_whole_day_converges(pg_url: str, tmp_path: Path, hub_factory) -> None:  # type: ignore[no-untyped-def]
    seeded_hub_db(pg_url, households=300, paradata_days=1)
    day = date(2026, 3, 4)
    site_url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    site_upgrade(site_url)
    store = Store.open(site_url)
    try:
        simulate_day(store, tokens=90, counters=3, seed=5, day=day, site_id=SITE_ID)
        clock = FixedClock(datetime(2026, 3, 4, 20, tzinfo=SITE_ZONE))
        dead = RegistryClient(f"http://127.0.0.1:{free_port()}", HUB_KEY, retries=0, connect_timeout=0.5)
        offline = upload_site(store, SITE_ID, dead, clock)
        dead.close()
        with store.read() as s:
            site_events = Counter(s.scalars(select(TokenEvent.kind)))
        assert offline.error and offline.backlog == sum(site_events.values()) and offline.events_sent == 0
        hub: HubServer = hub_factory(pg_url)
        client = RegistryClient(hub.base_url, HUB_KEY)
        back = upload_site(store, SITE_ID, client, clock)
        again = upload_site(store, SITE_ID, client, clock)
        client.close()
    finally:
        store.dispose()
    assert back.error is None and back.backlog == 0 and back.events_sent == sum(site_events.values())
    assert again.events_sent == 0
    perf = hub.session().get(hub.url("/v1/regions/performance"), params={"date": day.isoformat()}, timeout=10).json()
    row = next(r for r in perf["sites"] if r["site_id"] == SITE_ID)
    assert (row["issued"], row["completed"], row["no_show"]) == (
        site_events["issued"], site_events["completed"], site_events["no_show"])  # 0 lost
    assert row["duplicates"] == 0 and row["flagged_tokens"] == 0  # 0 duplicated, all trusted
    health = hub.session().get(hub.url("/v1/regions/data-health"), params={"date": day.isoformat()}, timeout=10)
    assert health.json()["events"] == sum(site_events.values())
