"""The site queue: tokens, their state machine, calling order and waiting estimates."""

from services.queue.engine import QueueChange, QueuePolicy, QueueService, TokenView, reset_priority_streaks
from services.queue.states import Action, IllegalTransition, QueueError

__all__ = [
    "Action",
    "IllegalTransition",
    "QueueChange",
    "QueueError",
    "QueuePolicy",
    "QueueService",
    "TokenView",
    "reset_priority_streaks",
]
