"""Random sequences of queue operations against a plain-Python model of the rules (hypothesis).

After every step: the database matches the model, no counter holds two tokens, numbers are
unique and gap-free per issued type and day, no token is completed twice, and replaying the
event log reproduces every token.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections import Counter as Tally
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from db.engine import Store
from db.migrate import upgrade
from db.models import CounterState, Role, Staff, Token, TokenEvent, TokenState, UpdateType
from services.clock import SITE_ZONE, FixedClock, business_day
from services.provision import ensure_site, seed_demo
from services.queue import IllegalTransition, QueueError, QueuePolicy, QueueService
from services.queue.replay import replay
from services.roles import Actor, PermissionDenied
from services.site import SiteService
from tests.conftest import SITE_ID

W, C, S = TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE
START = datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE)
DAY0 = START.date()
# A short fairness streak so the random runs hit the fairness rule often.
POLICY = QueuePolicy(max_priority_streak=1, recalls_before_no_show=2, appeal_enabled=True)
SUPERVISOR = Actor("supervisor", Role.SUPERVISOR)
TRIAGE = Actor("triage", Role.TRIAGE)
SOURCES = {"recall": {C}, "start": {C}, "complete": {S}, "no_show": {C}, "transfer": {W, C}, "cancel": {W}}

WHO = st.sampled_from(["supervisor", "own", "own", "other"])
PICK = st.integers(0, 10_000)

_template: dict[str, object] = {}


def _template_db() -> tuple[Path, list[int], dict[int, Actor]]:
    """A migrated database with the demo site, built once per run and copied per example."""
    if not _template:
        folder = Path(tempfile.mkdtemp(prefix="drc-prop-template-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "site.sqlite3"
        url = f"sqlite:///{path}"
        upgrade(url)
        store = Store.open(url)
        clock = FixedClock(START)
        ensure_site(store, SITE_ID, "DRC Bagh")
        counters = seed_demo(store, clock, SITE_ID, 6)
        views = {c.id: c for c in SiteService(store, clock, SITE_ID).counters()}
        with store.read() as s:
            names = {st.id: st.username for st in s.scalars(select(Staff))}
        deos = {cid: Actor(names[views[cid].staff_id], Role.DEO, views[cid].staff_id)  # type: ignore[index]
                for cid in counters}
        store.dispose()
        _template.update(path=path, counters=counters, deos=deos, types={
            cid: {UpdateType(t) for t in views[cid].served_types} for cid in counters})
    return _template["path"], _template["counters"], _template["deos"]  # type: ignore[return-value]


@dataclass
class ModelToken:
    """What the rules say a token should look like."""

    id: int
    number: str
    issued_type: UpdateType
    update_type: UpdateType
    priority: bool
    day: date
    queued_at: datetime
    state: TokenState = W
    counter: int | None = None
    recalls: int = 0
    completions: int = 0


class QueueMachine(RuleBasedStateMachine):
    """One fresh site store per example, driven by random operations."""

    def __init__(self) -> None:
        super().__init__()
        template, self.counters, self.deos = _template_db()
        self.types: dict[int, set[UpdateType]] = dict(_template["types"])  # type: ignore[arg-type]
        self.folder = Path(tempfile.mkdtemp(prefix="drc-prop-"))
        shutil.copyfile(template, self.folder / "site.sqlite3")
        self.store = Store.open(f"sqlite:///{self.folder / 'site.sqlite3'}")
        self.clock = FixedClock(START)
        self.queue = QueueService(self.store, self.clock, SITE_ID, POLICY)
        self.site = SiteService(self.store, self.clock, SITE_ID)
        self.tokens: dict[int, ModelToken] = {}
        self.seq: dict[tuple[date, UpdateType], int] = {}
        self.open: dict[int, bool] = dict.fromkeys(self.counters, True)
        self.streak: dict[int, int] = dict.fromkeys(self.counters, 0)
        self.nights = 0

    def teardown(self) -> None:
        """Close the store and delete the example's files."""
        self.store.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ---- helpers -------------------------------------------------------------------------
    def today(self) -> date:
        return business_day(self.clock.now())

    def draw(self, day: date, kind: UpdateType) -> str:
        n = self.seq.get((day, kind), 0) + 1
        self.seq[(day, kind)] = n
        return f"{kind.prefix}-{n:03d}"

    def actor(self, who: str, counter: int | None, other: int) -> Actor:
        """The supervisor, the DEO of ``counter`` ("own") or the DEO of another counter."""
        if who == "supervisor":
            return SUPERVISOR
        if who == "own" and counter is not None:
            return self.deos[counter]
        return self.deos[self.counters[other % len(self.counters)]]

    def may_serve(self, actor: Actor, counter: int, day: date) -> bool:
        """DEOs are assigned to their own counter on the first day only."""
        return actor.role is not Role.DEO or (self.deos[counter] == actor and day == DAY0)

    def served_now(self) -> set[UpdateType]:
        """The types an open counter with a DEO calls today (a transfer to any other is refused)."""
        if self.today() != DAY0:
            return set()  # after DAY0 no DEO sits at any counter
        return {t for c in self.counters if self.open[c] for t in self.types[c]}

    def busy(self, counter: int) -> bool:
        return any(t.counter == counter and t.state in (C, S) for t in self.tokens.values())

    # ---- rules ---------------------------------------------------------------------------
    @initialize(batch=st.lists(st.tuples(st.sampled_from(list(UpdateType)), st.booleans()), max_size=12))
    def morning_crowd(self, batch: list[tuple[UpdateType, bool]]) -> None:
        """Start most examples with a queue to work on."""
        for kind, priority in batch:
            self.issue(kind, priority)
            self.clock.advance(30)

    @rule(kind=st.sampled_from(list(UpdateType)), priority=st.booleans())
    def issue(self, kind: UpdateType, priority: bool) -> None:
        v = self.queue.issue_token(kind, actor=TRIAGE, priority=priority)
        day = self.today()
        expected = self.draw(day, kind)
        assert (v.number, v.business_day, v.state) == (expected, day, W)
        self.tokens[v.id] = ModelToken(v.id, expected, kind, kind, priority, day, self.clock.now())

    @rule(index=st.integers(0, 5), who=WHO, other=st.integers(0, 5))
    def call_next(self, index: int, who: str, other: int) -> None:
        counter = self.counters[index]
        actor = self.actor(who, counter, other)
        expect: type[Exception] | None = None
        if not self.may_serve(actor, counter, self.today()):
            expect = PermissionDenied
        elif self.today() != DAY0 or not self.open[counter] or self.busy(counter):
            expect = QueueError  # after DAY0 no DEO sits at any counter: nobody may call there
        if expect is not None:
            try:
                self.queue.call_next(counter, actor=actor)
            except expect:
                return
            raise AssertionError(f"call_next should have raised {expect.__name__}")
        pool = sorted(
            (t for t in self.tokens.values()
             if t.state is W and t.day == self.today() and t.update_type in self.types[counter]),
            key=lambda t: (t.queued_at, t.id),
        )
        order = [True, False] if self.streak[counter] < POLICY.max_priority_streak else [False, True]
        want = next((t for prio in order for t in pool if t.priority is prio), None)
        got = self.queue.call_next(counter, actor=actor)
        assert (got.id if got else None) == (want.id if want else None)
        if want is not None:
            self.streak[counter] = self.streak[counter] + 1 if want.priority else 0
            want.state, want.counter, want.recalls = C, counter, 0

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5))
    def recall(self, pick: int, who: str, other: int) -> None:
        self.act("recall", pick, who, other)

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5))
    def start(self, pick: int, who: str, other: int) -> None:
        self.act("start", pick, who, other)

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5))
    def complete(self, pick: int, who: str, other: int) -> None:
        self.act("complete", pick, who, other)

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5))
    def no_show(self, pick: int, who: str, other: int) -> None:
        self.act("no_show", pick, who, other)

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5), new_type=st.sampled_from(list(UpdateType)))
    def transfer(self, pick: int, who: str, other: int, new_type: UpdateType) -> None:
        self.act("transfer", pick, who, other, new_type)

    @rule(pick=PICK, who=WHO, other=st.integers(0, 5))
    def cancel(self, pick: int, who: str, other: int) -> None:
        self.act("cancel", pick, who, other)

    @rule(index=st.integers(0, 5), who=WHO, other=st.integers(0, 5))
    def progress(self, index: int, who: str, other: int) -> None:
        """The everyday path at one counter: call, then start, then complete."""
        counter = self.counters[index]
        held = next((t for t in self.tokens.values() if t.counter == counter and t.state in (C, S)), None)
        if held is None:
            self.call_next(index, who, other)
        else:
            self.act("start" if held.state is C else "complete", 0, who, other, token=held)

    def act(self, action: str, pick: int, who: str, other: int, new_type: UpdateType = UpdateType.ROSTER,
            token: ModelToken | None = None) -> None:
        """Try ``action`` on a token (usually one in a state it applies to) and check the outcome."""
        if not self.tokens:
            return
        t = self.tokens[sorted(self.tokens)[pick % len(self.tokens)]]
        fits = [x for x in self.tokens.values() if x.state in SOURCES[action]]
        if fits and pick % 4:
            t = fits[pick % len(fits)]
        t = token or t
        actor = self.actor(who, t.counter, other)
        # The service checks in this order: role, state, counter, then the rule of the action.
        expect: type[Exception] | None = None
        if action == "cancel" and actor.role is Role.DEO:
            expect = PermissionDenied
        elif t.state not in SOURCES[action]:
            expect = IllegalTransition
        elif t.counter is not None and t.state in (C, S) and not self.may_serve(actor, t.counter, t.day):
            expect = PermissionDenied
        elif (action == "recall" and t.recalls >= POLICY.recalls_before_no_show) or (
            action == "no_show" and t.recalls < POLICY.recalls_before_no_show) or (
            action == "transfer" and (t.update_type is new_type or new_type not in self.served_now())):
            expect = QueueError
        call = (lambda: self.queue.transfer(t.id, new_type, actor=actor)) if action == "transfer" else (
            lambda: getattr(self.queue, action)(t.id, actor=actor))
        if expect is not None:
            try:
                call()
            except expect:
                return
            raise AssertionError(f"{action} on {t.state.value} should have raised {expect.__name__}")
        v = call()
        if action == "recall":
            t.recalls += 1
        elif action == "start":
            t.state = S
        elif action == "complete":
            t.state, t.completions = TokenState.COMPLETED, t.completions + 1
        elif action == "no_show":
            t.state = TokenState.NO_SHOW
        elif action == "transfer":
            t.state, t.update_type, t.counter, t.recalls = W, new_type, None, 0
        elif action == "cancel":
            t.state = TokenState.CANCELLED
        assert v.state is t.state

    @rule(minutes=st.integers(0, 20))
    def advance(self, minutes: int) -> None:
        self.clock.advance(timedelta(minutes=minutes))

    # Now and then overnight, so day boundaries, carry-over and stale assignments occur.
    @precondition(lambda self: self.nights < 2)
    @rule(hours=st.integers(8, 30))
    def overnight(self, hours: int) -> None:
        self.nights += 1
        self.clock.advance(timedelta(hours=hours))

    @rule(index=st.integers(0, 5), open_=st.booleans())
    def set_counter(self, index: int, open_: bool) -> None:
        counter = self.counters[index]
        self.site.set_state(counter, CounterState.OPEN if open_ else CounterState.PAUSED, actor=SUPERVISOR)
        self.open[counter] = open_

    @precondition(lambda self: any(t.state in (W, C) and t.day < self.today() for t in self.tokens.values()))
    @rule()
    def carry_over(self) -> None:
        day = self.today()
        stale = sorted(t.id for t in self.tokens.values() if t.state in (W, C) and t.day < day)
        moved = self.queue.carry_over(stale, day, actor=SUPERVISOR)
        for tid, v in zip(stale, moved, strict=True):
            t = self.tokens[tid]
            t.state, t.day, t.counter, t.recalls = W, day, None, 0
            t.number = self.draw(day, t.issued_type)
            assert (v.id, v.number, v.queued_at) == (tid, t.number, t.queued_at)

    # ---- invariants ----------------------------------------------------------------------
    @invariant()
    def database_matches_the_model_and_the_log(self) -> None:
        with self.store.read() as s:
            rows = {t.id: t for t in s.scalars(select(Token))}
            events = list(s.scalars(select(TokenEvent)))
        assert rows.keys() == self.tokens.keys()
        for tid, m in self.tokens.items():
            r = rows[tid]
            assert (r.state, r.number, r.update_type, r.issued_type, r.business_day, r.counter_id, r.recall_count,
                    r.priority, r.queued_at) == (m.state, m.number, m.update_type, m.issued_type, m.day, m.counter,
                                                 m.recalls, m.priority, m.queued_at)
        # No counter holds two tokens at once.
        holders = Tally(r.counter_id for r in rows.values() if r.state in (C, S))
        assert all(n == 1 for n in holders.values()), holders
        # Numbers: every number drawn for a (day, issued type) is unique and they run 1..n without gaps.
        # A carried-over token draws a new number on its new day; the one it left behind is in the event.
        by_key: dict[tuple[date, UpdateType], list[int]] = {}
        for r in rows.values():
            by_key.setdefault((r.business_day, r.issued_type), []).append(r.seq)
            assert r.number == f"{r.issued_type.prefix}-{r.seq:03d}"
        for e in events:
            if e.kind == "carried_over":
                key = (date.fromisoformat(e.payload["from"]), rows[e.token_id].issued_type)
                by_key.setdefault(key, []).append(int(e.payload["old_number"].split("-")[1]))
        for seqs in by_key.values():
            assert sorted(seqs) == list(range(1, len(seqs) + 1)), by_key
        # Nobody is served twice.
        done = Tally(e.token_id for e in events if e.kind == "completed")
        assert all(n == 1 for n in done.values())
        assert all(m.completions <= 1 for m in self.tokens.values())
        # The log alone explains the table.
        replayed = replay(events)
        assert replayed.keys() == rows.keys()
        for tid, rt in replayed.items():
            r = rows[tid]
            assert (rt.state, rt.number, rt.update_type, rt.issued_type, rt.business_day, rt.counter_id,
                    rt.recall_count, rt.priority) == (r.state, r.number, r.update_type, r.issued_type,
                                                      r.business_day, r.counter_id, r.recall_count, r.priority)


QueueMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=30, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestQueueMachine = QueueMachine.TestCase


def test_replay_refuses_an_impossible_history() -> None:
    """A log that calls a completed token again is not a legal history."""
    from services.queue.replay import ReplayError

    @dataclass
    class Ev:
        id: int
        token_id: int
        kind: str
        at: datetime
        counter_id: int | None
        payload: dict

    at = START
    log = [Ev(1, 7, "issued", at, None, {"update_type": "roster", "priority": False}),
           Ev(2, 7, "called", at, 1, {}), Ev(3, 7, "started", at, 1, {}), Ev(4, 7, "completed", at, 1, {})]
    assert replay(log)[7].state is TokenState.COMPLETED
    with pytest.raises(ReplayError):
        replay([*log, Ev(5, 7, "called", at, 2, {})])
    with pytest.raises(ReplayError):
        replay(log[1:])
