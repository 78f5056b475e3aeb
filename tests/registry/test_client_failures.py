"""The client against servers that misbehave: every failure becomes one clear exception."""

from __future__ import annotations

import logging
import socket
from datetime import date

import pytest

from services.registry import HouseholdStatus, RegistryClient, RegistryError, RegistryUnavailable
from tests.registry.conftest import FakeHub

KEY = "site-secret-key-123"
CNIC = "3520212345671"
STATUS = {
    "household_id": "HH1", "registered": True, "beneficiary": False, "pmt_score": 45.5,
    "last_survey_date": "2024-03-04", "region": "Punjab", "district": "Lahore", "tehsil": "Lahore City",
    "tehsil_code": "PK35201", "shock_area": False, "members": 6,
}
SHOCKS = {"as_of": "2026-03-04", "areas": [{"tehsil_code": "PK35201", "tehsil": "Lahore City", "district": "Lahore",
                                            "region": "Punjab", "notified_on": "2026-01-01", "reason": "flood"}]}


def client(url: str, **kw: object) -> RegistryClient:
    opts: dict[str, object] = {"connect_timeout": 0.5, "read_timeout": 0.3, "retries": 2, "sleep": lambda s: None}
    opts.update(kw)
    return RegistryClient(url, KEY, **opts)  # type: ignore[arg-type]


def test_good_answer_is_validated_and_key_sent(fake_hub: FakeHub) -> None:
    fake_hub.json(200, STATUS)
    c = client(fake_hub.url)
    st = c.household_status_by_cnic(CNIC)
    assert isinstance(st, HouseholdStatus) and st.pmt_score == 45.5 and st.last_survey_date == date(2024, 3, 4)
    method, path, headers = fake_hub.seen[0]
    assert (method, path) == ("POST", "/v1/households/status-by-cnic")
    assert CNIC not in path  # the CNIC travels in the body, never in a URL
    assert headers["authorization"] == f"Bearer {KEY}"
    assert c.state.online is True and c.state.last_success is not None
    assert KEY not in repr(c)


def test_stall_past_read_timeout(fake_hub: FakeHub) -> None:
    fake_hub.stall()
    c = client(fake_hub.url)
    with pytest.raises(RegistryUnavailable) as err:
        c.household_status_by_cnic(CNIC)
    assert err.value.message == (
        "The central registry did not answer within 0.3 s; the token will be issued unverified "
        "and checked when the network is back."
    )
    # A stalled server got the request: asking again would only double the wait.
    assert len(fake_hub.seen) == 1
    assert c.state.online is False and c.state.last_error == err.value.message


def test_500_is_unavailable(fake_hub: FakeHub) -> None:
    fake_hub.raw(500, b'{"type":"about:blank","title":"Internal","status":500,"detail":"db down"}',
                 "application/problem+json")
    with pytest.raises(RegistryUnavailable, match=r"HTTP 500: db down.*unverified"):
        client(fake_hub.url).verify_identity(CNIC)
    assert len(fake_hub.seen) == 1  # 500 is a bug on the other side, not a blip: no retry


def test_503_is_retried_with_backoff_for_idempotent_calls(fake_hub: FakeHub) -> None:
    waits: list[float] = []
    fake_hub.raw(503, b"busy", "text/plain")
    with pytest.raises(RegistryUnavailable, match="HTTP 503"):
        client(fake_hub.url, sleep=waits.append).verify_identity(CNIC)
    assert len(fake_hub.seen) == 3 and waits == [0.25, 0.5]


def test_non_idempotent_score_is_not_retried(fake_hub: FakeHub) -> None:
    fake_hub.raw(503, b"busy", "text/plain")
    with pytest.raises(RegistryUnavailable):
        client(fake_hub.url).score_survey({"region": "Punjab"})
    assert len(fake_hub.seen) == 1


def test_invalid_json_is_a_registry_error(fake_hub: FakeHub) -> None:
    fake_hub.raw(200, b"<html>proxy login</html>", "text/html")
    with pytest.raises(RegistryError, match="not JSON") as err:
        client(fake_hub.url).household_status_by_cnic(CNIC)
    assert not isinstance(err.value, RegistryUnavailable)


@pytest.mark.parametrize("body", [
    {"registered": True},  # required fields missing
    {**STATUS, "pmt_score": "high"},  # wrong type
    {**STATUS, "pmt_score": 140},  # out of range
    [STATUS],  # a list instead of an object
])
def test_wrong_shape_is_a_registry_error(fake_hub: FakeHub, body: object) -> None:
    fake_hub.json(200, body)
    c = client(fake_hub.url)
    with pytest.raises(RegistryError, match="does not match the agreed contract"):
        c.household_status_by_cnic(CNIC)
    assert c.state.online is True  # it answered; the link is not the problem


def test_unauthorised_names_the_setting_not_the_key(fake_hub: FakeHub) -> None:
    fake_hub.raw(401, b'{"type":"about:blank","title":"Unauthorized","status":401,"detail":"bad key"}')
    with pytest.raises(RegistryError, match=r"\[hub\] api_key") as err:
        client(fake_hub.url).shock_areas()
    assert KEY not in err.value.message


def test_404_household_means_unregistered(fake_hub: FakeHub) -> None:
    fake_hub.raw(404, b'{"type":"about:blank","title":"Not found","status":404,"detail":"no household"}')
    st = client(fake_hub.url).household_status_by_cnic(CNIC)
    assert st.registered is False


def test_connection_refused_is_unavailable_and_retried() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nobody listens
    waits: list[float] = []
    c = client(f"http://127.0.0.1:{port}", sleep=waits.append)
    states: list[bool | None] = []
    c.subscribe(lambda st: states.append(st.online))
    with pytest.raises(RegistryUnavailable, match=r"cannot be reached \(127\.0\.0\.1:\d+\); check the network"):
        c.health()
    assert len(waits) == 2 and states == [False]


def test_shock_areas_are_cached_for_the_ttl(fake_hub: FakeHub) -> None:
    now = [100.0]
    fake_hub.json(200, SHOCKS)
    c = client(fake_hub.url, shock_ttl=60, monotonic=lambda: now[0])
    assert c.shock_areas().codes() == frozenset({"PK35201"})
    now[0] += 59
    c.shock_areas()
    assert len(fake_hub.seen) == 1
    now[0] += 1
    c.shock_areas()
    assert len(fake_hub.seen) == 2
    c.shock_areas(fresh=True)
    assert len(fake_hub.seen) == 3


def test_cnic_never_reaches_the_logs(fake_hub: FakeHub, caplog: pytest.LogCaptureFixture) -> None:
    fake_hub.json(200, STATUS)
    with caplog.at_level(logging.DEBUG):
        client(fake_hub.url).household_status_by_cnic(CNIC)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "status-by-cnic" in text  # urllib3 did log the request line ...
    assert CNIC not in text and KEY not in text  # ... and it holds neither the CNIC nor the key


def test_an_older_hub_without_the_one_trip_lookup_is_asked_the_old_way(fake_hub: FakeHub) -> None:
    """404 on /v1/triage/lookup: the client says so once (None) and never asks that path again."""
    verify = {"cnic": CNIC, "status": "verified", "household_id": "HH1", "head_name": "A", "members": []}

    def old_hub(method: str, path: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
        import json

        if path == "/v1/triage/lookup":
            return 404, "application/problem+json", b'{"title": "Not found", "detail": "no such route"}'
        body = verify if path == "/v1/identity/verify" else STATUS if "households" in path else SHOCKS
        return 200, "application/json", json.dumps(body).encode()

    fake_hub.behaviour = old_hub
    c = client(fake_hub.url)
    assert c.triage_lookup(CNIC) is None and c.triage_lookup(CNIC) is None
    assert [p for _m, p, _h in fake_hub.seen] == ["/v1/triage/lookup"]
    assert c.state.online is True
