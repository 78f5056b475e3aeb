"""The site's audit trail: append-only, hash-chained records of security-relevant actions.

Records are written by the services that act (sign-in, staff, counters) and by the session hook
in ``db.audit_chain`` (overrides, reprints, opening and closing the day); this module reads them,
checks the chain, and records configuration changes. ``verify`` finds any edited record and any
deleted one except the newest; the head hash it reports can be noted elsewhere (a backup, the
close-of-day report) to pin the end of the chain too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from db.chain_hash import GENESIS, entry_hash
from db.engine import Store
from db.models import AuditEntry
from services.clock import Clock
from services.config import Config
from services.labels import CHAIN_PROBLEMS
from services.roles import Actor, Permission


@dataclass(frozen=True)
class AuditRecord:
    """One audit record as the audit page lists it."""

    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ChainReport:
    """What :meth:`AuditLog.verify` found: ``ok`` when every record is intact and linked."""

    checked: int
    head: str
    problems: list[str]
    findings: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (CHAIN_PROBLEMS key, params)

    @property
    def ok(self) -> bool:
        """True when nothing was edited or removed."""
        return not self.problems


class AuditLog:
    """Reads, checks and appends to one site's audit trail."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def record(self, actor: str, action: str, **detail: Any) -> None:
        """Append one record (the chain hook links it)."""
        with self.store.session() as s, s.begin():
            s.add(AuditEntry(at=self.clock.now(), actor=actor[:40], action=action[:40], detail=detail))

    def entries(self, *, actor: Actor, limit: int = 200, action: str = "") -> list[AuditRecord]:
        """The newest records first (supervisors and administrators), optionally of one action."""
        actor.require(Permission.OPEN_CLOSE_DAY)
        with self.store.read() as s:
            q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if action:
                q = q.where(AuditEntry.action == action)
            return [AuditRecord(e.id, e.at, e.actor, e.action, dict(e.detail or {})) for e in s.scalars(q)]

    def actions(self) -> list[str]:
        """Every action name that occurs, for the page's filter."""
        with self.store.read() as s:
            return list(s.scalars(select(AuditEntry.action).group_by(AuditEntry.action).order_by(AuditEntry.action)))

    def count(self) -> int:
        """How many records there are."""
        with self.store.read() as s:
            return int(s.scalar(select(func.count(AuditEntry.id))) or 0)

    def verify(self, batch: int = 2000) -> ChainReport:
        """Walk the chain in id order and report every record that does not fit."""
        findings: list[tuple[str, dict[str, str]]] = []
        prev: str | None = None
        checked, last_id = 0, 0
        with self.store.read() as s:
            while True:
                rows = s.scalars(select(AuditEntry).where(AuditEntry.id > last_id)
                                 .order_by(AuditEntry.id).limit(batch)).all()
                if not rows:
                    break
                for e in rows:
                    last_id = e.id
                    if e.hash is None:
                        if prev is not None:  # a record without a hash after the chain began
                            findings.append(("outside", {"id": str(e.id), "action": e.action}))
                        continue  # records written before the chain existed (schema 0001)
                    checked += 1
                    expected_prev = prev or GENESIS
                    if e.prev_hash != expected_prev:
                        findings.append(("unlinked", {"id": str(e.id), "action": e.action}))
                    if entry_hash(e.prev_hash or "", e.at, e.actor, e.action, e.detail) != e.hash:
                        findings.append(("edited", {"id": str(e.id), "action": e.action, "actor": e.actor}))
                    prev = e.hash
        problems = [CHAIN_PROBLEMS[code].format(**params) for code, params in findings]
        return ChainReport(checked, prev or GENESIS, problems, findings)

    def note_config(self, cfg: Config, actor: str = "system") -> list[str]:
        """Record a ``config_changed`` entry when the configuration differs from the last one noted.

        Returns the changed sections. Only a fingerprint per section is kept (secrets included
        in the fingerprint, never in clear), so a changed hub key shows as a change of [hub].
        """
        prints = config_fingerprints(cfg)
        with self.store.read() as s:
            last = s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "config_changed")
                            .order_by(AuditEntry.id.desc()).limit(1))
        before = dict((last or {}).get("fingerprints", {}))
        changed = sorted(k for k in prints if before.get(k) != prints[k])
        if changed:
            self.record(actor, "config_changed", sections=changed, fingerprints=prints,
                        source=str(cfg.source) if cfg.source else "")
        return changed


def config_fingerprints(cfg: Config) -> dict[str, str]:
    """A short SHA-256 per configuration section (policy included)."""
    out: dict[str, str] = {}
    for name, value in vars(cfg).items():
        if is_dataclass(value):
            data: Any = asdict(value)  # type: ignore[arg-type]
        elif name == "policy":
            data = value
        else:
            continue
        out[name] = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]
    return out
