"""Surveys for a simulated day: one per completed token, sent to the hub through the tablet's API.

``drc-console simulate --hub`` calls :func:`send_surveys` after the day's events are uploaded. Each
completed token gets a survey by the DEO who served it (the operator of its completion), with
paradata like a tablet's: start and end (the survey's own length, 12-45 minutes; the simulated
queue's service times are shorter than a real survey), a GPS fix within a few hundred metres of
the centre, a four-part address, a household size around the region's average, assets, whether
the B-form was shown, and the slip's signed QR code (most) or the token's day and number.

A few anomalies are deliberate, so the quality checks and the reconciliation have something to
find: surveys that are too fast, geo-tagged far away, with a short address or a reused phone; one
completed token that never gets a survey; one survey sent twice and one slip replayed for a second
survey - those two must be refused by the hub and not counted.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from db.engine import Store
from db.models import Token, TokenEvent, TokenState
from services.hub.reference import REGION_BY_NAME, sites
from services.registry import RegistryClient, RegistryError, RegistryUnavailable
from services.site import site_location
from vocabulary.slip_payload import sign

ANOMALIES = ("too_fast", "far_geotag", "short_address", "duplicate_phone")
ANOMALY_RATE = 0.04
QR_SHARE = 0.8
LANDMARKS = ("Jamia Masjid", "Government Primary School", "Basic Health Unit", "Union Council office",
             "Main Bazaar", "Eidgah", "Girls High School", "Police Chowki")
FAMILIES = ("Khan", "Awan", "Shah", "Baloch", "Qureshi", "Malik", "Abbasi", "Jatoi", "Soomro", "Afridi")


@dataclass(frozen=True)
class PlannedSurvey:
    """One survey as the tablet would send it, and what the simulator expects the hub to answer."""

    body: dict[str, Any]
    deo: str
    expect: str  # "stored", or the refusal's slug (a resend, a replayed slip)


@dataclass
class SurveyUpload:
    """What the tablets' submissions did."""

    stored: Counter[str] = field(default_factory=Counter)  # per DEO username
    refused: Counter[str] = field(default_factory=Counter)  # per problem slug
    unexpected: list[str] = field(default_factory=list)
    skipped_tokens: list[str] = field(default_factory=list)  # completed tokens left without a survey
    anomalies: Counter[str] = field(default_factory=Counter)
    error: str | None = None

    def summary(self) -> str:
        """A few lines a person can read."""
        lines = [f"  surveys       : {sum(self.stored.values())} stored, "
                 f"{sum(self.refused.values())} refused as expected "
                 f"({', '.join(f'{k} {n}' for k, n in sorted(self.refused.items())) or 'none'})",
                 f"  no survey     : {', '.join(self.skipped_tokens) or 'none'}",
                 f"  anomalies     : {', '.join(f'{k} {n}' for k, n in sorted(self.anomalies.items())) or 'none'}"]
        if self.unexpected:
            lines.append(f"  unexpected    : {'; '.join(self.unexpected[:5])}")
        if self.error:
            lines.append(f"  survey error  : {self.error}")
        return "\n".join(lines)


def _region_of(site_id: str) -> str:
    return next((s.region for s in sites() if s.site_id == site_id), "Punjab")


def plan_surveys(store: Store, site_id: str, day: date, seed: int, secret: str) -> tuple[list[PlannedSurvey],
                                                                                      SurveyUpload]:
    """The surveys the day's completed tokens produce (deterministic for a seed), with the deliberate faults."""
    rng = random.Random(f"surveys/{site_id}/{day.isoformat()}/{seed}")
    region = REGION_BY_NAME.get(_region_of(site_id), REGION_BY_NAME["Punjab"])
    lat0, lon0 = site_location(store, site_id)
    lat0, lon0 = (lat0 or 30.0), (lon0 or 70.0)
    with store.read() as s:
        done = s.execute(
            select(Token.id, Token.number, Token.issued_type, Token.business_day, Token.started_at, Token.cnic,
                   TokenEvent.operator, TokenEvent.actor)
            .join(TokenEvent, TokenEvent.token_id == Token.id)
            .where(Token.site_id == site_id, Token.business_day == day, Token.state == TokenState.COMPLETED,
                   TokenEvent.kind == "completed")
            .order_by(Token.id)).all()
    report = SurveyUpload()
    planned: list[PlannedSurvey] = []
    phones: list[str] = []
    skip = rng.randrange(len(done)) if len(done) > 3 else -1
    for i, (tid, number, itype, bday, started, cnic, operator, actor) in enumerate(done):
        if i == skip:
            report.skipped_tokens.append(number)
            continue
        deo = operator or actor
        bad = rng.choice(ANOMALIES) if rng.random() < ANOMALY_RATE else None
        if bad == "duplicate_phone" and not phones:
            bad = None
        if bad:
            report.anomalies[bad] += 1
        begin = (started or datetime.combine(bday, datetime.min.time(), UTC)).astimezone(UTC)
        minutes = rng.uniform(3.0, 6.0) if bad == "too_fast" else min(45.0, max(12.0, rng.gauss(27.0, 6.0)))
        lat = lat0 + rng.uniform(-0.0025, 0.0025)
        lon = lon0 + rng.uniform(-0.0025, 0.0025)
        if bad == "far_geotag":
            lat += rng.choice((-1, 1)) * rng.uniform(0.3, 0.8)
            lon += rng.choice((-1, 1)) * rng.uniform(0.3, 0.8)
        address = (rng.choice(("Near masjid", "Village")) if bad == "short_address" else
                   f"House {rng.randint(1, 400)}, Street {rng.randint(1, 40)}, near {rng.choice(LANDMARKS)}, "
                   f"Mohallah {rng.choice(FAMILIES)}, UC-{rng.randint(1, 60)}, Tehsil")
        phone = phones[0] if bad == "duplicate_phone" else f"03{rng.randint(0, 4)}{rng.randint(0, 99_999_999):08d}"
        phones.append(phone)
        size = min(max(1, round(rng.gauss(region.avg_household_size, 1.6))), 18)
        person = cnic or f"{region.cnic_digit}{rng.randint(0, 10**12 - 1):012d}"
        body: dict[str, Any] = {
            "survey_id": f"{site_id}-{bday:%Y%m%d}-{tid}", "deo": deo,
            "started_at": _iso(begin), "submitted_at": _iso(begin + timedelta(minutes=minutes)),
            "lat": round(lat, 6), "lon": round(lon, 6), "address": address, "household_size": size,
            "assets": _assets(rng, size), "b_form_present": rng.random() < 0.85, "cnic": person, "phone": phone}
        if rng.random() < QR_SHARE:
            body["qr"] = sign(site_id, bday, number, str(itype.value), secret, cnic=cnic)
        else:
            body["token"] = {"day": bday.isoformat(), "number": number}
        planned.append(PlannedSurvey(body, deo, "stored"))
    if planned:
        again = planned[rng.randrange(len(planned))]
        planned.append(PlannedSurvey(dict(again.body), again.deo, "survey-already-received"))
        with_qr = [p for p in planned if "qr" in p.body and p.expect == "stored"]
        if with_qr:
            replay = with_qr[rng.randrange(len(with_qr))]
            planned.append(PlannedSurvey(dict(replay.body, survey_id=replay.body["survey_id"] + "-R"), replay.deo,
                                         "qr-replayed"))
    return planned, report


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _assets(rng: random.Random, size: int) -> dict[str, Any]:
    return {"rooms": rng.randint(1, 2 + size // 3), "livestock": rng.choice((0, 0, 0, 1, 2, 3, 5)),
            "land_acres": round(rng.choice((0.0, 0.0, 0.5, 1.0, 2.0, 4.0)) * rng.uniform(0.5, 1.5), 2),
            "has_fridge": rng.random() < 0.45, "has_motorcycle": rng.random() < 0.35, "has_car": rng.random() < 0.05,
            "has_ac": False}


def send_surveys(store: Store, site_id: str, day: date, client: RegistryClient, *, seed: int,
                 secret: str) -> SurveyUpload:
    """Register the slip key, then submit every planned survey; refusals are counted by their slug."""
    planned, report = plan_surveys(store, site_id, day, seed, secret)
    try:
        client.push_slip_key(site_id, secret)
    except (RegistryUnavailable, RegistryError) as exc:
        report.error = exc.message
        return report
    for p in planned:
        try:
            client.submit_survey(site_id, p.body)
        except RegistryError as exc:
            report.refused[exc.code or "refused"] += 1
            if exc.code != p.expect:
                report.unexpected.append(f"{p.body['survey_id']}: {exc.message}")
            continue
        except RegistryUnavailable as exc:
            report.error = exc.message
            break
        if p.expect == "stored":
            report.stored[p.deo] += 1
        else:
            report.unexpected.append(f"{p.body['survey_id']}: stored although {p.expect} was expected")
    return report
