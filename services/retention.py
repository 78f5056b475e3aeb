"""How long a visitor's CNIC stays in clear at the site, and what remains after.

A token keeps the full CNIC while its day is open and for ``cnic_days`` after the day was closed
(for corrections, appeals and the registry's follow-up). Then :meth:`Retention.purge` replaces it
with a keyed hash (HMAC-SHA256 under the site's privacy key, so a repeat visit can still be
recognised but the CNIC cannot be recovered by trying all 10^13 numbers without the key) and the
masked form. A day that was never closed counts as closed at its end. Verification queue items
lose the CNIC as soon as the registry has answered (``services.registry.outbox.complete``);
``purge`` also clears any finished item that still holds one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import or_, select

from db.engine import Store, data_dir, restrict
from db.models import BusinessDay, OutboxItem, Token
from services.clock import SITE_ZONE, Clock, business_day
from services.cnic import mask_cnic
from services.config import Config
from services.registry.outbox import VERIFY

KEY_FILE = "privacy.key"


def privacy_key(configured: str, folder: Path) -> bytes:
    """The configured key, else a random one created (0600) in ``folder`` on first use."""
    if configured:
        return configured.encode("utf-8")
    path = folder / KEY_FILE
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it a moment ago
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32))
    restrict(path)
    return path.read_text(encoding="ascii").strip().encode("ascii")


def cnic_digest(key: bytes, cnic: str) -> str:
    """The keyed hash kept instead of a CNIC (hex)."""
    return hmac.new(key, b"cnic|" + cnic.encode("ascii"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class PurgeReport:
    """What one purge did."""

    tokens: int
    outbox_items: int


class Retention:
    """Applies the retention rules to one site store."""

    def __init__(self, store: Store, clock: Clock, key: bytes, cnic_days: int = 30) -> None:
        if cnic_days < 0:
            raise ValueError("cnic_days must be 0 or more")
        self.store = store
        self.clock = clock
        self.key = key
        self.days = cnic_days

    def _expired_days(self, s: object, now: datetime) -> list[date]:
        cutoff = now - timedelta(days=self.days)
        closed = {d.day: d.closed_at for d in s.scalars(select(BusinessDay))}  # type: ignore[attr-defined]
        days = s.scalars(select(Token.business_day).where(Token.cnic.is_not(None))  # type: ignore[attr-defined]
                         .group_by(Token.business_day))
        out = []
        for day in days:
            ended = closed.get(day) or datetime.combine(day + timedelta(days=1), time(0), SITE_ZONE)
            if ended <= cutoff and day < business_day(now):
                out.append(day)
        return out

    def purge(self) -> PurgeReport:
        """Hash and mask the CNICs whose time is up; clear CNICs left in finished queue items."""
        now = self.clock.now()
        tokens = items = 0
        with self.store.session() as s, s.begin():
            days = self._expired_days(s, now)
            if days:
                for t in s.scalars(select(Token).where(Token.business_day.in_(days), Token.cnic.is_not(None))):
                    assert t.cnic is not None
                    t.cnic_hash, t.cnic_masked, t.cnic = cnic_digest(self.key, t.cnic), mask_cnic(t.cnic), None
                    tokens += 1
            for item in s.scalars(select(OutboxItem).where(OutboxItem.kind == VERIFY, OutboxItem.sent_at.is_not(None))):
                if "cnic" in (item.payload or {}):
                    item.payload = {k: v for k, v in item.payload.items() if k not in ("cnic", "name")}
                    items += 1
        return PurgeReport(tokens, items)

    def visits(self, cnic: str) -> int:
        """How many tokens this CNIC has had at the site, in clear or already hashed (repeat detection)."""
        with self.store.read() as s:
            rows = s.scalars(select(Token.id).where(or_(Token.cnic == cnic,
                                                        Token.cnic_hash == cnic_digest(self.key, cnic)))).all()
            return len(rows)


def purge_configured(store: Store, clock: Clock, cfg: Config) -> PurgeReport:
    """Purge with the configuration's key (or the data folder's key file) and ``cnic_days``."""
    return Retention(store, clock, privacy_key(cfg.privacy.key, data_dir()), cfg.privacy.cnic_days).purge()
