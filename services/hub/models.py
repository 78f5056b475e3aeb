"""The hub's tables (its own ``HubBase``, separate from the site store's ``db.models.Base``).

Tables carry a ``hub_`` prefix so a hub and a site store could even share one database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class HubBase(DeclarativeBase):
    """Declarative base of the central hub's schema."""


class HubSite(HubBase):
    """A Dynamic Registry Centre (from ``resources/sites.csv``)."""

    __tablename__ = "hub_site"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    region: Mapped[str] = mapped_column(String(40))
    district: Mapped[str] = mapped_column(String(80))
    tehsil: Mapped[str] = mapped_column(String(80))
    tehsil_code: Mapped[str] = mapped_column(String(12), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class HubTehsil(HubBase):
    """An administrative tehsil with its district and region."""

    __tablename__ = "hub_tehsil"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    district: Mapped[str] = mapped_column(String(80))
    region: Mapped[str] = mapped_column(String(40))


class Household(HubBase):
    """A registered household with its latest PMT score and survey date."""

    __tablename__ = "hub_household"

    household_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tehsil_code: Mapped[str] = mapped_column(ForeignKey("hub_tehsil.code"), index=True)
    pmt_score: Mapped[float | None] = mapped_column(Float)
    last_survey_date: Mapped[date | None] = mapped_column(Date)
    members: Mapped[int] = mapped_column(Integer)
    head_name: Mapped[str] = mapped_column(String(120))


class Member(HubBase):
    """A person in a household; ``id_status`` models the ID authority's answer for their CNIC."""

    __tablename__ = "hub_member"
    __table_args__ = (Index("ix_hub_member_household", "household_id"),)

    member_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("hub_household.household_id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    relation: Mapped[str] = mapped_column(String(12))
    gender: Mapped[str] = mapped_column(String(1))
    age: Mapped[int] = mapped_column(Integer)
    cnic: Mapped[str | None] = mapped_column(String(13), unique=True)
    # "ok", "blocked" (ID authority blocked the CNIC) or "mismatch" (record flagged inconsistent)
    id_status: Mapped[str] = mapped_column(String(10), default="ok")


class Citizen(HubBase):
    """The ID authority's (NADRA's) record of a person who is in no registered household.

    Together with ``Member`` (whose ``id_status`` is NADRA's answer for members) this is what the
    identity check knows: a CNIC in neither table is unknown to NADRA (a typo or a forged card),
    which is not the same as a real person whose household is missing from the registry.
    """

    __tablename__ = "hub_citizen"

    cnic: Mapped[str] = mapped_column(String(13), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    gender: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int] = mapped_column(Integer)
    # "ok", "blocked" or "mismatch", as for Member.id_status
    id_status: Mapped[str] = mapped_column(String(10), default="ok")


class ShockNotification(HubBase):
    """A tehsil under a notified shock (disaster)."""

    __tablename__ = "hub_shock_area"

    tehsil_code: Mapped[str] = mapped_column(ForeignKey("hub_tehsil.code"), primary_key=True)
    notified_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class Survey(HubBase):
    """Paradata of one survey submitted at a site (for data-quality checks), linked to its token.

    ``token_id`` is the site's token id (unique per site: one survey per token); NULL for a survey
    that named no token (seeded paradata, or a tablet without the slip) - the reconciliation list
    shows those. ``day`` is the token's business day when linked.
    """

    __tablename__ = "hub_survey"
    __table_args__ = (Index("ix_hub_survey_site_day", "site_id", "day"),
                      Index("uq_hub_survey_token", "site_id", "token_id", unique=True),
                      Index("ix_hub_survey_cnic_key", "cnic_key", "day", "site_id"),
                      Index("ix_hub_survey_phone_key", "phone_key", "day", "site_id"),
                      Index("ix_hub_survey_address_key", "address_key", "day", "site_id"))

    survey_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("hub_site.site_id"))
    day: Mapped[date] = mapped_column(Date)
    deo: Mapped[str] = mapped_column(String(40))
    cnic: Mapped[str] = mapped_column(String(13))
    phone: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    submitted_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    address: Mapped[str] = mapped_column(Text)
    household_size: Mapped[int] = mapped_column(Integer)
    region: Mapped[str] = mapped_column(String(40))
    assets: Mapped[dict[str, Any]] = mapped_column(JSON)
    token_id: Mapped[int | None] = mapped_column(Integer, default=None)
    token_number: Mapped[str | None] = mapped_column(String(16), default=None)
    b_form: Mapped[bool | None] = mapped_column(Boolean, default=None)
    via_qr: Mapped[bool | None] = mapped_column(Boolean, default=None)  # linked by the slip's signed code
    received_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)  # naive UTC
    # Hashed duplicate keys (``services.hub.survey.central_keys``): NULL when the value says nothing.
    cnic_key: Mapped[str | None] = mapped_column(String(32), default=None)
    phone_key: Mapped[str | None] = mapped_column(String(32), default=None)
    address_key: Mapped[str | None] = mapped_column(String(32), default=None)


class SurveyReview(HubBase):
    """A supervisor's answer to a survey: a flag acknowledged, or the survey returned to its DEO with a note.

    Append-only: the centre sees every review in order (``services.hub.survey.review``).
    """

    __tablename__ = "hub_survey_review"
    __table_args__ = (Index("ix_hub_survey_review_survey", "survey_id"),
                      Index("ix_hub_survey_review_site_at", "site_id", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    survey_id: Mapped[str] = mapped_column(String(40))
    site_id: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    action: Mapped[str] = mapped_column(String(12))  # acknowledged | returned
    flag: Mapped[str | None] = mapped_column(String(40), default=None)  # the flag code acknowledged
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(40))  # the supervisor's username at the site


class SiteSlipKey(HubBase):
    """The secret a site signs its slips' QR codes with, so the hub can check a code a survey names.

    Sent by the site over its own key (``PUT /v1/sites/{site_id}/slip-key``); never returned.
    """

    __tablename__ = "hub_site_slip_key"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    secret: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC


class SiteEventRow(HubBase):
    """A token event ingested from a site, kept as sent; ``(site_id, day, uuid)`` makes ingestion idempotent.

    On PostgreSQL the table is partitioned by month of ``day`` (declarative range partitioning,
    see ``services.hub.ops.partitions``); the primary key includes ``day`` because a partitioned
    table's unique keys must. An event is immutable, so a resent uuid always lands on its day.
    """

    __tablename__ = "hub_site_event"
    __table_args__ = (Index("ix_hub_event_site_token", "site_id", "token_id"),
                      {"postgresql_partition_by": "RANGE (day)"})

    site_id: Mapped[str] = mapped_column(ForeignKey("hub_site.site_id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # business day in Asia/Karachi
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    token_id: Mapped[int] = mapped_column(Integer)
    token_number: Mapped[str] = mapped_column(String(16))
    update_type: Mapped[str] = mapped_column(String(20))
    priority: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    actor: Mapped[str] = mapped_column(String(40))
    counter: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The DEO on the counter (per-DEO roll-ups use it); NULL from sites that do not send it: the actor.
    operator: Mapped[str | None] = mapped_column(String(40), default=None)


class _ServiceFigures:
    """What happened at the counters: calls, services, no-shows and service time (every roll-up)."""

    called: Mapped[int] = mapped_column(Integer, default=0)
    served: Mapped[int] = mapped_column(Integer, default=0)
    no_show: Mapped[int] = mapped_column(Integer, default=0)
    service_sum_s: Mapped[int] = mapped_column(BigInteger, default=0)
    service_n: Mapped[int] = mapped_column(Integer, default=0)


class _Figures(_ServiceFigures):
    """Also the tokens issued and their waits: the site-wide roll-ups (see ``services.hub.ops.rollup.Cell``)."""

    issued: Mapped[int] = mapped_column(Integer, default=0)
    wait_sum_s: Mapped[int] = mapped_column(BigInteger, default=0)
    wait_n: Mapped[int] = mapped_column(Integer, default=0)


class RollupHour(_Figures, HubBase):
    """Per site x day x hour (site zone) x update type, with wait and service histograms."""

    __tablename__ = "hub_rollup_hour"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    hour: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    update_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    wait_hist: Mapped[list[int]] = mapped_column(JSON)
    service_hist: Mapped[list[int]] = mapped_column(JSON)


class RollupDeo(_ServiceFigures, HubBase):
    """Per site x day x DEO (pseudonymous id)."""

    __tablename__ = "hub_rollup_deo"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    deo_id: Mapped[str] = mapped_column(String(20), primary_key=True)


class _DayFigures(_Figures):
    """The figures regional queries sum: counts, the wait histogram as columns (so SQL can add them
    over a range) and data health."""

    w0: Mapped[int] = mapped_column(Integer, default=0)
    w1: Mapped[int] = mapped_column(Integer, default=0)
    w2: Mapped[int] = mapped_column(Integer, default=0)
    w3: Mapped[int] = mapped_column(Integer, default=0)
    w4: Mapped[int] = mapped_column(Integer, default=0)
    w5: Mapped[int] = mapped_column(Integer, default=0)
    w6: Mapped[int] = mapped_column(Integer, default=0)
    w7: Mapped[int] = mapped_column(Integer, default=0)
    w8: Mapped[int] = mapped_column(Integer, default=0)
    w9: Mapped[int] = mapped_column(Integer, default=0)
    w10: Mapped[int] = mapped_column(Integer, default=0)
    w11: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    tokens: Mapped[int] = mapped_column(Integer, default=0)
    flagged_tokens: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)


class SiteDay(_DayFigures, HubBase):
    """Per site x day: what regional queries over part of a month read, and the day's data health."""

    __tablename__ = "hub_site_day"
    __table_args__ = (Index("ix_hub_site_day_day", "day", "site_id"),)

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_event_at: Mapped[datetime | None] = mapped_column(DateTime)  # naive UTC


class SiteMonth(_DayFigures, HubBase):
    """Per site x month: the sum of its ``hub_site_day`` rows, so a year's query reads 12 rows a site."""

    __tablename__ = "hub_site_month"
    __table_args__ = (Index("ix_hub_site_month_month", "month", "site_id"),)

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # the first day of the month
    days_reporting: Mapped[int] = mapped_column(Integer, default=0)


class FlaggedToken(HubBase):
    """A token whose history the state machine refuses: kept, shown in data health, left out of KPIs."""

    __tablename__ = "hub_flagged_token"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    token_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))


class SiteSeen(HubBase):
    """When a site last uploaded anything (silent sites show it)."""

    __tablename__ = "hub_site_seen"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    last_seen: Mapped[datetime] = mapped_column(DateTime)  # naive UTC


class SiteCounter(HubBase):
    """A counter as its site names it (site metadata upload)."""

    __tablename__ = "hub_site_counter"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(40))


class SiteDeo(HubBase):
    """A DEO of a site: a stable pseudonymous id and the display name the site chose to share."""

    __tablename__ = "hub_site_deo"

    site_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    deo_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(80))


class ApiKey(HubBase):
    """An API key, stored as a SHA-256 hash, with its scope: a site, a region or ``*`` (central)."""

    __tablename__ = "hub_api_key"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # site | region | central
    scope: Mapped[str] = mapped_column(String(40), index=True)  # site id, region name or *
    label: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)  # naive UTC


class HubAuditRecord(HubBase):
    """One record of the hub's audit trail: key administration and key use (``services.hub.audit``).

    Append-only and hash-chained like the site's audit log (``db.chain_hash``): ``hash`` covers
    this record and ``prev_hash``. ``prev_hash`` is unique, so two writers can never fork the chain.
    """

    __tablename__ = "hub_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
