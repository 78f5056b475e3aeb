"""The policy a site works by: the centre's last word, kept on disk, with local tuning only where allowed.

Order of precedence, per value (the rule of ``services.precedence``):

1. The values the registry's annual report fixes (cut-off, cyclic and recertification periods,
   appeals not launched: ``CENTRAL_KEYS``), and any other the centre marks ``central``, come from
   the last policy the centre sent, or the shipped defaults (the same numbers) until one has
   arrived. A site's ``[policy]`` table cannot change them: a setting there that differs from the
   value in force is ignored and reported (``ignored``).
2. Illustrative values (the appeal condition, the shock-list cache time) take the site's
   ``[policy]`` setting if there is one, else the centre's, else the shipped default.

The last policy received is written to a JSON file, so a console that starts offline still works
by the centre's latest rules, and the screen can say how old they are.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from services.precedence import SITE, resolve
from services.registry.models import CentralPolicy
from services.triage.policy import PolicyError, TriagePolicy, coerce_setting, load_policy

log = logging.getLogger(__name__)

CENTRAL_KEYS = frozenset({"cut_off", "cyclic_years", "recertification_years", "appeal_enabled"})
"""Set by the centre only (the seed: NSER annual report FY2022-23); a site's config cannot change them."""
_TRIAGE_KEYS = frozenset(f.name for f in fields(TriagePolicy))


@dataclass(frozen=True)
class HeldPolicy:
    """What the site works by now, where it came from, and when the centre said so."""

    policy: TriagePolicy
    central: CentralPolicy | None
    received_at: datetime | None
    ignored: tuple[str, ...] = ()

    def source(self, key: str) -> str:
        """Where ``key``'s value comes from, in the words the screen uses."""
        item = next((i for i in self.central.items if i.key == key), None) if self.central else None
        return item.source if item is not None else ("NSER annual report FY2022-23" if key in CENTRAL_KEYS
                                                     else "illustrative default")


def combine(local: dict[str, Any] | None, central: CentralPolicy | None) -> tuple[TriagePolicy, tuple[str, ...]]:
    """The effective triage policy and the local settings ignored because the centre owns them.

    Raises ``PolicyError`` for an unknown ``[policy]`` key or a bad value in a setting that counts.
    """
    local = dict(local or {})
    shipped = asdict(load_policy())
    settings = {k: _setting(k, v, shipped) for k, v in local.items()}
    held = resolve(sorted(_TRIAGE_KEYS), shipped, settings, central.items if central is not None else (),
                   CENTRAL_KEYS)
    load_policy({k: v for k, v in local.items() if held.sources.get(k, SITE) == SITE})  # the settings that count
    return TriagePolicy(**held.values), held.ignored


def _setting(key: str, value: Any, shipped: dict[str, Any]) -> Any:
    """A ``[policy]`` value as its key's type, so it compares with the value in force; as written if it is not one."""
    try:
        return coerce_setting(key, value, shipped[key])
    except (KeyError, PolicyError):  # checked by ``combine`` only if the setting counts
        return value


class PolicyKeeper:
    """Holds the site's policy; ``receive`` takes a new one from the centre (any thread)."""

    def __init__(self, local: dict[str, Any] | None, cache: Path | None, now: Callable[[], datetime]) -> None:
        self._local = dict(local or {})
        self._cache = cache
        self._now = now
        self._lock = threading.Lock()
        self._listeners: list[Callable[[HeldPolicy], None]] = []
        central, received = self._load()
        policy, ignored = combine(self._local, central)
        self._held = HeldPolicy(policy, central, received, ignored)
        for key in ignored:
            log.warning("config [policy] %s ignored: the centre sets it", key)

    @property
    def held(self) -> HeldPolicy:
        """The policy now, its source and age."""
        with self._lock:
            return self._held

    @property
    def policy(self) -> TriagePolicy:
        """The effective triage policy."""
        return self.held.policy

    def subscribe(self, listener: Callable[[HeldPolicy], None]) -> None:
        """Call ``listener`` (on the receiving thread) after each policy received."""
        self._listeners.append(listener)

    def receive(self, central: CentralPolicy) -> HeldPolicy:
        """Take the centre's policy: the rules change at once, and the file keeps it for the next start."""
        policy, ignored = combine(self._local, central)
        held = HeldPolicy(policy, central, self._now(), ignored)
        with self._lock:
            changed = self._held.central != central
            self._held = held
        self._save(held)
        if changed:
            for listener in list(self._listeners):
                listener(held)
        return held

    def _load(self) -> tuple[CentralPolicy | None, datetime | None]:
        if self._cache is None or not self._cache.exists():
            return None, None
        try:
            data = json.loads(self._cache.read_text(encoding="utf-8"))
            return CentralPolicy.model_validate(data["policy"]), datetime.fromisoformat(data["received_at"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("the saved central policy could not be read (%s); using the shipped defaults", exc)
            return None, None

    def _save(self, held: HeldPolicy) -> None:
        if self._cache is None or held.central is None or held.received_at is None:
            return
        data = {"received_at": held.received_at.isoformat(), "policy": held.central.model_dump(mode="json")}
        try:
            self._cache.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._cache.parent, prefix=".policy-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, self._cache)
        except OSError as exc:  # the rules in memory still apply; only the next start loses them
            log.warning("the central policy could not be saved (%s)", exc)
