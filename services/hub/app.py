"""The reference central hub: a FastAPI app implementing ``resources/registry-api.yaml``.

``create_app(db_url, api_keys)`` builds the app over the hub's SQLAlchemy models; uvicorn serves
it (``drc-hub serve``, or ``services.hub.testing.run_hub_in_thread`` in-process). The triage
lookups are ``async def`` (one indexed read each, cheaper than a thread hop); the other handlers
are plain ``def``, so FastAPI runs them on its thread pool beside the blocking database driver.
"""

import hashlib
import hmac
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from importlib import metadata
from typing import Annotated, Any

import yaml
from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, case, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.clock import SITE_ZONE
from services.hub import schemas as s
from services.hub.db import make_engine
from services.hub.models import (
    ApiKey,
    Household,
    HubSite,
    HubTehsil,
    Member,
    ShockNotification,
    SiteEventRow,
    Survey,
)
from services.hub.reference import RESOURCES
from services.hub.scoring import CUTOFF, Assets, score

CENTRAL = "*"
PROBLEM_JSON = "application/problem+json"
CNIC_PATTERN = r"^[0-9]{13}$"


def hub_version() -> str:
    """The installed package version (``0.0.0`` when running from a bare checkout)."""
    try:
        return metadata.version("drc-console")
    except metadata.PackageNotFoundError:
        return "0.0.0"


@cache
def contract() -> dict[str, Any]:
    """The OpenAPI contract the hub serves at ``/v1/openapi.json``."""
    with (RESOURCES / "registry-api.yaml").open(encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


class Problem(Exception):
    """An error the hub answers with ``application/problem+json``."""

    def __init__(self, status: int, title: str, detail: str, slug: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.slug = slug or title.lower().replace(" ", "-")


def problem_response(status: int, title: str, detail: str, slug: str) -> JSONResponse:
    """An RFC 9457 problem document."""
    headers = {"WWW-Authenticate": 'Bearer realm="drc-hub"'} if status == 401 else None
    body = {"type": f"https://drc-hub.example/problems/{slug}", "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def iso_utc(at: datetime) -> str:
    """``2026-03-04T05:00:00Z`` for a naive-UTC or aware datetime."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="seconds") + "Z"


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def create_app(db_url: str | None = None, api_keys: Mapping[str, str] | None = None, *,
               engine: Engine | None = None, today: Callable[[], date] | None = None,
               cutoff: float = CUTOFF, db_keys: bool | None = None) -> FastAPI:
    """Build the hub over ``db_url`` (already migrated and seeded).

    ``api_keys`` maps a site id (or ``"*"`` for a central key) to its bearer key; keys in the
    ``hub_api_key`` table (SHA-256 hashes, ``drc-hub key``) count too when ``db_keys`` is true
    (the default when ``api_keys`` is omitted). ``today`` gives the
    business day for shock areas and demo samples (default: today in Asia/Karachi).
    """
    if engine is None:
        if db_url is None:
            raise ValueError("create_app needs db_url or engine")
        engine = make_engine(db_url)
    factory = sessionmaker(engine, expire_on_commit=False)
    # Lookups read in autocommit: no BEGIN/ROLLBACK round trips around a single indexed SELECT.
    read_factory = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)
    key_sites = {_hash(k): site for site, k in (api_keys or {}).items()}
    use_db_keys = api_keys is None if db_keys is None else db_keys
    today_fn = today or (lambda: datetime.now(SITE_ZONE).date())

    app = FastAPI(title="drc-hub", version=hub_version(), openapi_url="/v1/openapi.json",
                  docs_url=None, redoc_url=None)
    app.openapi = contract  # type: ignore[method-assign]  # serve the hand-written contract
    app.state.engine = engine

    @app.exception_handler(Problem)
    def _on_problem(_req: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.detail, exc.slug)

    @app.exception_handler(StarletteHTTPException)
    def _on_http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
        return problem_response(exc.status_code, title, str(exc.detail), title.lower().replace(" ", "-"))

    @app.exception_handler(RequestValidationError)
    def _on_invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors[:5]]
        return problem_response(422, "Invalid request", "; ".join(parts) or "invalid request", "invalid-request")

    @app.exception_handler(Exception)
    def _on_error(_req: Request, exc: Exception) -> JSONResponse:
        return problem_response(500, "Internal error", type(exc).__name__, "internal-error")

    # Handlers open their session and check the key themselves instead of using sync
    # dependencies: each sync dependency costs a thread-pool hop, which dominated a lookup.
    def caller(request: Request, ses: Session) -> str:
        """The site id (or ``*``) the bearer key belongs to; 401 otherwise."""
        header = request.headers.get("authorization", "")
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise Problem(401, "Unauthorized", "Missing bearer API key (Authorization: Bearer <key>).")
        digest = _hash(key.strip())
        site = None
        for known, site_id in key_sites.items():
            if hmac.compare_digest(known, digest):
                site = site_id
        if site is None and use_db_keys:
            row = ses.get(ApiKey, digest)
            site = row.site_id if row else None
        if site is None:
            raise Problem(401, "Unauthorized", "The API key is not valid for this hub.")
        return site

    @contextmanager
    def authed(request: Request, *, write: bool = False) -> Iterator[tuple[Session, str]]:
        """A session and the caller's site id (``*`` for a central key); 401 without a valid key."""
        with (factory if write else read_factory)() as ses:
            yield ses, caller(request, ses)

    def own_site(site_id: str, who: str, ses: Session) -> HubSite:
        site = ses.get(HubSite, site_id)
        if site is None:
            raise Problem(404, "Not found", f"No DRC with id {site_id}.", "site-not-found")
        if who not in (CENTRAL, site_id):
            raise Problem(403, "Forbidden", f"This key belongs to {who}, not to {site_id}.")
        return site

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
            household_id=hid, registered=True, beneficiary=pmt is not None and pmt <= cutoff, pmt_score=pmt,
            last_survey_date=last, region=region, district=district, tehsil=tehsil, tehsil_code=code,
            shock_area=shock is not None, members=members)

    # The triage lookups below are ``async def`` on purpose: each is one or two reads by a unique
    # index (well under a millisecond), so they run on the event loop. A thread-pool hop per request
    # cost more than the query on a busy two-core site server (see tests/benchmarks/triage_bench.py).

    @app.get("/v1/health", response_model=s.Health)
    async def health() -> s.Health:
        """Liveness (no key)."""
        return s.Health(version=hub_version())

    @app.post("/v1/identity/verify", response_model=s.VerifyResult)
    async def verify(body: s.VerifyRequest, request: Request) -> s.VerifyResult:
        """Verify a CNIC and return the family tree."""
        with authed(request) as (ses, _who):
            of_household = select(Member.household_id).where(Member.cnic == body.cnic).scalar_subquery()
            rows = ses.execute(
                select(Member.member_id, Member.name, Member.relation, Member.gender, Member.age, Member.cnic,
                       Member.id_status, Member.household_id, Household.head_name)
                .join(Household, Household.household_id == Member.household_id)
                .where(Member.household_id == of_household).order_by(Member.position)
            ).all()
        person = next((r for r in rows if r.cnic == body.cnic), None)
        if person is None:
            return s.VerifyResult(cnic=body.cnic, status="not_found", household_id=None, head_name=None, members=[])
        if person.id_status == "blocked":
            return s.VerifyResult(cnic=body.cnic, status="blocked", household_id=None, head_name=None, members=[])
        mismatch = person.id_status == "mismatch" or (body.name is not None and body.name.strip() != ""
                                                       and not _same_name(body.name, person.name))
        return s.VerifyResult(
            cnic=body.cnic, status="mismatch" if mismatch else "verified", household_id=person.household_id,
            head_name=person.head_name,
            members=[s.MemberOut(member_id=m.member_id, name=m.name, relation=m.relation, gender=m.gender,
                                 age=m.age, cnic=m.cnic) for m in rows])

    @app.get("/v1/households/by-cnic/{cnic}/status", response_model=s.HouseholdStatus)
    async def status_by_cnic(cnic: Annotated[str, Path(pattern=CNIC_PATTERN)], request: Request) -> s.HouseholdStatus:
        """Status of the household a CNIC belongs to."""
        with authed(request) as (ses, _who):
            hid = ses.execute(select(Member.household_id).where(Member.cnic == cnic)).scalar_one_or_none()
            if hid is None:
                raise Problem(404, "Not found", "This CNIC does not belong to a registered household.",
                              "household-not-found")
            return status_of(ses, hid)

    @app.get("/v1/households/{household_id}/status", response_model=s.HouseholdStatus)
    async def status_by_id(household_id: Annotated[str, Path(min_length=1, max_length=32)],
                           request: Request) -> s.HouseholdStatus:
        """Status of a household."""
        with authed(request) as (ses, _who):
            return status_of(ses, household_id)

    @app.get("/v1/shock-areas", response_model=s.ShockAreas)
    def shock_areas(request: Request) -> s.ShockAreas:
        """Tehsils under a notified shock."""
        with authed(request) as (ses, _who):
            rows = ses.execute(
                select(ShockNotification, HubTehsil).join(HubTehsil, HubTehsil.code == ShockNotification.tehsil_code)
                .order_by(ShockNotification.tehsil_code)
            ).all()
            return s.ShockAreas(as_of=today_fn(), areas=[
                s.ShockAreaOut(tehsil_code=t.code, tehsil=t.name, district=t.district, region=t.region,
                               notified_on=n.notified_on, reason=n.reason) for n, t in rows])

    @app.post("/v1/surveys/score", response_model=s.ScoreResult)
    def score_survey(body: s.ScoreRequest, request: Request) -> s.ScoreResult:
        """Score a survey with the illustrative model."""
        with authed(request) as (ses, _who):
            result = score(body.region, body.members, Assets(**body.assets.model_dump()),
                           body.head_education_years, body.dependents)
            return s.ScoreResult(pmt_score=result.pmt_score, model="illustrative-v1", components=result.components)

    @app.get("/v1/sites", response_model=s.SiteList)
    def list_sites(request: Request) -> s.SiteList:
        """All DRCs."""
        with authed(request) as (ses, _who):
            rows = ses.execute(select(HubSite).order_by(HubSite.site_id)).scalars().all()
            return s.SiteList(sites=[s.SiteOut(site_id=r.site_id, name=r.name, region=r.region, district=r.district,
                                               tehsil=r.tehsil, tehsil_code=r.tehsil_code, lat=r.lat, lon=r.lon)
                                     for r in rows])

    @app.get("/v1/sites/{site_id}/paradata", response_model=s.Paradata)
    def paradata(site_id: str, day: Annotated[date, Query(alias="date")], request: Request) -> s.Paradata:
        """A site's survey paradata on one business day."""
        with authed(request) as (ses, who):
            own_site(site_id, who, ses)
            rows = ses.execute(
                select(Survey).where(Survey.site_id == site_id, Survey.day == day)
                .order_by(Survey.submitted_at, Survey.survey_id)
            ).scalars().all()
            return s.Paradata(site_id=site_id, date=day, surveys=[
                s.SurveyOut(survey_id=r.survey_id, deo=r.deo, cnic=r.cnic, phone=r.phone,
                            started_at=iso_utc(r.started_at), submitted_at=iso_utc(r.submitted_at), lat=r.lat,
                            lon=r.lon, address=r.address, household_size=r.household_size, region=r.region,
                            assets=r.assets) for r in rows])

    @app.post("/v1/sites/{site_id}/events", response_model=s.IngestResult)
    def ingest(site_id: str, body: s.EventBatch, request: Request) -> s.IngestResult:
        """Store new events; uuids already held count as duplicates."""
        with authed(request, write=True) as (ses, who):
            own_site(site_id, who, ses)
            batch: dict[str, s.SiteEventIn] = {}
            for ev in body.events:
                batch.setdefault(ev.uuid, ev)
            known: set[str] = set()
            uuids = list(batch)
            for i in range(0, len(uuids), 500):
                known |= set(ses.execute(select(SiteEventRow.uuid).where(SiteEventRow.uuid.in_(uuids[i:i + 500])))
                             .scalars())
            rows = []
            for uid, ev in batch.items():
                if uid in known:
                    continue
                at = ev.at if ev.at.tzinfo else ev.at.replace(tzinfo=UTC)  # naive = UTC per the contract
                rows.append({"uuid": uid, "site_id": site_id, "token_id": ev.token_id, "token_number": ev.token_number,
                             "update_type": ev.update_type, "priority": ev.priority, "kind": ev.kind,
                             "at": at.astimezone(UTC).replace(tzinfo=None), "day": at.astimezone(SITE_ZONE).date(),
                             "actor": ev.actor, "counter": ev.counter, "payload": ev.payload})
            if rows:
                # ON CONFLICT DO NOTHING: a concurrent resend of the same batch must not fail.
                dialect = ses.get_bind().dialect.name
                ins = (postgresql.insert(SiteEventRow) if dialect == "postgresql" else sqlite.insert(SiteEventRow))
                ses.execute(ins.on_conflict_do_nothing(index_elements=["uuid"]), rows)
                ses.commit()
            accepted = len(rows)
            return s.IngestResult(accepted=accepted, duplicates=len(body.events) - accepted)

    @app.get("/v1/regions/performance", response_model=s.Performance)
    def performance(day: Annotated[date, Query(alias="date")], request: Request) -> s.Performance:
        """Tokens issued, completed and no-show per site on one day."""
        with authed(request) as (ses, _who):
            def count(kind: str) -> Any:
                return func.coalesce(func.sum(case((SiteEventRow.kind == kind, 1), else_=0)), 0)

            rows = ses.execute(
                select(HubSite.site_id, HubSite.region, HubSite.district, HubSite.tehsil,
                       count("issued"), count("completed"), count("no_show"))
                .join(SiteEventRow, SiteEventRow.site_id == HubSite.site_id)
                .where(SiteEventRow.day == day)
                .group_by(HubSite.site_id, HubSite.region, HubSite.district, HubSite.tehsil)
                .order_by(HubSite.site_id)
            ).all()
            return s.Performance(date=day, sites=[
                s.SitePerformance(site_id=r[0], region=r[1], district=r[2], tehsil=r[3], issued=int(r[4]),
                                  completed=int(r[5]), no_show=int(r[6])) for r in rows])

    @app.get("/v1/demo/samples", response_model=s.DemoSamples)
    def demo_samples(request: Request) -> s.DemoSamples:
        """Sample visitors per triage path (demo and test hubs)."""
        with authed(request) as (ses, _who):
            from services.hub.seed import sample_visitors

            found = sample_visitors(ses, today_fn())
            return s.DemoSamples(samples={k: [s.DemoSample(cnic=v.cnic, name=v.name, note=v.note) for v in vs]
                                          for k, vs in found.items()})

    return app
