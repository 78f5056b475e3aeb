"""The one way to run slow work off the GUI thread (database, network, printer).

Database work runs on a single worker thread, in order, so writes from the console never race
each other; HTTP and printing run on a small pool. Results and errors come back on the GUI
thread through a queued signal; every error also goes to ``sig_error``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def describe_error(exc: BaseException) -> str:
    """A message a supervisor can act on for an unexpected failure (full disk, busy database...)."""
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        if "full" in text:
            return QCoreApplication.translate(
                "TaskRunner", "The disk is full: nothing was saved. Free space on this PC, then try again.")
        if "locked" in text or "busy" in text:
            return QCoreApplication.translate(
                "TaskRunner", "The database is busy (another console is writing): nothing was saved. Try again.")
        return QCoreApplication.translate("TaskRunner", "The database could not be used: %1").replace(
            "%1", str(exc.orig))
    return str(exc) or type(exc).__name__


class TaskRunner(QObject):
    """Runs callables on worker threads and delivers their outcome on the GUI thread."""

    sig_error = Signal(str)
    """An operation failed; the text is fit to show a supervisor."""

    _sig_deliver = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, io_workers: int = 4) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drc-db")
        self._io = ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="drc-io")
        self._pending = 0
        self._closed = False
        self._sig_deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Operations submitted whose callbacks have not run yet."""
        return self._pending

    def run_db(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> Future[Any]:
        """Run ``fn`` on the database worker (one at a time, in submission order)."""
        return self._submit(self._db, fn, on_done, on_error)

    def run_io(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> Future[Any]:
        """Run ``fn`` on the network/printer pool."""
        return self._submit(self._io, fn, on_done, on_error)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], Any], on_done: Done | None,
                on_error: Failed | None) -> Future[Any]:
        if self._closed:
            # Timers of closing windows may still fire during exit: the work is simply not done.
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        self._pending += 1

        def work() -> Any:
            try:
                result = fn()
            except Exception as exc:  # delivered to the GUI thread, never swallowed
                self._sig_deliver.emit(on_error, exc, True)
                raise
            self._sig_deliver.emit(on_done, result, False)
            return result

        return pool.submit(work)

    @Slot(object, object, object)
    def _on_deliver(self, callback: Any, outcome: Any, failed: bool) -> None:
        self._pending -= 1
        if self._closed:
            return
        if failed:
            log.warning("background operation failed: %s", outcome)
            if callback is not None:
                callback(outcome)
            self.sig_error.emit(describe_error(outcome))
        elif callback is not None:
            callback(outcome)

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting work and wait for running work to finish (call on exit)."""
        self._closed = True
        self._db.shutdown(wait=wait, cancel_futures=True)
        self._io.shutdown(wait=wait, cancel_futures=True)
