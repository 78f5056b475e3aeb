"""Server-side terminal sessions: a random cookie names a record kept in memory.

Nothing about the person travels in the cookie, so a session ends for real at sign-out (the
record is deleted), after ``idle`` without a request, or after ``max_age``. Who the person is
(role, active) is re-read from the database on every request by the app, not taken from here.
Restarting the console signs everybody out - acceptable for a counter terminal.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass
class TerminalSession:
    """One signed-in terminal: whose it is, its anti-forgery token and its times."""

    staff_id: int
    csrf: str
    issued_at: datetime
    last_seen: datetime


class SessionStore:
    """Creates, finds and revokes terminal sessions (thread-safe, bounded in number)."""

    def __init__(self, *, max_age: timedelta = timedelta(hours=10), idle: timedelta = timedelta(minutes=30),
                 max_sessions: int = 1000) -> None:
        self.max_age = max_age
        self.idle = idle
        self.max_sessions = max_sessions
        self._sessions: OrderedDict[str, TerminalSession] = OrderedDict()
        self._lock = threading.Lock()

    def create(self, staff_id: int, now: datetime) -> str:
        """A new session for ``staff_id``; returns the cookie value."""
        key = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[key] = TerminalSession(staff_id, secrets.token_urlsafe(24), now, now)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
        return key

    def get(self, key: str | None, now: datetime) -> TerminalSession | None:
        """The live session named by a cookie value (touching it), or None."""
        if not key:
            return None
        with self._lock:
            sess = self._sessions.get(key)
            if sess is None:
                return None
            if now - sess.issued_at > self.max_age or now - sess.last_seen > self.idle:
                del self._sessions[key]
                return None
            sess.last_seen = now
            self._sessions.move_to_end(key)
            return sess

    def revoke(self, key: str | None) -> None:
        """End a session (sign-out, or its account may no longer use the terminal)."""
        if key:
            with self._lock:
                self._sessions.pop(key, None)

    def revoke_staff(self, staff_id: int) -> int:
        """End every session of one person; returns how many."""
        with self._lock:
            keys = [k for k, s in self._sessions.items() if s.staff_id == staff_id]
            for k in keys:
                del self._sessions[k]
        return len(keys)

    @staticmethod
    def check_csrf(sess: TerminalSession, token: str) -> bool:
        """True when ``token`` is this session's anti-forgery token."""
        return hmac.compare_digest(sess.csrf, token or "")

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)
