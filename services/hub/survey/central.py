"""Quality at the centre: duplicates across sites and days, one survey's drill-down, supervisors' reviews.

A site sees its own day; the centre sees the same household surveyed at two DRCs, or twice at one
DRC a week apart. :func:`duplicates` groups surveys that share a CNIC, a phone number (digits,
``+92`` -> ``0``) or a normalised address within ``window_days`` of each other, across every site
the hub holds, and reports the groups that touch the caller's scope in the range. CNICs and phones
leave the hub masked. A survey's drill-down runs the site's own quality rules
(``services.quality.assess``) on its site-day, so the reasons read as they do at the site.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.cnic import mask_cnic
from services.deo_ids import deo_pseudonym
from services.hub.deps import Problem
from services.hub.models import HubSite, Survey, SurveyReview
from services.hub.survey.schemas import (
    DuplicateGroup,
    DuplicateMember,
    FlagOut,
    ReviewIn,
    ReviewOut,
    SurveyDetail,
)
from services.quality import CODES, assess
from services.survey_text import mask_phone, normalise_address, normalise_phone

MAX_GROUPS = 500
_SURVEY_COLUMNS = (Survey.survey_id, Survey.site_id, Survey.day, Survey.deo, Survey.cnic, Survey.phone,
                   Survey.address)


def _keys(cnic: str, phone: str, address: str) -> list[tuple[str, str]]:
    out = []
    if cnic:
        out.append(("cnic", cnic))
    p = normalise_phone(phone)
    if len(p) >= 8:
        out.append(("phone", p))
    a = normalise_address(address)
    if len(a) >= 25:  # short addresses ("village") say nothing about a household
        out.append(("address", a))
    return out


def _shown(kind: str, value: str) -> str:
    return mask_cnic(value) if kind == "cnic" else mask_phone(value) if kind == "phone" else value


def duplicates(ses: Session, in_scope: set[str], start: date, end: date, window_days: int) -> list[DuplicateGroup]:
    """Groups of surveys sharing a CNIC, phone or address within ``window_days``, touching ``in_scope`` in range."""
    rows = ses.execute(select(*_SURVEY_COLUMNS).where(Survey.day >= start - timedelta(days=window_days),
                                                      Survey.day <= end + timedelta(days=window_days))).all()
    by_key: dict[tuple[str, str], list[tuple[date, str, str, str]]] = defaultdict(list)
    for sid, site, day, deo, cnic, phone, address in rows:
        for key in _keys(cnic, phone, address):
            by_key[key].append((day, sid, site, deo))
    groups: list[DuplicateGroup] = []
    for (kind, value), found in sorted(by_key.items()):
        if len(found) < 2:
            continue
        found.sort()
        close = [m for i, m in enumerate(found)
                 if (i > 0 and (m[0] - found[i - 1][0]).days <= window_days)
                 or (i + 1 < len(found) and (found[i + 1][0] - m[0]).days <= window_days)]
        if len(close) < 2 or not any(site in in_scope and start <= day <= end for day, _s, site, _d in close):
            continue
        groups.append(DuplicateGroup(
            kind=kind, value=_shown(kind, value), sites=len({m[2] for m in close}),
            surveys=[DuplicateMember(survey_id=sid, site_id=site, day=day, deo_id=deo_pseudonym(site, deo))
                     for day, sid, site, deo in close]))
        if len(groups) >= MAX_GROUPS:
            break
    return groups


def detail(ses: Session, survey: Survey, window_days: int) -> SurveyDetail:
    """One survey's paradata (masked), the reasons it is flagged, its duplicates elsewhere, and its reviews."""
    site = ses.get(HubSite, survey.site_id)
    day_rows = ses.scalars(select(Survey).where(Survey.site_id == survey.site_id, Survey.day == survey.day)).all()
    report = assess([_record(r) for r in day_rows], survey.site_id, survey.day,
                    site_lat=site.lat if site else None, site_lon=site.lon if site else None)
    flags = [FlagOut(code=f.code, title=CODES.get(f.code, f.code), explanation=f.explanation)
             for f in report.flags if f.survey_id == survey.survey_id]
    mine = set(_keys(survey.cnic, survey.phone, survey.address))
    elsewhere = [g for g in duplicates(ses, {survey.site_id}, survey.day, survey.day, window_days)
                 if any(m.survey_id == survey.survey_id for m in g.surveys)
                 and (g.kind, g.value) in {(k, _shown(k, v)) for k, v in mine}]
    for g in elsewhere:
        flags.append(FlagOut(code=f"cross_site_{g.kind}" if g.sites > 1 else f"repeat_{g.kind}",
                             title=f"Same {g.kind} elsewhere",
                             explanation=f"The same {g.kind} appears in {len(g.surveys) - 1} other survey(s) within "
                                         f"{window_days} days" + (f", at {g.sites} DRCs" if g.sites > 1 else "") + "."))
    return SurveyDetail(
        survey_id=survey.survey_id, site_id=survey.site_id, day=survey.day, deo_id=deo_pseudonym(survey.site_id,
                                                                                                 survey.deo),
        token_number=survey.token_number, cnic=mask_cnic(survey.cnic), phone=mask_phone(survey.phone),
        started_at=survey.started_at, submitted_at=survey.submitted_at,
        minutes=round((survey.submitted_at - survey.started_at).total_seconds() / 60, 1), lat=survey.lat,
        lon=survey.lon, address=survey.address, household_size=survey.household_size, assets=dict(survey.assets),
        b_form=survey.b_form, flags=flags, reviews=reviews_of(ses, [survey.survey_id]),
        status=_status(ses, survey.survey_id))


def _record(r: Survey) -> dict[str, object]:
    return {"survey_id": r.survey_id, "deo": r.deo, "cnic": r.cnic, "phone": r.phone,
            "started_at": r.started_at, "submitted_at": r.submitted_at, "lat": r.lat, "lon": r.lon,
            "address": r.address, "household_size": r.household_size, "region": r.region, "assets": r.assets}


def reviews_of(ses: Session, survey_ids: list[str]) -> list[ReviewOut]:
    """The reviews of some surveys, oldest first."""
    return [ReviewOut(survey_id=r.survey_id, site_id=r.site_id, at=r.at, action=r.action, flag=r.flag, note=r.note,
                      by=r.by)
            for r in ses.scalars(select(SurveyReview).where(SurveyReview.survey_id.in_(survey_ids))
                                 .order_by(SurveyReview.at, SurveyReview.id))]


def _status(ses: Session, survey_id: str) -> str:
    last = ses.scalars(select(SurveyReview.action).where(SurveyReview.survey_id == survey_id)
                       .order_by(SurveyReview.at.desc(), SurveyReview.id.desc()).limit(1)).first()
    return last or "open"


def add_review(ses: Session, survey: Survey, body: ReviewIn, now: datetime | None = None) -> ReviewOut:
    """Record a supervisor's review (the caller commits); a returned survey needs a note for its DEO."""
    action = "acknowledged" if body.action == "acknowledge" else "returned"
    if action == "returned" and not body.note.strip():
        raise Problem(422, "Note needed", "A survey returned to its DEO needs a note saying what to fix.",
                      "note-needed")
    if action == "acknowledged" and body.flag is not None and body.flag not in CODES:
        raise Problem(422, "Unknown flag", f"There is no quality flag {body.flag!r}.", "unknown-flag")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    row = SurveyReview(survey_id=survey.survey_id, site_id=survey.site_id, at=stamp, action=action, flag=body.flag,
                       note=body.note.strip(), by=body.by)
    ses.add(row)
    ses.flush()
    return ReviewOut(survey_id=row.survey_id, site_id=row.site_id, at=row.at, action=row.action, flag=row.flag,
                     note=row.note, by=row.by)
