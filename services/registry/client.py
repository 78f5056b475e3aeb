"""HTTP client of the central registry (contract: resources/registry-api.yaml, /v1).

One ``requests.Session`` per calling thread (a Session is not safe to share between the console's
I/O threads): connect/read timeouts on every call, TLS verification on, the site's
API key as a bearer token. Every answer is validated against ``services.registry.models``; any
failure becomes :class:`RegistryUnavailable` or :class:`RegistryError` with a message meant for
the supervisor. The key never appears in ``repr``, messages or logs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, Field, ValidationError

from services.cnic import mask_cnic
from services.hub.ops.schemas import (
    DeoRanking,
    Ranking,
    RegionalDaily,
    RegionalPerformance,
    RegionalReport,
    SiteDrillDown,
)
from services.hub.survey.schemas import Reconciliation, ReviewOut, SlipKeyResult, SurveyReceipt
from services.registry.answers import problem_code, problem_detail
from services.registry.cache import TTLCache
from services.registry.errors import RegistryError, RegistryProblem, RegistryUnavailable
from services.registry.models import (
    CentralPolicy,
    DemoSamples,
    Health,
    HouseholdStatus,
    IdentityResult,
    IngestResult,
    Paradata,
    ScoreResult,
    ShockAreas,
    TriageAnswer,
)

log = logging.getLogger(__name__)


M = TypeVar("M", bound=BaseModel)


class MetadataResult(BaseModel):
    """The hub's receipt for a site's counters and DEOs."""

    counters: int = Field(ge=0)
    deos: int = Field(ge=0)

# What the supervisor should expect after a failure, by kind of call (``services.labels.REGISTRY_AFTER``).
LOOKUP = "lookup"
UPLOAD = "upload"
QUERY = "query"
# Gateways and overloaded servers: worth one more try. Other 5xx are reported at once.
_RETRY_STATUS = frozenset({502, 503, 504})


@dataclass(frozen=True)
class ConnectionState:
    """What the UI shows about the registry link: online or not, since when, last problem."""

    online: bool | None  # None: not asked yet
    last_success: datetime | None = None
    last_failure: datetime | None = None
    last_error: str | None = None


class RegistryClient:
    """Calls the registry; raises only :class:`RegistryUnavailable` / :class:`RegistryError`."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        connect_timeout: float = 3.0,
        read_timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 0.25,
        shock_ttl: float = 300.0,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.__api_key = api_key
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self._sleep = sleep
        self._now = now
        self._injected = session
        if session is not None:
            session.verify = True
            session.headers["Accept"] = "application/json"
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self._shock_cache: TTLCache[ShockAreas] = TTLCache(shock_ttl, monotonic)
        self._no_single_trip = False  # an older hub without /v1/triage/lookup
        self._state_lock = threading.Lock()
        self._state = ConnectionState(online=None)
        self._listeners: list[Callable[[ConnectionState], None]] = []

    @classmethod
    def from_config(cls, hub: Any, *, shock_ttl: float = 300.0, **kw: Any) -> RegistryClient:
        """Build from ``Config.hub`` (url, api_key, connect_timeout, read_timeout, retries)."""
        return cls(hub.url, hub.api_key, connect_timeout=hub.connect_timeout, read_timeout=hub.read_timeout,
                   retries=hub.retries, shock_ttl=shock_ttl, **kw)

    def __repr__(self) -> str:
        return f"RegistryClient({self.base_url!r}, api_key=***)"

    def _http(self) -> requests.Session:
        """This thread's session (or the injected one), created on first use."""
        if self._injected is not None:
            return self._injected
        sess: requests.Session | None = getattr(self._local, "session", None)
        if sess is None:
            sess = requests.Session()
            sess.verify = True
            sess.headers["Accept"] = "application/json"
            self._local.session = sess
            with self._sessions_lock:
                self._sessions.append(sess)
        return sess

    def close(self) -> None:
        """Close pooled connections of every thread's session."""
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for sess in sessions:
            sess.close()
        if self._injected is not None:
            self._injected.close()

    # ---- online state ------------------------------------------------------------------
    @property
    def state(self) -> ConnectionState:
        """The latest online/offline state (thread-safe snapshot)."""
        with self._state_lock:
            return self._state

    def subscribe(self, listener: Callable[[ConnectionState], None]) -> None:
        """Call ``listener(state)`` whenever online/offline flips (on the calling thread)."""
        self._listeners.append(listener)

    def _mark(self, ok: bool, error: str | None = None) -> None:
        now = self._now()
        with self._state_lock:
            old = self._state
            if ok:
                self._state = ConnectionState(True, now, old.last_failure, old.last_error)
            else:
                self._state = ConnectionState(False, old.last_success, now, error)
            flipped = old.online != self._state.online
            state = self._state
        if flipped:
            for listener in list(self._listeners):
                listener(state)

    # ---- the HTTP core -----------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        shape: type[M],
        idempotent: bool,
        after: str,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        not_found: Callable[[], M] | None = None,
    ) -> M:
        """One call with retries (idempotent calls only) and validation; updates the online state."""
        attempts = 1 + (self.retries if idempotent else 0)
        last: RegistryUnavailable | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                result = self._once(method, path, shape=shape, after=after, body=json, params=params, not_found=not_found)
            except RegistryUnavailable as exc:
                last = exc
                if not exc.retry:  # type: ignore[attr-defined]
                    break
                continue
            except RegistryError:
                self._mark(True)  # it answered: the link is up even if the answer is bad
                raise
            self._mark(True)
            return result
        assert last is not None
        self._mark(False, last.message)
        raise last

    def _once(
        self, method: str, path: str, *, shape: type[M], after: str, body: Any,
        params: Mapping[str, Any] | None, not_found: Callable[[], M] | None,
    ) -> M:
        url = self.base_url + path
        try:
            resp = self._http().request(
                method, url, json=body, params=params,
                headers={"Authorization": f"Bearer {self.__api_key}"},
                timeout=(self.connect_timeout, self.read_timeout),
            )
        except requests.exceptions.ReadTimeout:
            raise _unavailable("timeout", retry=False, seconds=f"{self.read_timeout:g}", after=after) from None
        except requests.exceptions.SSLError:
            raise RegistryError.coded("tls", {"url": self.base_url}) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.ConnectTimeout):
            raise _unavailable("unreachable", retry=True, host=_host(self.base_url), after=after) from None
        except requests.exceptions.RequestException as exc:
            raise _unavailable("failed", retry=False, error=type(exc).__name__, after=after) from None
        status = resp.status_code
        if status == 404 and not_found is not None:
            return not_found()
        if status >= 500 or status == 429:
            detail = problem_detail(resp)
            raise _unavailable("server", retry=status in _RETRY_STATUS or status == 429, status=status,
                               detail=": " + detail if detail else "", after=after)
        if status in (401, 403):
            raise RegistryError.coded("key_refused", status=status)
        if status >= 400:
            detail = problem_detail(resp)
            raise RegistryError.coded("rejected", {"detail": ": " + detail if detail else ""}, status=status,
                                      code=problem_code(resp))
        try:
            data = resp.json()
        except ValueError:
            raise RegistryError.coded("not_json", {"call": f"{method} {path}", "after": after}, status=status) from None
        try:
            return shape.model_validate(data)
        except ValidationError as exc:
            where = ", ".join(".".join(str(p) for p in e["loc"]) or "(body)" for e in exc.errors()[:3])
            raise RegistryError.coded("contract", {"shape": shape.__name__, "where": where, "after": after},
                                      status=status) from None

    # ---- the calls ---------------------------------------------------------------------
    def health(self) -> Health:
        """Is the hub up (cheap; used by the sync worker to probe the link)."""
        return self._request("GET", "/v1/health", shape=Health, idempotent=True, after=QUERY)

    def verify_identity(self, cnic: str, name: str | None = None) -> IdentityResult:
        """Ask the identity authority about a CNIC (a read, so it is retried like a GET)."""
        log.debug("verify identity %s", mask_cnic(cnic))
        body: dict[str, Any] = {"cnic": cnic}
        if name:
            body["name"] = name
        return self._request(
            "POST", "/v1/identity/verify", json=body, shape=IdentityResult, idempotent=True, after=LOOKUP,
        )

    def triage_lookup(self, cnic: str, name: str | None = None) -> TriageAnswer | None:
        """Identity, membership, household and shock list in ONE round trip (a read: retried).

        None when the hub predates the call (404/405): the caller falls back to the three older
        calls, and later lookups go straight there. The shock list refreshes the shock cache.
        """
        if self._no_single_trip:
            return None
        log.debug("triage lookup %s", mask_cnic(cnic))
        body: dict[str, Any] = {"cnic": cnic}
        if name:
            body["name"] = name
        try:
            answer = self._request("POST", "/v1/triage/lookup", json=body, shape=TriageAnswer, idempotent=True,
                                   after=LOOKUP)
        except RegistryError as exc:
            if exc.status in (404, 405):
                self._no_single_trip = True
                return None
            raise
        self._shock_cache.put(answer.shock_areas)
        return answer

    def policy(self) -> CentralPolicy:
        """The centre's policy (cut-off, periods, appeal switch, quality limits) with each value's source."""
        return self._request("GET", "/v1/policy", shape=CentralPolicy, idempotent=True, after=QUERY)

    def household_status(self, household_id: str) -> HouseholdStatus:
        """A household's status by its registry id; unregistered if the registry does not know it."""
        return self._request(
            "GET", f"/v1/households/{_seg(household_id)}/status", shape=HouseholdStatus,
            idempotent=True, after=LOOKUP, not_found=HouseholdStatus.unregistered,
        )

    def household_status_by_cnic(self, cnic: str) -> HouseholdStatus:
        """The status of the household a CNIC belongs to; unregistered (missed-out) on 404."""
        # The CNIC goes in the body: URLs end up in access logs and proxies, bodies do not.
        return self._request(
            "POST", "/v1/households/status-by-cnic", json={"cnic": cnic}, shape=HouseholdStatus, idempotent=True,
            after=LOOKUP, not_found=HouseholdStatus.unregistered,
        )

    def shock_areas(self, *, fresh: bool = False) -> ShockAreas:
        """The notified shock areas, reused for the cache's TTL unless ``fresh``."""
        if not fresh:
            cached = self._shock_cache.get()
            if cached is not None:
                return cached
        areas = self._request("GET", "/v1/shock-areas", shape=ShockAreas, idempotent=True, after=LOOKUP)
        self._shock_cache.put(areas)
        return areas

    def score_survey(self, survey: Mapping[str, Any]) -> ScoreResult:
        """Score a submitted survey (not idempotent on the registry side: never retried)."""
        return self._request("POST", "/v1/surveys/score", json=dict(survey), shape=ScoreResult,
                             idempotent=False, after=QUERY)

    def survey_paradata(self, site_id: str, day: date) -> Paradata:
        """Paradata of the surveys done at ``site_id`` on ``day`` (quality checks)."""
        return self._request(
            "GET", f"/v1/sites/{_seg(site_id)}/paradata",
            params={"date": day.isoformat()}, shape=Paradata, idempotent=True, after=QUERY,
        )

    def push_events(self, site_id: str, events: Iterable[Mapping[str, Any]]) -> IngestResult:
        """Upload token events (at most 1000); the hub de-duplicates by uuid, so a resend is safe."""
        return self._request(
            "POST", f"/v1/sites/{_seg(site_id)}/events",
            json={"events": list(events)}, shape=IngestResult, idempotent=True, after=UPLOAD,
        )

    def push_site_metadata(self, site_id: str, metadata: Mapping[str, Any]) -> dict[str, int]:
        """Replace the site's counters and DEOs at the centre (pseudonymous ids, display names)."""
        resp = self._request("PUT", f"/v1/sites/{_seg(site_id)}/metadata", json=dict(metadata), shape=MetadataResult,
                             idempotent=True, after=UPLOAD)
        return {"counters": resp.counters, "deos": resp.deos}

    def submit_survey(self, site_id: str, survey: Mapping[str, Any]) -> SurveyReceipt:
        """Submit one survey for linking to its token (never retried: a 409 says it arrived already)."""
        return self._request("POST", f"/v1/sites/{_seg(site_id)}/surveys", json=dict(survey), shape=SurveyReceipt,
                             idempotent=False, after=UPLOAD)

    def push_slip_key(self, site_id: str, secret: str) -> bool:
        """Register the site's slip-signing secret at the hub, so it can check the QR codes surveys name."""
        return self._request("PUT", f"/v1/sites/{_seg(site_id)}/slip-key", json={"secret": secret},
                             shape=SlipKeyResult, idempotent=True, after=UPLOAD).registered

    def reconciliation(self, site_id: str, day: date, hours: float = 2.0,
                       as_of: datetime | None = None) -> Reconciliation:
        """Completed tokens without a survey after ``hours``, and surveys without a token, for a site-day."""
        params: dict[str, str] = {"date": day.isoformat(), "hours": f"{hours:g}"}
        if as_of is not None:
            params["as_of"] = as_of.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return self._request("GET", f"/v1/sites/{_seg(site_id)}/reconciliation", params=params,
                             shape=Reconciliation, idempotent=True, after=QUERY)

    def review_survey(self, survey_id: str, action: str, by: str, note: str = "",
                      flag: str | None = None) -> ReviewOut:
        """Acknowledge a survey's flag (``action="acknowledge"``) or return it to its DEO with a note (``"return"``)."""
        body: dict[str, Any] = {"action": action, "by": by[:40], "note": note}
        if flag is not None:
            body["flag"] = flag
        return self._request("POST", f"/v1/surveys/{_seg(survey_id)}/reviews", json=body, shape=ReviewOut,
                             idempotent=False, after=UPLOAD)

    # ---- the operations centre's regional API (read-only; a regional or central key) ------
    def regional_performance(self, params: Mapping[str, str]) -> RegionalPerformance:
        """Every site in the key's scope over ``from``..``to`` (``region``/``district`` narrow it)."""
        return self._request("GET", "/v1/regions/performance", params=params, shape=RegionalPerformance,
                             idempotent=True, after=QUERY)

    def regional_ranking(self, params: Mapping[str, str]) -> Ranking:
        """Top and bottom ``n`` reporting sites by ``kpi`` over the range."""
        return self._request("GET", "/v1/regions/ranking", params=params, shape=Ranking, idempotent=True, after=QUERY)

    def deo_ranking(self, params: Mapping[str, str]) -> DeoRanking:
        """Top and bottom ``n`` DEOs in scope by tokens served per active day over the range."""
        return self._request("GET", "/v1/regions/deo-ranking", params=params, shape=DeoRanking, idempotent=True,
                             after=QUERY)

    def regional_daily(self, params: Mapping[str, str]) -> RegionalDaily:
        """Every day of the range summed over the sites in scope."""
        return self._request("GET", "/v1/regions/daily", params=params, shape=RegionalDaily, idempotent=True,
                             after=QUERY)

    def regional_report(self, params: Mapping[str, str]) -> RegionalReport:
        """The regional report's tables over the range for the key's scope (``region`` narrows it)."""
        return self._request("GET", "/v1/regions/report", params=params, shape=RegionalReport, idempotent=True,
                             after=QUERY)

    def site_performance(self, site_id: str, params: Mapping[str, str]) -> SiteDrillDown:
        """One site over the range: per hour, per update type, per day, per DEO, flagged tokens."""
        return self._request("GET", f"/v1/sites/{_seg(site_id)}/performance", params=params, shape=SiteDrillDown,
                             idempotent=True, after=QUERY)

    def read_centre(self, path: str, params: Mapping[str, str], shape: type[M]) -> M:
        """A read of the centre's survey-quality API (``services.centre_quality`` names the paths and shapes)."""
        return self._request("GET", path, params=params, shape=shape, idempotent=True, after=QUERY)

    def demo_samples(self) -> DemoSamples:
        """Seeded sample visitors per update type (only a demo or test hub offers this)."""
        return self._request("GET", "/v1/demo/samples", shape=DemoSamples, idempotent=True, after=QUERY)


def _seg(value: str) -> str:
    return requests.utils.quote(value, safe="")


def _unavailable(reason: str, *, retry: bool, status: int | None = None, **params: object) -> RegistryUnavailable:
    exc = RegistryUnavailable.coded(reason, params, status=status)
    exc.retry = retry  # type: ignore[attr-defined]
    return exc


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0]


__all__ = ["ConnectionState", "RegistryClient", "RegistryError", "RegistryProblem", "RegistryUnavailable"]
