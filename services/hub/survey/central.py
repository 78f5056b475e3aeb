"""Quality at the centre: duplicates across sites and days, one survey's drill-down, supervisors' reviews.

A site sees its own day; the centre sees the same household surveyed at two DRCs, or twice at one
DRC a week apart. :func:`duplicates` groups surveys that share a CNIC, a phone number (digits,
``+92`` -> ``0``) or a normalised address within ``window_days`` of each other, across every site
the hub holds, and reports the groups that touch the caller's scope in the range; the grouping
runs in SQL on hashed, indexed keys (``central_keys``), a page at a time. CNICs and phones
leave the hub masked. A survey's drill-down runs the site's own quality rules
(``services.quality.assess``) on its site-day, so the reasons read as they do at the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from services.cnic import mask_cnic
from services.deo_ids import deo_pseudonym
from services.hub.deps import Problem
from services.hub.models import HubSite, Survey, SurveyReview
from services.hub.survey.central_keys import KINDS, normalised
from services.hub.survey.schemas import (
    DuplicateGroup,
    DuplicateMember,
    FlagOut,
    ReviewIn,
    ReviewOut,
    SurveyDetail,
)
from services.quality import CODES, assess
from services.survey_text import mask_phone

MAX_GROUPS = 500
SCAN_SITES = 20  # a scope this wide walks the key index in order; a narrower one starts from its own keys
_SURVEY_COLUMNS = (Survey.survey_id, Survey.site_id, Survey.day, Survey.deo, Survey.cnic, Survey.phone,
                   Survey.address)
_KEY_COLUMN = {"cnic": Survey.cnic_key, "phone": Survey.phone_key, "address": Survey.address_key}


def _shown(kind: str, value: str) -> str:
    return mask_cnic(value) if kind == "cnic" else mask_phone(value) if kind == "phone" else value


@dataclass(frozen=True)
class _Member:
    day: date
    survey_id: str
    site_id: str
    deo: str
    value: str


def _close(found: list[_Member], window_days: int) -> list[_Member]:
    """The members within ``window_days`` of another member (``found`` sorted by day)."""
    return [m for i, m in enumerate(found)
            if (i > 0 and (m.day - found[i - 1].day).days <= window_days)
            or (i + 1 < len(found) and (found[i + 1].day - m.day).days <= window_days)]


def _members(ses: Session, kind: str, keys: list[str], lo: date, hi: date) -> dict[str, list[_Member]]:
    """The surveys of ``lo..hi`` holding each key (read through the key's index), sorted by day."""
    column = _KEY_COLUMN[kind]
    out: dict[str, list[_Member]] = {}
    for key, sid, site, day, deo, cnic, phone, address in ses.execute(
            select(column, *_SURVEY_COLUMNS).where(column.in_(keys), Survey.day >= lo, Survey.day <= hi)):
        if key is None:
            continue
        raw = cnic if kind == "cnic" else phone if kind == "phone" else address
        out.setdefault(key, []).append(_Member(day, sid, site, deo, normalised(kind, raw)))
    for found in out.values():
        found.sort(key=lambda m: (m.day, m.survey_id))
    return out


def _group(kind: str, close: list[_Member]) -> DuplicateGroup:
    return DuplicateGroup(
        kind=kind, value=_shown(kind, close[0].value), sites=len({m.site_id for m in close}),
        surveys=[DuplicateMember(survey_id=m.survey_id, site_id=m.site_id, day=m.day,
                                 deo_id=deo_pseudonym(m.site_id, m.deo)) for m in close])


def duplicates(ses: Session, in_scope: set[str] | None, start: date, end: date, window_days: int,
               limit: int = MAX_GROUPS, after: str | None = None) -> tuple[list[DuplicateGroup], str | None]:
    """Groups of surveys sharing a CNIC, phone or address within ``window_days``, touching ``in_scope`` in range.

    In SQL: the keys of the surveys in scope and range, kept when more than one survey of
    ``start - window .. end + window`` holds them (``GROUP BY key HAVING count(*) > 1``, on the
    key's index), a page of ``limit`` keys at a time in key order; then only those keys' surveys are
    read and the ones within the window of each other kept. ``in_scope`` None: every site.
    Returns the groups and the cursor of the next page (None: no more).
    """
    lo, hi = start - timedelta(days=window_days), end + timedelta(days=window_days)
    after_kind, _, after_key = (after or "").partition(":")
    groups: list[DuplicateGroup] = []
    for kind in KINDS:
        if after_kind in KINDS and KINDS.index(kind) < KINDS.index(after_kind):
            continue
        wanted = limit - len(groups)
        if wanted <= 0:  # the page is full: the next one starts at this kind
            return groups, f"{kind}:"
        column = _KEY_COLUMN[kind]
        q = _candidates(column, kind, in_scope, start, end, lo, hi).limit(wanted + 1)
        if kind == after_kind and after_key:
            q = q.where(column > after_key)
        keys = [k for k in ses.scalars(q) if k is not None]
        more = len(keys) > wanted
        keys = keys[:wanted]
        found = _members(ses, kind, keys, lo, hi) if keys else {}
        for key in keys:
            close = _close(found.get(key, []), window_days)
            if len(close) >= 2 and any((in_scope is None or m.site_id in in_scope) and start <= m.day <= end
                                       for m in close):
                groups.append(_group(kind, close))
        if more:
            return groups, f"{kind}:{keys[-1]}"
    return groups, None


def _candidates(column: Any, kind: str, in_scope: set[str] | None, start: date, end: date, lo: date,
                hi: date) -> Select[Any]:
    """The keys held by more than one survey of ``lo..hi`` and by one in scope and range, in key order.

    Every site, or a scope of ``SCAN_SITES`` DRCs or more (a region): one pass along the key's index
    (key, day, site) in key order, grouping as it goes and checking the scope from the index alone,
    so a page of ``limit`` keys stops early. A few DRCs (a site key): the scope's keys first (through
    the site-day index), then the groups of only those.
    """
    if in_scope is None or len(in_scope) >= SCAN_SITES:
        here = and_(Survey.day >= start, Survey.day <= end)
        if in_scope is not None:
            here = and_(here, Survey.site_id.in_(sorted(in_scope)))
        return (select(column).where(column.isnot(None), Survey.day >= lo, Survey.day <= hi)
                .group_by(column).having(func.count() > 1, func.max(case((here, 1), else_=0)) == 1)
                .order_by(column))
    mine = aliased(Survey)
    own = getattr(mine, f"{kind}_key")
    anchor = select(own).where(own.isnot(None), mine.day >= start, mine.day <= end,
                               mine.site_id.in_(sorted(in_scope)))
    return (select(column).where(column.in_(anchor), Survey.day >= lo, Survey.day <= hi)
            .group_by(column).having(func.count() > 1).order_by(column))


def duplicates_of(ses: Session, survey: Survey, window_days: int) -> list[DuplicateGroup]:
    """The duplicate groups one survey belongs to (its own keys, read through their indexes)."""
    lo, hi = survey.day - timedelta(days=window_days), survey.day + timedelta(days=window_days)
    out = []
    for kind in KINDS:
        key = getattr(survey, f"{kind}_key")
        if key is None:
            continue
        close = _close(_members(ses, kind, [key], lo, hi).get(key, []), window_days)
        if len(close) >= 2 and any(m.survey_id == survey.survey_id for m in close):
            out.append(_group(kind, close))
    return out


def detail(ses: Session, survey: Survey, window_days: int) -> SurveyDetail:
    """One survey's paradata (masked), the reasons it is flagged, its duplicates elsewhere, and its reviews."""
    site = ses.get(HubSite, survey.site_id)
    day_rows = ses.scalars(select(Survey).where(Survey.site_id == survey.site_id, Survey.day == survey.day)).all()
    report = assess([survey_record(r) for r in day_rows], survey.site_id, survey.day,
                    site_lat=site.lat if site else None, site_lon=site.lon if site else None)
    flags = [FlagOut(code=f.code, title=CODES.get(f.code, f.code), explanation=f.explanation, reason=f.reason,
                     params={k: str(v) for k, v in f.params.items()})
             for f in report.flags if f.survey_id == survey.survey_id]
    for g in duplicates_of(ses, survey, window_days):
        flags.append(FlagOut(code=f"cross_site_{g.kind}" if g.sites > 1 else f"repeat_{g.kind}",
                             title=f"Same {g.kind} elsewhere",
                             explanation=f"The same {g.kind} appears in {len(g.surveys) - 1} other survey(s) within "
                                         f"{window_days} days" + (f", at {g.sites} DRCs" if g.sites > 1 else "") + ".",
                             params={"others": str(len(g.surveys) - 1), "window": str(window_days),
                                     "sites": str(g.sites)}))
    return SurveyDetail(
        survey_id=survey.survey_id, site_id=survey.site_id, day=survey.day, deo_id=deo_pseudonym(survey.site_id,
                                                                                                 survey.deo),
        token_number=survey.token_number, cnic=mask_cnic(survey.cnic), phone=mask_phone(survey.phone),
        started_at=survey.started_at, submitted_at=survey.submitted_at,
        minutes=round((survey.submitted_at - survey.started_at).total_seconds() / 60, 1), lat=survey.lat,
        lon=survey.lon, address=survey.address, household_size=survey.household_size, assets=dict(survey.assets),
        b_form=survey.b_form, flags=flags, reviews=reviews_of(ses, [survey.survey_id]),
        status=_status(ses, survey.survey_id))


def survey_record(r: Survey) -> dict[str, object]:
    """A stored survey as the site's quality rules read it."""
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
