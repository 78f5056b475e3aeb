"""The client against the real hub: every call's answer validates against the contract shapes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import requests

from db.models import UpdateType, Verification
from services.clock import SITE_ZONE, FixedClock
from services.registry import RegistryClient, RegistryError
from services.triage import TriagePolicy, TriageService
from tests.registry.live_hub import AS_OF, KEY, SITE


def test_every_call_against_the_hub(live_hub: Any) -> None:
    c = RegistryClient(live_hub.url, KEY, read_timeout=5)
    assert c.health().status == "ok"
    samples = c.demo_samples().samples
    assert {"missed_out", "roster", "shock", "cyclic", "recertification", "appeal"} <= set(samples)

    head = samples["recertification"][0].cnic
    ident = c.verify_identity(head)
    assert ident.status == "verified" and ident.household_id and ident.members
    by_id = c.household_status(ident.household_id)
    by_cnic = c.household_status_by_cnic(head)
    assert by_id == by_cnic and by_id.registered and by_id.pmt_score is not None and by_id.pmt_score <= 32

    missing = samples["missed_out"][0].cnic  # NADRA knows the person; no household holds them
    assert (c.verify_identity(missing).status, c.verify_identity(missing).household_id) == ("verified", None)
    assert c.household_status_by_cnic(missing).registered is False
    assert c.verify_identity(samples["unknown"][0].cnic).status == "not_found"  # NADRA has no such card

    shock = c.household_status_by_cnic(samples["shock"][0].cnic)
    areas = c.shock_areas()
    assert shock.shock_area and shock.tehsil_code in areas.codes()

    scored = c.score_survey({
        "region": "Punjab", "members": 6, "head_education_years": 5, "dependents": 3,
        "assets": {"rooms": 2, "livestock": 1, "land_acres": 0, "has_fridge": False, "has_motorcycle": True,
                   "has_car": False, "has_ac": False},
    })
    assert 0 <= scored.pmt_score <= 100
    para = c.survey_paradata(SITE, date.today())
    assert para.site_id == SITE
    assert c.state.online is True


def test_hub_refuses_a_wrong_key_with_an_actionable_message(live_hub: Any) -> None:
    c = RegistryClient(live_hub.url, "not-the-key")
    with pytest.raises(RegistryError, match=r"refused this site's API key \(HTTP 401\)"):
        c.shock_areas()
    # Another site's paradata is forbidden for a site key.
    good = RegistryClient(live_hub.url, KEY)
    with pytest.raises(RegistryError, match="HTTP 403"):
        good.survey_paradata("PK10102-01", date.today())


def test_triage_lookup_paths_against_the_hub(live_hub: Any) -> None:
    """Blocked, mismatch and missed-out visitors through the triage service."""
    c = RegistryClient(live_hub.url, KEY)
    clock = FixedClock(datetime(AS_OF.year, AS_OF.month, AS_OF.day, 10, tzinfo=SITE_ZONE))
    triage = TriageService(c, TriagePolicy(), clock)
    samples = c.demo_samples().samples
    blocked = triage.lookup(samples["blocked"][0].cnic)
    assert blocked.verification is Verification.BLOCKED and blocked.suggestions == []
    assert all(not e.eligible and e.code == "blocked" for e in blocked.eligibility)
    mismatch = triage.lookup(samples["mismatch"][0].cnic)
    assert mismatch.verification is Verification.MISMATCH and mismatch.household.registered
    new = triage.lookup(samples["missed_out"][0].cnic)
    assert (new.verification, new.identity_status, new.membership) == (Verification.VERIFIED, "verified",
                                                                       "not_registered")
    assert [e.update_type for e in new.suggestions] == [UpdateType.MISSED_OUT]
    typo = triage.lookup(samples["unknown"][0].cnic)
    assert (typo.verification, typo.identity_status, typo.membership) == (Verification.NOT_FOUND, "unknown",
                                                                          "not_registered")
    assert typo.suggestions == [] and not any(e.eligible for e in typo.eligibility)
    assert typo.eligible(UpdateType.MISSED_OUT).code == "identity_unknown"
    cyc = triage.lookup(samples["cyclic"][0].cnic)
    assert UpdateType.CYCLIC in {e.update_type for e in cyc.suggestions}


class _Counting(requests.Session):
    """A session that records the path of every request it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kw: Any) -> requests.Response:
        self.paths.append(str(url).split("/v1/", 1)[1])
        return super().request(method, url, *args, **kw)


def test_a_lookup_is_one_round_trip_and_an_older_hub_still_answers(live_hub: Any) -> None:
    """Identity, membership, household, family tree and shock list in one request; three on an old hub."""
    samples = RegistryClient(live_hub.url, KEY).demo_samples().samples
    clock = FixedClock(datetime(AS_OF.year, AS_OF.month, AS_OF.day, 10, tzinfo=SITE_ZONE))
    session = _Counting()
    triage = TriageService(RegistryClient(live_hub.url, KEY, session=session), TriagePolicy(), clock)
    shock = triage.lookup(samples["shock"][0].cnic)
    assert session.paths == ["triage/lookup"]
    assert shock.membership in ("registered", "beneficiary") and shock.household.shock_area
    assert UpdateType.SHOCK in {e.update_type for e in shock.suggestions}
    assert len(shock.members) == shock.household.members >= 4
    assert any(m.cnic == samples["shock"][0].cnic and m.relation == "head" for m in shock.members)

    # A hub without /v1/triage/lookup (404): the three older calls, and the same verdict.
    old = _Counting()
    client = RegistryClient(live_hub.url, KEY, session=old)
    client._no_single_trip = True  # what a 404 from an older hub leaves behind
    same = TriageService(client, TriagePolicy(), clock).lookup(samples["shock"][0].cnic)
    assert old.paths == ["identity/verify", f"households/{shock.household.household_id}/status", "shock-areas"]
    assert [e.update_type for e in same.suggestions] == [e.update_type for e in shock.suggestions]
    assert same.identity_status == "not_checked"


def test_each_io_thread_gets_its_own_session(live_hub: Any) -> None:
    import threading

    c = RegistryClient(live_hub.url, KEY, read_timeout=5)
    results: list[str] = []

    def look() -> None:
        results.append(c.health().status)

    threads = [threading.Thread(target=look) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    c.health()
    assert results == ["ok", "ok", "ok"]
    assert len(c._sessions) == 4  # three worker threads and this one; never one Session shared
    c.close()
    assert c._sessions == []
