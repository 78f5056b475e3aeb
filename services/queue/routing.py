"""Which update types can be called now, from the counters a screen already holds.

The database form is ``QueueReads.served_now``; this pure form lets a page that has just loaded
its counters offer a transfer list without another read on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from db.models import CounterState, UpdateType


class CounterLike(Protocol):
    """What routing needs of a counter (``services.site.CounterView`` has it)."""

    @property
    def state(self) -> CounterState: ...
    @property
    def staff_id(self) -> int | None: ...
    @property
    def served_types(self) -> tuple[UpdateType, ...]: ...


def served_now(counters: Iterable[CounterLike]) -> frozenset[UpdateType]:
    """The types a counter can call now: it is open and a DEO sits at it (the engine refuses the rest)."""
    return frozenset(t for c in counters if c.state is CounterState.OPEN and c.staff_id is not None
                     for t in c.served_types)
