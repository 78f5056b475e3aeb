"""The hub's front door: 401 before the body, 413 without buffering, 422 (never 500) for bad input,
no CNIC in the access log, demo samples only on a demo hub."""

from __future__ import annotations

import json
import logging
import re
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from services.hub.testing import run_hub_in_thread
from services.registry.client import RegistryClient
from tests.hub.conftest import HUB_KEY, SITE_ID, SITE_KEY, TODAY, HubServer

CAP = 64 * 1024
AUTH = {"Authorization": f"Bearer {HUB_KEY}"}


@pytest.fixture(scope="module")
def small_hub(hub_sqlite_url: str) -> Iterator[HubServer]:
    """A production-like hub (no demo route) with a 64 KB body cap and the access log on."""
    base, stop = run_hub_in_thread(hub_sqlite_url, HUB_KEY, site_keys={SITE_ID: SITE_KEY}, today=lambda: TODAY,
                                   demo=False, max_body=CAP, access_log=True)
    try:
        yield HubServer(base, HUB_KEY, hub_sqlite_url, stop)
    finally:
        stop()


def _raw(hub: HubServer, head: str, chunks: list[bytes] = ()) -> tuple[int, bytes]:  # type: ignore[assignment]
    """Send a hand-made request (headers, then body pieces) and return (status, response bytes)."""
    host, port = hub.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode())
        try:
            for piece in chunks:
                sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the hub answered and closed before the whole body went out: that is the point
        data = b""
        while b"\r\n\r\n" not in data:
            more = sock.recv(65536)
            if not more:
                break
            data += more
    return int(data.split(b" ", 2)[1]), data


@pytest.mark.parametrize("method,path,body", [
    ("POST", "/v1/sites/PK10101-01/events", b"not json at all"),
    ("POST", "/v1/identity/verify", b'{"cnic": "12"}'),
    ("GET", "/v1/no-such-path", b""),
    ("GET", "/v1/households/%00/status", b""),
    ("POST", "/v1/regions/performance?from=9999-99-99", b"\x00\xff"),
])
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}])
def test_unauthenticated_is_401_whatever_the_path_or_body(small_hub: HubServer, method: str, path: str,
                                                          body: bytes, headers: dict[str, str]) -> None:
    resp = requests.request(method, small_hub.url(path), data=body, headers=headers, timeout=5)
    assert resp.status_code == 401, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_unauthenticated_oversize_is_401_and_never_read(small_hub: HubServer) -> None:
    # 100 MB announced, nothing sent: the hub answers at once instead of waiting for the body.
    status, _ = _raw(small_hub, f"POST /v1/sites/{SITE_ID}/events HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
    assert status == 401


def test_oversize_with_a_key_is_413_before_the_body(small_hub: HubServer) -> None:
    status, data = _raw(small_hub, f"POST /v1/sites/{SITE_ID}/events HTTP/1.1\r\nHost: x\r\n"
                        f"Authorization: Bearer {SITE_KEY}\r\nContent-Type: application/json\r\n"
                        "Content-Length: 104857600\r\n\r\n")
    assert status == 413 and b"problem+json" in data


def test_streamed_body_is_cut_off_at_the_cap(small_hub: HubServer) -> None:
    piece = b"x" * 16384
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    status, data = _raw(small_hub, f"POST /v1/sites/{SITE_ID}/events HTTP/1.1\r\nHost: x\r\n"
                        f"Authorization: Bearer {SITE_KEY}\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n", [chunk] * (CAP // len(piece) + 2))
    assert status == 413, data


def _event(**over: object) -> dict:
    ev = {"uuid": str(uuid.uuid4()), "token_id": 1, "token_number": "R-001", "update_type": "roster",
          "priority": False, "kind": "issued", "at": datetime(2026, 3, 3, 5, tzinfo=UTC).isoformat(),
          "actor": "tsa1", "counter": None, "payload": {"update_type": "roster"}}
    ev.update(over)
    return ev


@pytest.mark.parametrize("raw", [
    json.dumps({"events": [_event(token_id=2**63)]}),
    json.dumps({"events": [_event(counter=-1)]}),
    json.dumps({"events": [_event(actor="ts\u0000a")]}),
    json.dumps({"events": [_event(payload={"note": "a\u0000b"})]}),
    json.dumps({"events": [_event(payload={"minutes": float("nan")})]}),
    json.dumps({"events": [_event(payload={"minutes": float("inf")})]}),
    json.dumps({"events": [_event(payload={"n": 10**30})]}),
    json.dumps({"events": [_event(payload={"deep": {"a": {"b": {"c": {"d": {"e": 1}}}}}})]}),
    json.dumps({"events": [_event(at="9999-12-31T23:59:59+00:00")]}),
    json.dumps({"events": [_event(at="0001-01-01T00:00:00+05:00")]}),
    json.dumps({"events": [_event(at="2031-01-01T00:00:00Z")]}),  # after the window
    json.dumps({"events": [_event(at="2020-01-01T00:00:00Z")]}),  # before the window
    '{"events": [{"token_id": ' + "9" * 5000 + "}]}",
])
def test_bad_batches_are_422_never_500(small_hub: HubServer, raw: str) -> None:
    resp = requests.post(small_hub.url(f"/v1/sites/{SITE_ID}/events"), data=raw,
                         headers={**AUTH, "Content-Type": "application/json"}, timeout=5)
    assert resp.status_code == 422, resp.text


@pytest.mark.parametrize("path", ["/v1/regions/performance?date=9999-12-31", "/v1/regions/performance?date=0001-01-01",
                                  f"/v1/sites/{SITE_ID}/paradata?date=0001-01-01",
                                  "/v1/households/abc%00def/status", "/v1/sites/PK1%00/paradata?date=2026-03-04"])
def test_bad_queries_are_422(small_hub: HubServer, path: str) -> None:
    assert requests.get(small_hub.url(path), headers=AUTH, timeout=5).status_code == 422


def test_nul_in_a_lookup_body_is_422(small_hub: HubServer) -> None:
    resp = requests.post(small_hub.url("/v1/identity/verify"), json={"cnic": "3520212345671", "name": "A\u0000"},
                         headers=AUTH, timeout=5)
    assert resp.status_code == 422


def test_demo_samples_only_on_a_demo_hub(small_hub: HubServer, hub: HubServer) -> None:
    assert requests.get(small_hub.url("/v1/demo/samples"), headers=AUTH, timeout=5).status_code == 404
    assert requests.get(hub.url("/v1/demo/samples"), headers=AUTH, timeout=5).status_code == 200


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_access_log_never_holds_a_cnic(small_hub: HubServer) -> None:
    cnic = "3520212345671"
    client = RegistryClient(small_hub.base_url, SITE_KEY, retries=0)
    access = logging.getLogger("uvicorn.access")  # uvicorn does not propagate it: listen on it directly
    seen = _Lines()
    access.addHandler(seen)
    level = access.level
    access.setLevel(logging.INFO)  # another hub in this process may have configured it to WARNING
    try:
        client.household_status_by_cnic(cnic)
        client.verify_identity(cnic)
    finally:
        access.removeHandler(seen)
        access.setLevel(level)
        client.close()
    lines = seen.lines
    assert any("status-by-cnic" in line for line in lines)  # the log is on and saw the look-up ...
    assert not any(re.search(r"\d{13}", line) for line in lines)  # ... without any CNIC in it
