"""Metrics fixtures: a migrated template database copied per test, DEO actors, a clock helper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from services.clock import SITE_ZONE, FixedClock


@pytest.fixture
def at(clock: FixedClock) -> Callable[..., None]:
    """``at(hh, mm, day=4)``: move the clock to that Pakistan time in March 2026."""

    def move(hh: int, mm: int, day: int = 4) -> None:
        clock.set(datetime(2026, 3, day, hh, mm, tzinfo=SITE_ZONE))

    return move
