"""Python's cycle collector runs on the GUI thread only, a generation at a time, and never rescans the
objects alive once the window is up (a full scan of them held the GUI thread ~0.4 s)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from console.app import collect_due_generation, collect_garbage_on_gui_thread, freeze_long_lived


class Node:
    """A cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Leave the interpreter's collector as the test found it."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()


def test_the_timer_collects_cycles_on_the_gui_thread_when_due(collector_state: None, qapp: Any, qtbot: Any) -> None:
    timer = collect_garbage_on_gui_thread(qapp, interval_ms=20)
    try:
        assert not gc.isenabled()  # nothing collects on a worker thread
        gc.set_threshold(1_000_000, 10, 10)
        gc.collect()
        cycle = Node()
        gone = weakref.ref(cycle)
        del cycle
        qtbot.wait(100)
        assert gone() is not None  # nothing was due: the ticks did not scan the heap
        gc.set_threshold(50, 1, 1)  # now the generations pass their thresholds as objects pile up
        keep: list[object] = []

        def freed() -> bool:
            keep.append([[] for _ in range(100)])
            return gone() is None

        qtbot.waitUntil(freed, timeout=5000)
    finally:
        timer.stop()


def test_collect_due_generation_takes_the_oldest_one_due(collector_state: None) -> None:
    gc.disable()
    gc.set_threshold(50, 2, 2)
    gc.collect()
    assert collect_due_generation() is None
    seen, keep = [], []
    for _ in range(60):
        keep.append([[] for _ in range(60)])  # kept: the counts grow as new objects pile up
        seen.append(collect_due_generation())
    assert seen.count(0) > 0 and seen.count(1) > 0 and 2 in seen  # 2 after every few 1s, as the automatic order


def test_objects_alive_at_start_are_frozen_and_later_cycles_still_collected(collector_state: None, qapp: Any,
                                                                           qtbot: Any) -> None:
    survivor = [Node() for _ in range(10)]
    freeze_long_lived()
    assert gc.get_freeze_count() >= len(survivor)
    assert not any(gc.is_tracked(n) and n in gc.get_objects(2) for n in survivor[:1])  # set aside, not rescanned
    cycle = Node()
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert gone() is None
