"""API keys with a scope: a site, a region or the whole network (central).

A key is stored as its SHA-256 hash (``hub_api_key``) with a short public ``key_id`` for
``drc-hub key list`` / ``revoke``. :class:`Caller` is what a valid key resolves to; its methods
say what that caller may read and write, so every handler asks the same questions.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from services.hub.audit import audited
from services.hub.models import ApiKey, HubSite

KeyKind = Literal["site", "region", "central"]
REGIONS = ("AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh")
CENTRAL_SCOPE = "*"


class KeyRefused(ValueError):
    """A key cannot be created or revoked; the message says why."""


@dataclass(frozen=True)
class Caller:
    """Who a valid key belongs to: ``kind`` and its ``scope`` (site id, region name or ``*``)."""

    kind: KeyKind
    scope: str
    key_id: str = ""

    @property
    def is_central(self) -> bool:
        """The central key reads everything."""
        return self.kind == "central"

    def may_look_up(self) -> bool:
        """Registry look-ups (identity, household, shock areas, scoring) serve triage at a site."""
        return self.kind in ("site", "central")

    def may_read(self, site: HubSite) -> bool:
        """Read a site's data: its own site, a site in its region, or any site for the centre."""
        if self.kind == "central":
            return True
        if self.kind == "region":
            return site.region == self.scope
        return site.site_id == self.scope

    def may_write(self, site_id: str) -> bool:
        """Upload for a site: only that site's key (or the central key, for tools and tests)."""
        return self.kind == "central" or (self.kind == "site" and self.scope == site_id)

    def region_filter(self) -> str | None:
        """The one region a regional key is limited to (None otherwise)."""
        return self.scope if self.kind == "region" else None

    def site_filter(self) -> str | None:
        """The one site a site key is limited to (None otherwise)."""
        return self.scope if self.kind == "site" else None


def key_hash(secret: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(secret.encode()).hexdigest()


def caller_from_label(label: str, key_id: str = "static") -> Caller:
    """``*`` -> central, ``region:Sindh`` -> a regional key, anything else -> that site."""
    if label == CENTRAL_SCOPE:
        return Caller("central", CENTRAL_SCOPE, key_id)
    if label.startswith("region:"):
        return Caller("region", label.removeprefix("region:"), key_id)
    return Caller("site", label, key_id)


class KeyRing:
    """Resolves bearer keys: keys given at start-up, then ``hub_api_key`` rows.

    Database answers (also "no such key") are cached for ``ttl`` seconds in a bounded LRU, so a
    flood of wrong keys costs one indexed read per distinct key per ``ttl``; a revoked key stops
    working within ``ttl``.
    """

    def __init__(self, static: Mapping[str, str] | None, engine: Engine | None, *, ttl: float = 5.0,
                 max_cached: int = 10_000) -> None:
        self._static = {key_hash(secret): caller_from_label(label) for label, secret in (static or {}).items()}
        self._engine = engine
        self._ttl = ttl
        self._max = max_cached
        self._cache: OrderedDict[str, tuple[float, Caller | None]] = OrderedDict()
        self._lock = threading.Lock()

    def static(self, secret: str) -> tuple[bool, Caller | None]:
        """(answered, caller) without touching the database: start-up keys and cached answers."""
        digest = key_hash(secret)
        for known, caller in self._static.items():
            if hmac.compare_digest(known, digest):
                return True, caller
        if self._engine is None:
            return True, None
        with self._lock:
            hit = self._cache.get(digest)
            if hit is not None and hit[0] > time.monotonic():
                return True, hit[1]
        return False, None

    def lookup(self, secret: str) -> Caller | None:
        """The caller a key belongs to, or None (blocking: may read the database)."""
        answered, caller = self.static(secret)
        if answered or self._engine is None:
            return caller
        digest = key_hash(secret)
        with Session(self._engine) as ses:
            row = ses.get(ApiKey, digest)
            found = None if row is None or row.revoked_at is not None else Caller(row.kind, row.scope, row.key_id)  # type: ignore[arg-type]
        with self._lock:
            self._cache[digest] = (time.monotonic() + self._ttl, found)
            self._cache.move_to_end(digest)
            while len(self._cache) > self._max:
                self._cache.popitem(last=False)
        return found


# ---- administration (drc-hub key ...) ---------------------------------------------------

@dataclass(frozen=True)
class KeyInfo:
    """A stored key without its secret."""

    key_id: str
    kind: str
    scope: str
    label: str
    created_at: datetime
    revoked_at: datetime | None


def create_key(engine: Engine, kind: KeyKind, scope: str, label: str = "", *,
               actor: str = "cli") -> tuple[str, str]:
    """Store a new key for a known site, a known region or the centre; returns (key_id, secret).

    The key and its ``key_created`` audit record (id, kind, scope; never the secret) commit together.
    """

    def work(ses: Session) -> tuple[tuple[str, str], dict[str, Any]]:
        nonlocal scope
        if kind == "site" and ses.get(HubSite, scope) is None:
            raise KeyRefused(f"unknown site {scope!r}: seed the hub first or check the id (e.g. PK10101-01)")
        if kind == "region" and scope not in REGIONS:
            raise KeyRefused(f"unknown region {scope!r}; one of: {', '.join(REGIONS)}")
        if kind == "central":
            scope = CENTRAL_SCOPE
        secret = secrets.token_urlsafe(32)
        key_id = secrets.token_hex(4)
        ses.add(ApiKey(key_hash=key_hash(secret), key_id=key_id, kind=kind, scope=scope, label=label,
                       created_at=datetime.now(UTC).replace(tzinfo=None)))
        ses.flush()
        return (key_id, secret), {"key_id": key_id, "kind": kind, "scope": scope}

    return audited(engine, actor, "key_created", work)


def list_keys(engine: Engine, *, actor: str | None = None) -> list[KeyInfo]:
    """Every stored key (revoked ones too), oldest first; with ``actor``, the listing is audited."""

    def work(ses: Session) -> tuple[list[KeyInfo], dict[str, Any]]:
        rows = ses.scalars(select(ApiKey).order_by(ApiKey.created_at, ApiKey.key_id)).all()
        found = [KeyInfo(r.key_id, r.kind, r.scope, r.label, r.created_at, r.revoked_at) for r in rows]
        return found, {"keys": len(found)}

    if actor is None:
        with Session(engine) as ses:
            return work(ses)[0]
    return audited(engine, actor, "keys_listed", work)


def revoke_key(engine: Engine, key_id: str, *, actor: str = "cli") -> KeyInfo:
    """Mark a key revoked (kept for the record); raises :class:`KeyRefused` for an unknown id."""

    def work(ses: Session) -> tuple[KeyInfo, dict[str, Any]]:
        row = ses.scalar(select(ApiKey).where(ApiKey.key_id == key_id))
        if row is None:
            raise KeyRefused(f"no key with id {key_id!r} (see drc-hub key list)")
        already = row.revoked_at is not None
        if not already:
            row.revoked_at = datetime.now(UTC).replace(tzinfo=None)
        info = KeyInfo(row.key_id, row.kind, row.scope, row.label, row.created_at, row.revoked_at)
        return info, {"key_id": row.key_id, "kind": row.kind, "scope": row.scope, "already_revoked": already}

    return audited(engine, actor, "key_revoked", work)
