"""The synthetic population: deterministic, and shaped like DOMAIN.md's reference figures."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.hub.db import make_engine, upgrade
from services.hub.models import Household, HubSite, Member, ShockNotification, Survey
from services.hub.reference import REGIONS, TOTAL_HOUSEHOLDS, build_sites, sites, tehsils
from services.hub.seed import seed
from tests.hub.conftest import TODAY


def _fingerprint(url: str) -> str:
    engine = make_engine(url)
    digest = hashlib.sha256()
    with Session(engine) as ses:
        for row in ses.execute(select(Household.household_id, Household.tehsil_code, Household.pmt_score,
                                      Household.last_survey_date, Household.members).order_by(Household.household_id)):
            digest.update(repr(tuple(row)).encode())
        for row in ses.execute(select(Member.member_id, Member.name, Member.relation, Member.age, Member.cnic,
                                      Member.id_status).order_by(Member.member_id)):
            digest.update(repr(tuple(row)).encode())
        for row in ses.execute(select(Survey.survey_id, Survey.phone, Survey.started_at, Survey.lat)
                               .order_by(Survey.survey_id)):
            digest.update(repr(tuple(row)).encode())
        for row in ses.execute(select(ShockNotification.tehsil_code, ShockNotification.notified_on)
                               .order_by(ShockNotification.tehsil_code)):
            digest.update(repr(tuple(row)).encode())
    engine.dispose()
    return digest.hexdigest()


def _seeded(tmp_path: Path, name: str, households: int, seed_value: int) -> str:
    url = f"sqlite:///{tmp_path / name}"
    upgrade(url)
    engine = make_engine(url)
    seed(engine, households, seed_value, as_of=TODAY, paradata_days=1)
    engine.dispose()
    return url


def test_seed_is_deterministic(tmp_path: Path) -> None:
    a = _fingerprint(_seeded(tmp_path, "a.sqlite3", 1500, 5))
    b = _fingerprint(_seeded(tmp_path, "b.sqlite3", 1500, 5))
    c = _fingerprint(_seeded(tmp_path, "c.sqlite3", 1500, 6))
    assert a == b
    assert a != c


def test_reseeding_replaces_the_population(tmp_path: Path) -> None:
    url = _seeded(tmp_path, "r.sqlite3", 500, 5)
    engine = make_engine(url)
    seed(engine, 300, 5, as_of=TODAY, paradata_days=1)
    with Session(engine) as ses:
        assert ses.scalar(select(func.count()).select_from(Household)) == 300
        assert ses.scalar(select(func.count()).select_from(HubSite)) == 617
    engine.dispose()


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> str:
    """20,000 households, enough for shares within a point or two."""
    return _seeded(tmp_path_factory.mktemp("pop"), "pop.sqlite3", 20_000, 3)


def test_region_shares_and_household_sizes_follow_reference(population: str) -> None:
    engine = make_engine(population)
    region_of = {t.code: t.region for t in tehsils()}
    with Session(engine) as ses:
        rows = ses.execute(select(Household.tehsil_code, Household.members)).all()
    engine.dispose()
    count: Counter[str] = Counter()
    people: defaultdict[str, int] = defaultdict(int)
    for code, members in rows:
        count[region_of[code]] += 1
        people[region_of[code]] += members
    n = len(rows)
    for region in REGIONS:
        share = region.households / TOTAL_HOUSEHOLDS
        assert count[region.name] / n == pytest.approx(share, abs=0.012), region.name
        tolerance = 0.15 if count[region.name] > 1000 else 0.45
        assert people[region.name] / count[region.name] == pytest.approx(region.avg_household_size, abs=tolerance)
    assert sum(people.values()) / n == pytest.approx(5.2, abs=0.1)


def test_beneficiaries_survey_dates_shocks_and_relations(population: str) -> None:
    engine = make_engine(population)
    with Session(engine) as ses:
        scores = ses.scalars(select(Household.pmt_score)).all()
        dates = ses.scalars(select(Household.last_survey_date).where(Household.household_id > "HH00000100")).all()
        shock = ses.scalar(select(func.count()).select_from(ShockNotification))
        relations = Counter(ses.scalars(select(Member.relation)).all())
        heads_per_household = ses.execute(select(Member.household_id, func.count()).where(Member.relation == "head")
                                          .group_by(Member.household_id).having(func.count() != 1)).all()
        statuses = Counter(ses.scalars(select(Member.id_status)).all())
        cnic_digits = Counter(c[0] for c in ses.scalars(select(Member.cnic).where(Member.cnic.is_not(None))).all())
    engine.dispose()
    beneficiaries = sum(s <= 32 for s in scores) / len(scores)
    assert 0.22 <= beneficiaries <= 0.28
    assert all(0 <= s <= 100 for s in scores)
    assert min(dates) >= date(2019, 1, 1) and max(dates) <= date(2024, 12, 31)
    assert {d.year for d in dates} == {2019, 2020, 2021, 2022, 2023, 2024}
    assert 10 <= shock <= 40
    assert heads_per_household == []
    assert relations["spouse"] > relations["son"] / 3 and relations["daughter"] and relations["mother"]
    assert relations["father"] and relations["other"]
    assert 0 < statuses["blocked"] < statuses["mismatch"] < statuses["ok"] / 100
    assert set(cnic_digits) == {"1", "3", "4", "5", "6", "7", "8"}
    assert cnic_digits["3"] > cnic_digits["4"] > cnic_digits["1"]


def test_site_list_rule() -> None:
    built = build_sites()
    assert [(s.site_id, s.lat, s.lon) for s in built] == [(s.site_id, s.lat, s.lon) for s in sites()]
    assert len({s.site_id for s in built}) == 617
    by_region = Counter(s.region for s in built)
    assert by_region == {r.name: r.drcs for r in REGIONS}
    kp_districts = {t.district_code for t in tehsils() if t.region == "Khyber Pakhtunkhwa"}
    kp_site_districts = {t.district_code for t in tehsils() for s in built if s.tehsil_code == t.code
                         and s.region == "Khyber Pakhtunkhwa"}
    assert kp_site_districts == kp_districts
    punjab_tehsils = {t.code for t in tehsils() if t.region == "Punjab"}
    assert punjab_tehsils <= {s.tehsil_code for s in built}

