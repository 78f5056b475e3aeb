"""Names of update types and token states as people read them, in English and Urdu.

Plain data so the slip printer, the board and the pages all say the same thing. English text
is passed through Qt's translation in the console (context "UpdateType" / "TokenState").
"""

from __future__ import annotations

from vocabulary import CounterState, PriorityReason, TokenState, UpdateType

UPDATE_TYPE_EN: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "Missed-out household",
    UpdateType.ROSTER: "Roster update",
    UpdateType.SHOCK: "Shock update",
    UpdateType.APPEAL: "Appeal against cut-off",
    UpdateType.CYCLIC: "Cyclic update",
    UpdateType.RECERTIFICATION: "Recertification",
}

UPDATE_TYPE_UR: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "رہ جانے والے گھرانے کا اندراج",
    UpdateType.ROSTER: "خاندانی کوائف میں تبدیلی",
    UpdateType.SHOCK: "آفت زدہ علاقے کا سروے",
    UpdateType.APPEAL: "کٹ آف کے خلاف اپیل",
    UpdateType.CYCLIC: "دو سالہ دوبارہ سروے",
    UpdateType.RECERTIFICATION: "سہ سالہ تصدیقِ نو",
}

TOKEN_STATE_EN: dict[TokenState, str] = {
    TokenState.WAITING: "Waiting",
    TokenState.CALLED: "Called",
    TokenState.IN_SERVICE: "In service",
    TokenState.COMPLETED: "Completed",
    TokenState.NO_SHOW: "No-show",
    TokenState.CANCELLED: "Cancelled",
}

COUNTER_STATE_EN: dict[CounterState, str] = {
    CounterState.OPEN: "Open",
    CounterState.PAUSED: "On break",
    CounterState.CLOSED: "Closed",
}

UPDATE_TYPE_SHORT_EN: dict[UpdateType, str] = {
    UpdateType.MISSED_OUT: "Missed-out",
    UpdateType.ROSTER: "Roster",
    UpdateType.SHOCK: "Shock",
    UpdateType.APPEAL: "Appeal",
    UpdateType.CYCLIC: "Cyclic",
    UpdateType.RECERTIFICATION: "Recert.",
}

PRIORITY_REASON_EN: dict[PriorityReason, str] = {
    PriorityReason.ELDERLY: "Elderly",
    PriorityReason.DISABILITY: "Disability",
    PriorityReason.PREGNANT_OR_INFANT: "Pregnant / with infant",
    PriorityReason.OTHER: "Other",
}

# What a refused action says, by the error's ``code`` (``services.queue.QueueError``); ``{name}``
# placeholders take the error's ``params``. The console shows them translated (``console.names``).
ERROR_TEMPLATES: dict[str, str] = {
    "appeals_off": "Appeals against the cut-off are not launched; choose another update type.",
    "already_has_token": "This CNIC already holds token {number} today.",
    "no_deo": "{counter} has no DEO; assign one before calling.",
    "counter_not_open": "{counter} is {counter_state}; open it before calling.",
    "counter_busy": "{counter} is still serving {number}; finish it first.",
    "serves_nothing": "{counter} serves no update type.",
    "unknown_priority_reason": "Unknown priority reason: {reason}.",
    "illegal_transition": "Token {number} cannot be {action} now: it is {state}.",
    "not_eligible": "Not eligible for {type}: {reason}",
    "not_by_hand": "{type} cannot be chosen by hand under the current policy.",
}
