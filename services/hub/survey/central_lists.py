"""The centre's lists over a scope and range: flagged surveys, and supervisors' overrides of blocked identities.

Flagged surveys run the site's own quality rules (``services.quality.assess``) on each site-day in
scope, as the drill-down does, so a flag reads the same at the site and at the centre. Overrides
come from what sites already upload: a token issued past a NADRA block carries
``{"override": {"by", "reason", "cnic"}}`` in its ``issued`` event's payload (the CNIC masked at the
site; older consoles send none, shown as '').
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.cnic import mask_cnic
from services.deo_ids import deo_pseudonym
from services.hub.models import HubSite, SiteEventRow, Survey, SurveyReview
from services.hub.survey.central import survey_record
from services.hub.survey.schemas import FlaggedSurvey, IdentityOverride
from services.quality import assess

MAX_ROWS = 1000


def flagged(ses: Session, sites: list[HubSite], start: date, end: date) -> tuple[list[FlaggedSurvey], bool]:
    """The flagged surveys of ``sites`` over ``start..end`` (site, day order) and whether the list was cut."""
    where = {x.site_id: x for x in sites}
    if not where:
        return [], False
    by_day: dict[tuple[str, date], list[Survey]] = defaultdict(list)
    for row in ses.scalars(select(Survey).where(Survey.site_id.in_(sorted(where)), Survey.day >= start,
                                                Survey.day <= end).order_by(Survey.site_id, Survey.day)):
        by_day[(row.site_id, row.day)].append(row)
    out: list[FlaggedSurvey] = []
    for (site_id, day), rows in by_day.items():
        site = where[site_id]
        report = assess([survey_record(r) for r in rows], site_id, day, site_lat=site.lat, site_lon=site.lon)
        codes: dict[str, list[str]] = defaultdict(list)
        for f in report.flags:
            if f.survey_id is not None and f.code not in codes[f.survey_id]:
                codes[f.survey_id].append(f.code)
        for r in rows:
            if r.survey_id in codes:
                out.append(FlaggedSurvey(survey_id=r.survey_id, site_id=site_id, day=day,
                                         deo_id=deo_pseudonym(site_id, r.deo), token_number=r.token_number,
                                         flags=codes[r.survey_id], status="open"))
    cut = len(out) > MAX_ROWS
    out = out[:MAX_ROWS]
    status = _statuses(ses, [x.survey_id for x in out])
    return [x.model_copy(update={"status": status.get(x.survey_id, "open")}) for x in out], cut


def _statuses(ses: Session, survey_ids: list[str]) -> dict[str, str]:
    """Each survey's latest review action (absent: open)."""
    out: dict[str, str] = {}
    for i in range(0, len(survey_ids), 500):
        for sid, action in ses.execute(select(SurveyReview.survey_id, SurveyReview.action)
                                       .where(SurveyReview.survey_id.in_(survey_ids[i:i + 500]))
                                       .order_by(SurveyReview.at, SurveyReview.id)):
            out[sid] = action
    return out


def overrides(ses: Session, site_ids: list[str], start: date, end: date) -> tuple[list[IdentityOverride], bool]:
    """Supervisors' overrides of blocked identities at ``site_ids`` over ``start..end``, newest first."""
    if not site_ids:
        return [], False
    by = SiteEventRow.payload[("override", "by")].as_string()
    rows = ses.execute(
        select(SiteEventRow.site_id, SiteEventRow.at, SiteEventRow.token_number, SiteEventRow.update_type,
               SiteEventRow.payload)
        .where(SiteEventRow.site_id.in_(site_ids), SiteEventRow.day >= start, SiteEventRow.day <= end,
               SiteEventRow.kind == "issued", by.isnot(None))
        .order_by(SiteEventRow.at.desc()).limit(MAX_ROWS + 1)).all()
    out = []
    for site_id, at, number, utype, payload in rows[:MAX_ROWS]:
        said = (payload or {}).get("override") or {}
        cnic = str(said.get("cnic") or "")
        cnic = mask_cnic(cnic) if cnic.isdigit() else cnic[:20]  # a console that sent it in clear: masked here
        out.append(IdentityOverride(site_id=site_id, at=at.replace(tzinfo=UTC) if at.tzinfo is None else at,
                                    token_number=number, update_type=utype, cnic=cnic,
                                    by=str(said.get("by") or "")[:40], reason=str(said.get("reason") or "")[:200]))
    return out, len(rows) > MAX_ROWS
