"""The queue engine: issue tokens and move them through their states, one event per move.

Every public method is one database transaction. On SQLite the write lock (BEGIN IMMEDIATE)
serialises consoles; on PostgreSQL ``call_next`` claims a row with ``FOR UPDATE SKIP LOCKED``
so two counters calling at once never receive the same token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.engine import Store
from db.models import (
    Counter,
    CounterAssignment,
    CounterState,
    SlipStatus,
    Token,
    TokenEvent,
    TokenSequence,
    TokenState,
    UpdateType,
    Verification,
    new_uuid,
)
from services.clock import Clock, business_day
from services.queue import statements as sql
from services.queue.opening import open_day_at_first_token
from services.queue.operator import mark_unstaffed, operator_at
from services.queue.reads import QueueReads
from services.queue.states import Action, AlreadyHasToken, QueueError, target_state
from services.queue.views import IssuedToken, Listener, QueueChange, QueuePolicy, TokenView
from services.roles import Actor, Permission, PermissionDenied
from vocabulary import PriorityReason

Reasons = PriorityReason | str | Sequence[PriorityReason | str] | None


class QueueService(QueueReads):
    """Issues tokens and runs their state machine for one site (reads: :class:`QueueReads`)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        site_id: str,
        policy: QueuePolicy | None = None,
    ) -> None:
        super().__init__(store, clock, site_id, policy)
        self._listeners: list[Listener] = []
        self._seq_stmt: Any = None

    # ---- listeners -------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every committed change made through this service."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener`` (nothing happens if it was not listening)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, changes: Iterable[QueueChange]) -> None:
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    # ---- helpers ---------------------------------------------------------------------
    def _event(
        self, s: Session, token: Token, kind: str, actor: Actor, counter_id: int | None, payload: dict[str, Any] | None = None
    ) -> TokenEvent:
        # Linked by relationship, so a new token and its first event go out in one flush.
        operator, unstaffed = operator_at(s.connection(), counter_id, token.business_day, actor.username)
        ev = TokenEvent(
            site_id=self.site_id, token=token, kind=kind, at=self.clock.now(),
            actor=actor.username, operator=operator, counter_id=counter_id,
            payload=mark_unstaffed(payload, unstaffed),
        )
        s.add(ev)
        s.flush()
        return ev

    def _change(self, ev: TokenEvent, token: Token) -> QueueChange:
        return QueueChange(ev.id, ev.kind, TokenView.of(token), ev.counter_id, ev.actor)

    def _seq_statement(self) -> Any:
        """The numbering upsert, built once: building it per call cost more than running it."""
        if self._seq_stmt is None:
            table: Any = TokenSequence.__table__
            ins: Any = postgresql.insert if self.store.engine.dialect.name == "postgresql" else sqlite.insert
            self._seq_stmt = (
                ins(table)
                .values(site_id=bindparam("seq_site"), business_day=bindparam("seq_day"),
                        update_type=bindparam("seq_type"), last_seq=1)
                .on_conflict_do_update(
                    index_elements=["site_id", "business_day", "update_type"],
                    set_={"last_seq": table.c.last_seq + 1},
                )
                .returning(table.c.last_seq)
            )
        return self._seq_stmt

    def _seq_params(self, day: date, update_type: UpdateType) -> dict[str, Any]:
        return {"seq_site": self.site_id, "seq_day": day, "seq_type": update_type.value}

    def _next_seq(self, s: Session, day: date, update_type: UpdateType) -> int:
        """Atomically take the next number for (site, day, type): an upsert that returns it."""
        return int(s.connection().execute(self._seq_statement(), self._seq_params(day, update_type)).scalar_one())

    def _check_counter_actor(self, s: Session, actor: Actor, counter_id: int, day: date) -> None:
        if actor.can(Permission.SERVE_ANY_COUNTER):
            return
        actor.require(Permission.SERVE_OWN_COUNTER)
        assigned = s.scalar(
            select(CounterAssignment.id).where(
                CounterAssignment.counter_id == counter_id,
                CounterAssignment.staff_id == actor.staff_id,
                CounterAssignment.business_day == day,
                CounterAssignment.ended_at.is_(None),
            )
        )
        if assigned is None:
            raise PermissionDenied(f"{actor.username} is not assigned to this counter", code="not_your_counter",
                                   username=actor.username)

    def _check_type_offered(self, update_type: UpdateType) -> None:
        """The appeal switch: while appeals are off no token may be of (or move to) type appeal."""
        if update_type is UpdateType.APPEAL and not self.policy.appeal_enabled:
            raise QueueError("Appeals against the cut-off are not launched; choose another update type",
                             code="appeals_off")

    @staticmethod
    def _priority_reason(priority: bool, given: Reasons) -> str | None:
        """The stored form of the priority reasons (one vocabulary: ``PriorityReason``)."""
        if not priority or not given:
            return None
        items = given.split(",") if isinstance(given, str) and not isinstance(given, PriorityReason) else (
            [given] if isinstance(given, PriorityReason) else list(given))
        try:
            return PriorityReason.stored([i if isinstance(i, PriorityReason) else PriorityReason(i.strip())
                                        for i in items if i.strip()])
        except ValueError:
            raise QueueError(f"Unknown priority reason {given!r}", code="unknown_priority_reason",
                             reason=str(given)) from None

    def _claim_cnic(self, conn: Connection, cnic: str, day: date) -> None:
        """One open token per CNIC a day, checked inside the writing transaction.

        SQLite's BEGIN IMMEDIATE already serialises writers; on PostgreSQL a transaction-scoped
        advisory lock on the CNIC makes a second console wait here until the first commits.
        """
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"{self.site_id}:{cnic}"})
        row = conn.execute(sql.OPEN_FOR_CNIC, {"site_id": self.site_id, "day": day, "cnic": cnic}).first()
        if row is not None:
            raise AlreadyHasToken(TokenView.of(row))  # type: ignore[arg-type]  # a Token row's attribute names

    # ---- issue -----------------------------------------------------------------------
    def issue_token(
        self,
        update_type: UpdateType,
        *,
        actor: Actor,
        priority: bool = False,
        priority_reason: Reasons = None,
        cnic: str | None = None,
        verification: Verification = Verification.NOT_ASKED,
        household_ref: str | None = None,
        details: dict[str, Any] | None = None,
        slip_status: SlipStatus = SlipStatus.NONE,
        extra_outbox: Callable[[Session, Token], None] | None = None,
        event_payload: dict[str, Any] | None = None,
    ) -> IssuedToken:
        """Give the visitor the next number of ``update_type`` today; writes token + event.

        Returns what the slip needs as well: the token's place in its line (counted in the same
        transaction) and the estimated wait, so nobody has to ask the database again to print it.

        ``extra_outbox`` lets a caller add rows (e.g. a queued verification) in the same
        transaction, so a token never exists without the work that belongs to it. ``event_payload``
        adds to the issue event what the centre should see (e.g. the roster changes). Refused with
        :class:`AlreadyHasToken` when ``cnic`` holds an open token today, and for an appeal
        while appeals are off, whichever front end asks.
        """
        actor.require(Permission.ISSUE_TOKEN)
        update_type = UpdateType(update_type)
        self._check_type_offered(update_type)
        reason = self._priority_reason(priority, priority_reason)
        now = self.clock.now()
        day = business_day(now)
        if self.policy.calibrate_wait:
            self.promise_model(day)  # the same weekday's history, read once a day outside the write
        token_table: Any = Token.__table__
        event_table: Any = TokenEvent.__table__
        with self.store.engine.begin() as conn:
            if cnic:
                self._claim_cnic(conn, cnic, day)
            seq = int(conn.execute(self._seq_statement(), self._seq_params(day, update_type)).scalar_one())
            values: dict[str, Any] = {
                "site_id": self.site_id, "business_day": day, "issued_type": update_type,
                "update_type": update_type, "seq": seq, "number": f"{update_type.prefix}-{seq:03d}",
                "priority": priority, "priority_reason": reason,
                "state": TokenState.WAITING, "issued_at": now, "queued_at": now, "called_at": None,
                "started_at": None, "closed_at": None, "counter_id": None, "served_by": None, "recall_count": 0,
                "cnic": cnic, "household_ref": household_ref, "verification": verification,
                "slip_status": slip_status, "details": details or {},
            }
            # Core on a plain connection: the ORM session and unit of work cost several times the
            # durable commit itself on this hot path (tests/benchmarks/queue_bench.py).
            token_id = int(conn.execute(token_table.insert().returning(token_table.c.id), values).scalar_one())
            place = sql.PLACE_PRIORITY if priority else sql.PLACE_ANY
            position = int(conn.execute(place, {"site_id": self.site_id, "day": day, "type": update_type}).scalar_one())
            # The promise the slip prints, and the plain basis it came from, stay with the token's
            # issue: the dashboard checks promises against real waits and tomorrow's calibration learns.
            basis = self.wait_basis(conn, update_type, day, position - 1)
            load = self.wait_load(conn, day) if basis is not None else 0.0
            promised = None if basis is None else self.promise_for(update_type, now, basis, load)
            payload: dict[str, Any] = {**(event_payload or {}), "priority": priority, "update_type": update_type.value}
            if basis is not None and promised is not None:
                payload |= {"wait_basis_min": round(basis, 2), "wait_load_min": round(load, 2),
                            "promised_wait_min": round(promised, 2)}
            event = {"uuid": new_uuid(), "site_id": self.site_id, "token_id": token_id, "kind": Action.ISSUE.value,
                     "at": now, "actor": actor.username, "operator": actor.username, "counter_id": None,
                     "payload": payload}
            event_id = int(conn.execute(event_table.insert().returning(event_table.c.id), event).scalar_one())
            open_day_at_first_token(conn, self.site_id, day, now, actor.username)
            if extra_outbox is not None:
                with Session(bind=conn) as s:  # joins this transaction; commits with it
                    extra_outbox(s, s.get_one(Token, token_id))
                    s.flush()
        view = IssuedToken(
            id=token_id, number=values["number"], update_type=update_type, issued_type=update_type,
            priority=priority, priority_reason=values["priority_reason"], state=TokenState.WAITING,
            business_day=day, issued_at=now, queued_at=now, called_at=None, started_at=None, closed_at=None,
            counter_id=None, recall_count=0, cnic=cnic, verification=verification, slip_status=slip_status,
            details=dict(values["details"]), position=position,
            estimated_wait=None if promised is None else timedelta(minutes=promised),
        )
        self._notify([QueueChange(event_id, Action.ISSUE.value, view, None, actor.username)])
        return view

    # ---- call next -------------------------------------------------------------------
    def call_next(self, counter_id: int, *, actor: Actor) -> TokenView | None:
        """Claim the next waiting token this counter serves, or None when nobody waits.

        Priority visitors first, but after ``max_priority_streak`` priority calls in a row
        the oldest normal token goes next, so nobody is starved.
        """
        now = self.clock.now()
        day = business_day(now)
        # Core statements built once (_CALL_*): the ORM version spent ~3x the CPU of the SQL itself
        # (tests/benchmarks/queue_bench.py). Same checks, same order, same rows written.
        with self.store.session() as s, s.begin():
            conn = s.connection()
            counter = conn.execute(sql.CALL_COUNTER, {"counter_id": counter_id, "site_id": self.site_id,
                                                   "day": day}).one_or_none()
            if counter is None:
                raise QueueError(f"No counter {counter_id} at this site")
            self._check_counter_actor(s, actor, counter_id, day)
            if counter.deo is None:
                raise QueueError(f"{counter.label} has no DEO; assign one before calling", code="no_deo",
                                 counter=counter.label)
            if counter.state != CounterState.OPEN:
                raise QueueError(f"{counter.label} is {counter.state.value}; open it before calling",
                                 code="counter_not_open", counter=counter.label,
                                 counter_state=counter.state.value)
            if counter.busy is not None:
                raise QueueError(f"{counter.label} is still serving {counter.busy}; finish it first",
                                 code="counter_busy", counter=counter.label, number=counter.busy)
            types = [UpdateType(t).value for t in counter.served_types]
            if not types:
                raise QueueError(f"{counter.label} serves no update type", code="serves_nothing",
                                 counter=counter.label)
            want_priority = counter.priority_streak < self.policy.max_priority_streak
            token_id = None
            for prio in [True, False] if want_priority else [False, True]:
                token_id = conn.execute(
                    sql.CALL_PICK, {"site_id": self.site_id, "day": day, "types": types, "prio": prio}
                ).scalar()
                if token_id is not None:
                    break
            if token_id is None:
                return None
            target = target_state(Action.CALL, TokenState.WAITING, "")
            row = conn.execute(sql.CALL_CLAIM, {"token_id": token_id, "state": target, "now": now,
                                             "counter_id": counter_id, "user": actor.username}).one()
            token = TokenView.of(row)  # type: ignore[arg-type]  # a RETURNING row has the Token's attribute names
            streak = counter.priority_streak + 1 if token.priority else 0
            if streak != counter.priority_streak:
                conn.execute(sql.CALL_STREAK, {"counter_id": counter_id, "streak": streak})
            event_id = conn.execute(sql.CALL_EVENT, {
                "site_id": self.site_id, "token_id": token_id, "kind": Action.CALL.value, "at": now,
                "actor": actor.username, "operator": counter.operator, "counter_id": counter_id, "payload": {},
            }).scalar_one()
            change = QueueChange(event_id, Action.CALL.value, token, counter_id, actor.username)
        self._notify([change])
        return change.token

    # ---- the other transitions ------------------------------------------------------
    def _transition(
        self,
        token_id: int,
        action: Action,
        actor: Actor,
        mutate: Callable[[Session, Token], dict[str, Any] | None] | None = None,
    ) -> TokenView:
        now = self.clock.now()
        with self.store.session() as s, s.begin():
            token = self._load_token(s, token_id)
            target = target_state(action, token.state, token.number)
            counter_id = token.counter_id
            # A called token belongs to its counter: only that counter's DEO may move it, transfer included.
            if counter_id is not None and (action in _COUNTER_ACTIONS or action is Action.TRANSFER):
                self._check_counter_actor(s, actor, counter_id, token.business_day)
            elif action in _COUNTER_ACTIONS:
                actor.require(Permission.SERVE_ANY_COUNTER)
            payload = mutate(s, token) if mutate else None
            token.state = target
            if target in (TokenState.COMPLETED, TokenState.NO_SHOW, TokenState.CANCELLED):
                token.closed_at = now
            ev = self._event(s, token, action.value, actor, counter_id, payload)
            change = self._change(ev, token)
        self._notify([change])
        return change.token

    def recall(self, token_id: int, *, actor: Actor) -> TokenView:
        """Call the same token again (counted); refused once the recall limit is reached."""

        def bump(_s: Session, t: Token) -> dict[str, Any]:
            if t.recall_count >= self.policy.recalls_before_no_show:
                raise QueueError(f"{t.number} was recalled {t.recall_count} times; mark it no-show",
                                 code="recall_limit", number=t.number, count=t.recall_count)
            t.recall_count += 1
            return {"recall": t.recall_count}

        return self._transition(token_id, Action.RECALL, actor, bump)

    def start(self, token_id: int, *, actor: Actor) -> TokenView:
        """The visitor arrived at the counter: service begins."""

        def mark(_s: Session, t: Token) -> None:
            t.started_at = self.clock.now()

        return self._transition(token_id, Action.START, actor, mark)

    def complete(self, token_id: int, *, actor: Actor) -> TokenView:
        """The survey/update is done."""
        return self._transition(token_id, Action.COMPLETE, actor)

    def no_show(self, token_id: int, *, actor: Actor) -> TokenView:
        """The visitor did not come after the required recalls."""

        def check(_s: Session, t: Token) -> None:
            need = self.policy.recalls_before_no_show
            if t.recall_count < need:
                raise QueueError(f"Recall {t.number} {need - t.recall_count} more time(s) before marking no-show",
                                 code="recalls_needed", number=t.number, left=need - t.recall_count)

        return self._transition(token_id, Action.NO_SHOW, actor, check)

    def transfer(self, token_id: int, new_type: UpdateType, *, actor: Actor) -> TokenView:
        """Move a waiting or called token to a type an open, staffed counter calls now; it keeps its place in line."""
        actor.require(Permission.TRANSFER_TOKEN)
        new_type = UpdateType(new_type)
        self._check_type_offered(new_type)

        def move(s: Session, t: Token) -> dict[str, Any]:
            if t.update_type == new_type:
                raise QueueError(f"{t.number} already waits for {new_type.value}")
            self._require_served(s, new_type, self.today())
            old = t.update_type
            t.update_type = new_type
            t.counter_id = None
            t.called_at = None
            t.recall_count = 0
            return {"from": old.value, "to": new_type.value}

        return self._transition(token_id, Action.TRANSFER, actor, move)

    def cancel(self, token_id: int, *, actor: Actor, reason: str = "") -> TokenView:
        """Withdraw a waiting token (visitor left, issued by mistake)."""
        actor.require(Permission.CANCEL_TOKEN)

        def why(_s: Session, _t: Token) -> dict[str, Any]:
            return {"reason": reason} if reason else {}

        return self._transition(token_id, Action.CANCEL, actor, why)

    def record(self, token_id: int, kind: str, *, actor: Actor, payload: dict[str, Any] | None = None,
               slip_status: SlipStatus | None = None, verification: Verification | None = None,
               details: dict[str, Any] | None = None, within: Callable[[Session], None] | None = None) -> TokenView:
        """Write a non-transition event (printed, print_failed, reprinted, verified) and its side fields.

        ``within`` runs first in the same transaction (e.g. marking the outbox item done); if it
        raises, nothing is written.
        """
        with self.store.session() as s, s.begin():
            if within is not None:
                within(s)
            token = self._load_token(s, token_id)
            if slip_status is not None:
                token.slip_status = slip_status
            if verification is not None:
                token.verification = verification
            if details:
                token.details = {**(token.details or {}), **details}
            ev = self._event(s, token, kind, actor, token.counter_id, payload)
            change = self._change(ev, token)
        self._notify([change])
        return change.token

    # ---- reads -----------------------------------------------------------------------
    # ---- day handling ----------------------------------------------------------------
    def carry_over(self, token_ids: Iterable[int], to_day: date, *, actor: Actor) -> list[TokenView]:
        """Move open waiting/called tokens to ``to_day`` (close of day): they keep their place in line
        (queued_at) and get the next number of the new day, so numbering stays gap-free."""
        actor.require(Permission.OPEN_CLOSE_DAY)
        changes = []
        with self.store.session() as s, s.begin():
            for tid in token_ids:
                token = self._load_token(s, tid)
                token.state = target_state(Action.CARRY_OVER, token.state, token.number)
                old_day, old_number = token.business_day, token.number
                # A new number on the new day keeps numbering gap-free; queued_at keeps the place.
                token.seq = self._next_seq(s, to_day, token.issued_type)
                token.number = f"{token.issued_type.prefix}-{token.seq:03d}"
                token.business_day = to_day
                token.counter_id = None
                token.called_at = None
                token.recall_count = 0
                ev = self._event(s, token, Action.CARRY_OVER.value, actor, None,
                                 {"from": old_day.isoformat(), "to": to_day.isoformat(),
                                  "old_number": old_number})
                changes.append(self._change(ev, token))
        self._notify(changes)
        return [c.token for c in changes]


_COUNTER_ACTIONS = {Action.RECALL, Action.START, Action.COMPLETE, Action.NO_SHOW}

def reset_priority_streaks(store: Store, site_id: str) -> None:
    """Start a day with every counter's fairness count at zero."""
    with store.session() as s, s.begin():
        s.execute(update(Counter).where(Counter.site_id == site_id).values(priority_streak=0))
