"""Opening and closing the business day, with the close-of-day choices and summary.

At close, tokens still waiting or called are carried over to the next working day, cancelled
or marked no-show, as the supervisor chooses; tokens in service are completed (the visitor is
at the counter). No token of the closed day is left open.
"""

from __future__ import annotations

import enum
import statistics
from collections import Counter as Tally
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.engine import Store
from db.models import BusinessDay, CounterAssignment, Token, TokenEvent, TokenState
from services.clock import Clock, business_day
from services.queue import Action, QueueService
from services.queue.engine import reset_priority_streaks
from services.queue.operator import mark_unstaffed, operator_at
from services.roles import Actor, Permission


class CloseChoice(str, enum.Enum):
    """What happens to tokens still waiting or called when the day closes."""

    CARRY_OVER = "carry_over"
    CANCEL = "cancel"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class DaySummary:
    """The one-screen figures of a closed day."""

    day: date
    issued: int
    completed: int
    no_show: int
    cancelled: int
    carried_over: int
    median_wait_minutes: float | None
    choice: str = ""
    closed_at: datetime | None = None
    closed_by: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form stored in ``BusinessDay.summary``."""
        return {
            "day": self.day.isoformat(), "issued": self.issued, "completed": self.completed,
            "no_show": self.no_show, "cancelled": self.cancelled, "carried_over": self.carried_over,
            "median_wait_minutes": self.median_wait_minutes, "choice": self.choice,
        }


@dataclass(frozen=True)
class DayStatus:
    """Whether a day is open or closed, and what is still open in it."""

    day: date
    opened_at: datetime | None
    opened_by: str | None
    closed_at: datetime | None
    open_tokens: dict[str, int] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        """Opened and not closed yet."""
        return self.opened_at is not None and self.closed_at is None


def next_working_day(day: date) -> date:
    """The next day the site opens: DRCs close on Sunday."""
    nxt = day + timedelta(days=1)
    return nxt + timedelta(days=1) if nxt.weekday() == 6 else nxt


_OPEN = (TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE)


class DayService:
    """Opens and closes a site's business day."""

    def __init__(self, store: Store, clock: Clock, site_id: str, queue: QueueService) -> None:
        self.store = store
        self.clock = clock
        self.site_id = site_id
        self.queue = queue

    def today(self) -> date:
        """The business day now."""
        return business_day(self.clock.now())

    def status(self, day: date | None = None) -> DayStatus:
        """Open/closed state and the count of open tokens per state."""
        day = day or self.today()
        with self.store.read() as s:
            bd = self._row(s, day)
            states = s.scalars(select(Token.state).where(
                Token.site_id == self.site_id, Token.business_day == day, Token.state.in_(_OPEN))).all()
            counts = {st.value: n for st, n in Tally(states).items()}
            if bd is None:
                return DayStatus(day, None, None, None, counts)
            return DayStatus(day, bd.opened_at, bd.opened_by, bd.closed_at, counts)

    def open_day(self, *, actor: Actor, day: date | None = None) -> DayStatus:
        """Open the day (idempotent; re-opens a closed day); resets the priority fairness counts."""
        actor.require(Permission.OPEN_CLOSE_DAY)
        day = day or self.today()
        with self.store.session() as s, s.begin():
            bd = self._row(s, day)
            if bd is None:
                s.add(BusinessDay(site_id=self.site_id, day=day, opened_at=self.clock.now(), opened_by=actor.username))
            elif bd.closed_at is not None:
                bd.closed_at, bd.closed_by = None, None
        reset_priority_streaks(self.store, self.site_id)
        return self.status(day)

    def summary(self, day: date | None = None) -> DaySummary | None:
        """The stored summary of a closed day (None while open)."""
        day = day or self.today()
        with self.store.read() as s:
            bd = self._row(s, day)
            if bd is None or bd.summary is None:
                return None
            d = bd.summary
            return DaySummary(day, d["issued"], d["completed"], d["no_show"], d["cancelled"], d["carried_over"],
                              d["median_wait_minutes"], d.get("choice", ""), bd.closed_at, bd.closed_by or "")

    def close_day(self, choice: CloseChoice, *, actor: Actor, day: date | None = None,
                  to_day: date | None = None) -> DaySummary:
        """Close ``day``: settle open tokens per ``choice``, end assignments, store the summary."""
        actor.require(Permission.OPEN_CLOSE_DAY)
        choice = CloseChoice(choice)
        day = day or self.today()
        to_day = to_day or next_working_day(day)
        if to_day <= day:
            raise ValueError("Tokens can only be carried over to a later day")
        with self.store.read() as s:
            before = s.execute(select(Token.id, Token.state).where(
                Token.site_id == self.site_id, Token.business_day == day)).all()
        issued = len(before)
        pending = [tid for tid, st in before if st in (TokenState.WAITING, TokenState.CALLED)]
        carried = 0
        if choice is CloseChoice.CARRY_OVER and pending:
            # The queue engine owns carry-over (new number on the new day, same place in line).
            carried = len(self.queue.carry_over(pending, to_day, actor=actor))
        now = self.clock.now()
        with self.store.session() as s, s.begin():
            self._settle(s, day, choice, actor, now)
            s.execute(update(CounterAssignment).where(
                CounterAssignment.business_day == day, CounterAssignment.ended_at.is_(None)).values(ended_at=now))
            summary = self._summarise(s, day, issued=issued, carried=carried, choice=choice, now=now, actor=actor)
            bd = self._row(s, day)
            if bd is None:
                bd = BusinessDay(site_id=self.site_id, day=day, opened_at=now, opened_by=actor.username)
                s.add(bd)
            bd.closed_at, bd.closed_by, bd.summary = now, actor.username, summary.as_dict()
        return summary

    # ---- internals -------------------------------------------------------------------
    def _row(self, s: Session, day: date) -> BusinessDay | None:
        return s.scalar(select(BusinessDay).where(BusinessDay.site_id == self.site_id, BusinessDay.day == day))

    def _settle(self, s: Session, day: date, choice: CloseChoice, actor: Actor, now: datetime) -> None:
        """The system path for close of day: one event per token, recorded like any transition.

        ``QueueService.no_show`` insists on recalls and ``cancel`` only takes waiting tokens;
        at close neither rule helps (the visitor is gone), so the day writes the same event
        kinds directly, marked ``close_of_day`` in the payload.
        """
        open_tokens = s.scalars(select(Token).where(
            Token.site_id == self.site_id, Token.business_day == day, Token.state.in_(_OPEN)).with_for_update()).all()
        for t in open_tokens:
            if t.state is TokenState.IN_SERVICE:
                kind, target = Action.COMPLETE, TokenState.COMPLETED
            elif choice is CloseChoice.NO_SHOW:
                kind, target = Action.NO_SHOW, TokenState.NO_SHOW
            else:  # cancel (or a carry-over that could not move the token)
                kind, target = Action.CANCEL, TokenState.CANCELLED
            t.state, t.closed_at = target, now
            operator, unstaffed = operator_at(s.connection(), t.counter_id, t.business_day, actor.username)
            s.add(TokenEvent(site_id=self.site_id, token_id=t.id, kind=kind.value, at=now, actor=actor.username,
                             operator=operator, counter_id=t.counter_id,
                             payload=mark_unstaffed({"close_of_day": True}, unstaffed)))

    def _summarise(self, s: Session, day: date, *, issued: int, carried: int, choice: CloseChoice,
                   now: datetime, actor: Actor) -> DaySummary:
        rows = s.execute(select(Token.state, Token.queued_at, Token.called_at).where(
            Token.site_id == self.site_id, Token.business_day == day)).all()
        states = Tally(st for st, _, _ in rows)
        waits = [(c - q).total_seconds() / 60 for _, q, c in rows if c is not None and q is not None]
        median = round(statistics.median(waits), 1) if waits else None
        s.flush()
        return DaySummary(day, issued, states[TokenState.COMPLETED], states[TokenState.NO_SHOW],
                          states[TokenState.CANCELLED], carried, median, choice.value, now, actor.username)
