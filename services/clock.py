"""Time for the services: always injected, so tests can set the day and the hour."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SITE_ZONE = ZoneInfo("Asia/Karachi")


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, simulation)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | float) -> datetime:
        """Move forward by a timedelta or a number of seconds; returns the new time."""
        self._now += delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (aware)."""
        self._now = when.astimezone(UTC)


def business_day(at: datetime, zone: ZoneInfo = SITE_ZONE) -> date:
    """The site's calendar day at the instant ``at``."""
    return at.astimezone(zone).date()


def day_bounds_utc(day: date, zone: ZoneInfo = SITE_ZONE) -> tuple[datetime, datetime]:
    """UTC start (inclusive) and end (exclusive) of a business day in the site's zone."""
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def site_minute_text(at: datetime, zone: ZoneInfo = SITE_ZONE) -> str:
    """A naive-UTC (as the hub stores it) or aware instant as the site's date and time, ``YYYY-MM-DD HH:MM``."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M")
