"""Contract: schemathesis generates requests from ``resources/registry-api.yaml`` and checks that
every answer of the live hub conforms (status code, content type, response schema, no 5xx)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation.case import Case

from tests.hub.conftest import HUB_KEY, HubServer

SPEC = Path(__file__).resolve().parents[2] / "resources" / "registry-api.yaml"
schema = schemathesis.openapi.from_path(SPEC)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_response_conforms(case: Case, hub: HubServer) -> None:
    case.call_and_validate(base_url=hub.base_url, headers={"Authorization": f"Bearer {HUB_KEY}"}, checks=CHECKS,
                           timeout=10)
