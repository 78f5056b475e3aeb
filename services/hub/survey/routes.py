"""Routes of the survey API: submit a survey, register the slip key, the reconciliation list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy.orm import Session

from services.hub.deps import SITE_ID_PATTERN, HubDeps, Problem, check_day, upload_scope
from services.hub.models import SiteSlipKey
from services.hub.survey.link import submit
from services.hub.survey.reconcile import reconcile
from services.hub.survey.schemas import Reconciliation, SlipKeyIn, SlipKeyResult, SurveyIn, SurveyReceipt

SiteId = Annotated[str, Path(pattern=SITE_ID_PATTERN)]
MAX_GRACE_HOURS = 24 * 14


def survey_router(deps: HubDeps) -> APIRouter:
    """The survey routes."""
    api = APIRouter()

    @api.post("/v1/sites/{site_id}/surveys", response_model=SurveyReceipt, status_code=201,
              dependencies=[Depends(upload_scope)])
    def submit_survey(site_id: SiteId, body: SurveyIn, request: Request) -> SurveyReceipt:
        """A DEO's tablet submits one survey; the hub links it to the token its slip code or reference names."""
        caller = deps.caller(request)
        with deps.writing() as ses:
            deps.writable_site(ses, site_id, caller)
            return submit(ses, site_id, body)

    @api.put("/v1/sites/{site_id}/slip-key", response_model=SlipKeyResult, dependencies=[Depends(upload_scope)])
    def put_slip_key(site_id: SiteId, body: SlipKeyIn, request: Request) -> SlipKeyResult:
        """The site registers (or replaces) the secret its slips' QR codes are signed with."""
        caller = deps.caller(request)
        with deps.writing() as ses:
            deps.writable_site(ses, site_id, caller)
            _store_key(ses, site_id, body.secret)
            ses.commit()
        return SlipKeyResult(site_id=site_id, registered=True)

    @api.get("/v1/sites/{site_id}/reconciliation", response_model=Reconciliation)
    def reconciliation(site_id: SiteId, request: Request, day: Annotated[date, Query(alias="date")],
                       hours: Annotated[float, Query(ge=0, le=MAX_GRACE_HOURS)] = 2.0,
                       as_of: Annotated[datetime | None, Query()] = None) -> Reconciliation:
        """Completed tokens with no survey ``hours`` after completion, and surveys naming no token."""
        check_day(day)
        caller = deps.caller(request)
        now = (as_of or datetime.now(UTC))
        if now.tzinfo is not None:
            now = now.astimezone(UTC).replace(tzinfo=None)
        if not 2000 <= now.year <= 2100:
            raise Problem(422, "Invalid request", "as_of must lie between 2000 and 2100.", "invalid-request")
        with deps.reading() as ses:
            deps.readable_site(ses, site_id, caller)
            return reconcile(ses, site_id, day, hours, now)

    return api


def _store_key(ses: Session, site_id: str, secret: str) -> None:
    stamp = datetime.now(UTC).replace(tzinfo=None)
    held = ses.get(SiteSlipKey, site_id)
    if held is None:
        ses.add(SiteSlipKey(site_id=site_id, secret=secret, updated_at=stamp))
    else:
        held.secret, held.updated_at = secret, stamp
