"""Metrics against small days driven through the real QueueService, with hand-computed answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import numpy as np
import pytest

from db.engine import Store
from db.models import UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.metrics import EventLog, MetricsService, compute_day, load_events
from services.provision import seed_demo
from services.queue import QueueService
from services.roles import Actor
from services.site import SiteService
from tests.conftest import SITE_ID

DAY = date(2026, 3, 4)
R, M, C, S = UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.CYCLIC, UpdateType.SHOCK


def metrics_at(store: Store, clock: FixedClock, day: date = DAY, queue: QueueService | None = None):
    """The day's metrics as of the clock."""
    return MetricsService(store, clock, SITE_ID, queue=queue).day(day)


def test_empty_day(store: Store, clock: FixedClock, site: list[int]) -> None:
    m = metrics_at(store, clock)
    assert (m.issued, m.served, m.no_show, m.waiting_now) == (0, 0, 0, 0)
    assert m.issued_per_hour.sum() == 0 and m.served_per_hour.sum() == 0
    assert m.wait.count == 0 and m.wait.median is None and m.service.p90 is None
    assert m.no_show_rate is None and m.service_level is None
    assert m.peak_hour is None and m.per_deo == [] and m.history_days == 0
    assert np.isnan(m.wait_median_per_hour).all()
    d = m.as_dict()
    assert d["kpis"]["wait"] == {"count": 0, "median_min": None, "p90_min": None}
    assert len(d["hourly"]) == 24


def test_empty_log_computes() -> None:
    m = compute_day(EventLog.empty(), SITE_ID, DAY)
    assert m.issued == 0 and m.per_type and all(t.served == 0 for t in m.per_type)


def test_hand_computed_day(store: Store, clock: FixedClock, site: list[int], queue: QueueService,
                           triage_actor: Actor, deo: Callable[[int], Actor], at: Callable[..., None]) -> None:
    c1, c2, c6 = site[0], site[1], site[5]  # counter 6 serves missed-out and shock only
    d1, d2, d6 = deo(c1), deo(c2), deo(c6)
    at(10, 0)
    a = queue.issue_token(R, actor=triage_actor)
    at(10, 5)
    b = queue.issue_token(R, actor=triage_actor)
    at(10, 10)
    assert queue.call_next(c1, actor=d1).id == a.id  # type: ignore[union-attr]
    at(10, 12)
    queue.start(a.id, actor=d1)
    at(10, 20)
    queue.complete(a.id, actor=d1)  # service 8
    at(10, 30)
    c = queue.issue_token(M, actor=triage_actor)
    at(10, 32)
    assert queue.call_next(c6, actor=d6).id == c.id  # type: ignore[union-attr]  # wait 2
    at(10, 34)
    queue.recall(c.id, actor=d6)
    at(10, 36)
    queue.recall(c.id, actor=d6)
    at(10, 38)
    queue.no_show(c.id, actor=d6)
    at(10, 45)
    assert queue.call_next(c2, actor=d2).id == b.id  # type: ignore[union-attr]  # wait 40
    at(10, 47)
    queue.start(b.id, actor=d2)
    at(11, 0)
    queue.issue_token(C, actor=triage_actor)  # still waiting at 11:40: 40 min > 30 (breached)
    at(11, 7)
    queue.complete(b.id, actor=d2)  # service 20
    at(11, 40)

    m = metrics_at(store, clock, queue=queue)
    assert m.issued == 4 and m.served == 2 and m.no_show == 1 and m.waiting_now == 1
    assert m.issued_per_hour[10] == 3 and m.issued_per_hour[11] == 1 and m.issued_per_hour.sum() == 4
    assert m.served_per_hour[10] == 1 and m.served_per_hour[11] == 1
    assert m.calls_per_hour[10] == 3 and m.wait_median_per_hour[10] == pytest.approx(10.0)
    assert m.wait.count == 3
    assert m.wait.median == pytest.approx(10.0)
    assert m.wait.p90 == pytest.approx(34.0)  # [2, 10, 40]: 10 + 0.8 * 30
    assert m.service.median == pytest.approx(14.0)
    assert m.service.p90 == pytest.approx(18.8)  # [8, 20]: 8 + 0.9 * 12
    assert m.no_show_rate == pytest.approx(1 / 3)
    assert m.service_level == pytest.approx(0.5)  # A and C in time; B late; D waiting 40 min
    assert m.peak_hour == 10
    deos = {d.deo: d for d in m.per_deo}
    assert (deos[d1.username].served, deos[d1.username].no_show, deos[d1.username].calls) == (1, 0, 1)
    assert (deos[d6.username].served, deos[d6.username].no_show, deos[d6.username].calls) == (0, 1, 1)
    assert deos[d1.username].wait.median == pytest.approx(10.0) and deos[d6.username].wait.median == pytest.approx(2.0)
    assert deos[d2.username].served == 1 and deos[d2.username].service.median == pytest.approx(20.0)
    types = {t.update_type: t for t in m.per_type}
    assert types[R].issued == 2 and types[R].served == 2 and types[R].wait.median == pytest.approx(25.0)
    assert types[M].issued == 1 and types[M].served == 0
    assert types[C].waiting_now == 1 and types[C].estimated_wait_min is not None


def test_service_level_boundary_is_inclusive(store: Store, clock: FixedClock, site: list[int], queue: QueueService,
                                             triage_actor: Actor, deo: Callable[[int], Actor],
                                             at: Callable[..., None]) -> None:
    at(9, 0)
    queue.issue_token(R, actor=triage_actor)
    queue.issue_token(R, actor=triage_actor)
    at(9, 30)  # exactly 30 min: within the target
    queue.call_next(site[0], actor=deo(site[0]))
    at(9, 31)  # 31 min: late
    queue.call_next(site[1], actor=deo(site[1]))
    m = metrics_at(store, clock)
    assert m.service_level == pytest.approx(0.5)
    assert m.at_counter_now == 2 and m.waiting_now == 0


def test_token_crossing_midnight_counts_on_its_business_day(
        store: Store, clock: FixedClock, site: list[int], queue: QueueService, triage_actor: Actor,
        deo: Callable[[int], Actor], at: Callable[..., None]) -> None:
    d1 = deo(site[0])
    at(23, 40)
    t = queue.issue_token(R, actor=triage_actor)
    at(23, 45)
    queue.call_next(site[0], actor=d1)
    at(23, 50)
    queue.start(t.id, actor=d1)
    at(0, 10, day=5)  # 00:10 on the 5th in Pakistan (19:10 UTC on the 4th)
    queue.complete(t.id, actor=d1)

    m4 = metrics_at(store, clock, DAY)
    assert m4.issued == 1 and m4.served == 1
    assert m4.issued_per_hour[23] == 1 and m4.served_per_hour[23] == 1  # late completion -> hour 23
    assert m4.service.median == pytest.approx(20.0) and m4.wait.median == pytest.approx(5.0)
    assert m4.per_deo[0].deo == d1.username and m4.per_deo[0].served == 1
    m5 = metrics_at(store, clock, date(2026, 3, 5))
    assert m5.issued == 0 and m5.served == 0 and m5.per_deo == []


def test_deo_who_moves_between_counters_is_one_deo(
        store: Store, clock: FixedClock, site: list[int], queue: QueueService, site_service: SiteService,
        supervisor: Actor, triage_actor: Actor, deo: Callable[[int], Actor], at: Callable[..., None]) -> None:
    c1, c5 = site[0], site[4]
    d1 = deo(c1)
    at(9, 0)
    first = queue.issue_token(R, actor=triage_actor)
    second = queue.issue_token(R, actor=triage_actor)
    queue.call_next(c1, actor=d1)
    queue.start(first.id, actor=d1)
    at(9, 10)
    queue.complete(first.id, actor=d1)
    site_service.assign(c5, d1.staff_id, actor=supervisor)  # moves to counter 5
    at(9, 15)
    assert queue.call_next(c5, actor=d1).id == second.id  # type: ignore[union-attr]
    queue.start(second.id, actor=d1)
    at(9, 25)
    queue.complete(second.id, actor=d1)

    m = metrics_at(store, clock)
    assert [d.deo for d in m.per_deo] == [d1.username]
    assert m.per_deo[0].served == 2 and m.per_deo[0].counters == tuple(sorted((c1, c5)))
    assert m.per_deo[0].name == "Sana Iqbal"


def test_transfer_and_recall_keep_first_call_and_credit_the_finisher(
        store: Store, clock: FixedClock, site: list[int], queue: QueueService, triage_actor: Actor,
        deo: Callable[[int], Actor], at: Callable[..., None]) -> None:
    c1, c4 = site[0], site[3]  # counter 4 serves recertification and shock
    d1, d4 = deo(c1), deo(c4)
    at(10, 0)
    t = queue.issue_token(R, actor=triage_actor)
    at(10, 5)
    queue.call_next(c1, actor=d1)  # first call: wait 5
    at(10, 6)
    queue.recall(t.id, actor=d1)
    at(10, 8)
    queue.transfer(t.id, S, actor=d1)
    at(10, 20)
    assert queue.call_next(c4, actor=d4).id == t.id  # type: ignore[union-attr]
    at(10, 21)
    queue.start(t.id, actor=d4)
    at(10, 31)
    queue.complete(t.id, actor=d4)

    m = metrics_at(store, clock)
    assert m.wait.median == pytest.approx(5.0) and m.service.median == pytest.approx(10.0)
    deos = {d.deo: d for d in m.per_deo}
    assert deos[d1.username].calls == 1 and deos[d1.username].served == 0
    assert deos[d4.username].served == 1 and deos[d4.username].calls == 0
    types = {x.update_type: x for x in m.per_type}
    assert types[S].served == 1 and types[R].served == 0  # counted under the type it was served as


def test_seven_day_average_skips_closed_days(store: Store, clock: FixedClock, site: list[int],
                                             queue: QueueService, triage_actor: Actor, supervisor: Actor,
                                             at: Callable[..., None]) -> None:
    def serve(n: int) -> None:
        seed_demo(store, clock, SITE_ID, 6)  # the day's DEOs sit down: a counter without one cannot call
        for _ in range(n):
            t = queue.issue_token(R, actor=triage_actor)
            queue.call_next(site[0], actor=supervisor)
            queue.start(t.id, actor=supervisor)
            queue.complete(t.id, actor=supervisor)

    at(11, 0, day=2)
    serve(2)
    at(11, 0, day=3)
    serve(4)
    at(11, 0, day=4)
    serve(1)
    m = metrics_at(store, clock)
    assert m.history_days == 2  # 25 Feb - 1 Mar had no traffic
    assert m.issued_avg7[11] == pytest.approx(3.0) and m.served_avg7[11] == pytest.approx(3.0)
    assert m.issued_per_hour[11] == 1
    # The supervisor pressed the keys on deo1's counter: the per-DEO table credits deo1 (the operator).
    assert [d.deo for d in m.per_deo] == ["deo1"]


def test_carried_over_token_issue_counts_once(store: Store, clock: FixedClock, site: list[int], queue: QueueService,
                                              triage_actor: Actor, supervisor: Actor,
                                              at: Callable[..., None]) -> None:
    at(16, 0)
    t = queue.issue_token(R, actor=triage_actor)
    queue.carry_over([t.id], date(2026, 3, 5), actor=supervisor)
    at(9, 0, day=5)
    seed_demo(store, clock, SITE_ID, 6)  # the new day's DEOs sit down
    queue.call_next(site[0], actor=supervisor)
    m4 = metrics_at(store, clock, DAY)
    m5 = metrics_at(store, clock, date(2026, 3, 5))
    assert (m4.issued, m4.carried_out) == (1, 1)
    assert (m5.issued, m5.carried_in, m5.wait.count) == (0, 1, 0)  # overnight wait left out


def test_load_is_one_site_only(store: Store, clock: FixedClock, site: list[int], queue: QueueService,
                               triage_actor: Actor) -> None:
    queue.issue_token(R, actor=triage_actor)
    assert len(load_events(store, "PK99999-01", DAY, DAY)) == 0
    assert len(load_events(store, SITE_ID, DAY, DAY)) == 1


def test_as_of_never_after_the_day(store: Store, site: list[int]) -> None:
    late = FixedClock(datetime(2026, 3, 9, 12, 0, tzinfo=SITE_ZONE))
    m = MetricsService(store, late, SITE_ID).day(DAY)
    assert m.as_of == datetime(2026, 3, 5, 0, 0, tzinfo=SITE_ZONE)
