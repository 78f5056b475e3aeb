"""Two more regional questions, read from roll-ups: the best and worst DEOs, and the region day by day.

``deo_ranking`` ranks DEOs in scope by tokens served per active day (a day with at least one call),
as the annual report ranks operators; ``daily`` sums every day of a range over the sites in scope,
for the Region page's trend charts. Both use ``sites_in_scope``, so a key reads only what it may.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.orm import Session

from services.hub.keys import Caller
from services.hub.models import RollupDeo, SiteDay, SiteDeo
from services.hub.ops import schemas as o
from services.hub.ops.regional import SUMMED, Sums, sites_in_scope


def deo_ranking(ses: Session, caller: Caller, start: date, end: date, region: str | None, district: str | None,
                n: int = 5) -> o.DeoRanking:
    """Top and bottom ``n`` DEOs in scope by tokens served per active day (ties: more days first, then id)."""
    sites = {x.site_id: x for x in sites_in_scope(ses, caller, region, district)}
    q = (select(RollupDeo.site_id, RollupDeo.deo_id, cast(func.sum(RollupDeo.served), BigInteger),
                func.count(RollupDeo.day).filter(RollupDeo.called > 0))
         .where(RollupDeo.day >= start, RollupDeo.day <= end).group_by(RollupDeo.site_id, RollupDeo.deo_id))
    limited = caller.kind != "central" or region is not None or district is not None
    if limited:
        q = q.where(RollupDeo.site_id.in_(list(sites)))
    names = dict(((s, d), name) for s, d, name in ses.execute(
        select(SiteDeo.site_id, SiteDeo.deo_id, SiteDeo.display_name)))
    rows = []
    for site_id, deo_id, served, days in ses.execute(q):
        site = sites.get(site_id)
        if site is None or not days:
            continue
        rows.append(o.DeoRank(deo_id=deo_id, display_name=names.get((site_id, deo_id)), site_id=site_id,
                              site_name=site.name, region=site.region, district=site.district,
                              completed=int(served or 0), days_active=int(days),
                              completed_per_day=round(int(served or 0) / int(days), 1)))
    rows.sort(key=lambda r: (-r.completed_per_day, -r.days_active, r.site_id, r.deo_id))
    bottom = sorted(rows, key=lambda r: (r.completed_per_day, -r.days_active, r.site_id, r.deo_id))
    return o.DeoRanking(**{"from": start}, to=end, deos=len(rows), top=rows[:n], bottom=bottom[:n])


def daily(ses: Session, caller: Caller, start: date, end: date, region: str | None,
          district: str | None) -> o.RegionalDaily:
    """Every day of ``start..end`` summed over the sites in scope (a day nobody reported is all zeros)."""
    sites = [x.site_id for x in sites_in_scope(ses, caller, region, district)]
    cols = [cast(func.sum(getattr(SiteDay, k)), BigInteger) for k in SUMMED]
    q = (select(SiteDay.day, func.count(SiteDay.site_id).filter(SiteDay.events > 0), *cols)
         .where(SiteDay.day >= start, SiteDay.day <= end).group_by(SiteDay.day))
    if caller.kind != "central" or region is not None or district is not None:
        q = q.where(SiteDay.site_id.in_(sites))
    found: dict[date, tuple[int, Sums]] = {}
    for row in ses.execute(q):
        sums = Sums()
        sums.add_row(row[2:])
        found[row[0]] = (int(row[1] or 0), sums)
    days = []
    day = start
    while day <= end:
        reporting, sums = found.get(day, (0, Sums()))
        figs = sums.figures()
        days.append(o.DayTotals.model_construct(date=day, sites_reporting=reporting,
                                                flagged_tokens=sums.values["flagged_tokens"], **figs))
        day += timedelta(days=1)
    return o.RegionalDaily(**{"from": start}, to=end, sites=len(sites), days=days)
