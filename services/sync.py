"""Drain the site outbox to the central registry: late verifications and token events.

Runs on a background worker (``console.sync_worker``), never on the GUI thread. Each failure
pushes the item's next attempt back exponentially (``attempts``, ``next_attempt_at``,
``last_error``); nothing is dropped. Event upload is idempotent twice over: a cursor remembers
the last event the hub acknowledged, and the hub ignores uuids it already holds.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from db.engine import Store
from db.models import OutboxItem, Token, TokenEvent, UpdateType, Verification
from services.clock import Clock
from services.queue import QueueError, QueueService
from services.registry import (
    HouseholdStatus,
    RegistryClient,
    RegistryError,
    RegistryProblem,
    RegistryUnavailable,
    event_payload,
)
from services.registry.outbox import (
    EVENTS_CURSOR,
    RESULT_TO_VERIFICATION,
    VERIFY,
    LeaseLost,
    claim,
    complete,
    next_attempt,
    release,
    worker_id,
)
from services.roles import SYSTEM, Actor
from services.triage.policy import TriagePolicy
from services.triage.rules import Eligibility, assess

log = logging.getLogger(__name__)
MAX_BATCH = 1000  # the contract's limit per events call


@dataclass(frozen=True)
class SyncReport:
    """What one drain did and what still waits; ``online`` is None when nothing was asked."""

    verified: int
    events_sent: int
    pending_verifications: int
    pending_events: int
    online: bool | None
    error: str | None = None
    problem: RegistryProblem | None = None  # the error, coded for a translator

    @property
    def backlog(self) -> int:
        """Everything still waiting for the hub."""
        return self.pending_verifications + self.pending_events


class OutboxSync:
    """Sends what the site owes the hub; safe to call again and again (and concurrently with issuing)."""

    def __init__(
        self,
        store: Store,
        queue: QueueService,
        client: RegistryClient,
        clock: Clock,
        site_id: str,
        *,
        policy: TriagePolicy | None = None,
        actor: Actor = SYSTEM,
        batch_size: int = 500,
        base_delay: float = 5.0,
        max_delay: float = 300.0,
        resend_window_seconds: float = 120.0,
        lease_seconds: float = 120.0,
    ) -> None:
        self.store = store
        self.queue = queue
        self.client = client
        self.clock = clock
        self.site_id = site_id
        self.policy = policy
        self.actor = actor
        self.batch_size = min(batch_size, MAX_BATCH)
        self.base_delay = base_delay
        self.max_delay = max_delay
        # Each item is claimed before the registry is asked, so two consoles never ask twice;
        # a console killed mid-call leaves a lease that runs out after ``lease_seconds``.
        self.owner = worker_id()
        self.lease = timedelta(seconds=lease_seconds)
        # On PostgreSQL two consoles may commit event ids out of order (101 before 100), so a
        # cursor alone could skip one. Events of the last ``resend_window`` are sent again each
        # drain; the hub keeps one copy per uuid. SQLite's write lock keeps ids in commit order.
        self.resend_window = timedelta(0) if store.is_sqlite else timedelta(seconds=resend_window_seconds)

    # ---- public -----------------------------------------------------------------------
    def drain(self, *, force: bool = False) -> SyncReport:
        """Send due verifications, then new events. ``force`` ignores back-off (the hub is back)."""
        verified = sent = 0
        error: RegistryUnavailable | None = None
        online: bool | None = None
        if not force and self.client.state.online is False and self._anything_pending():
            # Known offline: one cheap probe instead of a timeout per item. If the link is back,
            # send everything now, even items still backed off.
            try:
                self.client.health()
                force = True
            except (RegistryUnavailable, RegistryError) as exc:
                for item_id, *_ in self._due_verifications(False):
                    self._fail(item_id, exc.message)
                return self._report(0, 0, False, exc)
        try:
            verified = self._drain_verifications(force)
            sent = self._drain_events(force)
            if self.resend_window:
                sent += self._resend_recent()
            online = self.client.state.online
        except RegistryUnavailable as exc:
            error, online = exc, False
        return self._report(verified, sent, online, error)

    def backlog(self) -> tuple[int, int]:
        """(verifications waiting, events not yet at the hub)."""
        with self.store.read() as s:
            ver = s.scalar(select(func.count(OutboxItem.id)).where(OutboxItem.kind == VERIFY,
                                                                   OutboxItem.sent_at.is_(None))) or 0
            last = self._cursor_last_id(s)
            ev = s.scalar(select(func.count(TokenEvent.id)).where(TokenEvent.site_id == self.site_id,
                                                                  TokenEvent.id > last)) or 0
        return int(ver), int(ev)

    # ---- verifications ----------------------------------------------------------------
    def _due_verifications(self, force: bool) -> list[tuple[int, str, dict[str, Any], int]]:
        now = self.clock.now()
        with self.store.read() as s:
            q = select(OutboxItem.id, OutboxItem.ref, OutboxItem.payload, OutboxItem.attempts).where(
                OutboxItem.kind == VERIFY, OutboxItem.sent_at.is_(None))
            if not force:
                q = q.where(OutboxItem.next_attempt_at <= now)
            return [(r[0], r[1], dict(r[2] or {}), r[3]) for r in s.execute(q.order_by(OutboxItem.id))]

    def _drain_verifications(self, force: bool) -> int:
        done = 0
        for item_id, ref, payload, _attempts in self._due_verifications(force):
            with self.store.session() as s, s.begin():
                mine = claim(s, item_id, self.owner, self.clock.now(), self.lease, due_only=not force)
            if not mine:
                continue  # another console has it, or it was done meanwhile
            try:
                self._verify_one(item_id, int(ref), payload)
            except RegistryUnavailable as exc:
                self._fail(item_id, exc.message)
                raise  # the link is down: the rest would fail the same way
            except RegistryError as exc:
                self._fail(item_id, exc.message)
                continue
            except LeaseLost:
                continue  # taken over after our lease ran out; the other console's answer stands
            except QueueError as exc:  # the token is gone (should not happen): nothing left to verify
                self._finish(item_id, str(exc))
                continue
            done += 1
        return done

    def _verify_one(self, item_id: int, token_id: int, payload: dict[str, Any]) -> None:
        cnic = str(payload["cnic"])
        # One round trip where the hub offers it; NADRA's "unknown" then stays apart from "not registered".
        answer = self.client.triage_lookup(cnic, payload.get("name"))
        result = answer.identity_result() if answer is not None else self.client.verify_identity(cnic, payload.get("name"))
        verification = RESULT_TO_VERIFICATION[result.status]
        check: dict[str, Any] = {"result": result.status, "household_id": result.household_id,
                                 "checked_at": self.clock.now().isoformat(), "late": True}
        if answer is not None:
            check.update(identity=answer.identity, membership=answer.membership)
        chosen = payload.get("update_type")
        if self.policy is not None and chosen and verification is not Verification.BLOCKED:
            # The type was picked by hand while offline: say now whether the rules agree.
            if answer is not None:
                status = answer.household or HouseholdStatus.unregistered()
            else:
                status = (self.client.household_status(result.household_id) if result.household_id
                          else HouseholdStatus.unregistered())
            today = self.queue.today()
            by_type = {e.update_type: e for e in assess(status, self.policy, today)}
            verdict = by_type[UpdateType(chosen)]
            if answer is not None and answer.identity == "unknown":  # a card NADRA does not know registers nothing
                verdict = Eligibility(verdict.update_type, False, "identity_unknown")
            check.update(type_confirmed=verdict.eligible, type_reason=verdict.reason)
        now = self.clock.now()
        # The result and "done" commit together: a kill leaves both or neither.
        self.queue.record(token_id, "verified", actor=self.actor, payload={"result": result.status, "late": True},
                          verification=verification, details={"registry_check": check},
                          within=lambda s: complete(s, item_id, self.owner, now))

    def _finish(self, item_id: int, note: str | None) -> None:
        with self.store.session() as s, s.begin(), contextlib.suppress(LeaseLost):
            complete(s, item_id, self.owner, self.clock.now(), note)

    def _fail(self, item_id: int, message: str) -> None:
        with self.store.session() as s, s.begin():
            release(s, item_id, self.owner, self.clock.now(), message, base=self.base_delay, cap=self.max_delay)

    # ---- events -----------------------------------------------------------------------
    def _cursor(self, s: Any, now: datetime) -> OutboxItem:
        cur = s.scalar(select(OutboxItem).where(OutboxItem.kind == EVENTS_CURSOR, OutboxItem.ref == self.site_id))
        if cur is None:
            cur = OutboxItem(kind=EVENTS_CURSOR, ref=self.site_id, payload={"last_id": 0}, created_at=now,
                             attempts=0, next_attempt_at=now)
            s.add(cur)
            s.flush()
        return cur  # type: ignore[no-any-return]

    def _cursor_last_id(self, s: Any) -> int:
        payload = s.scalar(select(OutboxItem.payload).where(OutboxItem.kind == EVENTS_CURSOR,
                                                            OutboxItem.ref == self.site_id))
        return int((payload or {}).get("last_id", 0))

    def _batch(self, rows: list[Any]) -> list[dict[str, Any]]:
        return [
            event_payload(
                uuid=ev.uuid, token_id=ev.token_id, token_number=number,
                update_type=str((ev.payload or {}).get("update_type") or utype.value),
                priority=bool(prio), kind=ev.kind, at=ev.at, actor=ev.actor, counter=ev.counter_id,
                payload=dict(ev.payload or {}), operator=ev.operator,
            )
            for ev, number, utype, prio in rows
        ]

    def _select_events(self) -> Any:
        return (select(TokenEvent, Token.number, Token.update_type, Token.priority)
                .join(Token, Token.id == TokenEvent.token_id)
                .where(TokenEvent.site_id == self.site_id))

    def _resend_recent(self) -> int:
        """Send the recent events below the cursor again; returns how many the hub did not have."""
        since = self.clock.now() - self.resend_window
        with self.store.read() as s:
            last = self._cursor_last_id(s)
            rows = s.execute(self._select_events().where(TokenEvent.id <= last, TokenEvent.at >= since)
                             .order_by(TokenEvent.id).limit(self.batch_size)).all()
            batch = self._batch(list(rows))
        if not batch:
            return 0
        return self.client.push_events(self.site_id, batch).accepted

    def _drain_events(self, force: bool) -> int:
        total = 0
        while True:
            now = self.clock.now()
            with self.store.session() as s, s.begin():
                cur = self._cursor(s, now)
                if not force and cur.attempts and cur.next_attempt_at > now:
                    return total
                # One console uploads at a time; the hub would drop duplicates anyway, but this
                # keeps two consoles from sending every batch twice.
                if not claim(s, cur.id, self.owner, now, self.lease, due_only=False, pending_only=False):
                    return total
                last = int(cur.payload.get("last_id", 0))
            with self.store.read() as s:
                rows = s.execute(
                    self._select_events().where(TokenEvent.id > last).order_by(TokenEvent.id).limit(self.batch_size)
                ).all()
                batch = self._batch(list(rows))
            if not batch:
                return total
            newest = rows[-1][0].id
            try:
                self.client.push_events(self.site_id, batch)
            except (RegistryUnavailable, RegistryError) as exc:
                with self.store.session() as s, s.begin():
                    cur = self._cursor(s, now)
                    cur.attempts += 1
                    cur.next_attempt_at = next_attempt(now, cur.attempts, base=self.base_delay, cap=self.max_delay)
                    cur.last_error = exc.message
                    cur.lease_owner = cur.lease_until = None
                if isinstance(exc, RegistryUnavailable):
                    raise
                log.warning("event upload refused: %s", exc.message)
                return total
            with self.store.session() as s, s.begin():
                cur = self._cursor(s, now)
                cur.payload = {"last_id": max(newest, int(cur.payload.get("last_id", 0)))}
                cur.attempts = 0
                cur.sent_at = now
                cur.next_attempt_at = now
                cur.last_error = None
                cur.lease_owner = cur.lease_until = None
            total += len(batch)

    # ---- helpers ----------------------------------------------------------------------
    def _anything_pending(self) -> bool:
        ver, ev = self.backlog()
        return bool(ver or ev)

    def _report(self, verified: int, sent: int, online: bool | None, error: RegistryProblem | None) -> SyncReport:
        ver, ev = self.backlog()
        return SyncReport(verified, sent, ver, ev, online, error.message if error else None, error)
