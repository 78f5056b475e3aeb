"""Every queue transition, legal and illegal, plus numbering, call order, permissions and estimates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from db.models import CounterState, Role, SlipStatus, TokenState, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.provision import seed_demo
from services.queue import IllegalTransition, QueueChange, QueueError, QueuePolicy, QueueService, TokenView
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
    assert ev.payload == {"priority": False, "update_type": "roster"}

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


# ---- numbering ----------------------------------------------------------------------------------
def test_numbers_per_type_are_prefixed_zero_padded_and_sequential(store, clock, site, triage_actor):
    queue = QueueService(store, clock, SITE_ID, QueuePolicy(appeal_enabled=True))
    expected = {UpdateType.MISSED_OUT: "M", UpdateType.ROSTER: "R", UpdateType.SHOCK: "S",
                UpdateType.APPEAL: "A", UpdateType.CYCLIC: "C", UpdateType.RECERTIFICATION: "V"}
    assert len(expected) == len(UpdateType)
    for n in (1, 2, 3):
        for ut, prefix in expected.items():
            assert queue.issue_token(ut, actor=triage_actor).number == f"{prefix}-{n:03d}"
    assert [t.number for t in queue.tokens()][:6] == [f"{p}-001" for p in expected.values()]


def test_numbers_restart_on_the_next_business_day_in_karachi(store, site, triage_actor):
    # 23:30 and 00:30 PKT are 18:30 and 19:30 UTC of the same UTC date: only the site zone separates them.
    clock = FixedClock(datetime(2026, 3, 4, 23, 30, tzinfo=SITE_ZONE))
    q = QueueService(store, clock, SITE_ID)
    a = q.issue_token(R, actor=triage_actor)
    b = q.issue_token(R, actor=triage_actor)
    clock.advance(timedelta(hours=1))
    c = q.issue_token(R, actor=triage_actor)
    assert a.issued_at.date() == c.issued_at.date()  # same UTC date
    assert (a.number, a.business_day.isoformat()) == ("R-001", "2026-03-04")
    assert (b.number, b.business_day.isoformat()) == ("R-002", "2026-03-04")
    assert (c.number, c.business_day.isoformat()) == ("R-001", "2026-03-05")
    # 04:30 PKT on the 5th is still the 4th in UTC, but it is the site's 5th.
    clock.set(datetime(2026, 3, 5, 4, 30, tzinfo=SITE_ZONE))
    assert clock.now().date().isoformat() == "2026-03-04"
    d = q.issue_token(R, actor=triage_actor)
    assert (d.number, d.business_day.isoformat()) == ("R-002", "2026-03-05")
    # Yesterday's waiting tokens are not called today.
    assert [t.id for t in q.waiting()] == [c.id, d.id]


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


# ---- estimated wait -----------------------------------------------------------------------------
def test_estimated_wait_none_without_an_open_counter(queue, site, site_service, supervisor, triage_actor):
    assert queue.estimated_wait(UpdateType.APPEAL) is None  # no demo counter serves appeals
    for cid in site:
        if cid != site[2]:
            site_service.set_state(cid, CounterState.CLOSED, actor=supervisor)
    assert queue.estimated_wait(UpdateType.CYCLIC) == timedelta(0)  # counter 3 is open, nobody waits
    site_service.set_state(site[2], CounterState.PAUSED, actor=supervisor)
    assert queue.estimated_wait(UpdateType.CYCLIC) is None


def test_estimated_wait_default_then_median_of_recent_services(store, clock, site, site_service, supervisor,
                                                               triage_actor):
    q = QueueService(store, clock, SITE_ID, QueuePolicy(default_service_minutes=10, rate_window=3))
    # Roster is served by counters 1, 2, 3 and 5; keep 1 and 2 open.
    for cid in (site[2], site[4]):
        site_service.set_state(cid, CounterState.CLOSED, actor=supervisor)
    for _ in range(3):
        q.issue_token(R, actor=triage_actor)
    assert q.estimated_wait(R) == timedelta(minutes=20)  # ceil(3 / 2) rounds x default 10
    assert q.estimated_wait(R, ahead=0) == timedelta(0)
    assert q.estimated_wait(R, ahead=5) == timedelta(minutes=30)
    assert q.estimated_wait(M) == timedelta(0)
    # Serve four tokens taking 30, 4, 6 and 8 minutes; the window keeps the last three (median 6).
    for minutes in (30, 4, 6, 8):
        if not q.waiting(R):
            q.issue_token(R, actor=triage_actor)
        t = q.call_next(site[0], actor=supervisor)
        assert t is not None
        q.start(t.id, actor=supervisor)
        clock.advance(timedelta(minutes=minutes))
        q.complete(t.id, actor=supervisor)
    waiting = len(q.waiting(R))
    assert waiting == 0
    assert q.estimated_wait(R, ahead=4) == timedelta(minutes=2 * 6)
    # Other types still use the default.
    assert q.estimated_wait(M, ahead=2) == timedelta(minutes=10)


# ---- carry over, record, listeners --------------------------------------------------------------
def test_carry_over_moves_open_tokens_to_the_next_day(queue, store, site, clock, supervisor, triage_actor):
    day = queue.today()
    called = _bring(queue, C, site[0], supervisor, triage_actor)  # R-001, called at counter 1
    clock.advance(60)
    waiting = queue.issue_token(R, actor=triage_actor)
    nxt = day + timedelta(days=1)
    moved = queue.carry_over([waiting.id, called.id], nxt, actor=supervisor)
    assert [(t.state, t.business_day, t.counter_id, t.called_at, t.recall_count) for t in moved] == [
        (W, nxt, None, None, 0), (W, nxt, None, None, 0)]
    # New numbers drawn from the new day's sequence keep that day gap-free; the place in line is kept.
    assert [t.number for t in moved] == ["R-001", "R-002"]
    assert [t.queued_at for t in moved] == [waiting.queued_at, called.queued_at]
    assert [t.issued_at for t in moved] == [waiting.issued_at, called.issued_at]
    ev = last_event(store)
    assert (ev.kind, ev.counter_id) == ("carried_over", None)
    assert ev.payload == {"from": day.isoformat(), "to": nxt.isoformat(), "old_number": "R-001"}
    assert queue.tokens(day) == []
    # Next morning: carried tokens come before new arrivals, new numbers continue after them.
    clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=SITE_ZONE))
    fresh = queue.issue_token(R, actor=triage_actor)
    assert fresh.number == "R-003"
    # The token called yesterday keeps its earlier place, ahead of the one that was waiting.
    assert [t.id for t in queue.waiting(R)] == [called.id, waiting.id, fresh.id]
    seed_demo(store, clock, SITE_ID, 6)  # the new day's DEOs sit down: a counter without one cannot call
    first = queue.call_next(site[0], actor=supervisor)
    assert first is not None and first.id == called.id


def test_carry_over_is_all_or_nothing(queue, store, site, supervisor, triage_actor, deo):
    served = _bring(queue, DONE, site[0], supervisor, triage_actor)
    a = queue.issue_token(R, actor=triage_actor)
    nxt = queue.today() + timedelta(days=1)
    snap = Snapshot(queue, store)
    with pytest.raises(IllegalTransition):
        queue.carry_over([a.id, served.id], nxt, actor=supervisor)
    with pytest.raises(PermissionDenied):
        queue.carry_over([a.id], nxt, actor=deo(site[0]))
    snap.assert_unchanged()
    # The next day's sequence was not consumed by the failed attempt.
    assert queue.carry_over([a.id], nxt, actor=supervisor)[0].number == "R-001"


def test_record_writes_one_non_transition_event(queue, store, site, triage_actor):
    t = queue.issue_token(R, actor=triage_actor, slip_status=SlipStatus.PENDING)
    before = event_count(store)
    v = queue.record(t.id, "printed", actor=triage_actor, payload={"printer": "p1"},
                     slip_status=SlipStatus.PRINTED, details={"a": 1})
    assert (v.state, v.slip_status, v.details) == (W, SlipStatus.PRINTED, {"a": 1})
    assert event_count(store) == before + 1
    ev = last_event(store)
    assert (ev.kind, ev.payload) == ("printed", {"printer": "p1"})


def test_listeners_hear_committed_changes_only(queue, site, supervisor, triage_actor):
    heard: list[QueueChange] = []
    queue.subscribe(heard.append)
    t = queue.issue_token(R, actor=triage_actor)
    with pytest.raises(IllegalTransition):
        queue.complete(t.id, actor=supervisor)
    assert queue.call_next(site[0], actor=supervisor) is not None
    assert [(c.kind, c.token.id, c.counter_id, c.actor) for c in heard] == [
        ("issued", t.id, None, "triage"), ("called", t.id, site[0], "supervisor")]
    assert heard[1].token.state is C
    queue.unsubscribe(heard.append)
    queue.issue_token(R, actor=triage_actor)
    assert len(heard) == 2

