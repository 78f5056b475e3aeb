"""What every hub handler shares: sessions, the caller, the business day, and problem errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from services.hub.keys import Caller
from services.hub.models import HubSite
from services.hub.schemas import FIRST_YEAR, LAST_YEAR

SITE_ID_PATTERN = r"^PK[0-9]{5}-[0-9]{2}$"
HOUSEHOLD_ID_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"


class Problem(Exception):
    """An error the hub answers with ``application/problem+json``."""

    def __init__(self, status: int, title: str, detail: str, slug: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.slug = slug or title.lower().replace(" ", "-")


def forbidden(detail: str) -> Problem:
    """403: the key's scope does not cover this."""
    return Problem(403, "Forbidden", detail)


def check_day(day: date) -> date:
    """A business day within the years the hub knows about, else 422."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Problem(422, "Invalid request", f"dates must lie between {FIRST_YEAR} and {LAST_YEAR}.",
                      "invalid-request")
    return day


def iso_utc(at: datetime) -> str:
    """``2026-03-04T05:00:00Z`` for a naive-UTC or aware datetime."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="seconds") + "Z"


@dataclass
class HubDeps:
    """Built once per app: session factories, the business-day source and the PMT cut-off."""

    engine: Engine
    today: Callable[[], date]
    cutoff: float

    def __post_init__(self) -> None:
        self.factory = sessionmaker(self.engine, expire_on_commit=False)
        # Look-ups read in autocommit: no BEGIN/ROLLBACK round trips around a single indexed SELECT.
        self.read_factory = sessionmaker(self.engine.execution_options(isolation_level="AUTOCOMMIT"),
                                         expire_on_commit=False)

    @staticmethod
    def caller(request: Request) -> Caller:
        """The caller the guard authenticated (the guard already answered 401 otherwise)."""
        found: Any = request.scope.get("state", {}).get("caller")
        if not isinstance(found, Caller):
            raise Problem(401, "Unauthorized", "Missing or invalid bearer API key.")
        return found

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session in autocommit."""
        with self.read_factory() as ses:
            yield ses

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session for one write transaction (the caller commits)."""
        with self.factory() as ses:
            yield ses

    @staticmethod
    def site(ses: Session, site_id: str) -> HubSite:
        """A known site or 404."""
        site = ses.get(HubSite, site_id)
        if site is None:
            raise Problem(404, "Not found", f"No DRC with id {site_id}.", "site-not-found")
        return site

    def readable_site(self, ses: Session, site_id: str, caller: Caller) -> HubSite:
        """A site the caller may read, else 404/403."""
        site = self.site(ses, site_id)
        if not caller.may_read(site):
            raise forbidden(f"This {caller.kind} key ({caller.scope}) does not cover {site_id}.")
        return site

    def writable_site(self, ses: Session, site_id: str, caller: Caller) -> HubSite:
        """A site the caller may upload for, else 404/403."""
        site = self.site(ses, site_id)
        if not caller.may_write(site_id):
            raise forbidden(f"This {caller.kind} key ({caller.scope}) may not upload for {site_id}.")
        return site



async def lookup_scope(request: Request) -> None:
    """Dependency of the registry look-ups: regional keys are for reports, not triage (403).

    A dependency runs before FastAPI reads and validates the body, so scope comes before shape.
    """
    if not HubDeps.caller(request).may_look_up():
        raise forbidden("Registry look-ups need a site or central key.")


async def upload_scope(request: Request) -> None:
    """Dependency of uploads: only the site's own key (or the central key) may write (403 first)."""
    caller = HubDeps.caller(request)
    site_id = str(request.path_params.get("site_id", ""))
    if not caller.may_write(site_id):
        raise forbidden(f"This {caller.kind} key ({caller.scope}) may not upload for {site_id}.")
