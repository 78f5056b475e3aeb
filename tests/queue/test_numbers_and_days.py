"""Token numbers, estimated waits, carry-over to the next day, side-field records and listeners."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db.models import CounterState, SlipStatus, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.provision import seed_demo
from services.queue import IllegalTransition, QueueChange, QueuePolicy, QueueService
from services.roles import PermissionDenied
from tests.conftest import SITE_ID
from tests.queue.conftest import Snapshot, event_count, last_event
from tests.queue.test_transitions import DONE, C, M, R, W, _bring


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

