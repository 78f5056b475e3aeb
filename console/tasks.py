"""The one way to run slow work off the GUI thread (database, network, printer).

Database work runs on a single worker thread, in order, so writes from the console never race
each other; HTTP and printing run on a small pool. Results and errors come back on the GUI
thread through a queued signal; an error nobody asked to handle (no ``on_error``) goes to
``sig_error``, which the status bar shows with the page it came from: no failure is silent.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
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
    from console.names import error_text  # names imports Qt GUI; keep this module light to import

    return error_text(exc)


class _Parcel:
    """One background call: what to run, whom to tell, and what came of it."""

    __slots__ = ("fn", "on_done", "on_error", "source", "outcome", "failed", "trace")

    def __init__(self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None, source: str) -> None:
        self.fn: Callable[[], Any] | None = fn
        self.on_done, self.on_error, self.source = on_done, on_error, source
        self.outcome: Any = None
        self.failed = False
        self.trace = ""

    def clear(self) -> None:
        """Let go of the call, the callbacks and the outcome."""
        self.fn = self.on_done = self.on_error = self.outcome = None


def _drop_tracebacks(exc: BaseException | None) -> None:
    """Detach the frames of an error and of the errors it came from."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc.__traceback__ = None
        exc = exc.__cause__ or exc.__context__


class TaskRunner(QObject):
    """Runs callables on worker threads and delivers their outcome on the GUI thread."""

    sig_error = Signal(str, str)
    """An operation failed: (text fit to show a supervisor, where it came from - a page's title or "")."""

    _sig_deliver = Signal(object)

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

    def run_db(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
               source: str = "") -> Future[Any]:
        """Run ``fn`` on the database worker (one at a time, in submission order).

        ``source`` names who asked (a page's title); a failure without ``on_error`` reaches
        ``sig_error`` with it.
        """
        return self._submit(self._db, fn, on_done, on_error, source)

    def run_io(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
               source: str = "") -> Future[Any]:
        """Run ``fn`` on the network/printer pool (``source`` as for :meth:`run_db`)."""
        return self._submit(self._io, fn, on_done, on_error, source)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[], Any], on_done: Done | None,
                on_error: Failed | None, source: str) -> Future[Any]:
        if self._closed:
            # Timers of closing windows may still fire during exit: the work is simply not done.
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        self._pending += 1
        return pool.submit(self._work, _Parcel(fn, on_done, on_error, source))

    def _work(self, parcel: _Parcel) -> Any:
        """On a worker thread: run the call and post the parcel back.

        The worker never holds the last reference to what the call or its callbacks capture (often
        a page): a Qt object whose Python wrapper dies on a worker thread is deleted later from the
        interpreter's pending calls on the GUI thread, and that crashed the console now and then.
        So everything stays in the parcel, which the GUI thread empties, and a failure's traceback
        (whose frames hold the call's locals) is turned into text here while the parcel still
        holds the call.
        """
        assert parcel.fn is not None
        try:
            result = parcel.fn()
        except Exception as exc:
            parcel.trace = "".join(traceback.format_exception(exc))
            _drop_tracebacks(exc)
            parcel.outcome, parcel.failed = exc, True
            self._sig_deliver.emit(parcel)
            raise  # the Future keeps the error (``result()`` raises it)
        parcel.outcome = result
        self._sig_deliver.emit(parcel)
        return result

    @Slot(object)
    def _on_deliver(self, parcel: _Parcel) -> None:
        self._pending -= 1
        callback = parcel.on_error if parcel.failed else parcel.on_done
        outcome, failed, trace, source = parcel.outcome, parcel.failed, parcel.trace, parcel.source
        parcel.clear()  # released here, on the GUI thread
        if self._closed:
            return
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            # The page that asked is gone (another person signed in and the pages were rebuilt).
            return
        if failed:
            log.warning("background operation failed (%s): %s", source or "console", outcome)
            log.debug("%s", trace)
            if callback is not None:
                callback(outcome)  # the caller shows it where it belongs (a dialog, the page)
            else:
                self.sig_error.emit(describe_error(outcome), source)
        elif callback is not None:
            callback(outcome)

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting work and wait for running work to finish (call on exit)."""
        self._closed = True
        self._db.shutdown(wait=wait, cancel_futures=True)
        self._io.shutdown(wait=wait, cancel_futures=True)


class CoalescedLoad(QObject):
    """A page's background reload: at most one in flight, and asks made meanwhile become one more.

    ``request()`` loads after ``delay_ms`` (a burst of changes costs one load); ``now()`` loads at
    once. ``load`` runs on the database worker (or the I/O pool with ``io=True``); ``apply``
    receives its result on the GUI thread; failures go to ``on_error`` and, with ``source``, to
    ``TaskRunner.sig_error``.
    """

    def __init__(self, tasks: TaskRunner, load: Callable[[], Any], apply: Done, *, on_error: Failed | None = None,
                 source: str = "", delay_ms: int = 0, io: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load = load
        self._apply = apply
        self._on_error = on_error
        self._source = source
        self._io = io
        self._busy = False
        self._again = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.now)

    @property
    def busy(self) -> bool:
        """A load is running (its result has not been applied yet)."""
        return self._busy

    @property
    def settled(self) -> bool:
        """Nothing is running or scheduled (tests wait for this)."""
        return not self._busy and not self._again and not self._timer.isActive()

    def request(self) -> None:
        """Load soon: after the delay, coalescing every request made until then."""
        if not self._stopped and not self._timer.isActive():
            self._timer.start()

    def now(self) -> None:
        """Load at once, or once more right after the running load."""
        if self._stopped:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        run = self._tasks.run_io if self._io else self._tasks.run_db
        try:
            future = run(self._load, self._on_loaded, self._on_failed, source=self._source)
        except RuntimeError:  # the workers are shut down: the console is closing
            future = None
        if future is None or future.cancelled():
            self._busy = False
            self.stop()

    def stop(self) -> None:
        """Load no more (the page is closing)."""
        self._stopped = True
        self._timer.stop()

    def _on_loaded(self, result: Any) -> None:
        self._busy = False
        self._apply(result)
        self._next()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        if self._on_error is not None:
            self._on_error(exc)
        else:  # nobody here shows it: the status bar does, naming the page
            self._tasks.sig_error.emit(describe_error(exc), self._source)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.now()
