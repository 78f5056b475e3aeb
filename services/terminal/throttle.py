"""A progressive delay per client address for terminal sign-in (in memory, bounded).

After ``free`` failures from one address, each further attempt must wait ``base`` seconds,
doubling per failure up to ``cap``; an attempt that comes too early is refused without
checking the PIN (it costs the server nothing). A success clears the address. The account's
own delay lives in the database (``services.auth``), so it holds across restarts and consoles.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Record:
    failures: int = 0
    not_before: float = 0.0


class SignInThrottle:
    """Counts failed sign-ins per key (the client address) and says when the next try may come."""

    def __init__(self, *, free: int = 10, base: float = 2.0, cap: float = 300.0, max_keys: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.free, self.base, self.cap, self.max_keys = free, base, cap, max_keys
        self._clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def allowed(self, key: str) -> bool:
        """True when ``key`` may try now."""
        with self._lock:
            rec = self._records.get(key)
            return rec is None or self._clock() >= rec.not_before

    def failed(self, key: str) -> None:
        """Record a failure and push the next allowed attempt back."""
        with self._lock:
            rec = self._records.pop(key, None) or _Record()
            rec.failures += 1
            if rec.failures > self.free:
                wait = min(self.cap, self.base * 2 ** min(rec.failures - self.free - 1, 30))
                rec.not_before = self._clock() + wait
            self._records[key] = rec
            while len(self._records) > self.max_keys:  # forget the longest-quiet address first
                self._records.popitem(last=False)

    def succeeded(self, key: str) -> None:
        """Clear ``key`` after a good sign-in."""
        with self._lock:
            self._records.pop(key, None)
