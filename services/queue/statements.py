"""The queue engine's hot-path SQL, built once at import (Core statements with bind parameters).

Building these per call cost more than running them (``tests/benchmarks/queue_bench.py``). The
counter row is locked (PostgreSQL) so its busy check and fairness streak are serialised per
counter; a waiting token is claimed with SKIP LOCKED so two counters never get the same one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from db.models import BusinessDay, Counter, CounterAssignment, Staff, Token, TokenEvent, TokenState

T: Any = Token.__table__
C: Any = Counter.__table__
OPEN_AT_COUNTER = (
    select(T.c.number)
    .where(T.c.site_id == C.c.site_id, T.c.state.in_([TokenState.CALLED, TokenState.IN_SERVICE]),
           T.c.counter_id == C.c.id)
    .limit(1)
    .scalar_subquery()
)
A: Any = CounterAssignment.__table__
DEO_AT_COUNTER = (
    select(A.c.staff_id)
    .where(A.c.counter_id == C.c.id, A.c.business_day == bindparam("day"), A.c.ended_at.is_(None))
    .limit(1)
    .scalar_subquery()
)
S: Any = Staff.__table__
# The operator of an event at a counter: whoever is assigned to it now (the latest open assignment).
OPERATOR_AT = (
    select(S.c.username)
    .join(A, A.c.staff_id == S.c.id)
    .where(A.c.counter_id == bindparam("counter_id"), A.c.business_day == bindparam("day"), A.c.ended_at.is_(None))
    .order_by(A.c.started_at.desc(), A.c.id.desc())
    .limit(1)
)
OPERATOR_NAME_AT_COUNTER = (
    select(S.c.username)
    .join(A, A.c.staff_id == S.c.id)
    .where(A.c.counter_id == C.c.id, A.c.business_day == bindparam("day"), A.c.ended_at.is_(None))
    .order_by(A.c.started_at.desc(), A.c.id.desc())
    .limit(1)
    .scalar_subquery()
)
CALL_COUNTER = (
    select(C.c.label, C.c.state, C.c.served_types, C.c.priority_streak, OPEN_AT_COUNTER.label("busy"),
           DEO_AT_COUNTER.label("deo"), OPERATOR_NAME_AT_COUNTER.label("operator"))
    .where(C.c.id == bindparam("counter_id"), C.c.site_id == bindparam("site_id"))
    .with_for_update(of=C)
)
OPEN_FOR_CNIC = (
    select(T)
    .where(T.c.site_id == bindparam("site_id"), T.c.business_day == bindparam("day"), T.c.cnic == bindparam("cnic"),
           T.c.state.in_([TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE]))
    .order_by(T.c.id.desc())
    .limit(1)
)
# A new token's place in its line: every waiting token of its type is ahead of it (or is it),
# except that a priority token only queues behind the other priority tokens.
PLACE_ANY = select(func.count(T.c.id)).where(
    T.c.site_id == bindparam("site_id"), T.c.business_day == bindparam("day"), T.c.state == TokenState.WAITING,
    T.c.update_type == bindparam("type"))
PLACE_PRIORITY = PLACE_ANY.where(T.c.priority.is_(True))
CALL_PICK = (
    select(T.c.id)
    .where(
        T.c.site_id == bindparam("site_id"),
        T.c.business_day == bindparam("day"),
        T.c.state == TokenState.WAITING,
        T.c.update_type.in_(bindparam("types", expanding=True)),
        T.c.priority == bindparam("prio"),
    )
    .order_by(T.c.queued_at, T.c.id)
    .limit(1)
    .with_for_update(skip_locked=True)
)
CALL_CLAIM = (
    update(T)
    .where(T.c.id == bindparam("token_id"), T.c.state == TokenState.WAITING)
    .values(state=bindparam("state"), called_at=bindparam("now"), counter_id=bindparam("counter_id"),
            served_by=bindparam("user"), recall_count=0)
    .returning(*T.c)
)
CALL_STREAK = update(C).where(C.c.id == bindparam("counter_id")).values(priority_streak=bindparam("streak"))
E: Any = TokenEvent.__table__
CALL_EVENT = insert(E).returning(E.c.id)
BD: Any = BusinessDay.__table__
DAY_ROW = select(BD.c.id, BD.c.closed_at).where(BD.c.site_id == bindparam("site_id"), BD.c.day == bindparam("day"))
"""Today's opening row (issuing the first token of a day opens it)."""
