"""Key use at the hub, counted in memory and flushed to the audit trail (never on the request path).

The guard calls :meth:`KeyUse.served` / :meth:`KeyUse.unknown` for every call: a dictionary update
under a lock, no I/O. Per key and business day the counter keeps first use, last use, the number
of calls and how many were refused (403, out of the key's scope); 401s (no key, or a key the hub
does not know) are counted per day under no key at all. A background thread writes what was
counted since the last flush as one ``key_use`` (or ``key_refused``) record per key and day every
``interval`` seconds and at shutdown, so a day's totals are the sum of its records.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from services.hub.audit import record_all

if TYPE_CHECKING:
    from services.hub.keys import Caller

log = logging.getLogger(__name__)
UNKNOWN = ""  # counter key of refused calls without a valid key


@dataclass
class _Count:
    kind: str
    scope: str
    first: datetime
    last: datetime
    requests: int = 0
    refused: int = 0
    missing: int = 0


class KeyUse:
    """Counts calls per key and business day; :meth:`flush` chains them into ``hub_audit``."""

    def __init__(self, engine: Engine, today: Callable[[], date], *, interval: float = 60.0) -> None:
        self._engine = engine
        self._today = today
        self.interval = interval
        self._counts: dict[tuple[date, str], _Count] = {}
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _count(self, key_id: str, kind: str, scope: str) -> _Count:
        now = datetime.now(UTC)
        slot = (self._today(), key_id)
        count = self._counts.get(slot)
        if count is None:
            count = self._counts[slot] = _Count(kind, scope, now, now)
        count.last = now
        return count

    def served(self, caller: Caller, refused: bool) -> None:
        """One call by a valid key; ``refused`` when it was answered 403 (out of scope)."""
        with self._lock:
            count = self._count(caller.key_id, caller.kind, caller.scope)
            count.requests += 1
            count.refused += refused

    def unknown(self, missing: bool) -> None:
        """One call refused with 401: no bearer key (``missing``) or a key the hub does not know."""
        with self._lock:
            count = self._count(UNKNOWN, "", "")
            count.refused += 1
            count.missing += missing

    def flush(self) -> int:
        """Chain what was counted since the last flush, in one transaction; returns the records written.

        If the database cannot be written, the counts are kept for the next flush.
        """
        with self._flush_lock:
            with self._lock:
                taken, self._counts = self._counts, {}
            entries = [_entry(day, key_id, count) for (day, key_id), count in sorted(taken.items())]
            if not entries:
                return 0
            try:
                record_all(self._engine, entries)
            except Exception:
                log.exception("key use not yet written to the audit trail; kept for the next flush")
                self._put_back(taken)
                return 0
            return len(entries)

    def _put_back(self, kept: dict[tuple[date, str], _Count]) -> None:
        with self._lock:
            for slot, old in kept.items():
                new = self._counts.get(slot)
                if new is not None:
                    old.last, old.requests = new.last, old.requests + new.requests
                    old.refused, old.missing = old.refused + new.refused, old.missing + new.missing
                self._counts[slot] = old

    def start(self) -> None:
        """Flush every ``interval`` seconds in a daemon thread until :meth:`close`."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="drc-hub:key-use", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.flush()

    def close(self) -> None:
        """Stop the flushing thread and write what is left (at shutdown)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.flush()


def _entry(day: date, key_id: str, count: _Count) -> tuple[str, str, dict[str, Any]]:
    """The audit record of one key's (or the refused calls') counts for one day."""
    detail: dict[str, Any] = {"day": day.isoformat(), "first": _iso(count.first), "last": _iso(count.last)}
    if key_id == UNKNOWN:
        detail.update(refused=count.refused, missing=count.missing)
        return "guard", "key_refused", detail
    detail.update(key_id=key_id, kind=count.kind, scope=count.scope, requests=count.requests, refused=count.refused)
    return f"key:{key_id}", "key_use", detail


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
