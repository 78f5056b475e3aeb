"""Names of update types and token states as people read them, in English and Urdu.

Plain data so the slip printer, the board and the pages all say the same thing. English text
is passed through Qt's translation in the console (context "UpdateType" / "TokenState").
"""

from __future__ import annotations

from vocabulary import CounterState, Permission, PriorityReason, Role, TokenState, UpdateType

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
    UpdateType.APPEAL: "اہلیت کے فیصلے کے خلاف اپیل",
    UpdateType.CYCLIC: "دوبارہ سروے",
    UpdateType.RECERTIFICATION: "دوبارہ تصدیق",
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

ROLE_EN: dict[Role, str] = {
    Role.ADMIN: "Administrator",
    Role.SUPERVISOR: "Supervisor",
    Role.TRIAGE: "Triage staff",
    Role.DEO: "DEO",
    Role.REGIONAL_MANAGER: "Regional manager",
}

# What a permission lets a person do, as it reads after "you may not ..." (error ``permission_denied``).
PERMISSION_EN: dict[Permission, str] = {
    Permission.ISSUE_TOKEN: "issue tokens",
    Permission.CANCEL_TOKEN: "cancel tokens",
    Permission.TRANSFER_TOKEN: "transfer tokens",
    Permission.REPRINT: "reprint slips",
    Permission.SERVE_ANY_COUNTER: "serve at any counter",
    Permission.SERVE_OWN_COUNTER: "serve at a counter",
    Permission.MANAGE_COUNTERS: "manage counters",
    Permission.OPEN_CLOSE_DAY: "open or close the day",
    Permission.MANAGE_STAFF: "manage staff",
    Permission.VIEW_METRICS: "see the figures",
    Permission.VIEW_REGION: "see the region",
    Permission.SEE_FULL_CNIC: "see full CNICs",
    Permission.CONFIGURE: "change the settings",
}

# What a refused action says, by the error's ``code`` (``services.errors.DomainError``); ``{name}``
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
    "recall_limit": "{number} was recalled {count} times; mark it no-show.",
    "recalls_needed": "Recall {number} {left} more time(s) before marking it no-show.",
    "nobody_serves": "No open counter with a DEO serves {type} now; choose another type.",
    "cnic_again_needed": "Type the CNIC a second time before issuing a missed-out token.",
    "cnic_again_mismatch": "The CNIC typed the second time is different: check the card; nothing was issued.",
    "roster_change_needed": "Tick what changes in the family (birth, death, marriage ...) for a roster update.",
    "roster_change_unknown": "Unknown roster change(s): {changes}.",
    "override_supervisor_only": "NADRA has blocked this CNIC: only a supervisor can override the block.",
    "override_reason_needed": "Give the reason for overriding the block (at least {n} characters).",
    "permission_denied": "Signed in as {role}, you may not {permission}.",
    "not_your_counter": "{username} is not assigned to this counter.",
    "admin_exists": "An administrator already exists; sign in instead.",
}

# Why a visitor does or does not qualify for an update type, by ``Eligibility.code``
# (``services.triage.rules``); ``{name}`` placeholders take the verdict's params.
REASON_TEMPLATES: dict[str, str] = {
    "not_registered": "Not in the registry: a full survey registers the household.",
    "already_registered": "Already in the registry; a missed-out survey is only for new households.",
    "roster_ok": "Registered household: members, marital status, disability, contact or address can be updated.",
    "register_first": "Not in the registry: register the household first (missed-out survey).",
    "shock_ok": "Lives in {area}, a notified shock area: complete re-survey.",
    "no_shock": "{area} is not under a shock notification.",
    "appeal_off": "Appeals against the cut-off are not launched (switched off by policy).",
    "appeal_ok": "Score {score} is above the cut-off {cut_off} but within the appeal limit {limit}.",
    "appeal_beneficiary": "Already a beneficiary (score {score} at or below the cut-off {cut_off}); nothing to appeal.",
    "appeal_too_high": "Score {score} is above the appeal limit {limit}.",
    "no_score": "The registry holds no poverty score for this household.",
    "cyclic_ok": "Non-beneficiary (score {score} above {cut_off}); last survey {last} is {years} or more years ago.",
    "cyclic_wait": "Last survey {last}: a cyclic update is allowed from {when}.",
    "cyclic_beneficiary": "Beneficiary (score {score} at or below {cut_off}): recertification applies, not a cyclic update.",
    "recert_ok": "Beneficiary (score {score} at or below {cut_off}); last survey {last} is {years} or more years ago.",
    "recert_wait": "Last survey {last}: recertification is due from {when}.",
    "recert_not_beneficiary": "Not a beneficiary (score {score} above {cut_off}); recertification is for beneficiaries.",
    "blocked": "The identity authority has blocked this CNIC: send the visitor to the supervisor.",
    "no_survey_date": "The registry holds no last survey date, so the period cannot have run; a re-survey is allowed.",
    "identity_unknown": "NADRA does not know this CNIC: check the card for a typo; no household can be registered on it.",
}

# Why a text is not a CNIC, by ``services.cnic.CnicProblem`` (``{n}``: digits found, ``{bad}``: the
# character not allowed).
CNIC_PROBLEM_EN: dict[str, str] = {
    "empty": "Type or scan the 13-digit CNIC.",
    "too_short": "Too short: {n} digits; a CNIC has 13.",
    "too_long": "Too long: {n} digits; a CNIC has 13.",
    "letters": "Only digits and dashes: '{bad}' is not allowed in a CNIC.",
    "dashes": "Dashes go after the 5th and 12th digit: 12345-1234567-1.",
    "leading_zero": "A CNIC never starts with 0; check the first digit.",
    "ambiguous": "The scanned code holds more than one 13-digit number; type the CNIC instead.",
}
