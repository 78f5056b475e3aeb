"""Typed SQLAlchemy models of the site store.

Every table a site console owns lives here. The schema is created only by Alembic
(``db/migrations``); ``Base.metadata`` is the source the migrations are checked against.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from vocabulary import (  # re-exported: the store names its columns with the shared words
    CounterState,
    Role,
    SlipStatus,
    TokenState,
    UpdateType,
    Verification,
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always returned timezone-aware (UTC).

    SQLite keeps no zone, so the rule is enforced here: aware values only in, aware out.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    """Declarative base for every site table."""


class Site(Base):
    """A Dynamic Registry Centre; one console owns one site."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_ur: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(60), default="")
    district: Mapped[str] = mapped_column(String(80), default="")
    tehsil: Mapped[str] = mapped_column(String(80), default="")
    tz: Mapped[str] = mapped_column(String(40), default="Asia/Karachi")
    lat: Mapped[float | None] = mapped_column(default=None)
    lon: Mapped[float | None] = mapped_column(default=None)

    counters: Mapped[list[Counter]] = relationship(back_populates="site", order_by="Counter.number")


class Counter(Base):
    """A DEO counter: its label, the update types it serves and whether it is open."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("site_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(40))
    served_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[CounterState] = mapped_column(_enum(CounterState, "counter_state"), default=CounterState.OPEN)
    # Priority calls made in a row; the fairness rule caps it (services.queue).
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)

    site: Mapped[Site] = relationship(back_populates="counters")


class Staff(Base):
    """A person who signs in: name, role and a salted hash of the PIN or password."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str | None] = mapped_column(ForeignKey("site.id"), default=None)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(_enum(Role, "staff_role"))
    secret_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class CounterAssignment(Base):
    """A staff member on a counter for part of a business day (``ended_at`` open while current)."""

    __tablename__ = "counter_assignment"
    __table_args__ = (Index("ix_assignment_day", "business_day", "counter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    business_day: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    counter: Mapped[Counter] = relationship()
    staff: Mapped[Staff] = relationship()


class BusinessDay(Base):
    """The opening and closing of one site day, with the close-of-day summary."""

    __tablename__ = "business_day"
    __table_args__ = (UniqueConstraint("site_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_by: Mapped[str | None] = mapped_column(String(40), default=None)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class TokenSequence(Base):
    """Last number handed out per site, day and issuing type: keeps numbers gap-free."""

    __tablename__ = "token_sequence"

    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"), primary_key=True)
    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    update_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Token(Base):
    """A visitor's place in the queue for one business day."""

    __tablename__ = "token"
    __table_args__ = (
        UniqueConstraint("site_id", "business_day", "issued_type", "seq", name="uq_token_number"),
        Index("ix_token_queue", "site_id", "state", "update_type", "priority", "queued_at"),
        Index("ix_token_cnic_day", "cnic", "business_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    business_day: Mapped[date] = mapped_column(Date)
    # The type the number was drawn for (fixes the printed number) and the type it waits for now.
    issued_type: Mapped[UpdateType] = mapped_column(_enum(UpdateType, "issued_type"))
    update_type: Mapped[UpdateType] = mapped_column(_enum(UpdateType, "update_type"))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(12))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    priority_reason: Mapped[str | None] = mapped_column(String(40), default=None)
    state: Mapped[TokenState] = mapped_column(_enum(TokenState, "token_state"), default=TokenState.WAITING)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Place in line: the issue time, kept across transfers (and carry-over).
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), default=None)
    served_by: Mapped[str | None] = mapped_column(String(40), default=None)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    # The CNIC in clear only while needed (services.retention); afterwards a keyed hash (repeat
    # detection) and the masked form remain.
    cnic: Mapped[str | None] = mapped_column(String(13), default=None)
    cnic_hash: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    cnic_masked: Mapped[str | None] = mapped_column(String(16), default=None)
    household_ref: Mapped[str | None] = mapped_column(String(40), default=None)
    verification: Mapped[Verification] = mapped_column(
        _enum(Verification, "verification"), default=Verification.NOT_ASKED
    )
    slip_status: Mapped[SlipStatus] = mapped_column(_enum(SlipStatus, "slip_status"), default=SlipStatus.NONE)
    # Free-form facts from triage (eligibility reasons, flags) kept with the token.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    counter: Mapped[Counter | None] = relationship()


def new_uuid() -> str:
    """A random UUID as text: the id of an event everywhere it travels."""
    return str(uuid.uuid4())


class TokenEvent(Base):
    """Append-only record of one thing that happened to a token."""

    __tablename__ = "token_event"
    __table_args__ = (Index("ix_event_site_at", "site_id", "at"), Index("ix_event_token", "token_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    site_id: Mapped[str] = mapped_column(ForeignKey("site.id"))
    token_id: Mapped[int] = mapped_column(ForeignKey("token.id"))
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(40))
    # Whose work it is: the DEO assigned to the event's counter at that moment, whoever pressed the
    # key (``actor``). The actor for events without a counter, and for a counter nobody staffed
    # (then the payload says ``"unstaffed": true``). NULL only on events older than migration 0003.
    operator: Mapped[str | None] = mapped_column(String(40), default=None)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), default=None)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    token: Mapped[Token] = relationship()


class OutboxItem(Base):
    """Work for the central side that waits until the hub answers (events, verifications)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    ref: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    # A claim: while ``lease_until`` is in the future only ``lease_owner`` works on the item.
    lease_owner: Mapped[str | None] = mapped_column(String(64), default=None)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AuditEntry(Base):
    """Who did what outside the token life: sign-ins, counter assignments, settings.

    Append-only and hash-chained: ``hash`` covers this record and ``prev_hash`` (the previous
    record's hash), so an edited or deleted record breaks the chain (``services.audit.verify``).
    """

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    hash: Mapped[str | None] = mapped_column(String(64), default=None, unique=True)
