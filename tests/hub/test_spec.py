"""The contract file itself: the paths and field names other parts of the console rely on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "resources" / "registry-api.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]


def _required(name: str) -> set[str]:
    return set(SCHEMAS[name]["required"])


def test_version_paths_and_security() -> None:
    assert SPEC["openapi"].startswith("3.1")
    assert set(SPEC["paths"]) == {
        "/v1/health", "/v1/policy", "/v1/triage/lookup", "/v1/identity/verify", "/v1/households/{household_id}/status",
        "/v1/households/status-by-cnic", "/v1/shock-areas", "/v1/surveys/score", "/v1/sites",
        "/v1/sites/{site_id}/paradata", "/v1/sites/{site_id}/events", "/v1/sites/{site_id}/metadata",
        "/v1/sites/{site_id}/surveys", "/v1/sites/{site_id}/slip-key", "/v1/sites/{site_id}/reconciliation",
        "/v1/sites/{site_id}/performance", "/v1/regions/performance", "/v1/regions/ranking", "/v1/regions/data-health",
        "/v1/regions/deo-ranking", "/v1/regions/daily", "/v1/regions/report",
        "/v1/surveys/duplicates", "/v1/surveys/flagged", "/v1/identity/overrides", "/v1/demo/samples"}
    scheme = SPEC["components"]["securitySchemes"]["siteKey"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert SPEC["security"] == [{"siteKey": []}]
    assert SPEC["paths"]["/v1/health"]["get"]["security"] == []
    assert _required("Problem") == {"type", "title", "status", "detail"}
    for path, item in SPEC["paths"].items():
        for op in item.values():
            for code, resp in op["responses"].items():
                if code.startswith(("4", "5")):
                    ref = resp["$ref"].rsplit("/", 1)[1]
                    assert "application/problem+json" in SPEC["components"]["responses"][ref]["content"], path


def test_field_names_other_parts_rely_on() -> None:
    assert _required("VerifyResult") == {"cnic", "status", "household_id", "head_name", "members"}
    assert SCHEMAS["VerifyResult"]["properties"]["status"]["enum"] == ["verified", "not_found", "mismatch", "blocked"]
    assert _required("Member") == {"member_id", "name", "relation", "gender", "age", "cnic"}
    assert _required("HouseholdStatus") == {"household_id", "registered", "beneficiary", "pmt_score",
                                            "last_survey_date", "region", "district", "tehsil", "tehsil_code",
                                            "shock_area", "members"}
    assert _required("ShockAreas") == {"as_of", "areas"}
    assert _required("ShockArea") == {"tehsil_code", "tehsil", "district", "region", "notified_on", "reason"}
    assert _required("ScoreRequest") == {"region", "members", "assets", "head_education_years", "dependents"}
    assert _required("Assets") == {"rooms", "livestock", "land_acres", "has_fridge", "has_motorcycle", "has_car",
                                   "has_ac"}
    assert _required("ScoreResult") == {"pmt_score", "model", "components"}
    assert _required("Survey") == {"survey_id", "deo", "cnic", "phone", "started_at", "submitted_at", "lat", "lon",
                                   "address", "household_size", "region", "assets"}
    assert _required("SiteEvent") == {"uuid", "token_id", "token_number", "update_type", "priority", "kind", "at",
                                      "actor", "counter", "payload"}
    assert _required("IngestResult") == {"accepted", "duplicates"}
    site_figures = SCHEMAS["SiteFigures"]["allOf"][1]["required"]
    assert {"site_id", "region", "district", "tehsil", "silent", "last_seen"} <= set(site_figures)
    assert {"issued", "completed", "no_show", "median_wait_min", "service_level"} <= _required("Figures")
    assert _required("RegionalPerformance") == {"from", "to", "sites", "regions"}
    assert _required("IdentityOverrides") == {"from", "to", "overrides", "truncated"}
    assert _required("Flagged") == {"from", "to", "surveys", "truncated"}
    flagged = SCHEMAS["Flagged"]["properties"]["surveys"]["items"]
    assert set(flagged["required"]) == {"survey_id", "site_id", "day", "deo_id", "token_number", "flags", "status"}
    assert flagged["properties"]["status"]["enum"] == ["open", "acknowledge", "return"]
    assert SCHEMAS["Duplicates"]["properties"]["groups"]["items"]["properties"]["kind"]["enum"] == [
        "cnic", "phone", "address"]
    assert _required("Site") == {"site_id", "name", "region", "district", "tehsil", "tehsil_code", "lat", "lon"}
