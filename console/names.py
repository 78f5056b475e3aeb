"""Domain names as the interface shows them, in the interface language."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from services.errors import DomainError
from services.labels import (
    AUDIT_ACTIONS,
    CHAIN_PROBLEMS,
    CNIC_PROBLEM_EN,
    COUNTER_STATE_EN,
    DOCTOR_FINDINGS,
    DOCTOR_FIXES,
    ERROR_TEMPLATES,
    FLAG_REASONS,
    PERMISSION_EN,
    PRIORITY_REASON_EN,
    REASON_TEMPLATES,
    REGISTRY_AFTER,
    REGISTRY_TEMPLATES,
    RELATION_EN,
    ROLE_EN,
    ROSTER_CHANGE_EN,
    TOKEN_STATE_EN,
    UPDATE_TYPE_EN,
    UPDATE_TYPE_SHORT_EN,
)
from vocabulary import CounterState, Permission, PriorityReason, Role, TokenState, UpdateType
from widgets.bidi import comma_join, ltr

if TYPE_CHECKING:
    from services.doctor import CheckResult
    from services.registry.errors import RegistryProblem

# The English names live in services.labels; these markers put them in the translation catalogue.
_CATALOGUE = (
    QT_TRANSLATE_NOOP("UpdateType", "Missed-out household"),
    QT_TRANSLATE_NOOP("UpdateType", "Roster update"),
    QT_TRANSLATE_NOOP("UpdateType", "Shock update"),
    QT_TRANSLATE_NOOP("UpdateType", "Appeal against cut-off"),
    QT_TRANSLATE_NOOP("UpdateType", "Cyclic update"),
    QT_TRANSLATE_NOOP("UpdateType", "Recertification"),
    QT_TRANSLATE_NOOP("TokenState", "Waiting"),
    QT_TRANSLATE_NOOP("TokenState", "Called"),
    QT_TRANSLATE_NOOP("TokenState", "In service"),
    QT_TRANSLATE_NOOP("TokenState", "Completed"),
    QT_TRANSLATE_NOOP("TokenState", "No-show"),
    QT_TRANSLATE_NOOP("TokenState", "Cancelled"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Missed-out"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Roster"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Shock"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Appeal"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Cyclic"),
    QT_TRANSLATE_NOOP("UpdateTypeShort", "Recert."),
    QT_TRANSLATE_NOOP("PriorityReason", "Elderly"),
    QT_TRANSLATE_NOOP("PriorityReason", "Disability"),
    QT_TRANSLATE_NOOP("PriorityReason", "Pregnant / with infant"),
    QT_TRANSLATE_NOOP("PriorityReason", "Other"),
    QT_TRANSLATE_NOOP("Reason", "Not in the registry: a full survey registers the household."),
    QT_TRANSLATE_NOOP("Reason", "Already in the registry; a missed-out survey is only for new households."),
    QT_TRANSLATE_NOOP("Reason", "Registered household: members, marital status, disability, contact or address can be updated."),
    QT_TRANSLATE_NOOP("Reason", "Not in the registry: register the household first (missed-out survey)."),
    QT_TRANSLATE_NOOP("Reason", "Lives in {area}, a notified shock area: complete re-survey."),
    QT_TRANSLATE_NOOP("Reason", "{area} is not under a shock notification."),
    QT_TRANSLATE_NOOP("Reason", "Appeals against the cut-off are not launched (switched off by policy)."),
    QT_TRANSLATE_NOOP("Reason", "Score {score} is above the cut-off {cut_off} but within the appeal limit {limit}."),
    QT_TRANSLATE_NOOP("Reason", "Already a beneficiary (score {score} at or below the cut-off {cut_off}); nothing to appeal."),
    QT_TRANSLATE_NOOP("Reason", "Score {score} is above the appeal limit {limit}."),
    QT_TRANSLATE_NOOP("Reason", "The registry holds no poverty score for this household."),
    QT_TRANSLATE_NOOP("Reason", "Non-beneficiary (score {score} above {cut_off}); last survey {last} is {years} or more years ago."),
    QT_TRANSLATE_NOOP("Reason", "Last survey {last}: a cyclic update is allowed from {when}."),
    QT_TRANSLATE_NOOP("Reason", "Beneficiary (score {score} at or below {cut_off}): recertification applies, not a cyclic update."),
    QT_TRANSLATE_NOOP("Reason", "Beneficiary (score {score} at or below {cut_off}); last survey {last} is {years} or more years ago."),
    QT_TRANSLATE_NOOP("Reason", "Last survey {last}: recertification is due from {when}."),
    QT_TRANSLATE_NOOP("Reason", "Not a beneficiary (score {score} above {cut_off}); recertification is for beneficiaries."),
    QT_TRANSLATE_NOOP("Reason", "The identity authority has blocked this CNIC: send the visitor to the supervisor."),
    QT_TRANSLATE_NOOP("Reason", "The registry holds no last survey date, so the period cannot have run; a re-survey is allowed."),
    QT_TRANSLATE_NOOP("Reason", "NADRA does not know this CNIC: check the card for a typo; no household can be registered on it."),
    QT_TRANSLATE_NOOP("CnicProblem", "Type or scan the 13-digit CNIC."),
    QT_TRANSLATE_NOOP("CnicProblem", "Too short: {n} digits; a CNIC has 13."),
    QT_TRANSLATE_NOOP("CnicProblem", "Too long: {n} digits; a CNIC has 13."),
    QT_TRANSLATE_NOOP("CnicProblem", "Only digits and dashes: '{bad}' is not allowed in a CNIC."),
    QT_TRANSLATE_NOOP("CnicProblem", "Dashes go after the 5th and 12th digit: 12345-1234567-1."),
    QT_TRANSLATE_NOOP("CnicProblem", "A CNIC never starts with 0; check the first digit."),
    QT_TRANSLATE_NOOP("CnicProblem", "The scanned code holds more than one 13-digit number; type the CNIC instead."),
    QT_TRANSLATE_NOOP("DomainError", "Appeals against the cut-off are not launched; choose another update type."),
    QT_TRANSLATE_NOOP("DomainError", "This CNIC already holds token {number} today."),
    QT_TRANSLATE_NOOP("DomainError", "{counter} has no DEO; assign one before calling."),
    QT_TRANSLATE_NOOP("DomainError", "{counter} is {counter_state}; open it before calling."),
    QT_TRANSLATE_NOOP("CounterState", "Open"),
    QT_TRANSLATE_NOOP("CounterState", "On break"),
    QT_TRANSLATE_NOOP("CounterState", "Closed"),
    QT_TRANSLATE_NOOP("DomainError", "{counter} is still serving {number}; finish it first."),
    QT_TRANSLATE_NOOP("DomainError", "{counter} serves no update type."),
    QT_TRANSLATE_NOOP("DomainError", "Unknown priority reason: {reason}."),
    QT_TRANSLATE_NOOP("DomainError", "Token {number} cannot be {action} now: it is {state}."),
    QT_TRANSLATE_NOOP("DomainError", "Not eligible for {type}: {reason}"),
    QT_TRANSLATE_NOOP("DomainError", "{type} cannot be chosen by hand under the current policy."),
    QT_TRANSLATE_NOOP("DomainError", "{number} was recalled {count} times; mark it no-show."),
    QT_TRANSLATE_NOOP("DomainError", "Recall {number} {left} more time(s) before marking it no-show."),
    QT_TRANSLATE_NOOP("DomainError", "No open counter with a DEO serves {type} now; choose another type."),
    QT_TRANSLATE_NOOP("DomainError", "Type the CNIC a second time before issuing a missed-out token."),
    QT_TRANSLATE_NOOP("DomainError", "The CNIC typed the second time is different: check the card; nothing was issued."),
    QT_TRANSLATE_NOOP("DomainError", "Tick what changes in the family (birth, death, marriage ...) for a roster update."),
    QT_TRANSLATE_NOOP("DomainError", "Unknown roster change(s): {changes}."),
    QT_TRANSLATE_NOOP("DomainError", "NADRA has blocked this CNIC: only a supervisor can override the block."),
    QT_TRANSLATE_NOOP("DomainError", "Give the reason for overriding the block (at least {n} characters)."),
    QT_TRANSLATE_NOOP("DomainError", "Signed in as {role}, you may not {permission}."),
    QT_TRANSLATE_NOOP("DomainError", "{username} is not assigned to this counter."),
    QT_TRANSLATE_NOOP("DomainError", "An administrator already exists; sign in instead."),
    QT_TRANSLATE_NOOP("Role", "Administrator"),
    QT_TRANSLATE_NOOP("Role", "Supervisor"),
    QT_TRANSLATE_NOOP("Role", "Triage staff"),
    QT_TRANSLATE_NOOP("Role", "DEO"),
    QT_TRANSLATE_NOOP("Role", "Regional manager"),
    QT_TRANSLATE_NOOP("Permission", "issue tokens"),
    QT_TRANSLATE_NOOP("Permission", "cancel tokens"),
    QT_TRANSLATE_NOOP("Permission", "transfer tokens"),
    QT_TRANSLATE_NOOP("Permission", "reprint slips"),
    QT_TRANSLATE_NOOP("Permission", "serve at any counter"),
    QT_TRANSLATE_NOOP("Permission", "serve at a counter"),
    QT_TRANSLATE_NOOP("Permission", "manage counters"),
    QT_TRANSLATE_NOOP("Permission", "open or close the day"),
    QT_TRANSLATE_NOOP("Permission", "manage staff"),
    QT_TRANSLATE_NOOP("Permission", "see the figures"),
    QT_TRANSLATE_NOOP("Permission", "see the region"),
    QT_TRANSLATE_NOOP("Permission", "see full CNICs"),
    QT_TRANSLATE_NOOP("Permission", "change the settings"),
    QT_TRANSLATE_NOOP("RosterChange", "Birth (add a child)"),
    QT_TRANSLATE_NOOP("RosterChange", "Death (remove a member)"),
    QT_TRANSLATE_NOOP("RosterChange", "Marriage"),
    QT_TRANSLATE_NOOP("RosterChange", "Divorce"),
    QT_TRANSLATE_NOOP("RosterChange", "Disability"),
    QT_TRANSLATE_NOOP("RosterChange", "Gender"),
    QT_TRANSLATE_NOOP("RosterChange", "Contact (phone)"),
    QT_TRANSLATE_NOOP("RosterChange", "Address"),
    QT_TRANSLATE_NOOP("Relation", "Head"),
    QT_TRANSLATE_NOOP("Relation", "Spouse"),
    QT_TRANSLATE_NOOP("Relation", "Son"),
    QT_TRANSLATE_NOOP("Relation", "Daughter"),
    QT_TRANSLATE_NOOP("Relation", "Father"),
    QT_TRANSLATE_NOOP("Relation", "Mother"),
    QT_TRANSLATE_NOOP("Relation", "Other"),
)


def type_label(t: UpdateType) -> str:
    """Translated English name of an update type."""
    return QCoreApplication.translate("UpdateType", UPDATE_TYPE_EN[t])


def type_short_label(t: UpdateType) -> str:
    """Translated short name of an update type (cards, chips)."""
    return QCoreApplication.translate("UpdateTypeShort", UPDATE_TYPE_SHORT_EN[t])


def priority_reason_label(r: PriorityReason) -> str:
    """Translated name of one priority reason."""
    return QCoreApplication.translate("PriorityReason", PRIORITY_REASON_EN[r])


def priority_text(stored: str | None) -> str:
    """A token's priority reasons as one translated line ("Elderly, Disability"); unknown codes are skipped."""
    reasons = []
    for part in (stored or "").split(","):
        try:
            reasons.append(priority_reason_label(PriorityReason(part.strip())))
        except ValueError:
            continue
    return comma_join(reasons) or QCoreApplication.translate("PriorityReason", "Priority")


def role_label(role: Role) -> str:
    """A staff role's name in the reader's language."""
    return QCoreApplication.translate("Role", ROLE_EN[role])


def permission_label(permission: Permission) -> str:
    """What a permission allows, as it reads after "you may not", in the reader's language."""
    return QCoreApplication.translate("Permission", PERMISSION_EN[permission])


def counter_state_label(state: CounterState) -> str:
    """A counter's state in the reader's language."""
    return QCoreApplication.translate("CounterState", COUNTER_STATE_EN[state])


def state_label(s: TokenState) -> str:
    """Translated name of a token state."""
    return QCoreApplication.translate("TokenState", TOKEN_STATE_EN[s])


def roster_change_label(change: str) -> str:
    """A roster change's name in the reader's language (an unknown code as it came)."""
    return QCoreApplication.translate("RosterChange", ROSTER_CHANGE_EN.get(change, change))


def relation_label(relation: str) -> str:
    """A member's relation to the household head in the reader's language (an unknown code as it came)."""
    return QCoreApplication.translate("Relation", RELATION_EN.get(relation, relation))


PERIOD_TITLES = {
    "today": QT_TRANSLATE_NOOP("Period", "Today"),
    "yesterday": QT_TRANSLATE_NOOP("Period", "Yesterday"),
    "last_7": QT_TRANSLATE_NOOP("Period", "Last 7 days"),
    "last_30": QT_TRANSLATE_NOOP("Period", "Last 30 days"),
    "this_month": QT_TRANSLATE_NOOP("Period", "This month"),
    "fiscal_year": QT_TRANSLATE_NOOP("Period", "Fiscal year (July-June)"),
}
"""The name of each period of ``services.region.PRESETS`` (its dates: ``services.region.preset_range``)."""


def period_label(preset: str) -> str:
    """A named period (``services.region.PRESETS``) in the reader's language."""
    return QCoreApplication.translate("Period", str(PERIOD_TITLES[preset]))


def counter_label(number: int, label: str) -> str:
    """A counter's name; the default "Counter N" is stored in English and shown translated."""
    if label == f"Counter {number}":
        return QCoreApplication.translate("Counter", "Counter %1").replace("%1", str(number))
    return label


__all__ = ["ltr"]  # with the names below: pages import ltr from here

DAY_SHORT = "ddd dd MMM yyyy"
DAY_LONG = "dddd d MMMM yyyy"
DAY_NO_YEAR = "dddd d MMMM"


def day_text(day: date, fmt: str = DAY_SHORT) -> str:
    """A date in the reader's language ("Wed 4 Mar 2026" / "بدھ 4 مارچ 2026"), never strftime's English."""
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


def error_text(exc: BaseException) -> str:
    """A refused action's message in the reader's language (by the error's code and parameters).

    Errors without a known code keep their own text (English), so nothing is ever hidden.
    """
    from services.registry.errors import RegistryProblem  # here: the registry package is slow to import

    if isinstance(exc, RegistryProblem):
        return registry_text(exc)
    template = ERROR_TEMPLATES.get(exc.code) if isinstance(exc, DomainError) else None
    if template is None or not isinstance(exc, DomainError):
        return str(exc) or type(exc).__name__
    params = {k: _param_text(k, v) for k, v in exc.params.items()}
    try:
        return QCoreApplication.translate("DomainError", template).format(**params)
    except (KeyError, IndexError):  # a translation that lost a placeholder: the English text still helps
        return str(exc)


# Parameters that name a domain value: the enum that parses it and how it is shown.
_NAMED: dict[str, tuple[type[enum.Enum], Callable[[Any], str]]] = {
    "type": (UpdateType, type_label),
    "state": (TokenState, state_label),
    "counter_state": (CounterState, lambda c: counter_state_label(c).lower()),
    "role": (Role, role_label),
    "permission": (Permission, permission_label),
}


def _param_text(name: str, value: object) -> str:
    """A parameter as the reader sees it: update types, states and roles named, numbers kept left-to-right."""
    named = _NAMED.get(name)
    if named is not None:
        kind, label = named
        try:
            return label(kind(str(value)))
        except ValueError:
            return str(value)
    if name == "counter":
        text = str(value)
        number = text.removeprefix("Counter ")
        return counter_label(int(number), text) if number.isdigit() else text
    return ltr(value) if name in ("number", "username") else str(value)


def reason_text(code: str, params: dict[str, object], fallback: str = "") -> str:
    """Why a visitor does (not) qualify, in the reader's language (``services.labels.REASON_TEMPLATES``)."""
    template = REASON_TEMPLATES.get(code)
    if template is None:
        return fallback
    try:
        return QCoreApplication.translate("Reason", template).format(**{k: ltr(v) for k, v in params.items()})
    except (KeyError, IndexError):  # a translation that lost a placeholder: the English still helps
        return fallback or template.format(**params)


def cnic_problem_text(problem: str, params: dict[str, object]) -> str:
    """Why a text is not a CNIC, in the reader's language (``services.cnic.CnicError``)."""
    template = CNIC_PROBLEM_EN[problem]
    try:
        return QCoreApplication.translate("CnicProblem", template).format(**params)
    except (KeyError, IndexError):
        return template.format(**params)



# Coded messages (``services.labels``): the catalogue markers are in ``console.catalogue``.
def coded_text(context: str, templates: Mapping[str, str], code: str, params: Mapping[str, object],
               fallback: str) -> str:
    """``templates[code]`` translated in ``context`` and filled with ``params`` kept left to right (they are
    data: figures, paths, addresses, identifiers); ``fallback`` (the English) for an unknown code."""
    template = templates.get(code)
    if template is None:
        return fallback
    try:
        return QCoreApplication.translate(context, template).format(**{k: ltr(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English still helps
        return fallback


def finding_text(result: CheckResult) -> str:
    """What a site health check found, in the reader's language."""
    return coded_text("DoctorFinding", DOCTOR_FINDINGS, result.code, result.params, result.found)


def fix_text(result: CheckResult) -> str:
    """How to fix what a site health check found, in the reader's language ('' when nothing to fix)."""
    return coded_text("DoctorFix", DOCTOR_FIXES, result.fix_code, result.params, result.fix) if result.fix else ""


def registry_text(problem: RegistryProblem) -> str:
    """A failed registry call in the reader's language, with what happens next."""
    params: dict[str, object] = dict(problem.params)
    after = REGISTRY_AFTER.get(problem.params.get("after", ""))
    template = REGISTRY_TEMPLATES.get(problem.reason)
    if template is None:
        return problem.message
    try:
        filled = {k: ltr(v) for k, v in params.items()}
        if after is not None:
            filled["after"] = QCoreApplication.translate("RegistryAfter", after)
        return QCoreApplication.translate("RegistryProblem", template).format(**filled)
    except (KeyError, IndexError, ValueError):
        return problem.message


def audit_action_label(code: str) -> str:
    """An audit record's action as people read it (the code itself for an action this version does not know)."""
    name = AUDIT_ACTIONS.get(code)
    return QCoreApplication.translate("AuditAction", name) if name else code


def chain_problem_text(code: str, params: Mapping[str, str]) -> str:
    """What the audit chain check found wrong with one record."""
    return coded_text("AuditChain", CHAIN_PROBLEMS, code, params, code)


_FLAG_LISTS = ("parts", "owned")  # parameters that are lists of FLAG_WORDS


def flag_reason_text(reason: str, params: Mapping[str, str], fallback: str = "") -> str:
    """Why a survey (or a DEO) is flagged, in the reader's language; the limits stay 'illustrative'."""
    template = FLAG_REASONS.get(reason)
    if template is None:
        return fallback
    filled: dict[str, str] = {k: ltr(v) for k, v in params.items()}
    for name in _FLAG_LISTS:
        if params.get(name):
            filled[name] = comma_join(QCoreApplication.translate("QualityWord", w) for w in params[name].split(", "))
    try:
        return QCoreApplication.translate("QualityReason", template).format(**filled)
    except (KeyError, IndexError, ValueError):
        return fallback


def survey_why(row: Mapping[str, Any]) -> list[str]:
    """The "why" texts of a flagged survey row (``QualityReport.flagged_surveys``), in the reader's language."""
    reasons = row.get("reasons") or []
    explanations = list(row.get("explanations") or [])
    if len(reasons) != len(explanations):
        return explanations
    return [flag_reason_text(r, p, e) for (r, p), e in zip(reasons, explanations, strict=True)]


def outlier_texts(deo: Any) -> list[str]:
    """Why a DEO stands out from the site's other DEOs (``DeoQuality``), in the reader's language."""
    return [flag_reason_text(r, p, r) for r, p in deo.outlier_params] or list(deo.outlier_reasons)
