"""Run a worker of ``tests.queue._workers`` in several spawned processes at once and collect their reports."""

from __future__ import annotations

import multiprocessing as mp
import queue as stdqueue
from collections.abc import Callable, Sequence
from typing import Any

import pytest


def race(target: Callable[..., None], args: Sequence[tuple[Any, ...]], timeout: float = 120) -> list[Any]:
    """One process per tuple of ``args``, each called ``target(*args, line, out)``: ``line`` is a barrier all of
    them meet at, ``out`` the queue each puts its one report on. Returns the reports (in arrival order);
    a process that has not reported within ``timeout`` seconds fails the test, and none is left running."""
    ctx = mp.get_context("spawn")
    line = ctx.Barrier(len(args))
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*a, line, out)) for a in args]
    for p in procs:
        p.start()
    try:
        return [out.get(timeout=timeout) for _ in procs]
    except stdqueue.Empty:
        pytest.fail(f"a worker process did not report within {timeout:.0f} s")
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
