"""The Qt adapter over the queue service: committed changes become signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.tasks import TaskRunner
from services.queue import Action, QueueChange, QueueService


class QueueEvents(QObject):
    """Re-emits queue changes as Qt signals; polls for changes made by other processes."""

    sig_changed = Signal(object)
    """A change made through this console's queue service (a :class:`QueueChange`)."""

    sig_issued = Signal(object)
    """A token was issued through this console (its :class:`TokenView`): printing and sync listen."""

    sig_external = Signal()
    """Events written by another console, process or terminal were found; views should reload."""

    def __init__(self, queue: QueueService, tasks: TaskRunner, poll_ms: int = 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._tasks = tasks
        self._seen_max = 0
        self._local: set[int] = set()
        self._polling = False
        # Listener runs on whatever thread committed; emitting crosses to the GUI thread safely.
        queue.subscribe(self._on_queue_change)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
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

    def _poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        after = self._seen_max
        self._tasks.run_db(lambda: self._queue.event_ids_after(after), self._on_polled, self._on_poll_failed)

    def _on_poll_failed(self, _exc: BaseException) -> None:
        self._polling = False

    def _on_polled(self, ids: list[int]) -> None:
        self._polling = False
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
        self._queue.unsubscribe(self._on_queue_change)
