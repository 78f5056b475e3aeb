"""Routes of the operations centre: the site list, event ingestion and regional performance."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import case, func, select

from services.hub import schemas as s
from services.hub.deps import SITE_ID_PATTERN, HubDeps, check_day, upload_scope
from services.hub.models import HubSite, SiteEventRow
from services.hub.ops.ingest import check_window, ingest

SiteId = Annotated[str, Path(pattern=SITE_ID_PATTERN)]


def ops_router(deps: HubDeps) -> APIRouter:
    """The operations centre's routes."""
    api = APIRouter()

    @api.get("/v1/sites", response_model=s.SiteList)
    def list_sites(request: Request) -> s.SiteList:
        """All DRCs (names and places are not secret; every key may list them)."""
        deps.caller(request)
        with deps.reading() as ses:
            rows = ses.execute(select(HubSite).order_by(HubSite.site_id)).scalars().all()
            return s.SiteList(sites=[s.SiteOut(site_id=r.site_id, name=r.name, region=r.region, district=r.district,
                                               tehsil=r.tehsil, tehsil_code=r.tehsil_code, lat=r.lat, lon=r.lon)
                                     for r in rows])

    @api.post("/v1/sites/{site_id}/events", response_model=s.IngestResult, dependencies=[Depends(upload_scope)])
    def ingest_events(site_id: SiteId, body: s.EventBatch, request: Request) -> s.IngestResult:
        """Store new events; uuids the hub already holds for this site count as duplicates."""
        caller = deps.caller(request)
        check_window(body.events, deps.today())
        with deps.writing() as ses:
            deps.writable_site(ses, site_id, caller)
            counts = ingest(ses, site_id, body.events)
            ses.commit()
        return s.IngestResult(accepted=counts.accepted, duplicates=counts.duplicates)

    @api.get("/v1/regions/performance", response_model=s.Performance)
    def performance(day: Annotated[date, Query(alias="date")], request: Request) -> s.Performance:
        """Tokens issued, completed and no-show per site in the caller's scope on one day."""
        check_day(day)
        caller = deps.caller(request)
        with deps.reading() as ses:
            def count(kind: str) -> Any:
                return func.coalesce(func.sum(case((SiteEventRow.kind == kind, 1), else_=0)), 0)

            q = (select(HubSite.site_id, HubSite.region, HubSite.district, HubSite.tehsil,
                        count("issued"), count("completed"), count("no_show"))
                 .join(SiteEventRow, SiteEventRow.site_id == HubSite.site_id)
                 .where(SiteEventRow.day == day)
                 .group_by(HubSite.site_id, HubSite.region, HubSite.district, HubSite.tehsil)
                 .order_by(HubSite.site_id))
            if caller.region_filter():
                q = q.where(HubSite.region == caller.region_filter())
            if caller.site_filter():
                q = q.where(HubSite.site_id == caller.site_filter())
            rows = ses.execute(q).all()
            return s.Performance(date=day, sites=[
                s.SitePerformance(site_id=r[0], region=r[1], district=r[2], tehsil=r[3], issued=int(r[4]),
                                  completed=int(r[5]), no_show=int(r[6])) for r in rows])

    return api
