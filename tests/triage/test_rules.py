"""Triage rules at every boundary: periods, cut-off, shock, unregistered, appeal switch."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from db.models import UpdateType as U
from services.registry.models import HouseholdStatus
from services.triage import TriagePolicy, add_years, assess, load_policy, manual_choices, propose
from services.triage.policy import PolicyError

TODAY = date(2026, 3, 4)
POLICY = TriagePolicy()


def hh(**kw: Any) -> HouseholdStatus:
    base: dict[str, Any] = dict(
        household_id="HH1", registered=True, beneficiary=False, pmt_score=45.0, last_survey_date=date(2025, 1, 1),
        region="Punjab", district="Lahore", tehsil="Lahore City", tehsil_code="PK35201", shock_area=False, members=5,
    )
    base.update(kw)
    return HouseholdStatus.model_validate(base)


def eligible_types(status: HouseholdStatus, policy: TriagePolicy = POLICY, today: date = TODAY,
                   shock: frozenset[str] | None = None) -> set[U]:
    return {e.update_type for e in assess(status, policy, today, shock) if e.eligible}


CASES = [
    # name, household, policy, expected eligible set
    ("unregistered", HouseholdStatus.unregistered(), POLICY, {U.MISSED_OUT}),
    ("recent non-beneficiary", hh(), POLICY, {U.ROSTER}),
    # Cyclic: exactly 2 years is eligible, the day before is not.
    ("cyclic exactly 2y", hh(last_survey_date=date(2024, 3, 4)), POLICY, {U.ROSTER, U.CYCLIC}),
    ("cyclic 2y minus a day", hh(last_survey_date=date(2024, 3, 5)), POLICY, {U.ROSTER}),
    # Recertification: exactly 3 years for a beneficiary; the day before not.
    ("recert exactly 3y", hh(pmt_score=20, beneficiary=True, last_survey_date=date(2023, 3, 4)), POLICY,
     {U.ROSTER, U.RECERTIFICATION}),
    ("recert 3y minus a day", hh(pmt_score=20, beneficiary=True, last_survey_date=date(2023, 3, 5)), POLICY,
     {U.ROSTER}),
    # A beneficiary surveyed 2.5 years ago is not cyclic (that is for non-beneficiaries).
    ("beneficiary 2.5y", hh(pmt_score=20, last_survey_date=date(2023, 9, 1)), POLICY, {U.ROSTER}),
    # The cut-off: exactly 32 is a beneficiary, 32.01 is not.
    ("score exactly 32, 3y", hh(pmt_score=32, last_survey_date=date(2023, 3, 4)), POLICY,
     {U.ROSTER, U.RECERTIFICATION}),
    ("score 32.01, 3y", hh(pmt_score=32.01, last_survey_date=date(2023, 3, 4)), POLICY, {U.ROSTER, U.CYCLIC}),
    ("shock area", hh(shock_area=True), POLICY, {U.ROSTER, U.SHOCK}),
    ("unregistered in a shock area", HouseholdStatus.unregistered(), POLICY, {U.MISSED_OUT}),
    ("appeal off", hh(pmt_score=35), POLICY, {U.ROSTER}),
    ("appeal on, within limit", hh(pmt_score=35), TriagePolicy(appeal_enabled=True), {U.ROSTER, U.APPEAL}),
    ("appeal on, exactly the limit", hh(pmt_score=40), TriagePolicy(appeal_enabled=True), {U.ROSTER, U.APPEAL}),
    ("appeal on, above limit", hh(pmt_score=40.5), TriagePolicy(appeal_enabled=True), {U.ROSTER}),
    ("appeal on, beneficiary", hh(pmt_score=32), TriagePolicy(appeal_enabled=True), {U.ROSTER}),
    ("appeal on, unregistered", HouseholdStatus.unregistered(), TriagePolicy(appeal_enabled=True), {U.MISSED_OUT}),
    # The cut-off is policy: at 36 a score of 35 makes a beneficiary.
    ("cut-off moved", hh(pmt_score=35, last_survey_date=date(2023, 3, 4)), TriagePolicy(cut_off=36),
     {U.ROSTER, U.RECERTIFICATION}),
    ("no survey date", hh(last_survey_date=None), POLICY, {U.ROSTER, U.CYCLIC}),
    ("no score: registry's flag", hh(pmt_score=None, beneficiary=True, last_survey_date=date(2020, 1, 1)), POLICY,
     {U.ROSTER, U.RECERTIFICATION}),
]


@pytest.mark.parametrize(("name", "status", "policy", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rules_table(name: str, status: HouseholdStatus, policy: TriagePolicy, expected: set[U]) -> None:
    assert eligible_types(status, policy) == expected


def test_every_type_has_a_reason_and_display_order() -> None:
    result = assess(hh(), POLICY, TODAY)
    assert [e.update_type for e in result] == [U.MISSED_OUT, U.ROSTER, U.SHOCK, U.APPEAL, U.CYCLIC, U.RECERTIFICATION]
    assert all(e.reason and "{" not in e.reason for e in result)


def test_waiting_types_say_when() -> None:
    by = {e.update_type: e for e in assess(hh(last_survey_date=date(2024, 3, 5)), POLICY, TODAY)}
    cyc = by[U.CYCLIC]
    assert not cyc.eligible and cyc.eligible_from == date(2026, 3, 5)
    assert "2026-03-05" in cyc.reason
    rec = {e.update_type: e for e in assess(hh(pmt_score=10, last_survey_date=date(2023, 6, 30)), POLICY, TODAY)}
    assert rec[U.RECERTIFICATION].eligible_from == date(2026, 6, 30)
    assert "2026-06-30" in rec[U.RECERTIFICATION].reason
    assert "not launched" in by[U.APPEAL].reason


@pytest.mark.parametrize(("start", "years", "expected"), [
    (date(2024, 2, 29), 2, date(2026, 3, 1)),   # no 29 Feb in 2026: the full period ends with 28 Feb
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2023, 2, 28), 3, date(2026, 2, 28)),
    (date(2024, 3, 1), 2, date(2026, 3, 1)),
])
def test_anniversary(start: date, years: int, expected: date) -> None:
    assert add_years(start, years) == expected


def test_leap_day_survey_is_cyclic_on_first_of_march() -> None:
    status = hh(last_survey_date=date(2024, 2, 29))
    assert U.CYCLIC not in eligible_types(status, today=date(2026, 2, 28))
    assert U.CYCLIC in eligible_types(status, today=date(2026, 3, 1))


def test_shock_list_from_registry_counts_too() -> None:
    status = hh()
    assert U.SHOCK not in eligible_types(status)
    assert U.SHOCK in eligible_types(status, shock=frozenset({"PK35201"}))
    assert U.SHOCK not in eligible_types(status, shock=frozenset({"PK99999"}))


def test_propose_orders_the_specific_before_roster() -> None:
    status = hh(pmt_score=20, shock_area=True, last_survey_date=date(2022, 1, 1))
    assert [e.update_type for e in propose(status, POLICY, TODAY)] == [U.SHOCK, U.RECERTIFICATION, U.ROSTER]
    assert [e.update_type for e in propose(HouseholdStatus.unregistered(), POLICY, TODAY)] == [U.MISSED_OUT]


def test_manual_choices_follow_the_appeal_switch() -> None:
    assert U.APPEAL not in manual_choices(POLICY)
    assert U.APPEAL in manual_choices(TriagePolicy(appeal_enabled=True))
    assert len(manual_choices(TriagePolicy(appeal_enabled=True))) == 6


def test_policy_file_and_overrides() -> None:
    p = load_policy()
    assert (p.cut_off, p.cyclic_years, p.recertification_years, p.appeal_enabled) == (32.0, 2, 3, False)
    q = load_policy({"cut_off": "30", "appeal_enabled": "true", "cyclic_years": 1})
    assert (q.cut_off, q.appeal_enabled, q.cyclic_years) == (30.0, True, 1)
    with pytest.raises(PolicyError, match="appeal_enable"):
        load_policy({"appeal_enable": True})
    with pytest.raises(PolicyError, match="cut_off"):
        load_policy({"cut_off": "high"})
