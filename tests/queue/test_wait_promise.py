"""The wait promise: recorded at issue, calibrated from the same weekday and hour, checked against the real wait."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from db.engine import Store
from db.models import Token, TokenEvent, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.queue import QueuePolicy, QueueService
from services.queue.promise import Calibration, PromiseSample, check, fit
from services.roles import Actor

WEDNESDAY = datetime(2026, 3, 4, 10, 30, tzinfo=SITE_ZONE)


def _past_tokens(store: Store, queue: QueueService, clock: FixedClock, at: datetime,
                 pairs: list[tuple[float, float]], actor: Actor) -> None:
    """Issue one roster token per (basis, real wait) at ``at``, then write that basis and call time."""
    clock.set(at)
    for basis, real in pairs:
        view = queue.issue_token(UpdateType.ROSTER, actor=actor)
        with store.session() as s, s.begin():
            s.execute(update(Token).where(Token.id == view.id).values(called_at=view.issued_at + timedelta(minutes=real)))
            ev = s.scalar(select(TokenEvent).where(TokenEvent.token_id == view.id, TokenEvent.kind == "issued"))
            assert ev is not None
            ev.payload = {**ev.payload, "wait_basis_min": basis, "promised_wait_min": basis}


def test_fit_recovers_the_line_with_the_least_absolute_error() -> None:
    samples = [PromiseSample(UpdateType.ROSTER, 10, b, 5 + 2 * b) for b in range(0, 60, 5)]
    samples.append(PromiseSample(UpdateType.ROSTER, 10, 10, 400))  # one freak wait moves nothing
    cal = fit(samples)
    assert cal is not None and abs(cal.scale - 2.0) < 1e-9 and abs(cal.offset - 5.0) < 1e-9
    assert fit(samples[:3]) is None  # too few to trust


def test_the_calibrated_estimate_learns_from_the_same_weekday_and_hour(store: Store, site: list[int],
                                                                       supervisor: Actor) -> None:
    clock = FixedClock(WEDNESDAY)
    queue = QueueService(store, clock, "PK10101-01", QueuePolicy())
    basis = [0.0, 10.0, 20.0, 30.0, 40.0, 0.0, 10.0, 20.0, 30.0, 40.0]
    # Last Wednesday at 10: real waits were 3 x basis + 12 minutes.
    _past_tokens(store, queue, clock, WEDNESDAY - timedelta(weeks=1, minutes=20), [(b, 3 * b + 12) for b in basis],
                 supervisor)
    # Last Wednesday at 14, and yesterday (a Tuesday) at 10: quite different, and must not count.
    _past_tokens(store, queue, clock, WEDNESDAY - timedelta(weeks=1) + timedelta(hours=4), [(b, b / 2) for b in basis],
                 supervisor)
    _past_tokens(store, queue, clock, WEDNESDAY - timedelta(days=1), [(b, 100 + b) for b in basis], supervisor)

    clock.set(WEDNESDAY)
    model = queue.promise_model(WEDNESDAY.date())
    assert {s.hour for s in model.samples} == {10, 14}  # only last Wednesday's tokens were read
    assert model.calibration(UpdateType.ROSTER, 10) == Calibration(3.0, 12.0, 10)
    assert model.calibration(UpdateType.ROSTER, 14) == Calibration(0.5, 0.0, 10)

    # Four open counters serve roster updates: 8 ahead is 2 rounds of the default 10 minutes, a basis of 20.
    plain = QueueService(store, clock, "PK10101-01", QueuePolicy(calibrate_wait=False))
    assert plain.estimated_wait(UpdateType.ROSTER, ahead=8) == timedelta(minutes=20)
    assert queue.estimated_wait(UpdateType.ROSTER, ahead=8) == timedelta(minutes=3 * 20 + 12)

    # The slip of a token issued now promises the calibrated wait, and its issue event keeps both.
    view = queue.issue_token(UpdateType.ROSTER, actor=supervisor)
    with store.read() as s:
        payload = s.scalar(select(TokenEvent.payload).where(TokenEvent.token_id == view.id))
    assert payload is not None and view.estimated_wait is not None
    assert payload["promised_wait_min"] == round(view.estimated_wait.total_seconds() / 60, 2)
    assert payload["promised_wait_min"] == 3 * payload["wait_basis_min"] + 12


def test_check_gives_the_median_error_and_how_often_the_wait_was_longer() -> None:
    rows = [PromiseSample(UpdateType.ROSTER, 10, 0, real, promised)
            for real, promised in ((10, 20), (30, 20), (21, 20), (25, 20), (15, 20))]
    rows.append(PromiseSample(UpdateType.SHOCK, 10, 0, 5, None))  # issued with no counter open: no promise
    (roster,) = check(rows)
    assert roster.update_type is UpdateType.ROSTER and roster.tokens == 5
    assert roster.median_abs_error_min == 5  # errors 10, 10, 1, 5, 5
    assert roster.longer_share == 2 / 5  # 30 and 25; 21 is within the minute
