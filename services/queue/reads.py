"""Reading the queue: tokens, the waiting line, counters' current tokens, waits, the event log."""

from __future__ import annotations

import math
import statistics
from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, exists, func, select
from sqlalchemy.orm import Session

from db.engine import Store
from db.models import Counter, CounterAssignment, CounterState, Token, TokenEvent, TokenState, UpdateType
from services.clock import SITE_ZONE, Clock, business_day
from services.queue.promise import PromiseModel, PromiseSample, history_days
from services.queue.states import QueueError
from services.queue.views import QueuePolicy, TokenView


class QueueReads:
    """Read-only queries of one site's queue (each in a short read transaction)."""

    def __init__(self, store: Store, clock: Clock, site_id: str, policy: QueuePolicy | None = None) -> None:
        self.store = store
        self.clock = clock
        self.site_id = site_id
        self.policy = policy or QueuePolicy()
        self._promise_models: dict[date, PromiseModel] = {}

    def today(self) -> date:
        """The site's business day now."""
        return business_day(self.clock.now())

    def offered_types(self) -> list[UpdateType]:
        """The update types a token may be issued for or moved to (appeals only while the switch is on)."""
        return [t for t in UpdateType if t is not UpdateType.APPEAL or self.policy.appeal_enabled]

    def served_now(self, day: date | None = None) -> frozenset[UpdateType]:
        """The update types some counter can call now: open, and with a DEO on it today.

        A token of any other type waits for nobody (:func:`services.queue.routing.stranded_counts`).
        """
        with self.store.read() as s:
            return self._served_in(s, day or self.today())

    def _served_in(self, s: Session, day: date) -> frozenset[UpdateType]:
        """:meth:`served_now` inside a session the caller holds (the engine's transfer checks it there)."""
        rows = s.execute(select(Counter.served_types).where(
            Counter.site_id == self.site_id, Counter.state == CounterState.OPEN,
            exists().where(CounterAssignment.counter_id == Counter.id, CounterAssignment.business_day == day,
                           CounterAssignment.ended_at.is_(None)))).scalars().all()
        return frozenset(UpdateType(t) for types in rows for t in (types or ()))

    def _require_served(self, s: Session, update_type: UpdateType, day: date) -> None:
        """Refuse (``nobody_serves``) a type no open counter with a DEO calls on ``day``: it would wait for nobody."""
        if update_type not in self._served_in(s, day):
            raise QueueError(f"No open counter with a DEO serves {update_type.value.replace('_', ' ')} now; "
                             "choose another type", code="nobody_serves", type=update_type.value)

    def stranded(self, day: date | None = None) -> dict[UpdateType, int]:
        """Waiting tokens per type that no open, staffed counter serves: visitors waiting for nobody."""
        day = day or self.today()
        served = self.served_now(day)
        with self.store.read() as s:
            counts = dict(s.execute(
                select(Token.update_type, func.count(Token.id))
                .where(Token.site_id == self.site_id, Token.business_day == day, Token.state == TokenState.WAITING)
                .group_by(Token.update_type)).all())
        return {t: int(counts[t]) for t in UpdateType if counts.get(t) and t not in served}

    def transfer_targets(self, current: UpdateType | None, served: Collection[UpdateType] | None = None) -> list[UpdateType]:
        """Where a token of type ``current`` may be transferred: an offered type (the appeal switch),
        not its own, that an open, staffed counter calls now (``served``: :meth:`served_now`, read
        when not given).

        Every screen that offers a transfer (queue page, counters page, counter terminal) asks here,
        so none offers a type the engine would refuse or that would leave the visitor waiting for nobody.
        """
        open_types = self.served_now() if served is None else served
        return [t for t in self.offered_types() if t is not current and t in open_types]

    def _load_token(self, s: Session, token_id: int, *, lock: bool = True) -> Token:
        q = select(Token).where(Token.id == token_id, Token.site_id == self.site_id)
        if lock:
            q = q.with_for_update()
        token = s.scalar(q)
        if token is None:
            raise QueueError(f"No token with id {token_id} at this site")
        return token

    def token(self, token_id: int) -> TokenView:
        """One token by id."""
        with self.store.read() as s:
            return TokenView.of(self._load_token(s, token_id, lock=False))

    def waiting(self, update_type: UpdateType | None = None, day: date | None = None) -> list[TokenView]:
        """Waiting tokens in calling order (priority first, then issue time)."""
        day = day or self.today()
        with self.store.read() as s:
            q = select(Token).where(
                Token.site_id == self.site_id, Token.business_day == day, Token.state == TokenState.WAITING
            )
            if update_type is not None:
                q = q.where(Token.update_type == update_type)
            q = q.order_by(Token.priority.desc(), Token.queued_at, Token.id)
            return [TokenView.of(t) for t in s.scalars(q)]

    def tokens(self, day: date | None = None, states: Iterable[TokenState] | None = None) -> list[TokenView]:
        """All tokens of a day (optionally only some states), in issue order."""
        day = day or self.today()
        with self.store.read() as s:
            q = select(Token).where(Token.site_id == self.site_id, Token.business_day == day)
            if states is not None:
                q = q.where(Token.state.in_(list(states)))
            return [TokenView.of(t) for t in s.scalars(q.order_by(Token.id))]

    def current_at(self, counter_id: int) -> TokenView | None:
        """The token a counter has called or is serving, if any."""
        with self.store.read() as s:
            t = s.scalar(
                select(Token).where(
                    Token.site_id == self.site_id, Token.state.in_([TokenState.CALLED, TokenState.IN_SERVICE]),
                    Token.counter_id == counter_id,
                )
            )
            return TokenView.of(t) if t else None

    def open_token_for_cnic(self, cnic: str, day: date | None = None) -> TokenView | None:
        """The visitor's open token today, if they already hold one."""
        day = day or self.today()
        with self.store.read() as s:
            t = s.scalar(
                select(Token).where(
                    Token.site_id == self.site_id, Token.business_day == day, Token.cnic == cnic,
                    Token.state.in_([TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE]),
                ).order_by(Token.id.desc()).limit(1)
            )
            return TokenView.of(t) if t else None

    def position(self, token_id: int) -> int:
        """1-based place of a waiting token among those of its type (0 when not waiting)."""
        tv = self.token(token_id)
        if tv.state != TokenState.WAITING:
            return 0
        ahead = [t for t in self.waiting(tv.update_type, tv.business_day)]
        return next((i + 1 for i, t in enumerate(ahead) if t.id == token_id), 0)

    def estimated_wait(self, update_type: UpdateType, *, ahead: int | None = None) -> timedelta | None:
        """Expected wait for a new token of ``update_type``; None when no open counter serves it.

        The basis (:meth:`wait_basis`) calibrated from the same weekday and hour of recent weeks
        (``services.queue.promise``) unless ``policy.calibrate_wait`` is off.
        """
        update_type = UpdateType(update_type)
        now = self.clock.now()
        day = business_day(now)
        with self.store.read() as s:
            basis = self.wait_basis(s, update_type, day, ahead)
            load = self.wait_load(s, day, extra=1) if basis is not None and self.policy.calibrate_wait else 0.0
        if basis is None:
            return None
        return timedelta(minutes=self.promise_for(update_type, now, basis, load))

    def promise_for(self, update_type: UpdateType, at: datetime, basis_min: float, load_min: float = 0.0) -> float:
        """The minutes a slip printed at ``at`` promises, given today's basis and the site's load."""
        if not self.policy.calibrate_wait:
            return basis_min
        return self.promise_model(business_day(at)).promise(update_type, at, basis_min, load_min)

    def wait_load(self, s: Session | Connection, day: date, *, extra: int = 0) -> float:
        """The site's whole line in minutes: everyone waiting (plus ``extra``) × median service ÷ open counters.

        Counters serve several types, so a visitor's wait follows the whole line, not only their type's.
        """
        counters = s.execute(
            select(func.count(Counter.id)).where(Counter.site_id == self.site_id, Counter.state == CounterState.OPEN)
        ).scalar() or 0
        if counters == 0:
            return 0.0
        waiting = s.execute(
            select(func.count(Token.id)).where(Token.site_id == self.site_id, Token.business_day == day,
                                               Token.state == TokenState.WAITING)
        ).scalar() or 0
        recent = s.execute(
            select(Token.started_at, Token.closed_at)
            .where(Token.site_id == self.site_id, Token.business_day == day, Token.state == TokenState.COMPLETED,
                   Token.started_at.is_not(None))
            .order_by(Token.closed_at.desc()).limit(self.policy.rate_window)
        ).all()
        durations = [(b - a).total_seconds() / 60 for a, b in recent if a and b]
        per_token = statistics.median(durations) if durations else self.policy.default_service_minutes
        return float((waiting + extra) * per_token / counters)

    def wait_basis(self, s: Session | Connection, update_type: UpdateType, day: date,
                   ahead: int | None = None) -> float | None:
        """Today's plain estimate in minutes (rounds ahead × recent median service); None: no open counter.

        Uses the median service time of the last ``rate_window`` completed tokens of that type
        today (the policy default before any) and the number of open counters serving it. Runs on
        ``s`` so the issue transaction can record it with the token.
        """
        counters = s.execute(
            select(Counter.served_types).where(Counter.site_id == self.site_id, Counter.state == CounterState.OPEN)
        ).scalars().all()
        serving = sum(1 for served in counters if update_type.value in served)
        if serving == 0:
            return None
        if ahead is None:
            ahead = s.execute(
                select(func.count(Token.id)).where(
                    Token.site_id == self.site_id, Token.business_day == day,
                    Token.state == TokenState.WAITING, Token.update_type == update_type,
                )
            ).scalar() or 0
        recent = s.execute(
            select(Token.started_at, Token.closed_at)
            .where(
                Token.site_id == self.site_id, Token.business_day == day, Token.update_type == update_type,
                Token.state == TokenState.COMPLETED, Token.started_at.is_not(None),
            )
            .order_by(Token.closed_at.desc())
            .limit(self.policy.rate_window)
        ).all()
        durations = [(b - a).total_seconds() / 60 for a, b in recent if a and b]
        per_token = statistics.median(durations) if durations else self.policy.default_service_minutes
        rounds = math.ceil(ahead / serving) if ahead else 0
        return float(rounds * per_token)

    def promise_model(self, day: date) -> PromiseModel:
        """The calibrations for ``day`` from the same weekday of recent weeks (read once per day)."""
        model = self._promise_models.get(day)
        if model is None:
            model = PromiseModel(self.promise_samples(history_days(day)))
            self._promise_models = {day: model}  # one day kept: the console runs today
        return model

    def promise_samples(self, days: Iterable[date]) -> list[PromiseSample]:
        """Called tokens of ``days`` with the basis and promise their issue recorded (real wait: issue to call)."""
        with self.store.read() as s:
            rows = s.execute(
                select(Token.issued_type, Token.issued_at, Token.called_at, TokenEvent.payload)
                .join(TokenEvent, (TokenEvent.token_id == Token.id) & (TokenEvent.kind == "issued"))
                .where(Token.site_id == self.site_id, Token.business_day.in_(list(days)),
                       Token.called_at.is_not(None))
            ).all()
        out = []
        for utype, issued_at, called_at, payload in rows:
            basis = (payload or {}).get("wait_basis_min")
            if basis is None:
                continue  # issued before promises were recorded, or with no counter open
            promised = payload.get("promised_wait_min")
            out.append(PromiseSample(UpdateType(utype), issued_at.astimezone(SITE_ZONE).hour, float(basis),
                                     (called_at - issued_at).total_seconds() / 60,
                                     None if promised is None else float(promised),
                                     float(payload.get("wait_load_min") or 0.0)))
        return out

    def events(self, *, after_id: int = 0, limit: int = 1000) -> list[TokenEvent]:
        """Events with id greater than ``after_id`` (detached), oldest first: for pollers."""
        with self.store.read() as s:
            rows = s.scalars(
                select(TokenEvent).where(TokenEvent.site_id == self.site_id, TokenEvent.id > after_id)
                .order_by(TokenEvent.id).limit(limit)
            ).all()
            return list(rows)

    def latest_event_id(self) -> int:
        """Id of the newest event of this site (0 when none)."""
        with self.store.read() as s:
            return int(s.scalar(select(func.max(TokenEvent.id)).where(TokenEvent.site_id == self.site_id)) or 0)

    def event_ids_after(self, after_id: int, limit: int = 5000) -> list[int]:
        """Ids of this site's events newer than ``after_id``, ascending (cheap poll)."""
        with self.store.read() as s:
            return list(s.scalars(
                select(TokenEvent.id).where(TokenEvent.site_id == self.site_id, TokenEvent.id > after_id)
                .order_by(TokenEvent.id).limit(limit)
            ))

