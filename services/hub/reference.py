"""Reference data the hub is built on: regions and their figures, admin units, the DRC site list.

Region figures come from the registry's annual report FY 2022-23 (DOMAIN.md). Admin units and
sites are read from ``resources/`` (never from ``../shared`` at run time).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ADMIN_UNITS_CSV = RESOURCES / "admin-units.csv"
SITES_CSV = RESOURCES / "sites.csv"


@dataclass(frozen=True)
class Region:
    """A province or territory with its registry reference figures."""

    name: str
    province_code: str
    cnic_digit: str
    households: int
    members: int
    avg_household_size: float
    drcs: int


# Registered households / members / average size (Thematic Analysis) and DRCs per region.
REGIONS: tuple[Region, ...] = (
    Region("AJK", "PK1", "8", 791_163, 4_272_815, 5.4, 36),
    Region("Balochistan", "PK2", "5", 1_762_175, 8_913_584, 5.1, 120),
    Region("Gilgit-Baltistan", "PK3", "7", 247_165, 1_611_780, 6.5, 28),
    Region("Islamabad", "PK4", "6", 207_740, 851_423, 4.1, 3),
    Region("Khyber Pakhtunkhwa", "PK5", "1", 6_230_037, 37_080_545, 6.0, 133),
    Region("Punjab", "PK6", "3", 17_942_363, 91_521_508, 5.1, 152),
    Region("Sindh", "PK7", "4", 8_465_207, 42_034_419, 5.0, 145),
)
REGION_BY_NAME = {r.name: r for r in REGIONS}
REGION_BY_PROVINCE = {r.province_code: r for r in REGIONS}
TOTAL_HOUSEHOLDS = sum(r.households for r in REGIONS)

# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max): only for approximate site positions.
_BOXES = {
    "PK1": (33.0, 35.1, 73.6, 74.5),
    "PK2": (25.6, 31.0, 62.0, 69.5),
    "PK3": (35.4, 36.9, 72.8, 76.5),
    "PK4": (33.6, 33.75, 72.95, 73.2),
    "PK5": (31.6, 35.8, 70.2, 73.4),
    "PK6": (28.2, 33.3, 70.2, 74.8),
    "PK7": (24.6, 28.3, 67.2, 70.9),
}


@dataclass(frozen=True)
class Tehsil:
    """One tehsil of ``admin-units.csv`` with its district and region."""

    code: str
    name: str
    district_code: str
    district: str
    region: str


@dataclass(frozen=True)
class SiteRow:
    """One DRC of ``sites.csv``."""

    site_id: str
    name: str
    region: str
    district: str
    tehsil: str
    tehsil_code: str
    lat: float
    lon: float


@cache
def tehsils() -> tuple[Tehsil, ...]:
    """All tehsils in file order."""
    with ADMIN_UNITS_CSV.open(newline="", encoding="utf-8") as fh:
        return tuple(
            Tehsil(row["Tehsil_Code"], row["Tehsil"], row["District_Code"], row["District"],
                   REGION_BY_PROVINCE[row["Province_Code"]].name)
            for row in csv.DictReader(fh)
        )


def _unit(text: str) -> float:
    """A deterministic number in [0, 1) from ``text`` (stable across runs and platforms)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") / 2**64


def approximate_position(district_code: str, tehsil_code: str, centre: int) -> tuple[float, float]:
    """A deterministic, approximate (lat, lon) inside the region's bounding box.

    Districts spread over the box; tehsils and centres sit a few km around their district point.
    It is good enough for maps and geo-tag checks in a demo, not for navigation.
    """
    lat0, lat1, lon0, lon1 = _BOXES[district_code[:3]]
    lat = lat0 + (lat1 - lat0) * (0.1 + 0.8 * _unit("lat" + district_code))
    lon = lon0 + (lon1 - lon0) * (0.1 + 0.8 * _unit("lon" + district_code))
    lat += (_unit("tlat" + tehsil_code) - 0.5) * 0.3 + (centre - 1) * 0.01
    lon += (_unit("tlon" + tehsil_code) - 0.5) * 0.3 + (centre - 1) * 0.01
    return round(lat, 5), round(lon, 5)


def build_sites() -> list[SiteRow]:
    """Place each region's DRCs on its tehsils (the rule that produced ``sites.csv``).

    Where a region has at least as many DRCs as tehsils, every tehsil gets one and the extra
    centres go to the first tehsil of each district in turn (the district headquarters in this
    file's order; the file has no population). Where it has fewer (Khyber Pakhtunkhwa), every
    district gets one in its first tehsil, then the remaining tehsils in file order until the count.
    """
    out: list[SiteRow] = []
    for region in REGIONS:
        units = [t for t in tehsils() if t.region == region.name]
        firsts: list[Tehsil] = []
        seen: set[str] = set()
        for t in units:
            if t.district_code not in seen:
                seen.add(t.district_code)
                firsts.append(t)
        if region.drcs >= len(units):
            chosen = list(units)
            i = 0
            while len(chosen) < region.drcs:
                chosen.append(firsts[i % len(firsts)])
                i += 1
        else:
            chosen = list(firsts)
            chosen += [t for t in units if t not in firsts][: region.drcs - len(firsts)]
        counts: dict[str, int] = {}
        rows: list[SiteRow] = []
        for t in chosen:
            n = counts[t.code] = counts.get(t.code, 0) + 1
            lat, lon = approximate_position(t.district_code, t.code, n)
            name = f"DRC {t.name}" if n == 1 else f"DRC {t.name} {n}"
            rows.append(SiteRow(f"{t.code}-{n:02d}", name, region.name, t.district, t.name, t.code, lat, lon))
        out += sorted(rows, key=lambda r: r.site_id)
    return out


SITE_FIELDS = ("site_id", "name", "region", "district", "tehsil", "tehsil_code", "lat", "lon")


def write_sites_csv(path: Path = SITES_CSV) -> int:
    """Regenerate ``sites.csv``; returns the number of sites written."""
    rows = build_sites()
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(SITE_FIELDS)
        for r in rows:
            w.writerow([r.site_id, r.name, r.region, r.district, r.tehsil, r.tehsil_code, f"{r.lat:.5f}", f"{r.lon:.5f}"])
    return len(rows)


@cache
def sites() -> tuple[SiteRow, ...]:
    """The DRC list from ``resources/sites.csv``."""
    with SITES_CSV.open(newline="", encoding="utf-8") as fh:
        return tuple(
            SiteRow(r["site_id"], r["name"], r["region"], r["district"], r["tehsil"], r["tehsil_code"],
                    float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(fh)
        )
