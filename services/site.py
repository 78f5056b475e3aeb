"""The site and its counters: which counters exist, what they serve, who sits at them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

import resources
from db.engine import Store
from db.models import AuditEntry, Counter, CounterAssignment, CounterState, Site, Staff, Token, TokenState, UpdateType
from services.clock import Clock, business_day
from services.queue.states import QueueError
from services.roles import Actor, Permission


@dataclass(frozen=True)
class CounterView:
    """A counter as the UI shows it."""

    id: int
    number: int
    label: str
    served_types: tuple[UpdateType, ...]
    state: CounterState
    staff_id: int | None
    staff_name: str | None
    served_today: int


class SiteService:
    """Reads and changes the site's counters and their assignments."""

    def __init__(self, store: Store, clock: Clock, site_id: str) -> None:
        self.store = store
        self.clock = clock
        self.site_id = site_id

    def site(self) -> Site:
        """The site row (detached)."""
        with self.store.read() as s:
            site = s.get(Site, self.site_id)
            if site is None:
                raise QueueError(f"Site {self.site_id} is not set up in this database")
            return site

    def counters(self, day: date | None = None) -> list[CounterView]:
        """Every counter with its current DEO and tokens served today."""
        day = day or business_day(self.clock.now())
        with self.store.read() as s:
            counters = s.scalars(select(Counter).where(Counter.site_id == self.site_id).order_by(Counter.number)).all()
            assigned = {
                a.counter_id: (a.staff_id, a.staff.full_name)
                for a in s.scalars(
                    select(CounterAssignment).where(
                        CounterAssignment.business_day == day, CounterAssignment.ended_at.is_(None)
                    )
                )
            }
            served = dict(
                s.execute(
                    select(Token.counter_id, func.count(Token.id))
                    .where(Token.site_id == self.site_id, Token.business_day == day,
                           Token.state == TokenState.COMPLETED)
                    .group_by(Token.counter_id)
                ).all()
            )
            return [
                CounterView(
                    id=c.id, number=c.number, label=c.label,
                    served_types=tuple(UpdateType(t) for t in c.served_types), state=c.state,
                    staff_id=assigned.get(c.id, (None, None))[0], staff_name=assigned.get(c.id, (None, None))[1],
                    served_today=int(served.get(c.id, 0)),
                )
                for c in counters
            ]

    def location(self) -> tuple[float | None, float | None]:
        """The site's coordinates (see :func:`site_location`)."""
        return site_location(self.store, self.site_id)

    def staff_names(self) -> dict[str, str]:
        """Every staff member's full name by username (to show names instead of logins)."""
        with self.store.read() as s:
            return {u: n for u, n in s.execute(select(Staff.username, Staff.full_name))}

    def _audit(self, s: object, actor: Actor, action: str, **detail: object) -> None:
        s.add(AuditEntry(at=self.clock.now(), actor=actor.username, action=action, detail=detail))  # type: ignore[attr-defined]

    def add_counter(self, number: int, served_types: list[UpdateType], *, actor: Actor, label: str | None = None) -> int:
        """Create counter ``number``; returns its id."""
        actor.require(Permission.MANAGE_COUNTERS)
        with self.store.session() as s, s.begin():
            c = Counter(site_id=self.site_id, number=number, label=label or f"Counter {number}",
                        served_types=[UpdateType(t).value for t in served_types], state=CounterState.OPEN)
            s.add(c)
            s.flush()
            self._audit(s, actor, "counter_added", counter=c.id)
            return c.id

    def set_served_types(self, counter_id: int, served_types: list[UpdateType], *, actor: Actor) -> None:
        """Change which update types a counter calls."""
        actor.require(Permission.MANAGE_COUNTERS)
        with self.store.session() as s, s.begin():
            c = self._counter(s, counter_id)
            c.served_types = [UpdateType(t).value for t in served_types]
            self._audit(s, actor, "counter_types", counter=counter_id, types=c.served_types)

    def set_state(self, counter_id: int, state: CounterState, *, actor: Actor) -> None:
        """Open, pause (break) or close a counter."""
        actor.require(Permission.MANAGE_COUNTERS)
        with self.store.session() as s, s.begin():
            c = self._counter(s, counter_id)
            c.state = CounterState(state)
            self._audit(s, actor, "counter_state", counter=counter_id, state=c.state.value)

    def assign(self, counter_id: int, staff_id: int | None, *, actor: Actor) -> None:
        """Put a staff member on a counter for today (ending any previous assignment of either)."""
        actor.require(Permission.MANAGE_COUNTERS)
        now = self.clock.now()
        day = business_day(now)
        with self.store.session() as s, s.begin():
            self._counter(s, counter_id)
            if staff_id is not None and s.get(Staff, staff_id) is None:
                raise QueueError(f"No staff member with id {staff_id}")
            current = s.scalars(
                select(CounterAssignment).where(
                    CounterAssignment.business_day == day, CounterAssignment.ended_at.is_(None),
                    (CounterAssignment.counter_id == counter_id) | (CounterAssignment.staff_id == staff_id),
                )
            ).all()
            for a in current:
                a.ended_at = now
            if staff_id is not None:
                s.add(CounterAssignment(counter_id=counter_id, staff_id=staff_id, business_day=day, started_at=now))
            self._audit(s, actor, "counter_assigned", counter=counter_id, staff=staff_id)

    def _counter(self, s: object, counter_id: int) -> Counter:
        c = s.get(Counter, counter_id)  # type: ignore[attr-defined]
        if c is None or c.site_id != self.site_id:
            raise QueueError(f"No counter {counter_id} at this site")
        return c


def site_location(store: Store, site_id: str) -> tuple[float | None, float | None]:
    """The site's coordinates: the Site row, else resources/sites.csv, else (None, None)."""
    with store.read() as s:
        row = s.execute(select(Site.lat, Site.lon).where(Site.id == site_id)).first()
    if row is not None and row[0] is not None and row[1] is not None:
        return float(row[0]), float(row[1])
    path = resources.path("sites.csv")
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for rec in csv.DictReader(fh):
                if rec.get("site_id") == site_id and rec.get("lat") and rec.get("lon"):
                    return float(rec["lat"]), float(rec["lon"])
    return None, None
