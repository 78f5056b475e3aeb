"""The policy the centre sets for every site, each value with where it comes from.

The registry's annual report (FY 2022-23, DOMAIN.md) fixes the cut-off (32), the cyclic (2 years)
and recertification (3 years) periods, and that appeals against the cut-off are not launched:
those are ``central`` and no site may change them. Everything else here (the appeal condition,
the data-quality limits) is an illustrative default of ours, labelled so; a site may tune those
in its ``[policy]`` / ``[metrics]`` configuration. docs/POLICY.md traces each value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.hub import schemas as s

REPORT = "NSER annual report FY2022-23"
ILLUSTRATIVE = "illustrative default"
VERSION = "2026-12-02"
"""When these values were last changed at the centre (sites show the age of what they hold)."""


@dataclass(frozen=True)
class PolicyValue:
    """One setting: value, source, whether only the centre sets it, and what it means."""

    key: str
    value: float | bool
    source: str
    central: bool
    meaning: str


def central_policy(cutoff: float) -> list[PolicyValue]:
    """Every value the hub serves; ``cutoff`` is the one this hub scores with (32 unless configured)."""
    return [
        PolicyValue("cut_off", cutoff, REPORT, True, "PMT score at or below which a household is a beneficiary"),
        PolicyValue("cyclic_years", 2, REPORT, True, "a non-beneficiary may be re-surveyed this often"),
        PolicyValue("recertification_years", 3, REPORT, True, "a beneficiary is re-surveyed this often"),
        PolicyValue("appeal_enabled", False, REPORT, True, "appeals against the cut-off are launched"),
        PolicyValue("appeal_max_score", 40.0, ILLUSTRATIVE, False,
                    "the appeal's pre-defined condition: score above the cut-off but at most this"),
        PolicyValue("survey_min_minutes", 10.0, ILLUSTRATIVE, False, "a survey shorter than this is flagged"),
        PolicyValue("survey_max_minutes", 90.0, ILLUSTRATIVE, False, "a survey longer than this is flagged"),
        PolicyValue("geo_radius_m", 500.0, ILLUSTRATIVE, False, "a tablet geo-tag farther from the DRC is flagged"),
        PolicyValue("min_address_chars", 25, ILLUSTRATIVE, False, "an address shorter than this is flagged"),
        PolicyValue("household_ratio", 0.8, ILLUSTRATIVE, False,
                    "a day's average household size below this share of the regional reference is flagged"),
        PolicyValue("duration_z", 3.5, ILLUSTRATIVE, False, "robust z-score limit of a survey's duration"),
        PolicyValue("deo_z", 3.0, ILLUSTRATIVE, False, "robust z-score limit of a DEO against the site's others"),
    ]


def policy_answer(cutoff: float, today: date) -> s.PolicyOut:
    """The answer of ``GET /v1/policy`` (and the ``policy`` part of a triage lookup)."""
    return s.PolicyOut(version=VERSION, as_of=today, items=[
        s.PolicyItem(key=v.key, value=v.value, source=v.source, central=v.central, meaning=v.meaning)
        for v in central_policy(cutoff)])
