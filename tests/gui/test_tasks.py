"""The task runner: outcomes arrive on the GUI thread, and what a call captures dies there too."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.tasks import TaskRunner


class _Owner:
    """Stands for a page: records on which thread its last reference went."""

    def __init__(self, freed: list[str]) -> None:
        self._freed = freed

    def __del__(self) -> None:
        self._freed.append(threading.current_thread().name)


def _submit(runner: TaskRunner, freed: list[str], outcomes: list[Any], fail: bool) -> None:
    owner = _Owner(freed)

    def call() -> int:
        assert owner is not None
        if fail:
            raise RuntimeError("registry timed out")
        return 7

    runner.run_db(call, outcomes.append, outcomes.append)


@pytest.mark.parametrize("fail", [False, True], ids=["done", "failed"])
def test_what_a_call_captures_is_released_on_the_gui_thread(fail: bool, qtbot: QtBot) -> None:
    """A Qt wrapper whose last reference dropped on a worker thread was deleted later from the GUI
    thread's pending calls, sometimes after Qt had freed it: the suite crashed one run in four."""
    runner = TaskRunner()
    freed: list[str] = []
    outcomes: list[Any] = []
    try:
        _submit(runner, freed, outcomes, fail)
        qtbot.waitUntil(lambda: bool(freed) and bool(outcomes), timeout=5000)
    finally:
        runner.shutdown()
    assert freed == [threading.main_thread().name]
    if fail:
        assert isinstance(outcomes[0], RuntimeError) and "timed out" in str(outcomes[0])
    else:
        assert outcomes == [7]


def test_a_failure_without_a_handler_reaches_sig_error_with_its_source(qtbot: QtBot) -> None:
    runner = TaskRunner()
    try:
        with qtbot.waitSignal(runner.sig_error, timeout=5000) as caught:
            runner.run_db(lambda: 1 / 0, source="Printer")
    finally:
        runner.shutdown()
    assert caught.args[1] == "Printer" and caught.args[0]


def test_result_of_the_future_is_the_calls_result_or_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    try:
        assert runner.run_db(lambda: 42).result(timeout=5) == 42
        with pytest.raises(ZeroDivisionError):
            runner.run_db(lambda: 1 / 0, on_error=lambda _e: None).result(timeout=5)
    finally:
        runner.shutdown()
