"""Routes of the registry adapter (triage look-ups, scoring, paradata, demo samples).

The triage look-ups are ``async def`` on purpose: each is one or two reads by a unique index
(well under a millisecond), so they run on the event loop; a thread-pool hop per request cost
more than the query on a busy two-core server (see tests/benchmarks/triage_bench.py).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.hub import schemas as s
from services.hub.deps import HOUSEHOLD_ID_PATTERN, SITE_ID_PATTERN, HubDeps, Problem, check_day, iso_utc, lookup_scope
from services.hub.models import Household, HubTehsil, Member, ShockNotification, Survey
from services.hub.policy import policy_answer
from services.hub.registry.lookup import identify, same_name, shock_list, triage_lookup
from services.hub.scoring import Assets, score

LOOKUP = [Depends(lookup_scope)]


def registry_router(deps: HubDeps, *, demo: bool) -> APIRouter:
    """The adapter's routes; ``demo`` adds ``/v1/demo/samples`` (``drc-hub serve --demo``)."""
    api = APIRouter()

    def status_of(ses: Session, household_id: str) -> s.HouseholdStatus:
        row = ses.execute(
            select(Household.household_id, Household.pmt_score, Household.last_survey_date, Household.members,
                   HubTehsil.region, HubTehsil.district, HubTehsil.name, HubTehsil.code,
                   ShockNotification.tehsil_code)
            .join(HubTehsil, HubTehsil.code == Household.tehsil_code)
            .outerjoin(ShockNotification, ShockNotification.tehsil_code == Household.tehsil_code)
            .where(Household.household_id == household_id)
        ).first()
        if row is None:
            raise Problem(404, "Not found", "No registered household with this id.", "household-not-found")
        hid, pmt, last, members, region, district, tehsil, code, shock = row
        return s.HouseholdStatus(
            household_id=hid, registered=True, beneficiary=pmt is not None and pmt <= deps.cutoff, pmt_score=pmt,
            last_survey_date=last, region=region, district=district, tehsil=tehsil, tehsil_code=code,
            shock_area=shock is not None, members=members)

    @api.get("/v1/policy", response_model=s.PolicyOut)
    async def policy(request: Request) -> s.PolicyOut:
        """The centre's policy: cut-off, periods, appeal switch, quality limits, each with its source (any key)."""
        deps.caller(request)
        return policy_answer(deps.cutoff, deps.today())

    @api.post("/v1/triage/lookup", response_model=s.TriageLookup, dependencies=LOOKUP)
    async def lookup(body: s.TriageRequest) -> s.TriageLookup:
        """Identity, membership, household, family tree and shock list in one answer (one round trip)."""
        with deps.reading() as ses:
            return triage_lookup(ses, body, deps.cutoff, deps.today())

    @api.post("/v1/identity/verify", response_model=s.VerifyResult, dependencies=LOOKUP)
    async def verify(body: s.VerifyRequest) -> s.VerifyResult:
        """Verify a CNIC and return the family tree (older consoles; new ones use /v1/triage/lookup).

        ``not_found`` now means NADRA does not know the CNIC; a person NADRA knows who is in no
        household is ``verified`` with no household.
        """
        with deps.reading() as ses:
            nadra, _member = identify(ses, body.cnic, body.name)
            of_household = select(Member.household_id).where(Member.cnic == body.cnic).scalar_subquery()
            rows = ses.execute(
                select(Member.member_id, Member.name, Member.relation, Member.gender, Member.age, Member.cnic,
                       Member.id_status, Member.household_id, Household.head_name)
                .join(Household, Household.household_id == Member.household_id)
                .where(Member.household_id == of_household).order_by(Member.position)
            ).all()
        person = next((r for r in rows if r.cnic == body.cnic), None)
        if person is None:
            status = "not_found" if nadra == "unknown" else nadra
            return s.VerifyResult(cnic=body.cnic, status=status, household_id=None, head_name=None, members=[])
        if person.id_status == "blocked":
            return s.VerifyResult(cnic=body.cnic, status="blocked", household_id=None, head_name=None, members=[])
        mismatch = person.id_status == "mismatch" or (body.name is not None and body.name.strip() != ""
                                                       and not same_name(body.name, person.name))
        return s.VerifyResult(
            cnic=body.cnic, status="mismatch" if mismatch else "verified", household_id=person.household_id,
            head_name=person.head_name,
            members=[s.MemberOut(member_id=m.member_id, name=m.name, relation=m.relation, gender=m.gender,
                                 age=m.age, cnic=m.cnic) for m in rows])

    @api.post("/v1/households/status-by-cnic", response_model=s.HouseholdStatus, dependencies=LOOKUP)
    async def status_by_cnic(body: s.CnicLookup) -> s.HouseholdStatus:
        """Status of the household a CNIC belongs to (the CNIC travels in the body, never the URL)."""
        with deps.reading() as ses:
            hid = ses.execute(select(Member.household_id).where(Member.cnic == body.cnic)).scalar_one_or_none()
            if hid is None:
                raise Problem(404, "Not found", "This CNIC does not belong to a registered household.",
                              "household-not-found")
            return status_of(ses, hid)

    @api.get("/v1/households/{household_id}/status", response_model=s.HouseholdStatus, dependencies=LOOKUP)
    async def status_by_id(household_id: Annotated[str, Path(pattern=HOUSEHOLD_ID_PATTERN)]) -> s.HouseholdStatus:
        """Status of a household."""
        with deps.reading() as ses:
            return status_of(ses, household_id)

    @api.get("/v1/shock-areas", response_model=s.ShockAreas, dependencies=LOOKUP)
    def shock_areas() -> s.ShockAreas:
        """Tehsils under a notified shock."""
        with deps.reading() as ses:
            return shock_list(ses, deps.today())

    @api.post("/v1/surveys/score", response_model=s.ScoreResult, dependencies=LOOKUP)
    def score_survey(body: s.ScoreRequest) -> s.ScoreResult:
        """Score a survey with the illustrative model."""
        result = score(body.region, body.members, Assets(**body.assets.model_dump()),
                       body.head_education_years, body.dependents)
        return s.ScoreResult(pmt_score=result.pmt_score, model="illustrative-v1", components=result.components)

    @api.get("/v1/sites/{site_id}/paradata", response_model=s.Paradata)
    def paradata(site_id: Annotated[str, Path(pattern=SITE_ID_PATTERN)],
                 day: Annotated[date, Query(alias="date")], request: Request) -> s.Paradata:
        """A site's survey paradata on one business day."""
        check_day(day)
        caller = deps.caller(request)
        with deps.reading() as ses:
            deps.readable_site(ses, site_id, caller)
            rows = ses.execute(
                select(Survey).where(Survey.site_id == site_id, Survey.day == day)
                .order_by(Survey.submitted_at, Survey.survey_id)
            ).scalars().all()
            return s.Paradata(site_id=site_id, date=day, surveys=[
                s.SurveyOut(survey_id=r.survey_id, deo=r.deo, cnic=r.cnic, phone=r.phone,
                            started_at=iso_utc(r.started_at), submitted_at=iso_utc(r.submitted_at), lat=r.lat,
                            lon=r.lon, address=r.address, household_size=r.household_size, region=r.region,
                            assets=r.assets, token_number=r.token_number, b_form=r.b_form) for r in rows])

    if demo:
        @api.get("/v1/demo/samples", response_model=s.DemoSamples)
        def demo_samples(request: Request) -> s.DemoSamples:
            """Sample visitors per triage path (only on a demo hub)."""
            deps.caller(request)
            with deps.reading() as ses:
                from services.hub.seed import sample_visitors

                found = sample_visitors(ses, deps.today())
                return s.DemoSamples(samples={k: [s.DemoSample(cnic=v.cnic, name=v.name, note=v.note) for v in vs]
                                              for k, vs in found.items()})

    return api
