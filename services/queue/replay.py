"""Rebuild every token's state from the append-only event log alone.

Used to audit a day (the log must explain the table) and by the property tests. Pure: it reads
event-like objects and never touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from db.models import TokenState, UpdateType
from services.clock import business_day
from services.queue.states import Action, IllegalTransition, target_state


class EventLike(Protocol):
    """The fields of a TokenEvent the replay needs."""

    id: int
    token_id: int
    kind: str
    at: datetime
    counter_id: int | None
    payload: dict[str, Any]


@dataclass
class ReplayedToken:
    """A token as its events say it is now."""

    token_id: int
    number: str
    issued_type: UpdateType
    update_type: UpdateType
    priority: bool
    business_day: date
    state: TokenState
    counter_id: int | None
    recall_count: int


class ReplayError(Exception):
    """The event log is not a legal history (a move from a state it may not start from)."""


def replay(events: Iterable[EventLike]) -> dict[int, ReplayedToken]:
    """Fold a site's events (any order; applied by id) into the current state of each token.

    Numbers are re-derived from the order in which issue and carry-over events drew them, so
    the log must hold every event since the start of each day it covers.
    """
    tokens: dict[int, ReplayedToken] = {}
    last_seq: dict[tuple[date, UpdateType], int] = {}

    def draw(day: date, kind: UpdateType) -> str:
        seq = last_seq.get((day, kind), 0) + 1
        last_seq[(day, kind)] = seq
        return f"{kind.prefix}-{seq:03d}"

    for ev in sorted(events, key=lambda e: e.id):
        if ev.kind == Action.ISSUE.value:
            if ev.token_id in tokens:
                raise ReplayError(f"token {ev.token_id} issued twice (event {ev.id})")
            kind = UpdateType(ev.payload["update_type"])
            day = business_day(ev.at)
            tokens[ev.token_id] = ReplayedToken(
                ev.token_id, draw(day, kind), kind, kind, bool(ev.payload.get("priority")), day,
                TokenState.WAITING, None, 0,
            )
            continue
        try:
            action = Action(ev.kind)
        except ValueError:
            continue  # printed, verified, ...: facts about the token, not moves
        t = tokens.get(ev.token_id)
        if t is None:
            raise ReplayError(f"event {ev.id} ({ev.kind}) for token {ev.token_id} before it was issued")
        try:
            t.state = target_state(action, t.state, t.number)
        except IllegalTransition as exc:
            raise ReplayError(f"event {ev.id}: {exc}") from None
        if action is Action.CALL:
            t.counter_id, t.recall_count = ev.counter_id, 0
        elif action is Action.RECALL:
            t.recall_count += 1
        elif action is Action.TRANSFER:
            t.update_type, t.counter_id, t.recall_count = UpdateType(ev.payload["to"]), None, 0
        elif action is Action.CARRY_OVER:
            t.business_day = date.fromisoformat(ev.payload["to"])
            t.number = draw(t.business_day, t.issued_type)
            t.counter_id, t.recall_count = None, 0
    return tokens
