"""The hub's audit trail: key administration and key use, append-only and hash-chained.

Records live in ``hub_audit`` and are chained with the site's hash (:mod:`db.chain_hash`):
each record's ``hash`` covers its content and the previous record's hash, and ``prev_hash`` is
unique, so concurrent writers (a CLI next to a serving hub, several workers) cannot fork the
chain: the loser of a race re-reads the head and tries again. :func:`verify` walks the chain and
names the first record that was edited or follows a removed one.

What is recorded: ``key_created`` / ``key_revoked`` / ``keys_listed`` (``drc-hub key``) and key
use, counted in memory by :class:`services.hub.key_use.KeyUse` and flushed here as
``key_use`` / ``key_refused`` records. Never a secret, never a CNIC: details hold key ids,
scopes, days, times and counts only.
"""

from __future__ import annotations

import getpass
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from db.chain_hash import GENESIS, entry_hash
from services.hub.models import HubAuditRecord

T = TypeVar("T")
ACTOR_LEN = 40
_PG_LOCK = 0x6472_6841  # pg_advisory_xact_lock key of the hub's chain (one appender at a time)
_ATTEMPTS = 8


def cli_actor() -> str:
    """``cli:<os user>``: who ran a ``drc-hub`` administration command on this machine."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        user = "?"
    return f"cli:{user}"[:ACTOR_LEN]


def _utc(at: datetime) -> datetime:
    """Stored times are naive UTC; the hash is taken over the aware value."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def append(ses: Session, actor: str, action: str, detail: dict[str, Any],
           at: datetime | None = None) -> HubAuditRecord:
    """Chain one record after the current head, in ``ses``'s transaction (the caller commits).

    ``detail`` must hold JSON values only (str, int, lists, dicts) so it reads back as hashed.
    """
    when = (at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    if ses.get_bind().dialect.name == "postgresql":
        ses.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    prev = ses.scalar(select(HubAuditRecord.hash).order_by(HubAuditRecord.id.desc()).limit(1)) or GENESIS
    actor = actor[:ACTOR_LEN]
    record = HubAuditRecord(at=when, actor=actor, action=action, detail=dict(detail), prev_hash=prev,
                            hash=entry_hash(prev, _utc(when), actor, action, detail))
    ses.add(record)
    ses.flush()
    return record


def in_chain(engine: Engine, work: Callable[[Session], T]) -> T:
    """Run ``work(ses)`` (which appends records) in one transaction; retry a lost race.

    Another writer taking the chain's head first (unique ``prev_hash``, or SQLite's busy
    snapshot) rolls this attempt back and runs ``work`` again from the new head.
    """
    for attempt in range(_ATTEMPTS):
        with Session(engine, expire_on_commit=False) as ses:
            try:
                result = work(ses)
                ses.commit()
                return result
            except (IntegrityError, OperationalError):
                ses.rollback()
                if attempt == _ATTEMPTS - 1:
                    raise
        time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")


def audited(engine: Engine, actor: str, action: str, work: Callable[[Session], tuple[T, dict[str, Any]]]) -> T:
    """Run ``work(ses)`` and chain its record in the same transaction (both commit or neither).

    ``work`` returns ``(result, detail)``.
    """

    def both(ses: Session) -> T:
        result, detail = work(ses)
        append(ses, actor, action, detail)
        return result

    return in_chain(engine, both)


def record(engine: Engine, actor: str, action: str, detail: dict[str, Any]) -> None:
    """Chain one record in its own transaction."""
    record_all(engine, [(actor, action, detail)])


def record_all(engine: Engine, entries: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Chain several ``(actor, action, detail)`` records in one transaction, in order."""

    def work(ses: Session) -> None:
        for actor, action, detail in entries:
            append(ses, actor, action, detail)

    in_chain(engine, work)


def records(engine: Engine, limit: int | None = None) -> list[HubAuditRecord]:
    """The newest ``limit`` records (all when None), oldest first."""
    with Session(engine) as ses:
        query = select(HubAuditRecord).order_by(HubAuditRecord.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return list(reversed(ses.scalars(query).all()))


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of :func:`verify`: ``bad_id`` names the first broken record (None if intact).

    ``head`` is the newest record's hash: noted elsewhere (with a backup), it pins the end of the
    chain, since removing the newest records leaves a shorter chain that is still intact.
    """

    count: int
    head: str = GENESIS
    bad_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        """True when every record is intact and linked to the one before it."""
        return self.bad_id is None


def verify(engine: Engine) -> ChainCheck:
    """Walk the chain in order: a changed record fails its own hash, a removed one its successor's link."""
    prev, prev_id, count = GENESIS, None, 0
    with Session(engine) as ses:
        rows = ses.execute(select(HubAuditRecord.id, HubAuditRecord.at, HubAuditRecord.actor, HubAuditRecord.action,
                                  HubAuditRecord.detail, HubAuditRecord.prev_hash, HubAuditRecord.hash)
                           .order_by(HubAuditRecord.id)).yield_per(1000)
        for rid, at, actor, action, detail, prev_hash, stored in rows:
            if prev_hash != prev:
                after = f"record #{prev_id}" if prev_id is not None else "the start of the trail"
                return ChainCheck(count, prev, rid, f"record #{rid} does not follow {after}: a record between them "
                                  "was removed, or the one before it was rewritten")
            if entry_hash(prev_hash, _utc(at), actor, action, detail) != stored:
                return ChainCheck(count, prev, rid, f"record #{rid} ({action} by {actor}) was edited: its content "
                                  "no longer matches its hash")
            prev, prev_id, count = stored, rid, count + 1
    return ChainCheck(count, prev)
