"""The six update types as pure rules over a household's status and the policy.

Each rule answers: eligible or not, why (in plain words), and from which date it becomes
eligible when the only thing missing is time. ``code`` and ``params`` let the UI translate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db.models import UpdateType
from services.labels import REASON_TEMPLATES
from services.registry.models import HouseholdStatus
from services.triage.policy import TriagePolicy

# The order the six types are listed in, and the order suggestions are made in: the most
# specific reason for a full re-survey first, the general roster update last.
DISPLAY_ORDER = (
    UpdateType.MISSED_OUT,
    UpdateType.ROSTER,
    UpdateType.SHOCK,
    UpdateType.APPEAL,
    UpdateType.CYCLIC,
    UpdateType.RECERTIFICATION,
)
SUGGESTION_ORDER = (
    UpdateType.MISSED_OUT,
    UpdateType.SHOCK,
    UpdateType.RECERTIFICATION,
    UpdateType.CYCLIC,
    UpdateType.APPEAL,
    UpdateType.ROSTER,
)

@dataclass(frozen=True)
class Eligibility:
    """Whether a visitor qualifies for one update type, why, and since/from when."""

    update_type: UpdateType
    eligible: bool
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    eligible_from: date | None = None

    @property
    def reason(self) -> str:
        """The reason in plain English (the UI translates ``code`` with ``params``)."""
        return REASON_TEMPLATES[self.code].format(**self.params)


def add_years(day: date, years: int) -> date:
    """The anniversary ``years`` after ``day``; 29 February falls on 1 March in common years.

    1 March, not 28 February, so that the full period has passed on the day it is allowed.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _fmt_score(score: float) -> str:
    return f"{score:g}"


def _is_beneficiary(status: HouseholdStatus, policy: TriagePolicy) -> bool:
    """By score against the policy cut-off (the site's policy may differ from the centre's);
    the registry's own flag when it holds no score."""
    if status.pmt_score is not None:
        return status.pmt_score <= policy.cut_off
    return status.beneficiary


def _area(status: HouseholdStatus) -> str:
    parts = list(dict.fromkeys(p for p in (status.tehsil, status.district) if p))  # "Bagh, Bagh" -> "Bagh"
    return ", ".join(parts) or "The household's area"


def _periodic(
    update_type: UpdateType, status: HouseholdStatus, policy: TriagePolicy, today: date,
) -> Eligibility:
    want_beneficiary = update_type is UpdateType.RECERTIFICATION
    years = policy.recertification_years if want_beneficiary else policy.cyclic_years
    if not status.registered:
        return Eligibility(update_type, False, "register_first")
    beneficiary = _is_beneficiary(status, policy)
    score = _fmt_score(status.pmt_score) if status.pmt_score is not None else "-"
    base = {"score": score, "cut_off": _fmt_score(policy.cut_off), "years": years}
    if beneficiary != want_beneficiary:
        return Eligibility(update_type, False, "cyclic_beneficiary" if beneficiary else "recert_not_beneficiary", base)
    if status.last_survey_date is None:
        return Eligibility(update_type, True, "no_survey_date", base)
    when = add_years(status.last_survey_date, years)
    params = {**base, "last": status.last_survey_date.isoformat(), "when": when.isoformat()}
    if today >= when:
        return Eligibility(update_type, True, "recert_ok" if want_beneficiary else "cyclic_ok", params, when)
    return Eligibility(update_type, False, "recert_wait" if want_beneficiary else "cyclic_wait", params, when)


def _appeal(status: HouseholdStatus, policy: TriagePolicy) -> Eligibility:
    t = UpdateType.APPEAL
    if not policy.appeal_enabled:
        return Eligibility(t, False, "appeal_off")
    if not status.registered:
        return Eligibility(t, False, "register_first")
    if status.pmt_score is None:
        return Eligibility(t, False, "no_score")
    params = {"score": _fmt_score(status.pmt_score), "cut_off": _fmt_score(policy.cut_off),
              "limit": _fmt_score(policy.appeal_max_score)}
    if status.pmt_score <= policy.cut_off:
        return Eligibility(t, False, "appeal_beneficiary", params)
    if status.pmt_score > policy.appeal_max_score:
        return Eligibility(t, False, "appeal_too_high", params)
    return Eligibility(t, True, "appeal_ok", params)


def assess(
    status: HouseholdStatus, policy: TriagePolicy, today: date, shock_areas: frozenset[str] | None = None,
) -> list[Eligibility]:
    """All six update types for one household, in display order.

    ``shock_areas`` (tehsil codes from the registry's list) adds to the household's own
    ``shock_area`` flag, so a notification published after the household was read still counts.
    """
    reg = status.registered
    out = {
        UpdateType.MISSED_OUT: Eligibility(UpdateType.MISSED_OUT, not reg, "already_registered" if reg else "not_registered"),
        UpdateType.ROSTER: Eligibility(UpdateType.ROSTER, reg, "roster_ok" if reg else "register_first"),
        UpdateType.APPEAL: _appeal(status, policy),
        UpdateType.CYCLIC: _periodic(UpdateType.CYCLIC, status, policy, today),
        UpdateType.RECERTIFICATION: _periodic(UpdateType.RECERTIFICATION, status, policy, today),
    }
    if not reg:
        out[UpdateType.SHOCK] = Eligibility(UpdateType.SHOCK, False, "register_first")
    else:
        listed = bool(shock_areas) and status.tehsil_code in (shock_areas or ())
        in_shock = status.shock_area or listed
        out[UpdateType.SHOCK] = Eligibility(UpdateType.SHOCK, in_shock, "shock_ok" if in_shock else "no_shock",
                                            {"area": _area(status)})
    return [out[t] for t in DISPLAY_ORDER]


def propose(
    status: HouseholdStatus, policy: TriagePolicy, today: date, shock_areas: frozenset[str] | None = None,
) -> list[Eligibility]:
    """The eligible types, best suggestion first (a shock or a due re-survey before a roster update)."""
    by_type = {e.update_type: e for e in assess(status, policy, today, shock_areas)}
    return [by_type[t] for t in SUGGESTION_ORDER if by_type[t].eligible]


def manual_choices(policy: TriagePolicy) -> list[UpdateType]:
    """The types an assistant may pick by hand when the registry cannot be asked (offline)."""
    return [t for t in DISPLAY_ORDER if t is not UpdateType.APPEAL or policy.appeal_enabled]
