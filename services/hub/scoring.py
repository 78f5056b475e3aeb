"""The hub's PMT scoring model ``illustrative-v1``.

The registry's real proxy-means-test formula is not public. This model only has the right shape:
0-100, lower = poorer, driven by the indicators a survey collects. Weights (points):

==================  ===========================================  ===========
indicator           contribution                                 range
==================  ===========================================  ===========
intercept           35                                           35
household_size      -2.5 per member beyond the first             -25 .. 0
dependency          -10 x dependents / members                   -10 .. 0
rooms_per_person    +10 x rooms per member (capped at 2)         0 .. +20
education           +1.2 per year of the head's schooling (<=16) 0 .. +19.2
livestock           +0.6 per head (<= 15)                        0 .. +9
land                +2.5 per acre (<= 8)                         0 .. +20
fridge / motorcycle +5 / +4                                      0 .. +9
car / ac            +14 / +10                                    0 .. +24
region              small regional cost-of-living adjustment     -3 .. +4
==================  ===========================================  ===========

The sum is clamped to 0-100 and rounded to two decimals. A typical large household with one room,
no schooling and no assets scores ~15; a five-member household with two rooms, a fridge and a
motorcycle ~40; the cash-transfer cut-off is 32.
"""

from __future__ import annotations

from dataclasses import dataclass

MODEL = "illustrative-v1"
CUTOFF = 32.0
"""Default cut-off: households scoring at or below it are beneficiaries (policy; see DOMAIN.md)."""

REGION_ADJUSTMENT: dict[str, float] = {
    "AJK": 1.0,
    "Balochistan": -3.0,
    "Gilgit-Baltistan": -1.0,
    "Islamabad": 4.0,
    "Khyber Pakhtunkhwa": 0.0,
    "Punjab": 1.0,
    "Sindh": -1.0,
}


@dataclass(frozen=True)
class Assets:
    """The household assets a survey records."""

    rooms: int
    livestock: int
    land_acres: float
    has_fridge: bool
    has_motorcycle: bool
    has_car: bool
    has_ac: bool


@dataclass(frozen=True)
class Score:
    """A PMT score with each indicator's contribution."""

    pmt_score: float
    components: dict[str, float]
    model: str = MODEL


def score(region: str, members: int, assets: Assets, head_education_years: int, dependents: int) -> Score:
    """Score one household with ``illustrative-v1`` (0-100, lower = poorer)."""
    members = max(members, 1)
    parts = {
        "intercept": 35.0,
        "household_size": -min(2.5 * (members - 1), 25.0),
        "dependency": -10.0 * min(dependents, members) / members,
        "rooms_per_person": 10.0 * min(assets.rooms / members, 2.0),
        "education": 1.2 * min(max(head_education_years, 0), 16),
        "livestock": 0.6 * min(max(assets.livestock, 0), 15),
        "land": 2.5 * min(max(assets.land_acres, 0.0), 8.0),
        "fridge": 5.0 if assets.has_fridge else 0.0,
        "motorcycle": 4.0 if assets.has_motorcycle else 0.0,
        "car": 14.0 if assets.has_car else 0.0,
        "ac": 10.0 if assets.has_ac else 0.0,
        "region": REGION_ADJUSTMENT.get(region, 0.0),
    }
    parts = {k: round(v, 3) for k, v in parts.items()}
    total = min(max(sum(parts.values()), 0.0), 100.0)
    return Score(round(total, 2), parts)
