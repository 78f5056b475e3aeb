"""The hash of a chained audit record, shared by the site's audit log and the hub's audit trail.

Pure functions over plain values (no tables, no sessions, no Qt): ``hash`` = SHA-256 over the
previous record's hash and the record's canonical content. Editing a record changes its hash;
removing one breaks the link of the next.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
"""``prev_hash`` of the first chained record."""


def canonical(at: datetime, actor: str, action: str, detail: dict[str, Any] | None) -> bytes:
    """The bytes a record's hash covers (UTC time to the microsecond, sorted JSON detail).

    Give an aware ``at``: a naive one is read as local time by ``astimezone``.
    """
    when = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    body = {"at": when, "actor": actor, "action": action, "detail": detail or {}}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, detail: dict[str, Any] | None) -> str:
    """The chained hash of one record."""
    return hashlib.sha256(prev_hash.encode() + b"|" + canonical(at, actor, action, detail)).hexdigest()
