"""Operator vs actor (#11 item 1): work done on a DEO's counter is the DEO's, whoever pressed the key.

Through the real queue engine on SQLite, the metrics and report the dashboard and PDF use, the event
export, and the outbox upload into a real hub whose per-DEO roll-ups must credit the same DEO.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import requests
from sqlalchemy import select

from db.engine import Store
from db.models import Staff, TokenEvent, UpdateType
from services.clock import FixedClock
from services.config import Config
from services.deo_ids import deo_pseudonym
from services.export import EVENT_COLUMNS, write_events_csv
from services.metrics import MetricsService
from services.queue import QueueService
from services.registry import RegistryClient
from services.report import daily_report
from services.roles import Actor
from services.site import SiteService
from services.site_upload import upload_site
from tests.conftest import SITE_ID
from tests.hub.conftest import HubServer, seeded_hub_db


def _serve(queue: QueueService, clock: FixedClock, counter: int, caller: Actor, finisher: Actor,
           triage: Actor) -> int:
    """One token issued, called and started by ``caller``, completed by ``finisher``; returns its id."""
    tok = queue.issue_token(UpdateType.ROSTER, actor=triage)
    clock.advance(timedelta(minutes=2))
    called = queue.call_next(counter, actor=caller)
    assert called is not None and called.id == tok.id
    queue.start(tok.id, actor=caller)
    clock.advance(timedelta(minutes=9))
    queue.complete(tok.id, actor=finisher)
    return tok.id


def _events(store: Store, token_id: int) -> dict[str, TokenEvent]:
    with store.read() as s:
        return {e.kind: e for e in s.scalars(select(TokenEvent).where(TokenEvent.token_id == token_id))}


def _full_names(store: Store) -> dict[str, str]:
    with store.read() as s:
        return dict(s.execute(select(Staff.username, Staff.full_name)).all())


def test_supervisor_completing_on_a_deos_counter_credits_the_deo(
        store: Store, clock: FixedClock, queue: QueueService, site: list[int], supervisor: Actor,
        triage_actor: Actor, deo: Callable[[int], Actor]) -> None:
    sana = deo(site[0])
    assert _full_names(store)[sana.username] == "Sana Iqbal"
    own = _serve(queue, clock, site[0], sana, sana, triage_actor)
    helped = _serve(queue, clock, site[0], supervisor, supervisor, triage_actor)

    evs = _events(store, helped)
    assert evs["completed"].actor == "supervisor" and evs["completed"].operator == sana.username
    assert evs["called"].actor == "supervisor" and evs["called"].operator == sana.username
    assert evs["issued"].operator == triage_actor.username
    assert "unstaffed" not in evs["completed"].payload
    assert _events(store, own)["completed"].operator == sana.username

    metrics = MetricsService(store, clock, SITE_ID).day()
    served = {d.deo: d.served for d in metrics.per_deo}
    assert served == {sana.username: 2}
    assert {d.name for d in metrics.per_deo} == {"Sana Iqbal"}
    assert all(d.calls == 2 for d in metrics.per_deo)

    report = daily_report(store, Config(), clock.now().date(), clock=clock, site_id=SITE_ID)
    names = [row["name"] for row in report["per_deo"]]
    assert names == ["Sana Iqbal"] and "Ayesha Khan" not in str(report["per_deo"])


def test_export_appends_operator_after_the_nine_columns(
        store: Store, clock: FixedClock, queue: QueueService, site: list[int], supervisor: Actor,
        triage_actor: Actor, deo: Callable[[int], Actor]) -> None:
    sana = deo(site[0])
    _serve(queue, clock, site[0], sana, supervisor, triage_actor)
    buf = io.StringIO()
    write_events_csv(store, clock.now().date(), buf, SITE_ID)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0] == EVENT_COLUMNS
    assert rows[0][:9] == ["event_id", "token_id", "token_number", "update_type", "priority", "kind", "at_utc",
                           "actor", "counter"] and rows[0][9] == "operator"
    by_kind = {r[5]: r for r in rows[1:]}
    assert by_kind["completed"][7] == "supervisor" and by_kind["completed"][9] == sana.username
    assert by_kind["issued"][9] == triage_actor.username


def test_supervisor_on_an_unstaffed_counter_is_recorded_as_such(
        store: Store, clock: FixedClock, queue: QueueService, site: list[int], site_service: SiteService,
        supervisor: Actor, triage_actor: Actor, deo: Callable[[int], Actor]) -> None:
    sana = deo(site[0])
    tok = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    assert queue.call_next(site[0], actor=sana) is not None
    queue.start(tok.id, actor=sana)
    clock.advance(timedelta(minutes=5))
    site_service.assign(site[0], None, actor=supervisor)  # Sana leaves the counter mid-service
    queue.complete(tok.id, actor=supervisor)

    done = _events(store, tok.id)["completed"]
    assert done.actor == "supervisor" and done.operator == "supervisor"
    assert done.payload.get("unstaffed") is True
    assert _events(store, tok.id)["started"].operator == sana.username
    per_deo = {d.deo: d for d in MetricsService(store, clock, SITE_ID).day().per_deo}
    assert per_deo["supervisor"].served == 1 and per_deo["supervisor"].calls == 0
    assert per_deo[sana.username].served == 0 and per_deo[sana.username].calls == 1


def test_hub_roll_ups_credit_the_operator_and_accept_old_sites(
        store: Store, clock: FixedClock, queue: QueueService, site: list[int], supervisor: Actor,
        triage_actor: Actor, deo: Callable[[int], Actor], tmp_path: Path,
        hub_factory: Callable[[str], HubServer]) -> None:
    # A hub of its own: the session-wide one holds other tests' tokens of this site.
    hub = hub_factory(seeded_hub_db(f"sqlite:///{tmp_path / 'hub.sqlite3'}", households=300, paradata_days=1))
    sana = deo(site[0])
    imran = deo(site[1])
    _serve(queue, clock, site[0], sana, supervisor, triage_actor)
    _serve(queue, clock, site[0], supervisor, supervisor, triage_actor)
    _serve(queue, clock, site[1], imran, imran, triage_actor)
    client = RegistryClient(hub.base_url, hub.api_key)
    day = clock.now().date()
    before = _deos(hub, day)
    upload = upload_site(store, SITE_ID, client, clock)
    assert upload.error is None and upload.backlog == 0
    after = _deos(hub, day)
    gained = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    assert gained[deo_pseudonym(SITE_ID, sana.username)] == 2
    assert gained[deo_pseudonym(SITE_ID, imran.username)] == 1
    assert gained.get(deo_pseudonym(SITE_ID, "supervisor"), 0) == 0
    names = {d["deo_id"]: d["display_name"] for d in _drill(hub, day)["deos"]}
    assert names[deo_pseudonym(SITE_ID, sana.username)] == "Sana I."
    assert "Ayesha K." not in names.values()

    # A site that sends no operator (older console) is still accepted; its events count for the actor.
    old = {"uuid": "old-site-0001", "token_id": 990001, "token_number": "R-901", "update_type": "roster",
           "priority": False, "kind": "issued", "at": "2026-03-04T06:00:00Z", "actor": "triage", "counter": None,
           "payload": {"update_type": "roster", "priority": False}}
    later = [dict(old, uuid=f"old-site-000{i}", kind=k, at=f"2026-03-04T06:0{i}:00Z", actor="deo3", counter=3,
                  payload={}) for i, k in ((2, "called"), (3, "started"), (4, "completed"))]
    resp = requests.post(hub.url(f"/v1/sites/{SITE_ID}/events"), json={"events": [old, *later]},
                         headers={"Authorization": f"Bearer {hub.api_key}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    assert resp.json()["accepted"] == 4
    final = _deos(hub, day)
    assert final[deo_pseudonym(SITE_ID, "deo3")] - after.get(deo_pseudonym(SITE_ID, "deo3"), 0) == 1


def _drill(hub: HubServer, day: date) -> dict:
    resp = requests.get(hub.url(f"/v1/sites/{SITE_ID}/performance"), params={"date": day.isoformat()},
                        headers={"Authorization": f"Bearer {hub.api_key}"}, timeout=10)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _deos(hub: HubServer, day: date) -> dict[str, int]:
    return {d["deo_id"]: d["completed"] for d in _drill(hub, day)["deos"]}
