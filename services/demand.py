"""How busy a DRC is: staffing, daily demand by region, the hourly arrival curve, network outages.

One model for the site simulator (``drc-console simulate``) and the network simulator
(``drc-hub simulate-network``). From DOMAIN.md: ~1,400 DEOs over 617 sites, 2 to 3 per site and
more in big districts. Everything else here (demand per DEO by region, the curve, the outage
rates) is an **illustrative default of ours**, not a registry figure.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date

from db.models import UpdateType

# Share of visitors per update type (roster changes are the most common walk-in reason).
TYPE_MIX = {
    UpdateType.ROSTER: 0.34,
    UpdateType.MISSED_OUT: 0.22,
    UpdateType.RECERTIFICATION: 0.18,
    UpdateType.CYCLIC: 0.16,
    UpdateType.SHOCK: 0.10,
}
# Relative arrivals per hour from 09:00 to 16:00 (site zone): a morning peak, a lunch dip.
OPENING_HOUR = 9
HOURLY_PROFILE = [0.9, 1.4, 1.5, 1.2, 0.7, 1.0, 0.8, 0.5]
# Visitors per DEO per day, by region (illustrative: a DEO completes ~25 surveys on a full day).
VISITORS_PER_DEO = {"AJK": 20, "Balochistan": 18, "Gilgit-Baltistan": 16, "Islamabad": 30,
                    "Khyber Pakhtunkhwa": 26, "Punjab": 28, "Sindh": 25}
# Chance that a site-day has a network outage, and its length in hours (illustrative).
OUTAGE_CHANCE = {"AJK": 0.12, "Balochistan": 0.2, "Gilgit-Baltistan": 0.18, "Islamabad": 0.03,
                 "Khyber Pakhtunkhwa": 0.1, "Punjab": 0.06, "Sindh": 0.1}
OUTAGE_HOURS = (1, 3)
# Mondays are busiest, Friday afternoons quiet, Sundays closed (illustrative).
WEEKDAY_FACTOR = (1.2, 1.05, 1.0, 1.0, 0.8, 0.9, 0.0)


@dataclass(frozen=True)
class SiteDayPlan:
    """What one site's day will look like: staff, visitors, and hours without the network."""

    deos: int
    visitors: int
    outage_hours: tuple[int, ...]  # local hours (e.g. 13, 14) when the registry is unreachable


def _stable(*parts: object) -> random.Random:
    """A generator seeded by the parts, the same on every machine and run."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def deos_at(site_id: str, district_hq: bool) -> int:
    """DEOs at a site: 2, one more at a district's first centre, and a few sites of 4."""
    extra = 1 if district_hq else 0
    return 2 + extra + (1 if _stable("deos", site_id).random() < 0.02 else 0)


def plan_day(site_id: str, region: str, deos: int, day: date, seed: int = 0, volume: float = 1.0) -> SiteDayPlan:
    """The plan of one site-day, deterministic for (site, day, seed); ``volume`` scales demand."""
    rng = _stable("day", site_id, day.isoformat(), seed)
    mean = deos * VISITORS_PER_DEO.get(region, 24) * WEEKDAY_FACTOR[day.weekday()] * volume
    visitors = max(0, round(rng.gauss(mean, mean * 0.12)))
    outage: tuple[int, ...] = ()
    if rng.random() < OUTAGE_CHANCE.get(region, 0.1):
        length = rng.randint(*OUTAGE_HOURS)
        first = rng.randint(OPENING_HOUR + 1, OPENING_HOUR + len(HOURLY_PROFILE) - length)
        outage = tuple(range(first, first + length))
    return SiteDayPlan(deos, visitors, outage)


def arrival_offsets(rng: random.Random, visitors: int) -> list[float]:
    """Seconds after opening at which each visitor arrives, following the hourly curve (sorted)."""
    total = sum(HOURLY_PROFILE)
    out = []
    for _ in range(visitors):
        r = rng.random() * total
        hour = 0
        while r > HOURLY_PROFILE[hour]:
            r -= HOURLY_PROFILE[hour]
            hour += 1
        out.append(hour * 3600 + rng.random() * 3600)
    return sorted(out)


def pick_type(rng: random.Random) -> UpdateType:
    """An update type drawn from the walk-in mix."""
    types, weights = zip(*TYPE_MIX.items(), strict=True)
    return rng.choices(types, weights)[0]
