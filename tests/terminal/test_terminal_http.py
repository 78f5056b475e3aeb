"""The counter terminal over real HTTP: sign-in, the counter's actions, and the engine's guarantees."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
import requests

from db.engine import Store
from db.migrate import upgrade
from db.models import TokenState, UpdateType
from services.clock import FixedClock
from services.provision import ensure_site, seed_demo
from services.queue import QueueService
from services.roles import SYSTEM
from tests.auth.test_permissions import snapshot
from tests.conftest import SITE_ID
from tests.terminal.conftest import TIMEOUT, Terminal, serve_terminal


def test_sign_in_call_start_complete(terminal: Terminal) -> None:
    t = terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    http, csrf = terminal.sign_in("deo1")
    r = terminal.act(http, csrf, "call")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token"]["number"] == t.number == "R-001"
    assert body["counter"]["number"] == 1
    assert terminal.act(http, csrf, "start").json()["token"]["state"] == "in_service"
    done = terminal.act(http, csrf, "complete").json()
    assert done["ok"] and done["token"] is None and done["message"] == "Completed R-001"
    assert terminal.queue.token(t.id).state is TokenState.COMPLETED
    # The events carry the DEO who signed in at the terminal.
    assert [(e.kind, e.actor) for e in terminal.queue.events()][1:] == [
        ("called", "deo1"), ("started", "deo1"), ("completed", "deo1")]


def test_wrong_pin_is_rejected(terminal: Terminal) -> None:
    http = requests.Session()
    r = http.post(terminal.url + "login", data={"username": "deo1", "pin": "9999"}, timeout=TIMEOUT)
    assert r.status_code == 401
    assert "Wrong username or PIN" in r.text
    assert not http.cookies
    r = http.get(terminal.url + "api/state", timeout=TIMEOUT)
    assert r.status_code == 401


def test_triage_cannot_use_a_counter(terminal: Terminal) -> None:
    r = requests.post(terminal.url + "login", data={"username": "triage", "pin": "1234"},
                      headers={"Accept": "application/json"}, timeout=TIMEOUT)
    assert r.status_code == 401 and not r.cookies  # the same answer as a wrong PIN (no PIN oracle)


def test_html_flow_without_javascript(terminal: Terminal) -> None:
    terminal.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    http = requests.Session()
    assert "Sign in" in http.get(terminal.url, timeout=TIMEOUT).text
    r = http.post(terminal.url + "login", data={"username": "deo1", "pin": "1234"}, timeout=TIMEOUT)
    assert r.status_code == 200 and "Call next" in r.text  # followed the 303 to the counter page
    cookie = http.cookies.get("drc_terminal")
    assert cookie
    raw = r.history[0].headers["set-cookie"].lower()
    assert "samesite=strict" in raw and "httponly" in raw
    csrf = r.text.split("name='csrf' value='", 1)[1].split("'", 1)[0]
    r = http.post(terminal.url + "action/call", data={"csrf": csrf}, timeout=TIMEOUT)
    assert r.status_code == 200 and "S-001" in r.text and "Called S-001" in r.text


def test_forged_or_missing_csrf_and_cookie(terminal: Terminal) -> None:
    terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    http, csrf = terminal.sign_in("deo1")
    assert terminal.act(http, "", "call").status_code == 403
    r = http.post(terminal.url + "action/call", data={"csrf": csrf}, timeout=TIMEOUT,
                  headers={"Accept": "application/json", "Origin": "http://evil.example"})
    assert r.status_code == 403
    forged = requests.Session()
    forged.cookies.set("drc_terminal", http.cookies["drc_terminal"][:-3] + "AAA")
    assert terminal.act(forged, csrf, "call").status_code == 401
    assert terminal.queue.waiting()[0].state is TokenState.WAITING


def test_deo_cannot_act_on_another_counter(terminal: Terminal) -> None:
    other = terminal.counters[1]  # deo2's counter
    terminal.queue.issue_token(UpdateType.MISSED_OUT, actor=SYSTEM)
    http, csrf = terminal.sign_in("deo1")
    before = snapshot(terminal.queue.store)
    r = terminal.act(http, csrf, "call", counter=other)
    assert r.status_code == 403 and "not assigned" in r.json()["message"]
    assert snapshot(terminal.queue.store) == before
    # A token the other DEO called is out of reach too.
    called = terminal.queue.call_next(other, actor=SYSTEM)
    assert called is not None
    before = snapshot(terminal.queue.store)
    for action in ("recall", "start", "no_show"):
        assert terminal.act(http, csrf, action, counter=other).status_code == 403
    assert snapshot(terminal.queue.store) == before


def test_unassigned_deo_sees_why(terminal: Terminal) -> None:
    from db.models import Role

    terminal.auth.create_staff("deo9", "Spare DEO", Role.DEO, "4321", actor=SYSTEM)
    http, csrf = terminal.sign_in("deo9", "4321")
    assert "not assigned to a counter" in http.get(terminal.url, timeout=TIMEOUT).text
    assert terminal.act(http, csrf, "call").status_code == 409


def test_two_terminals_calling_at_once_never_share_a_token(terminal: Terminal) -> None:
    _race(terminal)


@pytest.mark.postgres
def test_two_terminals_race_on_postgresql(pg_url: str, clock: FixedClock) -> None:
    """The same race on PostgreSQL, where the engine claims rows with FOR UPDATE SKIP LOCKED."""
    upgrade(pg_url)
    store = Store.open(pg_url)
    try:
        ensure_site(store, SITE_ID, "DRC Bagh")
        counters = seed_demo(store, clock, SITE_ID, 6)
        gen = serve_terminal(store, clock, counters, QueueService(store, clock, SITE_ID))
        try:
            _race(next(gen))
        finally:
            gen.close()
    finally:
        store.dispose()


def _race(terminal: Terminal) -> None:
    # Counters 1 and 5 both serve every type; their DEOs press Call next at the same instant.
    rounds = 12
    issued = [terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM).number for _ in range(rounds * 2)]
    deos = [terminal.sign_in("deo1"), terminal.sign_in("deo5")]
    barrier = threading.Barrier(2)
    called: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work(http: requests.Session, csrf: str) -> None:
        for _ in range(rounds):
            barrier.wait(timeout=TIMEOUT)
            r = terminal.act(http, csrf, "call")
            if r.status_code != 200 or r.json()["token"] is None:
                errors.append(r.text)
                continue
            with lock:
                called.append(r.json()["token"]["number"])
            terminal.act(http, csrf, "start")
            terminal.act(http, csrf, "complete")

    threads = [threading.Thread(target=work, args=d) for d in deos]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert not errors
    assert len(called) == len(set(called)) == rounds * 2
    assert sorted(called) == sorted(issued)
    per_token = Counter(e.token_id for e in terminal.queue.events() if e.kind == "called")
    assert set(per_token.values()) == {1}
