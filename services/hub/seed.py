"""A deterministic synthetic population for the hub (``drc-hub seed``).

Follows DOMAIN.md's reference figures: households are spread over regions in the registry's
proportions, household sizes average the regional figure, PMT scores put about a quarter at or
below the cut-off (32), last survey dates spread over 2019-2024, ~4% of tehsils are under a shock
notification. The first households are crafted so every triage path has sample visitors
(``sample_visitors``). Survey paradata is seeded for every site on the last days before ``as_of``,
with a few deliberately bad surveys for the quality checks. Same seed + same ``as_of`` = same data.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Engine, and_, delete, insert, or_, select, text
from sqlalchemy.orm import Session

from services.clock import SITE_ZONE
from services.hub.models import (
    Citizen,
    Household,
    HubSite,
    HubTehsil,
    Member,
    ShockNotification,
    SiteEventRow,
    Survey,
)
from services.hub.reference import REGION_BY_NAME, REGIONS, TOTAL_HOUSEHOLDS, sites, tehsils
from services.hub.scoring import CUTOFF
from services.hub.survey.central_keys import survey_keys

SURVEY_FROM, SURVEY_TO = date(2019, 1, 1), date(2024, 12, 31)
SHOCK_SHARE = 0.04
PARADATA_DAYS = 8  # as_of and the seven days before
BAD_KINDS = ("too_fast", "far_geotag", "short_address", "duplicate_phone", "inconsistent_assets")
DEMO_SITE = "PK10101-01"

MALE = ("Muhammad", "Ahmed", "Ali", "Hassan", "Usman", "Bilal", "Imran", "Tariq", "Zubair", "Asif", "Naveed",
        "Kashif", "Fahad", "Shahid", "Sajid", "Rashid", "Khalid", "Faisal", "Adnan", "Waqas", "Hamza", "Zain",
        "Ghulam", "Abdul", "Noor", "Sher", "Gul", "Aslam", "Akbar", "Javed", "Yasir", "Saleem")
FEMALE = ("Ayesha", "Fatima", "Zainab", "Maryam", "Khadija", "Amina", "Sana", "Nadia", "Rubina", "Shazia",
          "Samina", "Naseem", "Parveen", "Bushra", "Saima", "Hina", "Rukhsana", "Iqra", "Mehwish", "Kiran",
          "Shabana", "Nasreen", "Farzana", "Gulnaz", "Razia", "Sughra", "Bibi", "Naila", "Asma", "Uzma")
FAMILY = ("Khan", "Ahmed", "Hussain", "Shah", "Baloch", "Memon", "Qureshi", "Butt", "Malik", "Chaudhry",
          "Jatoi", "Abbasi", "Awan", "Bhatti", "Rajput", "Mughal", "Siddiqui", "Yousafzai", "Marri",
          "Bugti", "Soomro", "Magsi", "Lashari", "Kazmi", "Gilani", "Afridi", "Wazir", "Durrani")
SHOCK_REASONS = ("Floods (monsoon)", "Flash floods", "Earthquake", "Drought", "Heavy snowfall and landslides",
                 "Cyclone")
LANDMARKS = ("Jamia Masjid", "Government Primary School", "Basic Health Unit", "Union Council office",
             "Post Office", "Main Bazaar", "Railway crossing", "Eidgah", "Girls High School", "Police Chowki")


@dataclass(frozen=True)
class SampleVisitor:
    """A CNIC that takes one triage path, with the name on record and why."""

    cnic: str
    name: str | None
    note: str


@dataclass(frozen=True)
class SeedSummary:
    """What ``seed`` wrote."""

    households: int
    members: int
    shock_tehsils: int
    surveys: int
    as_of: date


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 Feb becomes 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _cnic(digit: str, body: int, male: bool) -> str:
    # The last digit of a real CNIC is odd for men and even for women.
    last = (body % 5) * 2 + (1 if male else 0)
    return f"{digit}{body:011d}{last}"


def _chunks(rows: list[dict[str, Any]], size: int = 20_000) -> Any:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _bulk(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows: COPY on PostgreSQL (several times faster), executemany batches elsewhere."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        cols = list(rows[0])
        names = ", ".join(f'"{c}"' for c in cols)
        with conn.connection.driver_connection.cursor() as cur, \
                cur.copy(f'COPY {table.__tablename__} ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([json.dumps(v) if isinstance(v, dict) else v for v in (row[c] for c in cols)])
        return
    for chunk in _chunks(rows):
        conn.execute(insert(table), chunk)


def clear(engine: Engine) -> None:
    """Delete the synthetic population and everything sites sent (keeps API keys)."""
    from services.hub.models import (
        FlaggedToken,
        RollupDeo,
        RollupHour,
        SiteCounter,
        SiteDay,
        SiteDeo,
        SiteMonth,
        SiteSeen,
    )

    with engine.begin() as conn:
        for table in (SiteEventRow, RollupHour, RollupDeo, SiteDay, SiteMonth, FlaggedToken, SiteSeen, SiteCounter, SiteDeo,
                      Survey, Member, Citizen, Household, ShockNotification, HubSite, HubTehsil):
            conn.execute(delete(table))


def seed(engine: Engine, households: int = 10_000, seed: int = 1, as_of: date | None = None,
         paradata_days: int = PARADATA_DAYS) -> SeedSummary:
    """Replace the hub's population with a deterministic synthetic one (see the module docstring)."""
    as_of = as_of or datetime.now(SITE_ZONE).date()
    rng = np.random.Generator(np.random.PCG64(seed))
    prng = random.Random(seed)
    clear(engine)

    units = tehsils()
    site_rows = sites()
    site_tehsils = {s.tehsil_code for s in site_rows}
    # Shock areas: tehsils with a DRC, so a shock visitor has a centre to walk into.
    candidates = sorted(site_tehsils - {DEMO_SITE[:7]})
    n_shock = max(3, round(len(units) * SHOCK_SHARE))
    shock_codes = sorted(prng.sample(candidates, n_shock))
    shock_rows = [{"tehsil_code": c, "notified_on": as_of - timedelta(days=prng.randint(5, 150)),
                   "reason": prng.choice(SHOCK_REASONS)} for c in shock_codes]
    shock_set = set(shock_codes)

    hh_rows, member_rows = _population(rng, households, as_of, shock_set)
    citizen_rows = _citizens(random.Random(seed + 1), max(40, households // 5), as_of,
                             {m["cnic"] for m in member_rows if m["cnic"]})
    survey_rows = _paradata(prng, as_of, paradata_days)

    with engine.begin() as conn:
        _bulk(conn, HubTehsil, [{"code": t.code, "name": t.name, "district": t.district, "region": t.region}
                                for t in units])
        _bulk(conn, HubSite, [{"site_id": s.site_id, "name": s.name, "region": s.region, "district": s.district,
                               "tehsil": s.tehsil, "tehsil_code": s.tehsil_code, "lat": s.lat, "lon": s.lon}
                              for s in site_rows])
        _bulk(conn, ShockNotification, shock_rows)
        _bulk(conn, Household, hh_rows)
        _bulk(conn, Member, member_rows)
        _bulk(conn, Citizen, citizen_rows)
        _bulk(conn, Survey, [dict(r, **survey_keys(r["cnic"], r["phone"], r["address"])) for r in survey_rows])
        if conn.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))  # fresh planner statistics after a bulk load
    return SeedSummary(len(hh_rows), len(member_rows), len(shock_rows), len(survey_rows), as_of)


# (key, beneficiary, last survey: days before as_of, shock area, id_status of the head)
_CRAFTED: tuple[tuple[str, bool, int, bool, str], ...] = (
    ("roster", False, 300, False, "ok"),
    ("roster", True, 500, False, "ok"),
    ("shock", False, 200, True, "ok"),
    ("shock", True, 2000, True, "ok"),
    ("cyclic", False, 3 * 365, False, "ok"),
    ("cyclic", False, 5 * 365, False, "ok"),
    ("recertification", True, 4 * 365, False, "ok"),
    ("recertification", True, 6 * 365, False, "ok"),
    ("appeal", False, 400, False, "ok"),
    ("appeal", False, 250, False, "ok"),
    ("blocked", False, 900, False, "blocked"),
    ("mismatch", False, 900, False, "mismatch"),
    ("mismatch", True, 1500, False, "mismatch"),
)


def _population(rng: np.random.Generator, n: int, as_of: date,
                shock_set: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Households and members as row dicts (vectorised draws, one Python pass to build rows)."""
    shares = np.array([r.households for r in REGIONS], dtype=float) / TOTAL_HOUSEHOLDS
    region_idx = rng.choice(len(REGIONS), size=n, p=shares)
    by_region = {r.name: [t.code for t in tehsils() if t.region == r.name] for r in REGIONS}
    pick = rng.random(n)
    avg = np.array([r.avg_household_size for r in REGIONS])[region_idx]
    sizes = np.minimum(1 + rng.poisson(avg - 1), 20)
    scores = np.round(np.clip(rng.normal(41.5, 14.0, n), 1.0, 99.0), 2)
    span = (SURVEY_TO - SURVEY_FROM).days + 1
    survey_offsets = rng.integers(0, span, n)
    head_female = rng.random(n) < 0.09
    head_age = rng.integers(24, 72, n)
    family = rng.integers(0, len(FAMILY), n)
    total = int(sizes.sum())
    first_m = rng.integers(0, len(MALE), total + 64)
    first_f = rng.integers(0, len(FEMALE), total + 64)
    roll = rng.random(total + 64)
    age_roll = rng.random(total + 64)
    cnic_body = rng.integers(10**9, 10**11, total + 64)
    flag_roll = rng.random(total + 64)

    crafted_tehsil = {False: "PK10101", True: sorted(shock_set)[0]}
    hh_rows: list[dict[str, Any]] = []
    member_rows: list[dict[str, Any]] = []
    seen_cnic: set[str] = set()
    j = 0
    for i in range(n):
        region = REGIONS[int(region_idx[i])]
        codes = by_region[region.name]
        tehsil = codes[int(pick[i] * len(codes))]
        score = float(scores[i])
        last = SURVEY_FROM + timedelta(days=int(survey_offsets[i]))
        size = int(sizes[i])
        flag_head = None
        if i < len(_CRAFTED):
            _key, beneficiary, days_ago, shock, flag_head = _CRAFTED[i]
            tehsil = crafted_tehsil[shock]
            region = REGION_BY_NAME[next(t.region for t in tehsils() if t.code == tehsil)]
            score = 33.5 + i if _key == "appeal" else (18.0 + i if beneficiary else 48.0 + i)
            last = as_of - timedelta(days=days_ago)
            size = max(size, 4)
        digit = region.cnic_digit
        hid = f"HH{i + 1:08d}"
        fam = FAMILY[int(family[i])]
        female_head = bool(head_female[i])
        h_age = int(head_age[i])
        people: list[tuple[str, str, int]] = [("head", "f" if female_head else "m", h_age)]
        for k in range(1, size):
            r = float(roll[j + k])
            if k == 1 and r < 0.9:
                people.append(("spouse", "m" if female_head else "f", max(18, h_age + int(age_roll[j + k] * 10) - 5)))
            elif r < 0.06 and h_age < 55:
                people.append(("father" if r < 0.03 else "mother", "m" if r < 0.03 else "f",
                               min(95, h_age + 22 + int(age_roll[j + k] * 15))))
            elif r < 0.1:
                people.append(("other", "m" if r < 0.08 else "f", int(age_roll[j + k] * 60)))
            else:
                child_max = max(1, h_age - 17)
                people.append(("son" if r < 0.55 else "daughter", "m" if r < 0.55 else "f",
                               int(age_roll[j + k] * child_max)))
        for pos, (relation, gender, age) in enumerate(people):
            jj = j + pos
            male = gender == "m"
            given = MALE[int(first_m[jj])] if male else FEMALE[int(first_f[jj])]
            name = f"{given} {fam}" if relation not in ("spouse", "mother", "other") or male else f"{given} Bibi"
            cnic = None
            if age >= 18:
                body = int(cnic_body[jj])
                cnic = _cnic(digit, body, male)
                while cnic in seen_cnic:
                    body = (body * 7 + 13) % 10**11
                    cnic = _cnic(digit, body, male)
                seen_cnic.add(cnic)
            status = "ok"
            if pos == 0 and flag_head is not None:
                status = flag_head
            elif i >= len(_CRAFTED) and cnic is not None:
                f = float(flag_roll[jj])
                status = "blocked" if f < 0.002 else ("mismatch" if f < 0.005 else "ok")
            member_rows.append({"member_id": f"{hid}-{pos + 1:02d}", "household_id": hid, "position": pos,
                                "name": name, "relation": relation, "gender": gender, "age": age, "cnic": cnic,
                                "id_status": status})
        head_name = member_rows[-len(people)]["name"]
        hh_rows.append({"household_id": hid, "tehsil_code": tehsil, "pmt_score": score, "last_survey_date": last,
                        "members": len(people), "head_name": head_name})
        j += len(people)
        if j + 64 > len(roll):
            extra = 4096
            roll = np.concatenate([roll, rng.random(extra)])
            age_roll = np.concatenate([age_roll, rng.random(extra)])
            first_m = np.concatenate([first_m, rng.integers(0, len(MALE), extra)])
            first_f = np.concatenate([first_f, rng.integers(0, len(FEMALE), extra)])
            cnic_body = np.concatenate([cnic_body, rng.integers(10**9, 10**11, extra)])
            flag_roll = np.concatenate([flag_roll, rng.random(extra)])
    return hh_rows, member_rows


def _citizens(prng: random.Random, n: int, as_of: date, taken: set[str]) -> list[dict[str, Any]]:
    """NADRA's records of adults in no registered household: the real missed-out visitors.

    A separate generator keeps the households and members of a given seed unchanged. About one in
    a hundred is blocked by NADRA; none is a mismatch (their records are not in the registry to clash).
    """
    rows: list[dict[str, Any]] = []
    for k in range(n):
        region = REGIONS[k % len(REGIONS)]
        male = prng.random() < 0.6
        cnic = _cnic(region.cnic_digit, prng.randrange(10**9, 10**11), male)
        while cnic in taken:
            cnic = _cnic(region.cnic_digit, prng.randrange(10**9, 10**11), male)
        taken.add(cnic)
        given = prng.choice(MALE if male else FEMALE)
        rows.append({"cnic": cnic, "name": f"{given} {prng.choice(FAMILY)}", "gender": "m" if male else "f",
                     "birth_year": as_of.year - prng.randint(18, 70),
                     "id_status": "blocked" if k % 97 == 50 else "ok"})
    return rows


def _assets(prng: random.Random, size: int) -> dict[str, Any]:
    rooms = prng.randint(1, 2 + size // 3)
    land = round(prng.choice((0.0, 0.0, 0.0, 0.5, 1.0, 2.0, 4.0, 8.0)) * prng.uniform(0.5, 1.5), 2)
    return {"rooms": rooms, "livestock": prng.choice((0, 0, 0, 1, 2, 3, 5, 8)), "land_acres": land,
            "has_fridge": prng.random() < 0.45, "has_motorcycle": prng.random() < 0.4,
            "has_car": prng.random() < 0.06, "has_ac": prng.random() < 0.08}


def _paradata(prng: random.Random, as_of: date, days: int) -> list[dict[str, Any]]:
    """Surveys per site and day; each site-day has one deliberately bad survey, the demo site all kinds."""
    rows: list[dict[str, Any]] = []
    for site in sites():
        region = REGION_BY_NAME[site.region]
        n_deo = prng.randint(2, 5)
        for back in range(days - 1, -1, -1):
            day = as_of - timedelta(days=back)
            n = prng.randint(8, 18)
            bad_at = {prng.randrange(n): prng.choice(BAD_KINDS)}
            if site.site_id == DEMO_SITE:
                bad_at = {k: kind for k, kind in enumerate(BAD_KINDS, start=1)}
            phones: list[str] = []
            for k in range(n):
                bad = bad_at.get(k)
                start_local = datetime.combine(day, time(9, 0), SITE_ZONE) + timedelta(minutes=prng.randint(0, 450))
                minutes = prng.uniform(2.0, 5.0) if bad == "too_fast" else max(12.0, prng.gauss(28.0, 7.0))
                started = start_local.astimezone(UTC).replace(tzinfo=None)
                submitted = started + timedelta(minutes=minutes)
                # Within ~370 m of the centre: a tablet at the site, well inside the 500 m check.
                lat = site.lat + prng.uniform(-0.0025, 0.0025)
                lon = site.lon + prng.uniform(-0.0025, 0.0025)
                if bad == "far_geotag":
                    lat += prng.choice((-1, 1)) * prng.uniform(0.3, 0.8)
                    lon += prng.choice((-1, 1)) * prng.uniform(0.3, 0.8)
                if bad == "short_address":
                    address = prng.choice(("Near masjid", site.tehsil, "Village"))
                else:
                    address = (f"House {prng.randint(1, 400)}, Street {prng.randint(1, 40)}, near "
                               f"{prng.choice(LANDMARKS)}, Mohallah {prng.choice(FAMILY)}, UC-{prng.randint(1, 60)}, "
                               f"{site.tehsil}, {site.district}")
                phone = f"03{prng.randint(0, 4)}{prng.randint(0, 9_999_999):07d}{prng.randint(0, 9)}"[:11]
                if bad == "duplicate_phone" and phones:
                    phone = phones[0]
                phones.append(phone)
                # Centred on the regional average (a tight spread: single bad surveys, not whole days, stand out).
                size = min(max(1, round(prng.gauss(region.avg_household_size, 1.6))), 18)
                assets = _assets(prng, size)
                if bad == "inconsistent_assets":
                    assets.update(rooms=0, land_acres=round(prng.uniform(10, 40), 1), livestock=prng.randint(20, 60))
                rows.append({"survey_id": f"{site.site_id}-{day:%Y%m%d}-{k + 1:03d}", "site_id": site.site_id,
                             "day": day, "deo": f"deo{prng.randint(1, n_deo)}",
                             "cnic": f"{region.cnic_digit}{prng.randint(0, 10**12 - 1):012d}", "phone": phone,
                             "started_at": started, "submitted_at": submitted, "lat": round(lat, 6),
                             "lon": round(lon, 6), "address": address, "household_size": size,
                             "region": site.region, "assets": assets})
    return rows


def _head_samples(ses: Session, where: Any, note: str, limit: int) -> list[SampleVisitor]:
    rows = ses.execute(
        select(Member.cnic, Member.name).join(Household, Household.household_id == Member.household_id)
        .outerjoin(ShockNotification, ShockNotification.tehsil_code == Household.tehsil_code)
        .where(Member.position == 0, Member.cnic.is_not(None), where)
        .order_by(Member.household_id).limit(limit)
    ).all()
    return [SampleVisitor(str(c), n, note) for c, n in rows]


def missed_out_cnics(ses: Session, count: int = 3) -> list[str]:
    """CNICs NADRA verifies that belong to no registered household (deterministic; at most ``count``)."""
    rows = ses.execute(select(Citizen.cnic).where(Citizen.id_status == "ok").order_by(Citizen.cnic)
                       .limit(count)).scalars().all()
    return [str(c) for c in rows]


def unknown_cnics(ses: Session, count: int = 3) -> list[str]:
    """Well-formed CNICs that NADRA does not know (a mistyped card): deterministic."""
    out: list[str] = []
    digits = "3415678"
    k = 0
    while len(out) < count:
        cnic = f"{digits[k % len(digits)]}{(k * 7919 + 4242) % 10**11:011d}{(k % 5) * 2 + 1}"
        if ses.execute(select(Member.member_id).where(Member.cnic == cnic)).first() is None and \
                ses.get(Citizen, cnic) is None:
            out.append(cnic)
        k += 1
    return out


def sample_visitors(ses: Session, today: date, cutoff: float = CUTOFF, limit: int = 3) -> dict[str, list[SampleVisitor]]:
    """CNICs per triage path in the seeded population, as of ``today``.

    Keys: missed_out, roster, shock, cyclic, recertification, appeal, not_yet_eligible, blocked, mismatch,
    unknown. Missed-out visitors are NADRA-verified people in no household; ``unknown`` CNICs are ones
    NADRA does not know (a typo); the rest are heads of registered households.
    """
    ok = Member.id_status == "ok"
    no_shock = ShockNotification.tehsil_code.is_(None)
    two, three = years_before(today, 2), years_before(today, 3)
    beneficiary = Household.pmt_score <= cutoff
    non_beneficiary = Household.pmt_score > cutoff
    return {
        "missed_out": [SampleVisitor(c, None, "Not in the registry: full survey (missed-out household)")
                       for c in missed_out_cnics(ses, limit)],
        "roster": _head_samples(ses, and_(ok, no_shock, Household.last_survey_date > two),
                                "Registered, surveyed recently: roster update only", limit),
        "shock": _head_samples(ses, and_(ok, ShockNotification.tehsil_code.is_not(None)),
                               "Registered household in a notified shock area", limit),
        "cyclic": _head_samples(ses, and_(ok, no_shock, non_beneficiary, Household.last_survey_date <= two),
                                "Non-beneficiary, last survey more than 2 years ago", limit),
        "recertification": _head_samples(ses, and_(ok, no_shock, beneficiary, Household.last_survey_date <= three),
                                         "Beneficiary, last survey more than 3 years ago", limit),
        "appeal": _head_samples(ses, and_(ok, no_shock, non_beneficiary, Household.pmt_score <= cutoff + 5),
                                "Non-beneficiary just above the cut-off (appeal, if switched on)", limit),
        "not_yet_eligible": _head_samples(
            ses, and_(ok, no_shock, or_(and_(non_beneficiary, Household.last_survey_date > two),
                                        and_(beneficiary, Household.last_survey_date > three))),
            "Surveyed recently: cyclic / recertification not yet due", limit),
        "blocked": _head_samples(ses, Member.id_status == "blocked", "Identity blocked by the ID authority", limit),
        "mismatch": _head_samples(ses, Member.id_status == "mismatch", "Identity record flagged as a mismatch",
                                  limit),
        "unknown": [SampleVisitor(c, None, "NADRA does not know this CNIC (a typo?): no household can be registered")
                    for c in unknown_cnics(ses, limit)],
    }
