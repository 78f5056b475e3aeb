"""The reconciliation of a site-day: completed tokens still without a survey, and surveys without a token.

A survey normally reaches the hub minutes after its token is completed; the list waits ``hours``
before it calls a token unsurveyed, so a tablet that uploads later in the day is not flagged.
Also the per-DEO survey counts the drill-down shows beside tokens served.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.deo_ids import deo_pseudonym
from services.hub.models import SiteEventRow, Survey
from services.hub.survey.schemas import Reconciliation, TokenlessSurvey, UnsurveyedToken

LISTED = 500  # rows per list: a site-day has a few hundred tokens at most


def reconcile(ses: Session, site_id: str, day: date, hours: float, as_of: datetime) -> Reconciliation:
    """The site-day's reconciliation as of ``as_of`` (naive UTC)."""
    done = ses.execute(
        select(SiteEventRow.token_id, SiteEventRow.token_number, func.min(SiteEventRow.at),
               func.coalesce(SiteEventRow.operator, SiteEventRow.actor))
        .where(SiteEventRow.site_id == site_id, SiteEventRow.day == day, SiteEventRow.kind == "completed")
        .group_by(SiteEventRow.token_id, SiteEventRow.token_number,
                  func.coalesce(SiteEventRow.operator, SiteEventRow.actor))
        .order_by(func.min(SiteEventRow.at))).all()
    tokens = sorted({int(t) for t, *_ in done})
    surveyed: set[int] = set()
    for i in range(0, len(tokens), 900):  # bounded IN lists (SQLite's parameter limit)
        surveyed |= {int(t) for t in ses.scalars(select(Survey.token_id).where(
            Survey.site_id == site_id, Survey.token_id.in_(tokens[i:i + 900]))) if t is not None}
    missing = []
    seen: set[int] = set()
    for token_id, number, at, deo in done:
        if token_id in surveyed or token_id in seen:
            continue
        seen.add(token_id)
        waited = (as_of - at).total_seconds() / 3600
        if waited >= hours:
            missing.append(UnsurveyedToken(token_id=token_id, token_number=number, completed_at=at,
                                           deo_id=deo_pseudonym(site_id, deo), hours_since=round(waited, 2)))
    tokenless = [TokenlessSurvey(survey_id=sid, deo_id=deo_pseudonym(site_id, deo), submitted_at=at)
                 for sid, deo, at in ses.execute(
                     select(Survey.survey_id, Survey.deo, Survey.submitted_at)
                     .where(Survey.site_id == site_id, Survey.day == day, Survey.token_id.is_(None))
                     .order_by(Survey.submitted_at, Survey.survey_id).limit(LISTED))]
    n_surveys = ses.scalar(select(func.count()).select_from(Survey).where(Survey.site_id == site_id,
                                                                         Survey.day == day)) or 0
    linked = ses.scalar(select(func.count()).select_from(Survey).where(
        Survey.site_id == site_id, Survey.day == day, Survey.token_id.is_not(None))) or 0
    return Reconciliation(site_id=site_id, date=day, hours=hours, as_of=as_of, completed=len(tokens),
                          surveys=int(n_surveys), linked=int(linked), missing_survey=missing[:LISTED],
                          missing_token=tokenless)


def surveys_per_deo(ses: Session, site_id: str, start: date, end: date) -> Counter[str]:
    """Surveys per DEO pseudonym over ``start..end`` (every survey of the site, linked or not)."""
    rows = ses.execute(select(Survey.deo, func.count()).where(Survey.site_id == site_id, Survey.day >= start,
                                                              Survey.day <= end).group_by(Survey.deo)).all()
    out: Counter[str] = Counter()
    for deo, n in rows:
        out[deo_pseudonym(site_id, deo)] += int(n)
    return out
