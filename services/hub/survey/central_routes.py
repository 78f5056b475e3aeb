"""Routes of quality at the centre: duplicates across sites and days, a survey's drill-down, reviews."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.hub.deps import HubDeps, Problem, forbidden
from services.hub.models import Survey, SurveyReview
from services.hub.ops.regional import sites_in_scope
from services.hub.ops.routes import Asked
from services.hub.survey.central import MAX_GROUPS, add_review, detail, duplicates, reviews_of
from services.hub.survey.central_lists import flagged, overrides
from services.hub.survey.schemas import (
    Duplicates,
    Flagged,
    IdentityOverrides,
    ReviewIn,
    ReviewOut,
    Reviews,
    SurveyDetail,
)

SurveyId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,40}$")]
Window = Annotated[int, Query(ge=0, le=366, description="Days between two surveys that still count as duplicates")]
Limit = Annotated[int, Query(ge=1, le=MAX_GROUPS, description="Groups per page at most")]
After = Annotated[str | None, Query(pattern=r"^(cnic|phone|address):([0-9a-f]{32})?$",
                                    description="The cursor `next` of the previous page")]
MAX_REVIEWS = 1000
MAX_FLAGGED_DAYS = 31


def central_router(deps: HubDeps) -> APIRouter:
    """The centre's survey-quality routes."""
    api = APIRouter()

    @api.get("/v1/surveys/duplicates", response_model=Duplicates, response_model_by_alias=True)
    def find_duplicates(ask: Asked, window_days: Window = 30, limit: Limit = MAX_GROUPS,
                        after: After = None) -> Duplicates:
        """Surveys sharing a CNIC, phone or address within ``window_days``, across sites and days (paged)."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            everywhere = region is None and caller.region_filter() is None and caller.site_filter() is None
            scope = None if everywhere else {x.site_id for x in sites_in_scope(ses, caller, region, None)}
            groups, more = duplicates(ses, scope, first, last, window_days, limit, after)
        return Duplicates(**{"from": first}, to=last, window_days=window_days, groups=groups, next=more)

    @api.get("/v1/surveys/flagged", response_model=Flagged, response_model_by_alias=True)
    def list_flagged(ask: Asked) -> Flagged:
        """Surveys in the caller's scope that the site's quality rules flag, at most 31 days at a time."""
        caller, first, last, region = ask
        if (last - first).days >= MAX_FLAGGED_DAYS:
            raise Problem(422, "Invalid request", f"flagged surveys are listed {MAX_FLAGGED_DAYS} days at a time at "
                          "most", "invalid-request")
        with deps.reading() as ses:
            rows, cut = flagged(ses, sites_in_scope(ses, caller, region, None), first, last)
        return Flagged(**{"from": first}, to=last, surveys=rows, truncated=cut)

    @api.get("/v1/identity/overrides", response_model=IdentityOverrides, response_model_by_alias=True)
    def list_overrides(ask: Asked) -> IdentityOverrides:
        """Every supervisor's override of a NADRA-blocked identity in the caller's scope, newest first."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            scope = [x.site_id for x in sites_in_scope(ses, caller, region, None)]
            rows, cut = overrides(ses, scope, first, last)
        return IdentityOverrides(**{"from": first}, to=last, overrides=rows, truncated=cut)

    @api.get("/v1/surveys/reviews", response_model=Reviews)
    def list_reviews(ask: Asked) -> Reviews:
        """Supervisors' reviews in the caller's scope over a range (by when they were made), newest first."""
        caller, first, last, region = ask
        with deps.reading() as ses:
            scope = [x.site_id for x in sites_in_scope(ses, caller, region, None)]
            ids = list(ses.scalars(
                select(SurveyReview.survey_id).distinct().where(
                    SurveyReview.site_id.in_(scope), SurveyReview.at >= datetime.combine(first, time.min),
                    SurveyReview.at < datetime.combine(last + timedelta(days=1), time.min)).limit(MAX_REVIEWS)))
            found = reviews_of(ses, ids) if ids else []
        return Reviews(reviews=sorted(found, key=lambda r: r.at, reverse=True))

    @api.get("/v1/surveys/{survey_id}", response_model=SurveyDetail)
    def survey_detail(survey_id: SurveyId, request: Request, window_days: Window = 30) -> SurveyDetail:
        """One survey's paradata (CNIC and phone masked), why it is flagged, its duplicates, and its reviews."""
        caller = deps.caller(request)
        with deps.reading() as ses:
            survey = _survey(ses, survey_id)
            deps.readable_site(ses, survey.site_id, caller)
            return detail(ses, survey, window_days)

    @api.post("/v1/surveys/{survey_id}/reviews", response_model=ReviewOut, status_code=201)
    def review(survey_id: SurveyId, body: ReviewIn, request: Request) -> ReviewOut:
        """The site's supervisor acknowledges a flag or returns the survey to its DEO with a note."""
        caller = deps.caller(request)
        with deps.writing() as ses:
            survey = _survey(ses, survey_id)
            if not caller.may_write(survey.site_id):
                raise forbidden(f"This {caller.kind} key ({caller.scope}) may not review surveys of {survey.site_id}.")
            out = add_review(ses, survey, body)
            ses.commit()
        return out

    return api


def _survey(ses: Session, survey_id: str) -> Survey:
    found = ses.get(Survey, survey_id)
    if found is None:
        raise Problem(404, "Not found", f"No survey {survey_id}.", "survey-not-found")
    return found
