"""One precedence rule for a value the centre's policy may set: the triage policy and the quality limits use it.

Per key, in order:

1. **The centre owns the key** (the caller names keys it always owns, e.g. the cut-off; the centre
   marks others ``central``): the centre's value. Until a policy has arrived, or when the centre's
   value cannot be the key's type, the shipped default stands in for it; the site's setting never counts.
2. **The site's own setting** (what counts as one is the caller's: the ``[policy]`` keys present,
   the ``[metrics]`` values that differ from the shipped default).
3. **The centre's value** from the last policy received.
4. **The shipped default.**

A local setting on a key the centre owns is *ignored*, and reported only when it differs from the
value in force: that is the case a supervisor must hear about (the console works by another number
than the configuration says), while a configuration that repeats the centre's number changes nothing.

The centre's value is taken as the default's type (defaults are flags or numbers): a flag for a flag;
for a number, a finite number that is not a flag (a whole one where the default is whole). Any other
value is refused: the key then resolves as if the centre had not sent it, except that a key the centre
marks ``central`` stays the centre's, at the shipped default.
This module depends on nothing, so both the site's policy and its quality checks can share it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

CENTRE, SITE, DEFAULT = "centre", "site", "default"
"""Where a value in force comes from (the words ``Resolution.sources`` uses)."""


class CentreValue(Protocol):
    """One value of the centre's policy, as the registry client reads it (``PolicyItem``)."""

    key: str
    value: bool | float
    central: bool


@dataclass(frozen=True)
class Resolution:
    """The values in force, where each came from, and the local settings ignored because the centre owns them."""

    values: dict[str, Any]
    sources: dict[str, str]
    ignored: tuple[str, ...] = ()


def centre_value(value: object, default: object) -> Any:
    """The centre's ``value`` as ``default``'s type, or None when it cannot be one."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if isinstance(default, int):
        return int(value) if value == int(value) else None
    return float(value) if isinstance(default, float) else None


def resolve(keys: Iterable[str], defaults: Mapping[str, Any], local: Mapping[str, Any],
            centre: Iterable[CentreValue], always_central: Iterable[str] = ()) -> Resolution:
    """Each of ``keys`` resolved by the rule above; ``ignored`` follows the order of ``keys``."""
    items = {i.key: i for i in centre}
    owned_always = frozenset(always_central)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    ignored: list[str] = []
    for key in keys:
        item = items.get(key)
        sent = centre_value(item.value, defaults[key]) if item is not None else None
        owned = key in owned_always or (item is not None and item.central)
        if key in local and not owned:
            values[key], sources[key] = local[key], SITE
        elif sent is not None:
            values[key], sources[key] = sent, CENTRE
        else:
            values[key], sources[key] = defaults[key], DEFAULT
        if owned and key in local and local[key] != values[key]:
            ignored.append(key)
    return Resolution(values, sources, tuple(ignored))


__all__ = ["CENTRE", "DEFAULT", "SITE", "CentreValue", "Resolution", "centre_value", "resolve"]
