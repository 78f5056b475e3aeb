"""A tiny time-to-live cache (shock areas change a few times a year, lookups happen all day)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class TTLCache(Generic[T]):
    """One value kept for ``ttl`` seconds of a monotonic clock; thread-safe."""

    def __init__(self, ttl: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._value: T | None = None
        self._stored_at: float | None = None

    def get(self) -> T | None:
        """The value while it is fresh, else None."""
        with self._lock:
            if self._stored_at is None or self._monotonic() - self._stored_at >= self.ttl:
                return None
            return self._value

    def stale(self) -> T | None:
        """The last value stored, however old (for showing something while offline)."""
        with self._lock:
            return self._value

    def put(self, value: T) -> None:
        """Store ``value`` as fresh from now."""
        with self._lock:
            self._value = value
            self._stored_at = self._monotonic()

    def clear(self) -> None:
        """Forget the value (next get asks again)."""
        with self._lock:
            self._value = None
            self._stored_at = None
