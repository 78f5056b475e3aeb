"""The site queue: tokens, their state machine, calling order and waiting estimates."""

from services.queue.engine import QueueService, reset_priority_streaks
from services.queue.reads import QueueReads
from services.queue.states import Action, AlreadyHasToken, IllegalTransition, QueueError
from services.queue.views import IssuedToken, QueueChange, QueuePolicy, TokenView, service_level

__all__ = [
    "Action",
    "AlreadyHasToken",
    "IllegalTransition",
    "IssuedToken",
    "QueueChange",
    "QueueError",
    "QueuePolicy",
    "QueueReads",
    "QueueService",
    "TokenView",
    "reset_priority_streaks",
    "service_level",
]
