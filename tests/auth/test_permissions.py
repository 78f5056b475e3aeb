"""Every role tries every action through the services: forbidden ones raise and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from db.engine import Store
from db.models import Base, CounterState, Role, Staff, TokenState, UpdateType
from services.auth import AuthService
from services.clock import FixedClock
from services.day import CloseChoice, DayService
from services.queue import QueueService
from services.roles import SYSTEM, Actor, PermissionDenied
from services.site import SiteService
from tests.conftest import SITE_ID


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a refused action wrote nothing."""
    with store.read() as s:
        return {t.name: [tuple(r) for r in s.execute(t.select().order_by(*t.primary_key.columns)).all()]
                for t in Base.metadata.sorted_tables}


@dataclass
class World:
    queue: QueueService
    site: SiteService
    day: DayService
    auth: AuthService
    counters: list[int]
    deo_id: int

    def clear(self, counter: int) -> None:
        """Finish whatever the counter is holding (as the system)."""
        cur = self.queue.current_at(counter)
        if cur is None:
            return
        if cur.state is TokenState.CALLED:
            self.queue.start(cur.id, actor=SYSTEM)
        self.queue.complete(cur.id, actor=SYSTEM)

    def called(self, counter: int, recalls: int = 0) -> int:
        self.clear(counter)
        self.queue.issue_token(UpdateType.MISSED_OUT, actor=SYSTEM, priority=True)
        got = self.queue.call_next(counter, actor=SYSTEM)
        assert got is not None
        for _ in range(recalls):
            self.queue.recall(got.id, actor=SYSTEM)
        return got.id

    def started(self, counter: int) -> int:
        tid = self.called(counter)
        self.queue.start(tid, actor=SYSTEM)
        return tid

    def waiting(self) -> int:
        return self.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM).id


Action = tuple[str, Callable[[World], Callable[[Actor], object]]]


def _actions(own: int, other: int) -> list[Action]:
    def call(counter: int) -> Callable[[World], Callable[[Actor], object]]:
        def setup(w: World) -> Callable[[Actor], object]:
            w.clear(w.counters[counter])
            w.queue.issue_token(UpdateType.MISSED_OUT, actor=SYSTEM, priority=True)
            return lambda a: w.queue.call_next(w.counters[counter], actor=a)
        return setup

    def on_token(prep: str, verb: str, counter: int) -> Callable[[World], Callable[[Actor], object]]:
        def setup(w: World) -> Callable[[Actor], object]:
            c = w.counters[counter]
            tid = w.started(c) if prep == "started" else w.called(c, recalls=2 if verb == "no_show" else 0)
            return lambda a: getattr(w.queue, verb)(tid, actor=a)
        return setup

    acts: list[Action] = [
        ("issue_token", lambda w: lambda a: w.queue.issue_token(UpdateType.SHOCK, actor=a)),
    ]
    for where, c in (("own", own), ("other", other)):
        acts += [
            (f"call_next_{where}", call(c)),
            (f"recall_{where}", on_token("called", "recall", c)),
            (f"start_{where}", on_token("called", "start", c)),
            (f"complete_{where}", on_token("started", "complete", c)),
            (f"no_show_{where}", on_token("called", "no_show", c)),
        ]
    acts += [
        ("transfer", lambda w: (lambda tid: lambda a: w.queue.transfer(tid, UpdateType.CYCLIC, actor=a))(w.waiting())),
        ("cancel", lambda w: (lambda tid: lambda a: w.queue.cancel(tid, actor=a))(w.waiting())),
        ("assign_counter", lambda w: lambda a: w.site.assign(w.counters[3], w.deo_id, actor=a)),
        ("pause_counter", lambda w: lambda a: w.site.set_state(w.counters[4], CounterState.PAUSED, actor=a)),
        ("set_types", lambda w: lambda a: w.site.set_served_types(w.counters[4], [UpdateType.APPEAL], actor=a)),
        ("create_staff", lambda w: lambda a: w.auth.create_staff("extra", "Extra", Role.DEO, "9876", actor=a)),
        ("open_day", lambda w: lambda a: w.day.open_day(actor=a)),
        ("close_day", lambda w: lambda a: w.day.close_day(CloseChoice.CANCEL, actor=a)),
    ]
    return acts


SERVE = {"call_next", "recall", "start", "complete", "no_show"}
ALLOWED: dict[str, set[str]] = {
    "admin": {"*"},
    "supervisor": {"*"},  # everything but create_staff, see _allowed
    "triage": {"issue_token"},
    "deo": {f"{v}_own" for v in SERVE} | {"transfer"},
    "regional_manager": set(),
}


def _allowed(role: str, action: str) -> bool:
    allowed = ALLOWED[role]
    if "*" in allowed:
        return role != "supervisor" or action != "create_staff"
    return action in allowed


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_each_action(role: str, store: Store, clock: FixedClock, site: list[int],
                               queue: QueueService, auth: AuthService) -> None:
    with store.read() as s:
        deo1 = s.scalar(select(Staff).where(Staff.username == "deo1"))
        other = s.scalar(select(Staff).where(Staff.role == Role(role)))
    assert deo1 is not None and other is not None
    actor = Actor(other.username, Role(role), other.id)
    w = World(queue, SiteService(store, clock, SITE_ID), DayService(store, clock, SITE_ID, queue), auth, site, deo1.id)
    actions = _actions(own=0, other=1)  # deo1 sits at counter 1 (index 0) in the demo
    outcomes: dict[str, bool] = {}
    for name, setup in actions:
        attempt = setup(w)
        before = snapshot(store)
        clock.advance(7)
        try:
            attempt(actor)
        except PermissionDenied as exc:
            assert str(exc), name
            assert snapshot(store) == before, f"{role} {name}: refused but the database changed"
            outcomes[name] = False
        else:
            assert snapshot(store) != before, f"{role} {name}: allowed but nothing was written"
            outcomes[name] = True
    expected = {n: _allowed(role, n) for n, _ in actions}
    assert outcomes == expected


def test_events_carry_the_signed_in_actor(store: Store, queue: QueueService, site: list[int],
                                           auth: AuthService) -> None:
    from services.auth import make_hasher, set_demo_pins

    set_demo_pins(store, hasher=make_hasher(fast=True))
    triage = auth.authenticate("triage", "1234")
    deo = auth.authenticate("deo1", "1234")
    t = queue.issue_token(UpdateType.ROSTER, actor=triage)
    queue.call_next(site[0], actor=deo)
    queue.start(t.id, actor=deo)
    queue.complete(t.id, actor=deo)
    assert [(e.kind, e.actor) for e in queue.events()] == [
        ("issued", "triage"), ("called", "deo1"), ("started", "deo1"), ("completed", "deo1")]
