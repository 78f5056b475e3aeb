"""The token state machine: which action is legal from which state, and where it leads."""

from __future__ import annotations

import enum

from db.models import TokenState
from services.errors import DomainError
from services.queue.views import TokenView

W, C, S = TokenState.WAITING, TokenState.CALLED, TokenState.IN_SERVICE


class Action(str, enum.Enum):
    """Every transition a token can take; each writes one event of the same name."""

    ISSUE = "issued"
    CALL = "called"
    RECALL = "recalled"
    START = "started"
    COMPLETE = "completed"
    NO_SHOW = "no_show"
    TRANSFER = "transferred"
    CANCEL = "cancelled"
    CARRY_OVER = "carried_over"


# action -> (states it may start from, state it leads to; None = stays where it is)
TRANSITIONS: dict[Action, tuple[frozenset[TokenState], TokenState | None]] = {
    Action.CALL: (frozenset({W}), C),
    Action.RECALL: (frozenset({C}), None),
    Action.START: (frozenset({C}), S),
    Action.COMPLETE: (frozenset({S}), TokenState.COMPLETED),
    Action.NO_SHOW: (frozenset({C}), TokenState.NO_SHOW),
    Action.TRANSFER: (frozenset({W, C}), W),
    Action.CANCEL: (frozenset({W}), TokenState.CANCELLED),
    Action.CARRY_OVER: (frozenset({W, C}), W),
}


class QueueError(DomainError):
    """A queue action that cannot be done; nothing was changed (a code and parameters: ``DomainError``)."""

    code = "queue_error"


class IllegalTransition(QueueError):
    """The token is not in a state the action may start from."""

    def __init__(self, number: str, state: TokenState, action: Action) -> None:
        super().__init__(f"Token {number} is {state.value.replace('_', ' ')}; it cannot be {action.value.replace('_', ' ')}",
                         code="illegal_transition", number=number, state=state.value, action=action.value)
        self.state = state
        self.action = action


class AlreadyHasToken(QueueError):
    """The CNIC holds an open token today; ``token`` is it (offer a reprint, not a second token)."""

    def __init__(self, token: TokenView) -> None:
        super().__init__(f"This CNIC already holds token {token.number} today.", code="already_has_token",
                         number=token.number)
        self.token = token


def target_state(action: Action, current: TokenState, number: str) -> TokenState:
    """The state ``action`` leads to from ``current``, or raise :class:`IllegalTransition`."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise IllegalTransition(number, current, action)
    return current if target is None else target
