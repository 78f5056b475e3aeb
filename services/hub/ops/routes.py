"""Routes of the operations centre: sites, ingestion, site metadata, the regional API, data health."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, NamedTuple

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import delete, insert, select
from starlette.concurrency import run_in_threadpool

from services.hub import schemas as s
from services.hub.deps import SITE_ID_PATTERN, HubDeps, Problem, check_day, forbidden, upload_scope
from services.hub.keys import Caller
from services.hub.models import HubSite, SiteCounter, SiteDeo
from services.hub.ops import schemas as o
from services.hub.ops.answers import AnswerCache
from services.hub.ops.drilldown import data_health, site_drilldown
from services.hub.ops.ingest import IngestCounts, check_window, ingest, local_day
from services.hub.ops.partitions import PartitionKeeper
from services.hub.ops.regional import ranking, regional, regional_json, regional_rows
from services.hub.ops.report import build_report
from services.hub.ops.series import daily, deo_ranking
from services.hub.ops.wire import parse_batch
from services.hub.reference import SiteRow

SiteId = Annotated[str, Path(pattern=SITE_ID_PATTERN)]
From = Annotated[date | None, Query(alias="from")]
To = Annotated[date | None, Query(alias="to")]
OnDay = Annotated[date | None, Query(alias="date", description="synonym for from=to=date")]
Region = Annotated[s.RegionName | None, Query()]
District = Annotated[str | None, Query(max_length=80, pattern=r"^[^\x00]*$")]
MAX_SPAN_DAYS = 731


def date_range(start: date | None, end: date | None, on: date | None) -> tuple[date, date]:
    """``from``/``to`` (or ``date`` for one day), checked: both given, in order, at most two years."""
    if on is not None and start is None and end is None:
        start = end = on
    if start is None or end is None:
        raise Problem(422, "Invalid request", "give from=YYYY-MM-DD and to=YYYY-MM-DD (or date=)", "invalid-request")
    check_day(start)
    check_day(end)
    if end < start or (end - start).days >= MAX_SPAN_DAYS:
        raise Problem(422, "Invalid request", f"from must not be after to, and the range at most {MAX_SPAN_DAYS} "
                      "days", "invalid-request")
    return start, end


def check_region(caller: Caller, region: str | None) -> None:
    """A regional key asking for another region gets 403 (a site key's rows are limited anyway)."""
    own = caller.region_filter()
    if own is not None and region is not None and region != own:
        raise forbidden(f"This regional key reads {own} only.")


class RangeAsk(NamedTuple):
    """A question about the sites in the caller's scope over the business days ``first`` .. ``last``."""

    caller: Caller
    first: date
    last: date
    region: str | None


def range_ask(request: Request, start: From = None, end: To = None, on: OnDay = None,
              region: Region = None) -> RangeAsk:
    """Who asks, the range (``from``/``to`` or ``date``) and the region asked for, each checked (422, 403)."""
    caller = HubDeps.caller(request)
    first, last = date_range(start, end, on)
    check_region(caller, region)
    return RangeAsk(caller, first, last, region)


Asked = Annotated[RangeAsk, Depends(range_ask)]
"""The regional routes' first parameter: ``caller, first, last, region = ask``."""


def as_json(model: BaseModel) -> Response:
    """``model`` serialised once by pydantic (by alias), so FastAPI does not re-validate every row of it."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")


def ops_router(deps: HubDeps) -> APIRouter:
    """The operations centre's routes."""
    api = APIRouter()
    partitions = PartitionKeeper(deps.engine)
    answers = AnswerCache()
    known_sites: set[str] = set()  # sites an upload has found (the scope check is upload_scope's, per request)

    @api.get("/v1/sites", response_model=s.SiteList)
    def list_sites(request: Request) -> s.SiteList:
        """All DRCs (names and places are not secret; every key may list them)."""
        deps.caller(request)
        with deps.reading() as ses:
            rows = ses.execute(select(HubSite).order_by(HubSite.site_id)).scalars().all()
            return s.SiteList(sites=[SiteRow(r.site_id, r.name, r.region, r.district, r.tehsil, r.tehsil_code,
                                             r.lat, r.lon) for r in rows])

    # The hub serves the hand-written contract (resources/registry-api.yaml), which describes the body.
    @api.post("/v1/sites/{site_id}/events", response_model=s.IngestResult, dependencies=[Depends(upload_scope)])
    async def ingest_events(site_id: SiteId, request: Request) -> Response:
        """Store new events and roll them up; uuids already held count as duplicates.

        The body is read here (after the scope check); parsing and validating it in one pass
        (``ops.wire``) and the database work run on the thread pool.
        """
        caller = deps.caller(request)
        counts = await run_in_threadpool(store_batch, site_id, caller, await request.body())
        return Response(f'{{"accepted":{counts.accepted},"duplicates":{counts.duplicates}}}',
                        media_type="application/json")

    def store_batch(site_id: str, caller: Caller, body: bytes) -> IngestCounts:
        events = parse_batch(body)
        today = deps.today()
        check_window(events, today)
        partitions.ensure({local_day(ev.at) for ev in events}, today)
        with deps.writing() as ses:
            if site_id not in known_sites:  # sites are never deleted: ask the database once per process
                deps.writable_site(ses, site_id, caller)
                known_sites.add(site_id)
            counts = ingest(ses, site_id, events)
            ses.commit()
        return counts

    @api.put("/v1/sites/{site_id}/metadata", response_model=o.MetadataResult, dependencies=[Depends(upload_scope)])
    def put_metadata(site_id: SiteId, body: o.SiteMetadata, request: Request) -> o.MetadataResult:
        """Replace the site's counters and DEOs (pseudonymous ids with display names)."""
        caller = deps.caller(request)
        with deps.writing() as ses:
            deps.writable_site(ses, site_id, caller)
            for table in (SiteCounter, SiteDeo):
                ses.execute(delete(table).where(table.site_id == site_id))
            counters = {c.counter: c.label for c in body.counters}
            deos = {d.deo_id: d.display_name for d in body.deos}
            if counters:
                ses.execute(insert(SiteCounter), [{"site_id": site_id, "counter": k, "label": v}
                                                  for k, v in counters.items()])
            if deos:
                ses.execute(insert(SiteDeo), [{"site_id": site_id, "deo_id": k, "display_name": v}
                                              for k, v in deos.items()])
            ses.commit()
        return o.MetadataResult(counters=len(counters), deos=len(deos))

    @api.get("/v1/regions/performance", response_model=o.RegionalPerformance, response_model_by_alias=True)
    def performance(ask: Asked, request: Request, district: District = None) -> Response:
        """Every site in the caller's scope over a range (silent ones included) and the regions' totals.

        The answer is kept while no upload commits (``ops.answers``); ``Cache-Control: no-cache`` rebuilds it.
        """
        caller, first, last, region = ask
        with deps.reading() as ses:
            body = answers.answer(ses, (caller.kind, caller.scope, first, last, region, district),
                                  lambda: regional_json(first, last, *regional_rows(ses, caller, first, last, region,
                                                                                     district)),
                                  fresh="no-cache" in request.headers.get("cache-control", ""))
        return Response(body, media_type="application/json")

    @api.get("/v1/regions/ranking", response_model=o.Ranking, response_model_by_alias=True)
    def top_bottom(ask: Asked, kpi: Annotated[o.Kpi, Query()], n: Annotated[int, Query(ge=1, le=50)] = 5,
                   district: District = None) -> o.Ranking:
        """Top and bottom ``n`` reporting sites in scope by a KPI."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            sites, _ = regional(ses, caller, first, last, region, district)
        top, bottom = ranking(sites, kpi, n)
        return o.Ranking(**{"from": first}, to=last, kpi=kpi, top=top, bottom=bottom)

    @api.get("/v1/regions/deo-ranking", response_model=o.DeoRanking, response_model_by_alias=True)
    def deo_top_bottom(ask: Asked, n: Annotated[int, Query(ge=1, le=50)] = 5, district: District = None) -> Response:
        """Top and bottom ``n`` DEOs in scope by tokens served per active day."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            return as_json(deo_ranking(ses, caller, first, last, region, district, n))

    @api.get("/v1/regions/daily", response_model=o.RegionalDaily, response_model_by_alias=True)
    def day_by_day(ask: Asked, district: District = None) -> Response:
        """Every day of the range summed over the sites in scope (the trend charts)."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            return as_json(daily(ses, caller, first, last, region, district))

    @api.get("/v1/regions/report", response_model=o.RegionalReport, response_model_by_alias=True)
    def report(ask: Asked) -> Response:
        """The regional report's tables (what ``drc-hub report`` writes) for the caller's scope."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            body = build_report(ses, caller, first, last, region)
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")

    @api.get("/v1/regions/data-health", response_model=o.DataHealth, response_model_by_alias=True)
    def health_view(ask: Asked) -> o.DataHealth:
        """Events, tokens, flagged (impossible) histories and duplicates per site in scope."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            return data_health(ses, caller, first, last, region)

    @api.get("/v1/sites/{site_id}/performance", response_model=o.SiteDrillDown, response_model_by_alias=True)
    def drilldown(site_id: SiteId, request: Request, start: From = None, end: To = None,
                  on: OnDay = None) -> o.SiteDrillDown:
        """One site over a range: per hour, per update type, per day, per DEO, and its flagged tokens."""
        caller = deps.caller(request)
        first, last = date_range(start, end, on)
        with deps.reading() as ses:
            deps.readable_site(ses, site_id, caller)
            return site_drilldown(ses, site_id, first, last)

    return api


