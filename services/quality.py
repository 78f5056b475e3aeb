"""Data-quality checks of a site's surveys from the hub's paradata, per survey and per DEO.

Rules (each flag carries a code, a plain-language explanation, the survey and the DEO):

* ``duration_short`` / ``duration_long``: start -> submission below ``survey_min_minutes`` or above
  ``survey_max_minutes``, or more than ``duration_z`` robust z-scores (median/MAD of the site's
  surveys that day, needs ``min_for_stats`` surveys) from the site's typical duration.
  ``duration_invalid``: submitted before it started.
* ``geo_far``: the tablet's geo-tag is more than ``geo_radius_m`` from the site (haversine).
* ``address_short``: fewer than ``min_address_chars`` characters. ``address_parts``: one of the four
  parts is missing - house/street or landmark (a number, "house", "street", "gali", "near", ...),
  village/mohalla ("village", "mohalla", "basti", "goth", "chak", "colony", ...), union council
  ("UC", "U/C", "union council"), city/tehsil/district (a name from the admin-unit list, or the
  words "city", "tehsil", "district").
* ``household_small`` (per DEO and for the site, no survey): the day's average household size is
  below ``household_ratio`` x the region's reference (DOMAIN.md), with at least ``min_for_stats``
  surveys. ``household_empty``: a survey with no members.
* Assets: ``assets_no_rooms`` - no living room but land >= 1 acre, >= 10 animals, a car or an AC;
  ``assets_ac_no_fridge`` - an air conditioner but no fridge; ``assets_rooms_excess`` - at least 6
  rooms and at least 3 rooms per member. (A car without a motorcycle is normal and not flagged.)
* ``duplicate_cnic`` / ``duplicate_phone`` / ``duplicate_address``: the same CNIC, phone (digits,
  +92 -> 0) or normalised address as an earlier survey of the day; the later survey is flagged.

A DEO is an *outlier* when their flag rate, median duration or average household size lies more
than ``deo_z`` robust z-scores from the site's DEOs (needs 3 DEOs or more).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from services.cnic import mask_cnic
from services.labels import FLAG_REASONS
from services.site import site_location
from services.survey_text import address_missing_parts, mask_phone, normalise_address, normalise_phone

__all__ = ["CODES", "DeoQuality", "Flag", "QualityReport", "QualityThresholds", "SurveyRecord", "address_missing_parts",
           "assess", "haversine_m", "mask_phone", "normalise_address", "normalise_phone", "reference_size",
           "robust_center", "robust_z", "site_location"]

# Average household size by region (NSER annual report FY 2022-23, DOMAIN.md).
REFERENCE_HOUSEHOLD_SIZE: dict[str, float] = {
    "AJK": 5.4, "Balochistan": 5.1, "Gilgit-Baltistan": 6.5, "Islamabad": 4.1,
    "Khyber Pakhtunkhwa": 6.0, "Punjab": 5.1, "Sindh": 5.0,
}
NATIONAL_HOUSEHOLD_SIZE = 5.2
_REGION_ALIASES = {"gb": "Gilgit-Baltistan", "kp": "Khyber Pakhtunkhwa", "kpk": "Khyber Pakhtunkhwa",
                   "azad kashmir": "AJK", "ict": "Islamabad"}
EARTH_RADIUS_M = 6_371_008.8
MAD_SCALE = 1.4826  # makes the MAD a consistent estimate of the standard deviation for normal data

CODES: dict[str, str] = {
    "duration_short": "Survey too short",
    "duration_long": "Survey too long",
    "duration_invalid": "Submitted before started",
    "geo_far": "Geo-tag away from site",
    "address_short": "Address too short",
    "address_parts": "Address incomplete",
    "household_small": "Small households",
    "household_empty": "No household members",
    "assets_no_rooms": "Assets but no rooms",
    "assets_ac_no_fridge": "AC but no fridge",
    "assets_rooms_excess": "Too many rooms",
    "duplicate_cnic": "Duplicate CNIC",
    "duplicate_phone": "Duplicate phone",
    "duplicate_address": "Duplicate address",
}


@dataclass(frozen=True)
class QualityThresholds:
    """Limits of the rules; the first five come from ``config.metrics``."""

    survey_min_minutes: float = 10.0
    survey_max_minutes: float = 90.0
    geo_radius_m: float = 500.0
    min_address_chars: int = 25
    duration_z: float = 3.5
    household_ratio: float = 0.8
    min_for_stats: int = 5
    deo_z: float = 3.0

    @classmethod
    def from_config(cls, metrics: Any) -> QualityThresholds:
        """Thresholds from a ``MetricsSection``."""
        return cls(survey_min_minutes=metrics.survey_min_minutes, survey_max_minutes=metrics.survey_max_minutes,
                   geo_radius_m=metrics.geo_radius_m, min_address_chars=metrics.min_address_chars)


@dataclass(frozen=True)
class SurveyRecord:
    """The paradata of one survey, as the checks read it (hub ``Survey`` or a dict)."""

    survey_id: str
    deo: str
    cnic: str
    phone: str
    started_at: datetime
    submitted_at: datetime
    lat: float
    lon: float
    address: str
    household_size: int
    region: str
    assets: Mapping[str, Any]

    @property
    def minutes(self) -> float:
        """Start -> submission in minutes."""
        return (self.submitted_at - self.started_at).total_seconds() / 60.0

    @classmethod
    def of(cls, s: Any) -> SurveyRecord:
        """From a pydantic ``Survey`` or a plain mapping with the contract's keys."""
        if isinstance(s, SurveyRecord):
            return s
        d = s.model_dump() if hasattr(s, "model_dump") else dict(s)
        for k in ("started_at", "submitted_at"):
            if isinstance(d[k], str):
                d[k] = datetime.fromisoformat(d[k].replace("Z", "+00:00"))
        return cls(str(d["survey_id"]), str(d["deo"]), str(d.get("cnic") or ""), str(d.get("phone") or ""),
                   d["started_at"], d["submitted_at"], float(d["lat"]), float(d["lon"]), str(d.get("address") or ""),
                   int(d["household_size"]), str(d.get("region") or ""), dict(d.get("assets") or {}))


@dataclass(frozen=True)
class Flag:
    """One finding: which rule, why in plain words, which survey (None for a DEO-level flag) and DEO.

    ``reason`` and ``params`` say why again for a translator (``services.labels.FLAG_REASONS``).
    """

    code: str
    explanation: str
    survey_id: str | None
    deo: str
    reason: str = ""
    params: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, reason: str, survey_id: str | None, deo: str, **params: object) -> Flag:
        """A flag from its reason template, the English explanation filled in."""
        text = {k: str(v) for k, v in params.items()}
        return cls(code, FLAG_REASONS[reason].format(**text), survey_id, deo, reason, text)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {"code": self.code, "explanation": self.explanation, "survey_id": self.survey_id, "deo": self.deo,
                "reason": self.reason, "params": dict(self.params)}


@dataclass
class DeoQuality:
    """One DEO's surveys, flags and typical values, with the robust z-scores against the site."""

    deo: str
    surveys: int
    flagged_surveys: int
    flags: dict[str, int]
    median_minutes: float | None
    avg_household_size: float | None
    z: dict[str, float | None] = field(default_factory=dict)
    outlier_reasons: list[str] = field(default_factory=list)
    outlier_params: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (reason, params) of each

    @property
    def flag_rate(self) -> float:
        """Share of this DEO's surveys with at least one flag."""
        return self.flagged_surveys / self.surveys if self.surveys else 0.0

    @property
    def outlier(self) -> bool:
        """True when the DEO is far off the site's typical values."""
        return bool(self.outlier_reasons)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {"deo": self.deo, "surveys": self.surveys, "flagged_surveys": self.flagged_surveys,
                "flag_rate": round(self.flag_rate, 4), "flags": dict(self.flags),
                "median_minutes": _r(self.median_minutes), "avg_household_size": _r(self.avg_household_size),
                "z": {k: _r(v) for k, v in self.z.items()}, "outlier": self.outlier,
                "outlier_reasons": list(self.outlier_reasons)}


@dataclass
class QualityReport:
    """The checks of one site day: every flag, per-DEO summaries and the site's typical values."""

    site_id: str
    day: date
    surveys: list[SurveyRecord]
    flags: list[Flag]
    per_deo: list[DeoQuality]
    site_median_minutes: float | None
    site_avg_household_size: float | None
    reference_household_size: float

    def flags_for(self, survey_id: str) -> list[Flag]:
        """Flags of one survey."""
        return [f for f in self.flags if f.survey_id == survey_id]

    def flagged_surveys(self, deo: str | None = None) -> list[dict[str, Any]]:
        """Flagged surveys (CNIC and phone masked), optionally of one DEO, with their flag codes."""
        by_id: dict[str, list[Flag]] = defaultdict(list)
        for f in self.flags:
            if f.survey_id is not None:
                by_id[f.survey_id].append(f)
        out = []
        for s in self.surveys:
            if s.survey_id in by_id and (deo is None or s.deo == deo):
                out.append({"survey_id": s.survey_id, "deo": s.deo, "cnic": mask_cnic(s.cnic),
                            "phone": mask_phone(s.phone), "minutes": round(s.minutes, 1),
                            "household_size": s.household_size,
                            "codes": [f.code for f in by_id[s.survey_id]],
                            "explanations": [f.explanation for f in by_id[s.survey_id]],
                            "reasons": [(f.reason, f.params) for f in by_id[s.survey_id]]})
        return out

    def as_dict(self) -> dict[str, Any]:
        """JSON shape of the report's ``quality`` section (docs/REPORT.md)."""
        counts = Counter(f.code for f in self.flags)
        return {"available": True, "surveys": len(self.surveys),
                "flagged_surveys": len({f.survey_id for f in self.flags if f.survey_id}),
                "flag_counts": dict(sorted(counts.items())),
                "site_median_minutes": _r(self.site_median_minutes),
                "site_avg_household_size": _r(self.site_avg_household_size),
                "reference_household_size": self.reference_household_size,
                "per_deo": [d.as_dict() for d in self.per_deo],
                "flags": [f.as_dict() for f in self.flags]}


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


# ---- building blocks (pure; the table-driven tests call these) ---------------------------------
def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def robust_center(values: Iterable[float]) -> tuple[float, float] | None:
    """Median and scaled MAD; falls back to the scaled mean absolute deviation when the MAD is 0."""
    xs = list(values)
    if not xs:
        return None
    med = statistics.median(xs)
    dev = [abs(x - med) for x in xs]
    mad = statistics.median(dev) * MAD_SCALE
    if mad == 0:
        mad = statistics.fmean(dev) * 1.2533  # sqrt(pi/2): mean abs deviation -> sigma
    return med, mad


def robust_z(x: float, center: tuple[float, float] | None) -> float | None:
    """(x - median) / scaled MAD; None when there is no spread to compare with."""
    if center is None or center[1] == 0:
        return None
    return (x - center[0]) / center[1]


def reference_size(region: str) -> float:
    """The region's reference household size (national figure for an unknown region)."""
    key = _REGION_ALIASES.get(region.strip().lower(), region.strip())
    return REFERENCE_HOUSEHOLD_SIZE.get(key, NATIONAL_HOUSEHOLD_SIZE)


def duration_flags(s: SurveyRecord, center: tuple[float, float] | None, th: QualityThresholds) -> list[Flag]:
    """Too short, too long (absolute limits or robust z against the site) or negative."""
    m = s.minutes
    if m < 0:
        return [Flag.of("duration_invalid", "duration_invalid", s.survey_id, s.deo, minutes=f"{-m:.0f}")]
    z = robust_z(m, center)
    typical = {"typical": f"{center[0]:.0f}"} if center else {}
    suffix = "_typical" if center else ""
    if m < th.survey_min_minutes or (z is not None and z < -th.duration_z):
        return [Flag.of("duration_short", "duration_short" + suffix, s.survey_id, s.deo, minutes=f"{m:.1f}",
                        limit=f"{th.survey_min_minutes:g}", **typical)]
    if m > th.survey_max_minutes or (z is not None and z > th.duration_z):
        return [Flag.of("duration_long", "duration_long" + suffix, s.survey_id, s.deo, minutes=f"{m:.1f}",
                        limit=f"{th.survey_max_minutes:g}", **typical)]
    return []


def geo_flags(s: SurveyRecord, site_lat: float | None, site_lon: float | None, th: QualityThresholds) -> list[Flag]:
    """The geo-tag is farther than the radius from the site."""
    if site_lat is None or site_lon is None:
        return []
    d = haversine_m(s.lat, s.lon, site_lat, site_lon)
    if d > th.geo_radius_m:
        reason, far = ("geo_far_km", f"{d / 1000:.1f}") if d >= 1000 else ("geo_far_m", f"{d:.0f}")
        return [Flag.of("geo_far", reason, s.survey_id, s.deo, distance=far, limit=f"{th.geo_radius_m:g}")]
    return []


def address_flags(s: SurveyRecord, th: QualityThresholds) -> list[Flag]:
    """Too short, or missing one of its parts."""
    text = (s.address or "").strip()
    if len(text) < th.min_address_chars:
        return [Flag.of("address_short", "address_short", s.survey_id, s.deo, chars=len(text),
                        minimum=th.min_address_chars)]
    missing = address_missing_parts(text)
    if missing:
        return [Flag.of("address_parts", "address_parts", s.survey_id, s.deo, parts=", ".join(missing))]
    return []


def asset_flags(s: SurveyRecord) -> list[Flag]:
    """Asset answers that contradict each other (or the household size)."""
    a = s.assets
    rooms = int(a.get("rooms", 0))
    land = float(a.get("land_acres", 0))
    livestock = int(a.get("livestock", 0))
    out = []
    if rooms == 0:
        owned = [w for w, yes in (("land", land >= 1), ("livestock", livestock >= 10), ("a car", a.get("has_car")),
                                  ("an AC", a.get("has_ac"))) if yes]
        if owned:
            out.append(Flag.of("assets_no_rooms", "assets_no_rooms", s.survey_id, s.deo, owned=", ".join(owned)))
    if a.get("has_ac") and not a.get("has_fridge"):
        out.append(Flag.of("assets_ac_no_fridge", "assets_ac_no_fridge", s.survey_id, s.deo))
    if rooms >= 6 and s.household_size > 0 and rooms >= 3 * s.household_size:
        out.append(Flag.of("assets_rooms_excess", "assets_rooms_excess", s.survey_id, s.deo, rooms=rooms,
                           members=s.household_size))
    if s.household_size == 0:
        out.append(Flag.of("household_empty", "household_empty", s.survey_id, s.deo))
    return out


def duplicate_flags(surveys: list[SurveyRecord]) -> list[Flag]:
    """Later surveys with the same CNIC, phone or normalised address as an earlier one."""
    out = []
    for code, key in (("duplicate_cnic", lambda s: re.sub(r"\D", "", s.cnic)),
                      ("duplicate_phone", lambda s: normalise_phone(s.phone)),
                      ("duplicate_address", lambda s: normalise_address(s.address))):
        first: dict[str, str] = {}
        for s in sorted(surveys, key=lambda s: (s.submitted_at, s.survey_id)):
            k = key(s)
            if not k:
                continue
            if k in first:
                out.append(Flag.of(code, code, s.survey_id, s.deo, survey=first[k]))
            else:
                first[k] = s.survey_id
    return out


def household_flag(sizes: list[int], regions: list[str], deo: str, th: QualityThresholds) -> Flag | None:
    """A DEO-level (or site-level, ``deo=''``) flag when the day's average household is well below reference."""
    if len(sizes) < th.min_for_stats:
        return None
    avg = statistics.fmean(sizes)
    ref = statistics.fmean(reference_size(r) for r in regions)
    if avg < th.household_ratio * ref:
        return Flag.of("household_small", "household_small_deo" if deo else "household_small_site", None, deo,
                       who=deo, average=f"{avg:.1f}", reference=f"{ref:.1f}", ratio=f"{th.household_ratio:g}")
    return None


# ---- the whole day -----------------------------------------------------------------------------
def assess(surveys: Iterable[Any], site_id: str, day: date, *, site_lat: float | None, site_lon: float | None,
           thresholds: QualityThresholds | None = None) -> QualityReport:
    """Run every rule on a day's surveys and summarise per DEO."""
    th = thresholds or QualityThresholds()
    recs = [SurveyRecord.of(s) for s in surveys]
    valid = [r.minutes for r in recs if r.minutes >= 0]
    center = robust_center(valid) if len(valid) >= th.min_for_stats else None
    flags: list[Flag] = []
    for r in recs:
        flags += duration_flags(r, center, th)
        flags += geo_flags(r, site_lat, site_lon, th)
        flags += address_flags(r, th)
        flags += asset_flags(r)
    flags += duplicate_flags(recs)
    site_flag = household_flag([r.household_size for r in recs], [r.region for r in recs], "", th)
    if site_flag:
        flags.append(site_flag)

    by_deo: dict[str, list[SurveyRecord]] = defaultdict(list)
    for r in recs:
        by_deo[r.deo].append(r)
    per_deo = []
    for deo, mine in sorted(by_deo.items()):
        f = household_flag([r.household_size for r in mine], [r.region for r in mine], deo, th)
        if f:
            flags.append(f)
        ids = {r.survey_id for r in mine}
        mine_flags = [x for x in flags if x.deo == deo]
        durations = [r.minutes for r in mine if r.minutes >= 0]
        per_deo.append(DeoQuality(
            deo, len(mine), len({x.survey_id for x in mine_flags if x.survey_id in ids}),
            dict(sorted(Counter(x.code for x in mine_flags).items())),
            statistics.median(durations) if durations else None, statistics.fmean(r.household_size for r in mine),
        ))
    _mark_outliers(per_deo, th)
    flags.sort(key=lambda x: (x.deo, x.survey_id or "", x.code))
    sizes = [r.household_size for r in recs]
    return QualityReport(site_id, day, recs, flags, per_deo, center[0] if center else (
        statistics.median(valid) if valid else None), statistics.fmean(sizes) if sizes else None,
        statistics.fmean(reference_size(r.region) for r in recs) if recs else NATIONAL_HOUSEHOLD_SIZE)


_OUTLIER_FORMAT = {"flag_rate": "{:.0%}", "median_minutes": "{:.0f}", "avg_household_size": "{:.1f}"}


def _mark_outliers(per_deo: list[DeoQuality], th: QualityThresholds) -> None:
    """Robust z-score of each DEO's flag rate, median duration and household size against the others."""
    if len(per_deo) < 3:
        return
    metrics: dict[str, list[float | None]] = {
        "flag_rate": [d.flag_rate for d in per_deo],
        "median_minutes": [d.median_minutes for d in per_deo],
        "avg_household_size": [d.avg_household_size for d in per_deo],
    }
    for name, values in metrics.items():
        center = robust_center(v for v in values if v is not None)
        for d, v in zip(per_deo, values, strict=True):
            z = None if v is None else robust_z(v, center)
            d.z[name] = z
            # A low flag rate is good news, not an outlier worth a supervisor's time.
            if z is not None and center is not None and abs(z) > th.deo_z and not (name == "flag_rate" and z < 0):
                shown = {"value": _OUTLIER_FORMAT[name].format(v), "typical": _OUTLIER_FORMAT[name].format(center[0])}
                d.outlier_reasons.append(FLAG_REASONS["outlier_" + name].format(**shown))
                d.outlier_params.append(("outlier_" + name, shown))
