"""The hub's tables (its own ``HubBase``, separate from the site store's ``db.models.Base``).

Tables carry a ``hub_`` prefix so a hub and a site store could even share one database.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
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


class ShockNotification(HubBase):
    """A tehsil under a notified shock (disaster)."""

    __tablename__ = "hub_shock_area"

    tehsil_code: Mapped[str] = mapped_column(ForeignKey("hub_tehsil.code"), primary_key=True)
    notified_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class Survey(HubBase):
    """Paradata of one survey submitted at a site (for data-quality checks)."""

    __tablename__ = "hub_survey"
    __table_args__ = (Index("ix_hub_survey_site_day", "site_id", "day"),)

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


class SiteEventRow(HubBase):
    """A token event ingested from a site; the uuid makes ingestion idempotent."""

    __tablename__ = "hub_site_event"
    __table_args__ = (Index("ix_hub_event_day_site", "day", "site_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("hub_site.site_id"))
    token_id: Mapped[int] = mapped_column(Integer)
    token_number: Mapped[str] = mapped_column(String(16))
    update_type: Mapped[str] = mapped_column(String(20))
    priority: Mapped[bool] = mapped_column(Boolean)
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    day: Mapped[date] = mapped_column(Date)  # business day in Asia/Karachi
    actor: Mapped[str] = mapped_column(String(40))
    counter: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


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
