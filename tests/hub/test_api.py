"""Every endpoint of the contract against the real hub on loopback (SQLite)."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from math import hypot

import pytest
import requests

from services.hub.seed import years_before
from tests.hub.conftest import SITE_ID, SITE_KEY, TODAY, HubServer

PROBLEM = "application/problem+json"


def _problem(resp: requests.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith(PROBLEM)
    body = resp.json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status
    return body


@pytest.fixture(scope="module")
def samples(hub: HubServer) -> dict[str, list[dict]]:
    """Sample visitors as the hub lists them."""
    resp = hub.session().get(hub.url("/v1/demo/samples"), timeout=10)
    assert resp.status_code == 200
    return resp.json()["samples"]


def test_health_needs_no_key(hub: HubServer) -> None:
    resp = requests.get(hub.url("/v1/health"), timeout=5)
    assert resp.status_code == 200
    assert resp.json()["status"] == "ok" and isinstance(resp.json()["version"], str)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"},
                                     {"Authorization": "Bearer "}])
def test_missing_or_wrong_key_is_401_problem(hub: HubServer, headers: dict[str, str]) -> None:
    resp = requests.post(hub.url("/v1/identity/verify"), json={"cnic": "3520212345671"}, headers=headers, timeout=5)
    body = _problem(resp, 401)
    assert "key" in body["detail"].lower()
    assert resp.headers["www-authenticate"].startswith("Bearer")


def test_site_key_reads_only_its_own_site(hub: HubServer) -> None:
    ses = hub.session(SITE_KEY)
    assert ses.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": TODAY.isoformat()}, timeout=5).ok
    _problem(ses.get(hub.url("/v1/sites/PK10102-01/paradata"), params={"date": TODAY.isoformat()}, timeout=5), 403)
    _problem(ses.post(hub.url("/v1/sites/PK10102-01/events"), json={"events": []}, timeout=5), 403)
    # a site key may still do triage lookups
    assert ses.get(hub.url("/v1/shock-areas"), timeout=5).status_code == 200


def test_sample_visitors_cover_every_path(samples: dict[str, list[dict]]) -> None:
    for key in ("missed_out", "roster", "shock", "cyclic", "recertification", "appeal", "not_yet_eligible",
                "blocked", "mismatch"):
        assert samples[key], key
        assert all(len(v["cnic"]) == 13 and v["cnic"].isdigit() for v in samples[key])


def test_verify_verified_with_family_tree(api: requests.Session, hub: HubServer, samples: dict) -> None:
    visitor = samples["roster"][0]
    resp = api.post(hub.url("/v1/identity/verify"), json={"cnic": visitor["cnic"]}, timeout=5)
    body = resp.json()
    assert body["status"] == "verified" and body["cnic"] == visitor["cnic"]
    assert body["head_name"] == visitor["name"]
    relations = [m["relation"] for m in body["members"]]
    assert relations[0] == "head" and len(relations) >= 4
    assert set(relations) <= {"head", "spouse", "son", "daughter", "father", "mother", "other"}
    for m in body["members"]:
        assert m["gender"] in ("m", "f")
        assert (m["cnic"] is None) == (m["age"] < 18)
    # the name check ignores case and extra spaces
    named = api.post(hub.url("/v1/identity/verify"), json={"cnic": visitor["cnic"],
                                                           "name": "  " + visitor["name"].upper()}, timeout=5)
    assert named.json()["status"] == "verified"


def test_verify_other_outcomes(api: requests.Session, hub: HubServer, samples: dict) -> None:
    def verify(cnic: str, name: str | None = None) -> dict:
        return api.post(hub.url("/v1/identity/verify"), json={"cnic": cnic, "name": name}, timeout=5).json()

    # NADRA knows a missed-out visitor, who is in no household; a CNIC NADRA does not know is not_found.
    missing = verify(samples["missed_out"][0]["cnic"])
    assert missing == {"cnic": samples["missed_out"][0]["cnic"], "status": "verified", "household_id": None,
                       "head_name": None, "members": []}
    typo = verify(samples["unknown"][0]["cnic"])
    assert typo == {"cnic": samples["unknown"][0]["cnic"], "status": "not_found", "household_id": None,
                    "head_name": None, "members": []}
    blocked = verify(samples["blocked"][0]["cnic"])
    assert blocked["status"] == "blocked" and blocked["household_id"] is None and blocked["members"] == []
    flagged = verify(samples["mismatch"][0]["cnic"])
    assert flagged["status"] == "mismatch" and flagged["household_id"] and flagged["members"]
    wrong_name = verify(samples["roster"][0]["cnic"], "Someone Else")
    assert wrong_name["status"] == "mismatch"


@pytest.mark.parametrize("body", [{"cnic": "35202-1234567-1"}, {"cnic": "123"}, {"cnic": 3520212345671}, {}])
def test_verify_rejects_malformed_cnic(api: requests.Session, hub: HubServer, body: dict) -> None:
    _problem(api.post(hub.url("/v1/identity/verify"), json=body, timeout=5), 422)


def test_household_status_by_id_and_by_cnic(api: requests.Session, hub: HubServer, samples: dict) -> None:
    cnic = samples["cyclic"][0]["cnic"]
    by_cnic = api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": cnic}, timeout=5).json()
    by_id = api.get(hub.url(f"/v1/households/{by_cnic['household_id']}/status"), timeout=5).json()
    assert by_cnic == by_id
    assert set(by_id) == {"household_id", "registered", "beneficiary", "pmt_score", "last_survey_date", "region",
                          "district", "tehsil", "tehsil_code", "shock_area", "members"}
    assert by_id["registered"] is True and by_id["beneficiary"] is False and by_id["pmt_score"] > 32
    assert date.fromisoformat(by_id["last_survey_date"]) <= years_before(TODAY, 2)
    assert by_id["shock_area"] is False


def test_household_status_not_found_and_invalid(api: requests.Session, hub: HubServer, samples: dict) -> None:
    _problem(api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": samples["missed_out"][0]["cnic"]},
                      timeout=5), 404)
    _problem(api.get(hub.url("/v1/households/NOPE/status"), timeout=5), 404)
    _problem(api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": "12345"}, timeout=5), 422)


def test_sample_semantics_match_household_status(api: requests.Session, hub: HubServer, samples: dict) -> None:
    def status(cnic: str) -> dict:
        return api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": cnic}, timeout=5).json()

    for v in samples["recertification"]:
        st = status(v["cnic"])
        assert st["beneficiary"] and st["pmt_score"] <= 32
        assert date.fromisoformat(st["last_survey_date"]) <= years_before(TODAY, 3)
    for v in samples["shock"]:
        assert status(v["cnic"])["shock_area"] is True
    for v in samples["appeal"]:
        assert not status(v["cnic"])["beneficiary"]
    for v in samples["not_yet_eligible"]:
        st = status(v["cnic"])
        last = date.fromisoformat(st["last_survey_date"])
        assert last > years_before(TODAY, 3 if st["beneficiary"] else 2) and not st["shock_area"]


def test_shock_areas(api: requests.Session, hub: HubServer, samples: dict) -> None:
    body = api.get(hub.url("/v1/shock-areas"), timeout=5).json()
    assert body["as_of"] == TODAY.isoformat()
    assert len(body["areas"]) >= 3
    codes = {a["tehsil_code"] for a in body["areas"]}
    shock_status = api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": samples["shock"][0]["cnic"]},
                            timeout=5).json()
    assert shock_status["tehsil_code"] in codes
    for area in body["areas"]:
        assert date.fromisoformat(area["notified_on"]) <= TODAY and area["reason"]


def _survey(**over: object) -> dict:
    body = {"region": "Sindh", "members": 7, "head_education_years": 0, "dependents": 4,
            "assets": {"rooms": 1, "livestock": 0, "land_acres": 0, "has_fridge": False, "has_motorcycle": False,
                       "has_car": False, "has_ac": False}}
    body.update(over)
    return body


def test_score_orders_poor_below_well_off(api: requests.Session, hub: HubServer) -> None:
    poor = api.post(hub.url("/v1/surveys/score"), json=_survey(), timeout=5).json()
    rich = api.post(hub.url("/v1/surveys/score"), json=_survey(
        members=4, head_education_years=14, dependents=1,
        assets={"rooms": 5, "livestock": 4, "land_acres": 10, "has_fridge": True, "has_motorcycle": True,
                "has_car": True, "has_ac": True}), timeout=5).json()
    assert poor["model"] == rich["model"] == "illustrative-v1"
    assert 0 <= poor["pmt_score"] <= 32 < rich["pmt_score"] <= 100
    assert poor["pmt_score"] == pytest.approx(sum(poor["components"].values()), abs=0.02)


@pytest.mark.parametrize("bad", [{"region": "Atlantis"}, {"members": 0}, {"members": "7"},
                                 {"assets": {"rooms": 1}}, {"head_education_years": -1}])
def test_score_rejects_invalid_survey(api: requests.Session, hub: HubServer, bad: dict) -> None:
    _problem(api.post(hub.url("/v1/surveys/score"), json=_survey(**bad), timeout=5), 422)


def test_sites(api: requests.Session, hub: HubServer) -> None:
    sites = api.get(hub.url("/v1/sites"), timeout=5).json()["sites"]
    assert len(sites) == 617
    assert Counter(s["region"] for s in sites) == {"AJK": 36, "Balochistan": 120, "Gilgit-Baltistan": 28,
                                                  "Islamabad": 3, "Khyber Pakhtunkhwa": 133, "Punjab": 152,
                                                  "Sindh": 145}
    assert all(s["site_id"].startswith(s["tehsil_code"] + "-") for s in sites)
    assert sites[0] == {"site_id": "PK10101-01", "name": "DRC Bagh", "region": "AJK", "district": "Bagh",
                        "tehsil": "Bagh", "tehsil_code": "PK10101", "lat": sites[0]["lat"], "lon": sites[0]["lon"]}


def test_paradata_has_deliberately_bad_surveys(api: requests.Session, hub: HubServer) -> None:
    site = next(s for s in api.get(hub.url("/v1/sites"), timeout=5).json()["sites"] if s["site_id"] == SITE_ID)
    body = api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": TODAY.isoformat()}, timeout=5).json()
    assert body["site_id"] == SITE_ID and body["date"] == TODAY.isoformat()
    surveys = body["surveys"]
    assert len(surveys) >= 8
    minutes = [(datetime.fromisoformat(s["submitted_at"]) - datetime.fromisoformat(s["started_at"])).total_seconds()
               / 60 for s in surveys]
    assert all(s["started_at"].endswith("Z") for s in surveys)
    assert any(m < 6 for m in minutes) and sum(m >= 10 for m in minutes) >= len(surveys) - 2
    assert any(hypot(s["lat"] - site["lat"], s["lon"] - site["lon"]) > 0.2 for s in surveys)
    assert any(len(s["address"]) < 20 for s in surveys)
    phones = Counter(s["phone"] for s in surveys)
    assert max(phones.values()) >= 2
    assert any(s["assets"]["rooms"] == 0 and s["assets"]["land_acres"] > 5 for s in surveys)
    assert {s["deo"] for s in surveys} <= {f"deo{i}" for i in range(1, 6)}
    # the day before has data too; a day without surveys is an empty list
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    assert api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": yesterday}, timeout=5).json()["surveys"]
    empty = api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": "2020-01-01"}, timeout=5).json()
    assert empty["surveys"] == []


def test_paradata_errors(api: requests.Session, hub: HubServer) -> None:
    _problem(api.get(hub.url("/v1/sites/PK99999-01/paradata"), params={"date": TODAY.isoformat()}, timeout=5), 404)
    _problem(api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), timeout=5), 422)
    _problem(api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": "yesterday"}, timeout=5), 422)


def _event(kind: str, at: datetime, token_id: int = 1, **over: object) -> dict:
    payload = {"update_type": "roster", "priority": False} if kind == "issued" else {}
    ev = {"uuid": str(uuid.uuid4()), "token_id": token_id, "token_number": f"R-{token_id:03d}",
          "update_type": "roster", "priority": False, "kind": kind, "at": at.isoformat().replace("+00:00", "Z"),
          "actor": "tsa1", "counter": None, "payload": payload}
    ev.update(over)
    return ev


def _site_row(perf: dict, site_id: str = SITE_ID) -> dict:
    return next(r for r in perf["sites"] if r["site_id"] == site_id)


def test_event_ingestion_is_idempotent_and_feeds_performance(api: requests.Session, hub: HubServer) -> None:
    day = date(2026, 2, 10)
    morning = datetime(2026, 2, 10, 5, 0, tzinfo=UTC)  # 10:00 PKT
    batch = [_event("issued", morning, 1), _event("issued", morning, 2),
             _event("called", morning + timedelta(minutes=4), 1, counter=2, actor="deo1"),
             _event("started", morning + timedelta(minutes=5), 1, counter=2, actor="deo1"),
             _event("completed", morning + timedelta(minutes=20), 1, counter=2, actor="deo1"),
             _event("called", morning + timedelta(minutes=25), 2, counter=2, actor="deo1"),
             _event("no_show", morning + timedelta(minutes=30), 2, counter=2, actor="deo1")]
    url = hub.url(f"/v1/sites/{SITE_ID}/events")
    assert api.post(url, json={"events": batch}, timeout=5).json() == {"accepted": 7, "duplicates": 0}
    # resend after a "timeout", plus one new event and an in-batch duplicate
    late = _event("issued", datetime(2026, 2, 10, 19, 30, tzinfo=UTC), 3)  # 00:30 PKT on 11 Feb
    again = api.post(url, json={"events": [*batch, late, late]}, timeout=5).json()
    assert again == {"accepted": 1, "duplicates": 8}
    perf = api.get(hub.url("/v1/regions/performance"), params={"date": day.isoformat()}, timeout=5).json()
    assert perf["from"] == perf["to"] == day.isoformat()
    assert len(perf["sites"]) == 617  # every site, silent ones included
    row = _site_row(perf)
    assert {k: row[k] for k in ("region", "district", "tehsil", "issued", "called", "completed", "no_show",
                                "silent", "duplicates", "flagged_tokens")} == {
        "region": "AJK", "district": "Bagh", "tehsil": "Bagh", "issued": 2, "called": 2, "completed": 1,
        "no_show": 1, "silent": False, "duplicates": 7, "flagged_tokens": 0}
    assert row["median_wait_min"] is not None and row["service_level"] == 1.0 and row["last_seen"]
    other = _site_row(perf, "PK10102-01")
    assert other["silent"] is True and other["issued"] == 0
    ajk = next(r for r in perf["regions"] if r["region"] == "AJK")
    assert ajk["sites"] == 36 and ajk["issued"] >= 2 and ajk["silent_sites"] <= 35
    next_day = api.get(hub.url("/v1/regions/performance"), params={"date": "2026-02-11"}, timeout=5).json()
    assert _site_row(next_day)["issued"] == 1
    span = api.get(hub.url("/v1/regions/performance"), params={"from": "2026-02-10", "to": "2026-02-11",
                                                               "region": "AJK"}, timeout=5).json()
    assert _site_row(span)["issued"] == 3 and {r["region"] for r in span["sites"]} == {"AJK"}
    assert [r["region"] for r in span["regions"]] == ["AJK"]


def test_event_ingestion_rejects_bad_batches(api: requests.Session, hub: HubServer) -> None:
    url = hub.url(f"/v1/sites/{SITE_ID}/events")
    good = _event("issued", datetime(2026, 2, 12, 5, 0, tzinfo=UTC))
    _problem(api.post(url, json={"events": [{**good, "update_type": "teleport"}]}, timeout=5), 422)
    _problem(api.post(url, json={"events": [{**good, "token_id": "7"}]}, timeout=5), 422)
    _problem(api.post(url, json={}, timeout=5), 422)
    _problem(api.post(hub.url("/v1/sites/PK99999-01/events"), json={"events": [good]}, timeout=5), 404)
    _problem(api.post(hub.url("/v1/sites/nonsense/events"), json={"events": [good]}, timeout=5), 422)
    # nothing of the rejected batches was stored
    assert api.post(url, json={"events": [good]}, timeout=5).json() == {"accepted": 1, "duplicates": 0}


def test_unknown_route_is_problem(api: requests.Session, hub: HubServer) -> None:
    _problem(api.get(hub.url("/v1/nothing-here"), timeout=5), 404)


def test_contract_served(hub: HubServer) -> None:
    spec = requests.get(hub.url("/v1/openapi.json"), timeout=5).json()
    assert spec["openapi"].startswith("3.1") and "/v1/identity/verify" in spec["paths"]
