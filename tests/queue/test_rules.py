"""Rules every front end must get the same answer to: they live in the queue's own transaction.

Priority reasons speak one vocabulary; appeals follow the switch (issue and transfer); no transfer
to a type no open, staffed counter serves (also when another process closed it); a counter
without a DEO cannot call; one open token per CNIC, also when two processes issue at once.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter as Tally

import pytest
from sqlalchemy import select

from db.engine import Store
from db.migrate import upgrade
from db.models import CounterState, Token, UpdateType
from services.provision import ensure_site, seed_demo
from services.queue import AlreadyHasToken, QueueError, QueuePolicy, QueueService
from services.triage import TriageService, load_policy
from tests.conftest import SITE_ID
from tests.queue._workers import AT, issue_for_cnics, set_counters
from tests.queue.processes import race
from vocabulary import PriorityReason


# ---- priority reasons ------------------------------------------------------------------------------
def test_triage_flags_are_stored_as_the_queues_reason_codes(queue, triage_actor):
    triage = TriageService(None, load_policy(), queue.clock)
    flags = [PriorityReason.PREGNANT_OR_INFANT, PriorityReason.ELDERLY]
    token = triage.issue(queue, UpdateType.ROSTER, actor=triage_actor, cnic="3520212345671", lookup=None,
                         priority=True, priority_reason=flags)
    assert token.priority_reason == "pregnant_or_infant,elderly"
    assert PriorityReason.parse(queue.token(token.id).priority_reason) == flags


def test_an_unknown_priority_reason_is_refused_and_nothing_is_written(queue, triage_actor):
    with pytest.raises(QueueError) as err:
        queue.issue_token(UpdateType.ROSTER, actor=triage_actor, priority=True, priority_reason="pregnant_infant")
    assert err.value.code == "unknown_priority_reason"
    assert queue.tokens() == []


def test_a_reason_without_priority_is_not_kept(queue, triage_actor):
    token = queue.issue_token(UpdateType.ROSTER, actor=triage_actor, priority=False, priority_reason="elderly")
    assert token.priority_reason is None


# ---- the appeal switch ------------------------------------------------------------------------------
def test_appeals_off_refuses_issue_and_transfer(queue, triage_actor, supervisor):
    with pytest.raises(QueueError) as err:
        queue.issue_token(UpdateType.APPEAL, actor=triage_actor)
    assert err.value.code == "appeals_off"
    roster = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    with pytest.raises(QueueError) as err:
        queue.transfer(roster.id, UpdateType.APPEAL, actor=supervisor)
    assert err.value.code == "appeals_off"
    assert queue.token(roster.id).update_type is UpdateType.ROSTER
    assert [t.update_type for t in queue.tokens()] == [UpdateType.ROSTER]


def test_appeals_on_allows_issue_and_transfer(store, clock, site, site_service, triage_actor, supervisor):
    queue = QueueService(store, clock, SITE_ID, QueuePolicy(appeal_enabled=True))
    site_service.set_served_types(site[0], [UpdateType.ROSTER, UpdateType.APPEAL], actor=supervisor)
    assert queue.issue_token(UpdateType.APPEAL, actor=triage_actor).number == "A-001"
    roster = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    assert queue.transfer(roster.id, UpdateType.APPEAL, actor=supervisor).update_type is UpdateType.APPEAL


# ---- no transfer to a type nobody calls ------------------------------------------------------------------
def _only_counter_2_open(site, site_service, supervisor) -> None:
    """Counter 2 (missed-out, roster) is the only open counter; counter 6 (missed-out, shock) has no DEO."""
    for cid in (site[0], site[2], site[3], site[4]):
        site_service.set_state(cid, CounterState.CLOSED, actor=supervisor)
    site_service.assign(site[5], None, actor=supervisor)


def test_the_engine_refuses_a_transfer_to_a_type_no_open_staffed_counter_serves(queue, site, site_service,
                                                                                supervisor, triage_actor):
    _only_counter_2_open(site, site_service, supervisor)
    roster = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    events = len(queue.events())
    for target in (UpdateType.SHOCK, UpdateType.CYCLIC, UpdateType.RECERTIFICATION):
        with pytest.raises(QueueError) as err:
            queue.transfer(roster.id, target, actor=supervisor)
        assert (err.value.code, err.value.params) == ("nobody_serves", {"type": target.value})
    assert queue.token(roster.id).update_type is UpdateType.ROSTER and len(queue.events()) == events
    # A called token too: its counter's DEO may not send it where nobody calls.
    called = queue.call_next(site[1], actor=supervisor)
    assert called is not None and called.id == roster.id
    with pytest.raises(QueueError, match="No open counter"):
        queue.transfer(roster.id, UpdateType.SHOCK, actor=supervisor)
    assert queue.token(roster.id).counter_id == site[1]
    # A served type still works, and a stranded token (F3) moves to one.
    assert queue.transfer(roster.id, UpdateType.MISSED_OUT, actor=supervisor).update_type is UpdateType.MISSED_OUT
    stranded = queue.issue_token(UpdateType.SHOCK, actor=triage_actor)
    assert queue.stranded() == {UpdateType.SHOCK: 1}
    assert queue.transfer(stranded.id, UpdateType.ROSTER, actor=supervisor).update_type is UpdateType.ROSTER
    assert queue.stranded() == {}


def _in_another_process(url: str, counter_ids: list[int], state: CounterState, at_iso: str) -> None:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=set_counters, args=(url, SITE_ID, counter_ids, state.value, at_iso, out))
    proc.start()
    try:
        assert out.get(timeout=120) is None
    finally:
        proc.join(30)
        if proc.is_alive():
            proc.kill()


@pytest.mark.slow
def test_a_counter_closed_by_another_process_is_no_transfer_target(sqlite_url, queue, clock, site, site_service,
                                                                   supervisor, triage_actor):
    """The console's list was read before another console closed the last shock counter: the engine refuses."""
    for cid in (site[0], site[4], site[5]):
        site_service.set_state(cid, CounterState.CLOSED, actor=supervisor)
    roster = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    assert UpdateType.SHOCK in queue.transfer_targets(UpdateType.ROSTER)  # counter 4 serves shock
    _in_another_process(sqlite_url, [site[3]], CounterState.CLOSED, clock.now().isoformat())
    with pytest.raises(QueueError) as err:
        queue.transfer(roster.id, UpdateType.SHOCK, actor=supervisor)
    assert err.value.code == "nobody_serves" and queue.token(roster.id).update_type is UpdateType.ROSTER
    _in_another_process(sqlite_url, [site[3]], CounterState.OPEN, clock.now().isoformat())
    assert queue.transfer(roster.id, UpdateType.SHOCK, actor=supervisor).update_type is UpdateType.SHOCK


# ---- a counter with no DEO cannot call --------------------------------------------------------------
def test_a_counter_without_a_deo_cannot_call_not_even_for_a_supervisor(queue, site, site_service, supervisor,
                                                                         triage_actor):
    waiting = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    site_service.assign(site[0], None, actor=supervisor)
    with pytest.raises(QueueError) as err:
        queue.call_next(site[0], actor=supervisor)
    assert err.value.code == "no_deo"
    assert queue.token(waiting.id).counter_id is None
    assert queue.call_next(site[1], actor=supervisor).id == waiting.id  # a staffed counter still calls


# ---- one open token per CNIC --------------------------------------------------------------------------
def test_a_second_open_token_for_a_cnic_is_refused_by_the_queue(queue, triage_actor, supervisor):
    first = queue.issue_token(UpdateType.ROSTER, actor=triage_actor, cnic="3520212345671")
    with pytest.raises(AlreadyHasToken) as err:
        queue.issue_token(UpdateType.SHOCK, actor=triage_actor, cnic="3520212345671")
    assert err.value.token.id == first.id and err.value.code == "already_has_token"
    queue.cancel(first.id, actor=supervisor)
    assert queue.issue_token(UpdateType.SHOCK, actor=triage_actor, cnic="3520212345671").number == "S-001"


CNICS = [f"35202{n:07d}1" for n in range(25)]
WORKERS = 2


def _race_cnics(url: str) -> None:
    store = Store.open(url)
    try:
        ensure_site(store, SITE_ID, "DRC Bagh")
        seed_demo(store, QueueService(store, _clock(), SITE_ID).clock, SITE_ID, 1)
        results = race(issue_for_cnics, [(url, SITE_ID, CNICS)] * WORKERS)
        assert [r[2] for r in results] == [None] * WORKERS, results
        issued = [c for r in results for c in r[0]]
        refused = [c for r in results for c in r[1]]
        # Every CNIC got exactly one token, and every other attempt was refused (none lost, none doubled).
        assert Tally(issued) == Tally(CNICS)
        assert Tally(refused) == Tally(CNICS * (WORKERS - 1))
        with store.read() as s:
            held = Tally(s.scalars(select(Token.cnic)))
        assert held == Tally(CNICS)
    finally:
        store.dispose()


def _clock():
    from services.clock import FixedClock

    return FixedClock(AT)


@pytest.mark.slow
def test_two_processes_cannot_both_issue_for_one_cnic_on_sqlite(sqlite_url: str) -> None:
    _race_cnics(sqlite_url)


@pytest.mark.slow
@pytest.mark.postgres
def test_two_processes_cannot_both_issue_for_one_cnic_on_postgres(pg_url: str) -> None:
    upgrade(pg_url)
    _race_cnics(pg_url)


# ---- what the slip needs comes back with the issue ---------------------------------------------------
def test_issue_returns_the_tokens_place_and_estimated_wait(queue, triage_actor):
    first = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    second = queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    urgent = queue.issue_token(UpdateType.ROSTER, actor=triage_actor, priority=True, priority_reason="elderly")
    other = queue.issue_token(UpdateType.SHOCK, actor=triage_actor)
    assert [t.position for t in (first, second, urgent, other)] == [1, 2, 1, 1]
    # The queue's own answer now: the priority visitor went ahead of both.
    assert [queue.position(t.id) for t in (urgent, first, second)] == [1, 2, 3]
    assert second.estimated_wait == queue.estimated_wait(UpdateType.ROSTER, ahead=1)
    assert first.estimated_wait == queue.estimated_wait(UpdateType.ROSTER, ahead=0)
    assert second.estimated_wait > first.estimated_wait  # three counters serve roster: 1 round of 10 min
