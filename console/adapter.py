"""The Qt adapter over the queue service: committed changes become signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from console.tasks import CoalescedLoad, TaskRunner, describe_error
from services.queue import Action, QueueChange, QueueService


class QueueEvents(QObject):
    """Re-emits queue changes as Qt signals; polls for changes made by other processes."""

    sig_changed = Signal(object)
    """A change made through this console's queue service (a :class:`QueueChange`)."""

    sig_issued = Signal(object)
    """A token was issued through this console (its :class:`TokenView`): printing and sync listen."""

    sig_external = Signal()
    """Events written by another console, process or terminal were found; views should reload."""

    sig_counters = Signal()
    """A counter was opened, paused, closed, staffed or given other types here (no token event says so)."""

    def __init__(self, queue: QueueService, tasks: TaskRunner, poll_ms: int = 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._tasks = tasks
        self._seen_max = 0
        self._local: set[int] = set()
        self._failing = False
        # Listener runs on whatever thread committed; emitting crosses to the GUI thread safely.
        queue.subscribe(self._on_queue_change)
        self._poller = CoalescedLoad(tasks, self._new_event_ids, self._on_polled, on_error=self._on_poll_failed,
                                     parent=self)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poller.now)
        self._tasks.run_db(self._latest_id, self._on_latest)

    def _latest_id(self) -> int:
        return self._queue.latest_event_id()

    def _on_latest(self, latest: int) -> None:
        self._seen_max = max(self._seen_max, latest)
        self._timer.start()

    def _on_queue_change(self, change: QueueChange) -> None:
        self._local.add(change.event_id)
        self.sig_changed.emit(change)
        if change.kind == Action.ISSUE.value:
            self.sig_issued.emit(change.token)

    def _new_event_ids(self) -> list[int]:
        return self._queue.event_ids_after(self._seen_max)

    def _on_poll_failed(self, exc: BaseException) -> None:
        # Said once per outage, not at every poll; the pages keep showing what they last read.
        if not self._failing:
            self._failing = True
            self._tasks.sig_error.emit(describe_error(exc),
                                       QCoreApplication.translate("QueueEvents", "Changes from other consoles"))

    def _on_polled(self, ids: list[int]) -> None:
        self._failing = False
        if not ids:
            return
        self._seen_max = max(self._seen_max, ids[-1])
        foreign = [i for i in ids if i not in self._local]
        self._local.difference_update(ids)
        if foreign:
            self.sig_external.emit()

    def stop(self) -> None:
        """Stop polling and listening (on exit)."""
        self._timer.stop()
        self._poller.stop()
        self._queue.unsubscribe(self._on_queue_change)
