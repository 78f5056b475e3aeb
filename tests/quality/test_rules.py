"""Quality rules, table-driven: each threshold at and around its boundary."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from services.quality import (
    QualityThresholds,
    SurveyRecord,
    address_flags,
    address_missing_parts,
    assess,
    asset_flags,
    duplicate_flags,
    duration_flags,
    geo_flags,
    haversine_m,
    household_flag,
    mask_phone,
    normalise_address,
    normalise_phone,
    reference_size,
    robust_center,
)

TH = QualityThresholds()  # min 10, max 90 min, 500 m, 25 chars
SITE_LAT, SITE_LON = 34.39633, 73.88635
T0 = datetime(2026, 3, 4, 5, 0, tzinfo=UTC)
GOOD_ADDRESS = "House 12, Street 4, near Jamia Masjid, Mohallah Khan, UC-12, Bagh"
ASSETS = {"rooms": 2, "livestock": 1, "land_acres": 0.5, "has_fridge": True, "has_motorcycle": False,
          "has_car": False, "has_ac": False}


def survey(sid: str = "S1", deo: str = "deo1", minutes: float = 30.0, **kw: Any) -> SurveyRecord:
    """A clean survey; keyword arguments override fields (``assets`` is merged)."""
    assets = {**ASSETS, **kw.pop("assets", {})}
    base = SurveyRecord(sid, deo, kw.pop("cnic", "3520212345671"), kw.pop("phone", "03001234567"), T0,
                        T0 + timedelta(minutes=minutes), SITE_LAT, SITE_LON, GOOD_ADDRESS, 5, "AJK", assets)
    return replace(base, **kw)


@pytest.mark.parametrize(("minutes", "code"), [
    (9.99, "duration_short"), (10.0, None), (10.01, None),
    (89.99, None), (90.0, None), (90.01, "duration_long"),
    (-1.0, "duration_invalid"),
])
def test_duration_absolute_limits(minutes: float, code: str | None) -> None:
    flags = duration_flags(survey(minutes=minutes), None, TH)
    assert [f.code for f in flags] == ([code] if code else [])


@pytest.mark.parametrize(("minutes", "code"), [
    # Site median 30, scaled MAD 4: 3.5 robust z-scores = 14 min either side.
    (44.0, None), (44.01, "duration_long"), (16.0, None), (15.99, "duration_short"),
])
def test_duration_robust_limits(minutes: float, code: str | None) -> None:
    flags = duration_flags(survey(minutes=minutes), (30.0, 4.0), TH)
    assert [f.code for f in flags] == ([code] if code else [])
    if code:
        assert "site typical 30 min" in flags[0].explanation


def test_robust_center_median_and_mad() -> None:
    med, mad = robust_center([10, 20, 30, 40, 1000])  # type: ignore[misc]
    assert med == 30 and mad == pytest.approx(10 * 1.4826)
    assert robust_center([]) is None
    med, mad = robust_center([5, 5, 5, 5, 9])  # type: ignore[misc]
    assert mad > 0  # MAD of 0 falls back to the mean absolute deviation


def test_haversine_known_distance() -> None:
    # 0.01 degree of latitude is ~1,112 m everywhere.
    assert haversine_m(34.0, 73.0, 34.01, 73.0) == pytest.approx(1111.95, abs=0.5)
    assert haversine_m(SITE_LAT, SITE_LON, SITE_LAT, SITE_LON) == 0


def _lat_at(metres: float) -> float:
    return SITE_LAT + math.degrees(metres / 6_371_008.8)


@pytest.mark.parametrize(("metres", "flagged"), [(499.0, False), (500.0, False), (501.0, True), (25_000, True)])
def test_geo_radius_boundary(metres: float, flagged: bool) -> None:
    flags = geo_flags(survey(lat=_lat_at(metres)), SITE_LAT, SITE_LON, TH)
    assert bool(flags) is flagged
    if metres > 1000:
        assert "25.0 km" in flags[0].explanation


def test_geo_skipped_without_site_location() -> None:
    assert geo_flags(survey(lat=0.0, lon=0.0), None, None, TH) == []


@pytest.mark.parametrize(("length", "flagged"), [(24, True), (25, False), (26, False)])
def test_address_length_boundary(length: int, flagged: bool) -> None:
    base = "House 1, Moh X, UC 2, Bagh"  # 26 characters with every part
    assert len(base) == 26
    address = base[:length]
    flags = address_flags(survey(address=address), TH)
    assert ("address_short" in [f.code for f in flags]) is flagged


@pytest.mark.parametrize(("address", "missing"), [
    (GOOD_ADDRESS, []),
    ("House 12, Street 4, Mohallah Khan, Bagh District", ["union council"]),
    ("Near the big masjid by the road, UC 4, Bagh", ["village/mohalla"]),
    ("Village Dhok Sayedan, Union Council 7, Rawalpindi", ["house/street"]),
    ("House 3, Mohalla Noorpur, U/C 9, somewhere far", ["city"]),
    ("Goth Allah Bux, u.c. 14, gali 2, Tehsil Thatta", []),
])
def test_address_parts(address: str, missing: list[str]) -> None:
    assert address_missing_parts(address) == missing


def test_address_parts_flag_names_the_missing_parts() -> None:
    flags = address_flags(survey(address="House 12, Street 4, Mohallah Khan, Bagh District"), TH)
    assert [f.code for f in flags] == ["address_parts"] and "union council" in flags[0].explanation


@pytest.mark.parametrize(("assets", "size", "codes"), [
    ({}, 5, []),
    ({"rooms": 0, "land_acres": 0.99, "livestock": 9}, 5, []),
    ({"rooms": 0, "land_acres": 1.0}, 5, ["assets_no_rooms"]),
    ({"rooms": 0, "land_acres": 0, "livestock": 10}, 5, ["assets_no_rooms"]),
    ({"rooms": 0, "land_acres": 0, "has_car": True}, 5, ["assets_no_rooms"]),
    ({"has_car": True, "has_motorcycle": False}, 5, []),  # a car without a motorcycle is normal
    ({"has_ac": True, "has_fridge": False}, 5, ["assets_ac_no_fridge"]),
    ({"has_ac": True, "has_fridge": True}, 5, []),
    ({"rooms": 6}, 2, ["assets_rooms_excess"]),
    ({"rooms": 5}, 1, []),  # fewer than 6 rooms
    ({"rooms": 6}, 3, []),  # 2 rooms per member
    ({"rooms": 9}, 3, ["assets_rooms_excess"]),
    ({}, 0, ["household_empty"]),
])
def test_asset_rules(assets: dict[str, Any], size: int, codes: list[str]) -> None:
    assert [f.code for f in asset_flags(survey(assets=assets, household_size=size))] == codes


@pytest.mark.parametrize(("avg", "flagged"), [(4.32, False), (4.3, True), (4.4, False)])
def test_household_size_against_reference(avg: float, flagged: bool) -> None:
    # AJK reference 5.4; 0.8 x 5.4 = 4.32: strictly below flags.
    sizes = [avg] * 5
    flag = household_flag(sizes, ["AJK"] * 5, "deo1", TH)  # type: ignore[arg-type]
    assert (flag is not None) is flagged
    if flag:
        assert flag.survey_id is None and flag.deo == "deo1" and "5.4" in flag.explanation


def test_household_needs_enough_surveys() -> None:
    assert household_flag([1, 1, 1, 1], ["AJK"] * 4, "deo1", TH) is None


@pytest.mark.parametrize(("region", "ref"), [("AJK", 5.4), ("Balochistan", 5.1), ("Gilgit-Baltistan", 6.5),
                                             ("GB", 6.5), ("Islamabad", 4.1), ("Khyber Pakhtunkhwa", 6.0),
                                             ("KP", 6.0), ("Punjab", 5.1), ("Sindh", 5.0), ("Mars", 5.2)])
def test_reference_sizes(region: str, ref: float) -> None:
    assert reference_size(region) == ref


def test_duplicates_flag_the_later_survey() -> None:
    a = survey("S1", minutes=20)
    b = survey("S2", deo="deo2", minutes=30, cnic="3520212345671", phone="+92 300 1234567",
               address="H# 12, St. 4, near jamia masjid; Mohallah Khan, UC 12, Bagh")
    c = survey("S3", minutes=40, cnic="3520299999991", phone="03110000000", address=GOOD_ADDRESS + " extra")
    flags = duplicate_flags([c, b, a])
    got = sorted((f.code, f.survey_id) for f in flags)
    assert got == [("duplicate_address", "S2"), ("duplicate_cnic", "S2"), ("duplicate_phone", "S2")]
    assert all("S1" in f.explanation and f.deo == "deo2" for f in flags)


def test_normalisers_and_masks() -> None:
    assert normalise_phone("+92-300-1234567") == "03001234567"
    assert mask_phone("03001234567") == "0300-****567"
    assert normalise_address("H# 12, St. 4") == normalise_address("house 12 street 4")


def test_assess_summarises_per_deo_and_marks_outliers() -> None:
    surveys = []
    for d in range(1, 5):
        for k in range(6):
            surveys.append(survey(f"D{d}-{k}", deo=f"deo{d}", minutes=28 + k, cnic=f"35202{d}{k:07d}",
                                  phone=f"030{d}{k:07d}", address=f"{GOOD_ADDRESS} {d}{k}"))
    # deo4 rushes every survey: 4-6 minutes each.
    surveys = [replace(s, submitted_at=s.started_at + timedelta(minutes=4 + i % 3)) if s.deo == "deo4" else s
               for i, s in enumerate(surveys)]
    report = assess(surveys, "PK10101-01", date(2026, 3, 4), site_lat=SITE_LAT, site_lon=SITE_LON)
    per = {d.deo: d for d in report.per_deo}
    assert per["deo4"].surveys == 6 and per["deo4"].flagged_surveys == 6 and per["deo4"].flag_rate == 1.0
    assert per["deo4"].flags == {"duration_short": 6}
    assert per["deo4"].outlier and any("median survey" in r for r in per["deo4"].outlier_reasons)
    assert not per["deo1"].outlier and per["deo1"].flagged_surveys == 0
    rows = report.flagged_surveys("deo4")
    assert len(rows) == 6 and rows[0]["cnic"].startswith("35202-*****") and "****" in rows[0]["phone"]
    d = report.as_dict()
    assert d["flag_counts"] == {"duration_short": 6} and d["available"] is True


def test_assess_reads_contract_dicts() -> None:
    raw = {"survey_id": "X", "deo": "deo1", "cnic": "3520212345671", "phone": "03001234567",
           "started_at": "2026-03-04T05:00:00Z", "submitted_at": "2026-03-04T05:03:00Z", "lat": SITE_LAT,
           "lon": SITE_LON, "address": "Village", "household_size": 4, "region": "AJK", "assets": ASSETS}
    report = assess([raw], "PK10101-01", date(2026, 3, 4), site_lat=SITE_LAT, site_lon=SITE_LON)
    assert sorted(f.code for f in report.flags) == ["address_short", "duration_short"]
    assert all(f.survey_id == "X" and f.explanation for f in report.flags)
