"""Every queue transition, legal and illegal, plus call order and permissions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from db.models import CounterState, Role, TokenState, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.queue import IllegalTransition, QueueError, QueuePolicy, QueueService, TokenView
from services.roles import Actor, PermissionDenied
from tests.conftest import SITE_ID
from tests.queue.conftest import Snapshot, event_count, last_event

W, C, S = TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE
DONE, NOSHOW, CANCELLED = TokenState.COMPLETED, TokenState.NO_SHOW, TokenState.CANCELLED
R, M = UpdateType.ROSTER, UpdateType.MISSED_OUT


def _bring(queue: QueueService, state: TokenState, counter: int, sup: Actor, triage: Actor) -> TokenView:
    """A fresh roster token driven to ``state`` at ``counter`` by a supervisor."""
    t = queue.issue_token(R, actor=triage)
    if state is W:
        return t
    if state is CANCELLED:
        return queue.cancel(t.id, actor=sup)
    called = queue.call_next(counter, actor=sup)
    assert called is not None and called.id == t.id
    if state is C:
        return called
    if state is NOSHOW:
        for _ in range(queue.policy.recalls_before_no_show):
            queue.recall(t.id, actor=sup)
        return queue.no_show(t.id, actor=sup)
    queue.start(t.id, actor=sup)
    if state is S:
        return queue.token(t.id)
    return queue.complete(t.id, actor=sup)


def _apply(queue: QueueService, action: str, token_id: int, actor: Actor) -> TokenView:
    if action == "transfer":
        return queue.transfer(token_id, M, actor=actor)
    return getattr(queue, action)(token_id, actor=actor)


ACTIONS = ["recall", "start", "complete", "no_show", "transfer", "cancel"]
LEGAL = {W: {"transfer", "cancel"}, C: {"recall", "start", "no_show", "transfer"}, S: {"complete"}}
ILLEGAL = [(st, a) for st in TokenState for a in ACTIONS if a not in LEGAL.get(st, set())]


# ---- the happy path and one event per transition ----------------------------------------------
def test_full_life_writes_one_event_per_step_with_actor_and_counter(queue, store, site, clock, deo, triage_actor):
    c1 = site[0]
    me = deo(c1)
    t = queue.issue_token(R, actor=triage_actor)
    assert (t.state, t.number, t.counter_id, t.issued_at) == (W, "R-001", None, clock.now())
    ev = last_event(store)
    assert (ev.kind, ev.actor, ev.counter_id, ev.token_id) == ("issued", "triage", None, t.id)
    # The slip's promise is kept with the issue: nobody ahead, so no wait (the site's line is 1 of 6 counters).
    assert ev.payload == {"priority": False, "update_type": "roster", "wait_basis_min": 0.0, "wait_load_min": 1.67,
                          "promised_wait_min": 0.0}

    steps: list[tuple[Callable[[], TokenView | None], str, TokenState]] = [
        (lambda: queue.call_next(c1, actor=me), "called", C),
        (lambda: queue.start(t.id, actor=me), "started", S),
        (lambda: queue.complete(t.id, actor=me), "completed", DONE),
    ]
    for step, kind, state in steps:
        clock.advance(60)
        before = event_count(store)
        view = step()
        assert view is not None and view.id == t.id and view.state is state
        assert event_count(store) == before + 1
        ev = last_event(store)
        assert (ev.kind, ev.actor, ev.counter_id, ev.token_id, ev.at) == (kind, me.username, c1, t.id, clock.now())
    done = queue.token(t.id)
    start = datetime(2026, 3, 4, 5, 0, tzinfo=UTC)  # 10:00 PKT
    assert done.called_at == start + timedelta(minutes=1)
    assert done.started_at == start + timedelta(minutes=2)
    assert done.closed_at == start + timedelta(minutes=3)
    assert done.counter_id == c1 and done.recall_count == 0
    assert queue.current_at(c1) is None


LEGAL_MOVES = [(W, "transfer", "transferred", W), (W, "cancel", "cancelled", CANCELLED), (C, "recall", "recalled", C),
               (C, "start", "started", S), (C, "transfer", "transferred", W), (S, "complete", "completed", DONE)]


@pytest.mark.parametrize(("state", "action", "kind", "after"), LEGAL_MOVES,
                         ids=[f"{s.value}-{a}" for s, a, _, _ in LEGAL_MOVES])
def test_each_legal_move_writes_exactly_one_event(queue, store, site, deo, supervisor, triage_actor,
                                                  state, action, kind, after):
    t = _bring(queue, state, site[0], supervisor, triage_actor)
    # The counter's own DEO where a DEO may act; cancelling needs a supervisor.
    who = supervisor if action == "cancel" else deo(site[0])
    before = event_count(store)
    v = _apply(queue, action, t.id, who)
    assert v.state is after and v.number == t.number
    assert event_count(store) == before + 1
    ev = last_event(store)
    assert (ev.kind, ev.token_id, ev.actor, ev.counter_id) == (kind, t.id, who.username, t.counter_id)


@pytest.mark.parametrize(("state", "action"), ILLEGAL, ids=[f"{s.value}-{a}" for s, a in ILLEGAL])
def test_illegal_transition_raises_and_changes_nothing(queue, store, site, supervisor, triage_actor, state, action):
    t = _bring(queue, state, site[0], supervisor, triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(IllegalTransition) as info:
        _apply(queue, action, t.id, supervisor)
    assert t.number in str(info.value) and info.value.state is state
    assert isinstance(info.value, QueueError)
    snap.assert_unchanged()


def test_unknown_token_is_a_queue_error(queue, store, supervisor):
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError):
        queue.start(999, actor=supervisor)
    snap.assert_unchanged()


# ---- recall and no-show -----------------------------------------------------------------------
def test_recall_is_counted_and_refused_at_the_limit(queue, store, site, supervisor, triage_actor):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    for n in (1, 2):
        v = queue.recall(t.id, actor=supervisor)
        assert (v.state, v.recall_count, v.counter_id) == (C, n, site[0])
        ev = last_event(store)
        assert (ev.kind, ev.payload, ev.counter_id) == ("recalled", {"recall": n}, site[0])
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match="no-show"):
        queue.recall(t.id, actor=supervisor)
    snap.assert_unchanged()


@pytest.mark.parametrize("recalls", [0, 1])
def test_no_show_needs_the_required_recalls(queue, store, site, supervisor, triage_actor, recalls):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    for _ in range(recalls):
        queue.recall(t.id, actor=supervisor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match="Recall"):
        queue.no_show(t.id, actor=supervisor)
    snap.assert_unchanged()


def test_no_show_after_the_recalls_closes_the_token(queue, store, site, clock, supervisor, triage_actor):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    queue.recall(t.id, actor=supervisor)
    queue.recall(t.id, actor=supervisor)
    clock.advance(120)
    v = queue.no_show(t.id, actor=supervisor)
    assert (v.state, v.closed_at, v.counter_id) == (NOSHOW, clock.now(), site[0])
    assert last_event(store).kind == "no_show"
    # The counter is free again.
    assert queue.current_at(site[0]) is None
    assert queue.call_next(site[0], actor=supervisor) is None


def test_no_show_limit_follows_the_policy(store, clock, site, supervisor, triage_actor):
    q = QueueService(store, clock, SITE_ID, QueuePolicy(recalls_before_no_show=0))
    t = _bring(q, C, site[0], supervisor, triage_actor)
    with pytest.raises(QueueError):
        q.recall(t.id, actor=supervisor)
    assert q.no_show(t.id, actor=supervisor).state is NOSHOW


def test_a_new_call_resets_the_recall_count(queue, site, supervisor, triage_actor):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    queue.recall(t.id, actor=supervisor)
    queue.transfer(t.id, UpdateType.SHOCK, actor=supervisor)
    again = queue.call_next(site[3], actor=supervisor)  # counter 4 serves shock
    assert again is not None and again.id == t.id and again.recall_count == 0 and again.counter_id == site[3]


# ---- transfer and cancel ----------------------------------------------------------------------
def test_transfer_from_waiting_keeps_number_and_place(queue, store, site, clock, supervisor, triage_actor):
    r1 = queue.issue_token(R, actor=triage_actor)
    clock.advance(300)
    m1 = queue.issue_token(M, actor=triage_actor)
    clock.advance(300)
    v = queue.transfer(r1.id, M, actor=supervisor)
    assert (v.state, v.number, v.issued_type, v.update_type) == (W, "R-001", R, M)
    assert (v.queued_at, v.issued_at) == (r1.queued_at, r1.issued_at)
    ev = last_event(store)
    assert (ev.kind, ev.payload, ev.counter_id, ev.actor) == ("transferred", {"from": "roster", "to": "missed_out"},
                                                              None, "supervisor")
    # It waits among the missed-out tokens at its issue time: ahead of M-001.
    assert [t.id for t in queue.waiting(M)] == [r1.id, m1.id]
    assert queue.position(r1.id) == 1 and queue.position(m1.id) == 2
    assert queue.waiting(R) == []
    # Counter 6 serves missed_out and shock but not roster: it now calls R-001 first.
    first = queue.call_next(site[5], actor=supervisor)
    assert first is not None and first.id == r1.id
    # A new missed-out token still draws M-002: the transfer took no number.
    assert queue.issue_token(M, actor=triage_actor).number == "M-002"


def test_transfer_from_called_returns_it_to_the_line(queue, store, site, clock, supervisor, triage_actor):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    later = queue.issue_token(M, actor=triage_actor)
    v = queue.transfer(t.id, M, actor=supervisor)
    assert (v.state, v.counter_id, v.called_at, v.number, v.queued_at) == (W, None, None, "R-001", t.queued_at)
    ev = last_event(store)
    assert (ev.kind, ev.counter_id) == ("transferred", site[0])  # recorded at the counter it left
    # The counter is no longer busy, and the transferred token keeps its place ahead of the later one.
    nxt = queue.call_next(site[1], actor=supervisor)
    assert nxt is not None and nxt.id == t.id
    assert [w.id for w in queue.waiting(M)] == [later.id]


def test_transfer_to_the_same_type_is_refused(queue, store, site, supervisor, triage_actor):
    t = queue.issue_token(R, actor=triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match="already"):
        queue.transfer(t.id, R, actor=supervisor)
    snap.assert_unchanged()


def test_cancel_from_waiting(queue, store, site, clock, supervisor, triage_actor):
    t = queue.issue_token(R, actor=triage_actor)
    v = queue.cancel(t.id, actor=supervisor, reason="left")
    assert (v.state, v.closed_at) == (CANCELLED, clock.now())
    ev = last_event(store)
    assert (ev.kind, ev.payload, ev.actor) == ("cancelled", {"reason": "left"}, "supervisor")
    assert queue.waiting() == []
    assert queue.call_next(site[0], actor=supervisor) is None


# ---- call next ----------------------------------------------------------------------------------
def _serve(queue: QueueService, counter: int, actor: Actor) -> TokenView | None:
    t = queue.call_next(counter, actor=actor)
    if t is not None:
        queue.start(t.id, actor=actor)
        queue.complete(t.id, actor=actor)
    return t


def test_call_next_serves_only_the_counters_types(queue, store, site, supervisor, triage_actor):
    c4 = site[3]  # recertification, shock
    r = queue.issue_token(R, actor=triage_actor)
    a = queue.issue_token(UpdateType.CYCLIC, actor=triage_actor)
    snap = Snapshot(queue, store)
    assert queue.call_next(c4, actor=supervisor) is None
    snap.assert_unchanged()
    v = queue.issue_token(UpdateType.RECERTIFICATION, actor=triage_actor)
    got = queue.call_next(c4, actor=supervisor)
    assert got is not None and got.id == v.id
    assert {t.id for t in queue.waiting()} == {r.id, a.id}


def test_call_next_priority_first_then_oldest(queue, site, clock, supervisor, triage_actor):
    n1 = queue.issue_token(R, actor=triage_actor)
    clock.advance(60)
    n2 = queue.issue_token(M, actor=triage_actor)
    clock.advance(60)
    p1 = queue.issue_token(M, actor=triage_actor, priority=True, priority_reason="elderly")
    clock.advance(60)
    p2 = queue.issue_token(R, actor=triage_actor, priority=True, priority_reason="disability")
    assert p1.priority_reason == "elderly"
    order = [_serve(queue, site[0], supervisor) for _ in range(5)]
    assert [t.id if t else None for t in order] == [p1.id, p2.id, n1.id, n2.id, None]


def test_call_next_oldest_first_ties_broken_by_issue_order(queue, site, supervisor, triage_actor):
    # Same instant (fixed clock): the id decides.
    ids = [queue.issue_token(ut, actor=triage_actor).id for ut in (M, R, M, R)]
    assert [_serve(queue, site[1], supervisor).id for _ in ids] == ids  # type: ignore[union-attr]


def test_fairness_lets_a_normal_token_through_after_the_priority_streak(store, clock, site, supervisor, triage_actor):
    q = QueueService(store, clock, SITE_ID, QueuePolicy(max_priority_streak=3))
    normal = [q.issue_token(R, actor=triage_actor) for _ in range(2)]
    clock.advance(60)
    prio = [q.issue_token(R, actor=triage_actor, priority=True) for _ in range(5)]
    got = [_serve(q, site[0], supervisor) for _ in range(8)]
    want = [prio[0], prio[1], prio[2], normal[0], prio[3], prio[4], normal[1], None]
    assert [t.id if t else None for t in got] == [t.id if t else None for t in want]


def test_fairness_with_no_normal_waiting_still_calls_priority(store, clock, site, supervisor, triage_actor):
    q = QueueService(store, clock, SITE_ID, QueuePolicy(max_priority_streak=1))
    prio = [q.issue_token(R, actor=triage_actor, priority=True) for _ in range(3)]
    assert [_serve(q, site[0], supervisor).id for _ in prio] == [t.id for t in prio]  # type: ignore[union-attr]


def test_fairness_streak_is_per_counter(store, clock, site, supervisor, triage_actor):
    q = QueueService(store, clock, SITE_ID, QueuePolicy(max_priority_streak=1))
    n = q.issue_token(R, actor=triage_actor)
    p = [q.issue_token(R, actor=triage_actor, priority=True) for _ in range(2)]
    assert _serve(q, site[0], supervisor).id == p[0].id  # type: ignore[union-attr]
    # Counter 2 has made no priority call yet, so it still takes priority first.
    assert _serve(q, site[1], supervisor).id == p[1].id  # type: ignore[union-attr]
    assert _serve(q, site[0], supervisor).id == n.id  # type: ignore[union-attr]


@pytest.mark.parametrize("state", [CounterState.PAUSED, CounterState.CLOSED])
def test_call_next_refused_at_a_paused_or_closed_counter(queue, store, site, site_service, supervisor,
                                                         triage_actor, state):
    queue.issue_token(R, actor=triage_actor)
    site_service.set_state(site[0], state, actor=supervisor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match=state.value):
        queue.call_next(site[0], actor=supervisor)
    snap.assert_unchanged()
    site_service.set_state(site[0], CounterState.OPEN, actor=supervisor)
    assert queue.call_next(site[0], actor=supervisor) is not None


@pytest.mark.parametrize("state", [C, S])
def test_call_next_refused_while_the_counter_is_still_serving(queue, store, site, supervisor, triage_actor, state):
    t = _bring(queue, state, site[0], supervisor, triage_actor)
    queue.issue_token(R, actor=triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match=t.number):
        queue.call_next(site[0], actor=supervisor)
    snap.assert_unchanged()


def test_call_next_with_nobody_waiting_is_none_and_writes_nothing(queue, store, site, supervisor):
    snap = Snapshot(queue, store)
    assert queue.call_next(site[0], actor=supervisor) is None
    snap.assert_unchanged()


def test_call_next_on_an_unknown_counter_or_one_serving_nothing(queue, store, site, site_service, supervisor,
                                                                triage_actor):
    queue.issue_token(R, actor=triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError):
        queue.call_next(9999, actor=supervisor)
    site_service.set_served_types(site[0], [], actor=supervisor)
    snap = Snapshot(queue, store)
    with pytest.raises(QueueError, match="serves no"):
        queue.call_next(site[0], actor=supervisor)
    snap.assert_unchanged()


# ---- permissions --------------------------------------------------------------------------------
def test_deo_may_call_only_at_the_counter_assigned_to_it(queue, store, site, deo, triage_actor):
    queue.issue_token(R, actor=triage_actor)
    other = deo(site[1])
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        queue.call_next(site[0], actor=other)
    snap.assert_unchanged()
    got = queue.call_next(site[1], actor=other)
    assert got is not None and got.counter_id == site[1]
    assert last_event(store).actor == other.username


@pytest.mark.parametrize("action", ["recall", "start", "no_show", "transfer"])
def test_deo_may_not_act_on_a_token_at_another_counter(queue, store, site, deo, supervisor, triage_actor, action):
    t = _bring(queue, C, site[0], supervisor, triage_actor)
    if action == "no_show":
        queue.recall(t.id, actor=supervisor)
        queue.recall(t.id, actor=supervisor)
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        _apply(queue, action, t.id, deo(site[1]))
    snap.assert_unchanged()
    _apply(queue, action, t.id, deo(site[0]))  # the counter's own DEO may


def test_deo_may_not_complete_at_another_counter(queue, store, site, deo, supervisor, triage_actor):
    t = _bring(queue, S, site[0], supervisor, triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        queue.complete(t.id, actor=deo(site[1]))
    snap.assert_unchanged()
    assert queue.complete(t.id, actor=deo(site[0])).state is DONE


def test_deo_loses_the_counter_when_reassigned(queue, store, site, site_service, deo, supervisor, triage_actor):
    me = deo(site[0])
    queue.issue_token(R, actor=triage_actor)
    site_service.assign(site[0], deo(site[1]).staff_id, actor=supervisor)
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        queue.call_next(site[0], actor=me)
    snap.assert_unchanged()


def test_yesterdays_assignment_does_not_count(store, site, deo, triage_actor):
    me = deo(site[0])
    clock = FixedClock(datetime(2026, 3, 5, 10, 0, tzinfo=SITE_ZONE))  # the day after the fixture's
    q = QueueService(store, clock, SITE_ID)
    q.issue_token(R, actor=triage_actor)
    with pytest.raises(PermissionDenied):
        q.call_next(site[0], actor=me)


@pytest.mark.parametrize("role", [Role.TRIAGE, Role.REGIONAL_MANAGER])
def test_triage_and_managers_cannot_call_or_serve(queue, store, site, supervisor, triage_actor, role):
    who = Actor("someone", role)
    called = _bring(queue, C, site[1], supervisor, triage_actor)
    queue.issue_token(R, actor=triage_actor)
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        queue.call_next(site[0], actor=who)
    for action in ("recall", "start", "cancel"):
        with pytest.raises(PermissionDenied):
            _apply(queue, action, called.id, who)
    snap.assert_unchanged()


def test_who_may_issue_cancel_and_transfer(queue, store, site, deo, triage_actor):
    manager = Actor("manager", Role.REGIONAL_MANAGER)
    snap = Snapshot(queue, store)
    with pytest.raises(PermissionDenied):
        queue.issue_token(R, actor=manager)
    with pytest.raises(PermissionDenied):
        queue.issue_token(R, actor=deo(site[0]))
    snap.assert_unchanged()
    t = queue.issue_token(R, actor=triage_actor)
    snap = Snapshot(queue, store)
    for who in (triage_actor, deo(site[0])):
        with pytest.raises(PermissionDenied):
            queue.cancel(t.id, actor=who)
    with pytest.raises(PermissionDenied):
        queue.transfer(t.id, M, actor=triage_actor)
    snap.assert_unchanged()
    # A DEO may redirect a visitor who is waiting in the wrong line.
    assert queue.transfer(t.id, M, actor=deo(site[0])).update_type is M
