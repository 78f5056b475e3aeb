"""One site over a range, from roll-ups: per hour, per update type, per day, per DEO; and data health."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.hub.keys import Caller
from services.hub.models import FlaggedToken, RollupDeo, RollupHour, SiteDay, SiteDeo
from services.hub.ops import schemas as o
from services.hub.ops.regional import SUMMED, Sums, sites_in_scope
from services.hub.survey.reconcile import surveys_per_deo

FLAGGED_SHOWN = 200


def _hour_sums(row: RollupHour) -> dict[str, Any]:
    values = {k: getattr(row, k) for k in ("issued", "called", "served", "no_show", "wait_sum_s", "wait_n",
                                            "service_sum_s", "service_n")}
    values.update({f"w{i}": n for i, n in enumerate(row.wait_hist)})
    return values


def site_drilldown(ses: Session, site_id: str, start: date, end: date) -> o.SiteDrillDown:
    """Everything the roll-ups know about one site over ``start..end``."""
    hours: dict[int, Sums] = defaultdict(Sums)
    types: dict[str, Sums] = defaultdict(Sums)
    for row in ses.scalars(select(RollupHour).where(RollupHour.site_id == site_id, RollupHour.day >= start,
                                                    RollupHour.day <= end)):
        values = _hour_sums(row)
        hours[row.hour].add(values)
        types[row.update_type].add(values)
    total = Sums()
    days = []
    for site_day in ses.scalars(select(SiteDay).where(SiteDay.site_id == site_id, SiteDay.day >= start,
                                                      SiteDay.day <= end).order_by(SiteDay.day)):
        values = {k: getattr(site_day, k) for k in SUMMED}
        total.add(values)
        day = Sums()
        day.add(values)
        days.append(o.DayFigures(date=site_day.day, flagged_tokens=site_day.flagged_tokens,
                                 duplicates=site_day.duplicates, **day.figures()))
    names = dict(ses.execute(select(SiteDeo.deo_id, SiteDeo.display_name).where(SiteDeo.site_id == site_id))
                 .all())
    deo_rows = ses.execute(
        select(RollupDeo.deo_id, func.sum(RollupDeo.called), func.sum(RollupDeo.served), func.sum(RollupDeo.no_show),
               func.sum(RollupDeo.service_sum_s), func.sum(RollupDeo.service_n))
        .where(RollupDeo.site_id == site_id, RollupDeo.day >= start, RollupDeo.day <= end)
        .group_by(RollupDeo.deo_id).order_by(RollupDeo.deo_id)).all()
    surveys = surveys_per_deo(ses, site_id, start, end)
    deos = [o.DeoFigures(deo_id=d, display_name=names.get(d), called=int(c), completed=int(sv), no_show=int(ns),
                         mean_service_min=round(int(ss) / int(sn) / 60, 1) if sn else None, surveys=surveys.get(d, 0))
            for d, c, sv, ns, ss, sn in deo_rows]
    # A DEO with surveys but no token work in the range still gets a row (their surveys must show).
    deos += [o.DeoFigures(deo_id=d, display_name=names.get(d), called=0, completed=0, no_show=0,
                          mean_service_min=None, surveys=n)
             for d, n in sorted(surveys.items()) if d not in {x.deo_id for x in deos}]
    flagged = [o.FlaggedOut(date=f.day, token_id=f.token_id, reason=f.reason) for f in ses.scalars(
        select(FlaggedToken).where(FlaggedToken.site_id == site_id, FlaggedToken.day >= start,
                                   FlaggedToken.day <= end)
        .order_by(FlaggedToken.day, FlaggedToken.token_id).limit(FLAGGED_SHOWN))]
    return o.SiteDrillDown(
        site_id=site_id, **{"from": start}, to=end, total=o.Figures(**total.figures()),
        hours=[o.HourFigures(hour=h, **hours[h].figures()) for h in sorted(hours)],
        update_types=[o.TypeFigures(update_type=t, **types[t].figures()) for t in sorted(types)],
        days=days, deos=deos, flagged=flagged, surveys=sum(surveys.values()))


def data_health(ses: Session, caller: Caller, start: date, end: date, region: str | None) -> o.DataHealth:
    """Events, tokens, flagged tokens and duplicates per site in scope that sent anything."""
    sites = {x.site_id: x for x in sites_in_scope(ses, caller, region, None)}
    rows = ses.execute(
        select(SiteDay.site_id, func.sum(SiteDay.events), func.sum(SiteDay.tokens), func.sum(SiteDay.flagged_tokens),
               func.sum(SiteDay.duplicates))
        .where(SiteDay.day >= start, SiteDay.day <= end).group_by(SiteDay.site_id).order_by(SiteDay.site_id)).all()
    out = [o.SiteHealth(site_id=s, region=sites[s].region, events=int(e), tokens=int(t), flagged_tokens=int(f),
                        duplicates=int(d)) for s, e, t, f, d in rows if s in sites]
    return o.DataHealth(**{"from": start}, to=end, events=sum(x.events for x in out), tokens=sum(x.tokens for x in out),
                        flagged_tokens=sum(x.flagged_tokens for x in out),
                        duplicates=sum(x.duplicates for x in out), sites=out)
