"""Close of day: every choice leaves no token of the day open, and the summary adds up."""

from __future__ import annotations

from datetime import date

import pytest

from db.engine import Store
from db.models import TokenState, UpdateType
from services.clock import FixedClock
from services.day import CloseChoice, DayService, next_working_day
from services.queue import QueueService
from services.roles import Actor, PermissionDenied
from tests.conftest import SITE_ID


def _busy_day(queue: QueueService, clock: FixedClock, counters: list[int], sup: Actor, tri: Actor) -> None:
    """2 completed, 1 in service, 1 called, 3 waiting, 1 cancelled."""
    for t in (UpdateType.ROSTER, UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.SHOCK, UpdateType.CYCLIC,
              UpdateType.ROSTER, UpdateType.RECERTIFICATION, UpdateType.CYCLIC):
        queue.issue_token(t, actor=tri)
        clock.advance(60)
    for _ in range(2):
        clock.advance(300)
        t = queue.call_next(counters[0], actor=sup)
        assert t is not None
        queue.start(t.id, actor=sup)
        clock.advance(600)
        queue.complete(t.id, actor=sup)
    t = queue.call_next(counters[0], actor=sup)
    assert t is not None
    queue.start(t.id, actor=sup)
    assert queue.call_next(counters[2], actor=sup) is not None
    queue.cancel(queue.waiting()[-1].id, actor=sup)


@pytest.mark.parametrize("choice", list(CloseChoice))
def test_every_choice_leaves_nothing_open(choice: CloseChoice, store: Store, clock: FixedClock, site: list[int],
                                          queue: QueueService, supervisor: Actor, triage_actor: Actor) -> None:
    days = DayService(store, clock, SITE_ID, queue)
    days.open_day(actor=supervisor)
    _busy_day(queue, clock, site, supervisor, triage_actor)
    today = days.today()
    assert days.status().open_tokens == {"waiting": 3, "called": 1, "in_service": 1}
    summary = days.close_day(choice, actor=supervisor)
    assert not [t for t in queue.tokens(today) if t.state.is_open]
    assert summary.issued == 8
    assert summary.completed == 3  # the one in service is finished at close
    expected = {
        CloseChoice.CARRY_OVER: (0, 1, 4),
        CloseChoice.CANCEL: (0, 5, 0),
        CloseChoice.NO_SHOW: (4, 1, 0),
    }[choice]
    assert (summary.no_show, summary.cancelled, summary.carried_over) == expected
    assert summary.median_wait_minutes is not None and summary.median_wait_minutes > 0
    status = days.status(today)
    assert status.closed_at == clock.now() and not status.is_open and status.open_tokens == {}
    assert days.summary(today) == summary
    if choice is CloseChoice.CARRY_OVER:
        nxt = queue.tokens(next_working_day(today))
        assert len(nxt) == 4 and all(t.state is TokenState.WAITING for t in nxt)
        assert [t.number for t in nxt] == ["S-001", "C-001", "R-001", "V-001"]
    # Every settled token got an event by the supervisor.
    kinds = [(e.kind, e.actor) for e in queue.events() if (e.payload or {}).get("close_of_day")]
    assert all(actor == "supervisor" for _, actor in kinds)
    # Nobody is left on a counter of a closed day.
    assert all(c.staff_id is None for c in days_counters(store, clock))


def days_counters(store: Store, clock: FixedClock):
    from services.site import SiteService

    return SiteService(store, clock, SITE_ID).counters()


def test_next_working_day_skips_sunday() -> None:
    assert next_working_day(date(2026, 3, 4)) == date(2026, 3, 5)
    assert next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)  # Saturday -> Monday


def test_closing_needs_the_permission(store: Store, clock: FixedClock, queue: QueueService,
                                      triage_actor: Actor) -> None:
    days = DayService(store, clock, SITE_ID, queue)
    queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    with pytest.raises(PermissionDenied):
        days.close_day(CloseChoice.CANCEL, actor=triage_actor)
    assert days.status().open_tokens == {"waiting": 1}
