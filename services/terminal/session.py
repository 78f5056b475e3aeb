"""Signed session cookies and CSRF tokens with the standard library's HMAC."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class TerminalSession:
    """Who is signed in at a terminal, and since when."""

    staff_id: int
    username: str
    role: str
    issued_at: datetime


class SessionSigner:
    """Encodes a session as ``payload.signature`` (HMAC-SHA256) and checks it back.

    The key is random per server start unless given, so restarting the console signs
    everybody out - acceptable for a counter terminal.
    """

    def __init__(self, key: bytes | None = None, max_age: timedelta = timedelta(hours=10)) -> None:
        self._key = key or os.urandom(32)
        self.max_age = max_age

    def _mac(self, data: bytes) -> str:
        return base64.urlsafe_b64encode(hmac.new(self._key, data, hashlib.sha256).digest()).decode().rstrip("=")

    def dumps(self, session: TerminalSession) -> str:
        """The cookie value for ``session``."""
        raw = json.dumps({"s": session.staff_id, "u": session.username, "r": session.role,
                          "t": session.issued_at.isoformat()}, separators=(",", ":")).encode()
        body = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        return f"{body}.{self._mac(body.encode())}"

    def loads(self, value: str | None, now: datetime) -> TerminalSession | None:
        """The session in a cookie value, or None when absent, forged or expired."""
        if not value or "." not in value:
            return None
        body, _, mac = value.rpartition(".")
        if not hmac.compare_digest(mac, self._mac(body.encode())):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            session = TerminalSession(int(data["s"]), str(data["u"]), str(data["r"]),
                                      datetime.fromisoformat(data["t"]))
        except (ValueError, KeyError, TypeError):
            return None
        if now - session.issued_at > self.max_age:
            return None
        return session

    def csrf(self, cookie_value: str) -> str:
        """The anti-forgery token that belongs to one session cookie."""
        return self._mac(b"csrf|" + cookie_value.encode())[:32]

    def check_csrf(self, cookie_value: str, token: str) -> bool:
        """True when ``token`` was made for ``cookie_value``."""
        return hmac.compare_digest(self.csrf(cookie_value), token or "")
