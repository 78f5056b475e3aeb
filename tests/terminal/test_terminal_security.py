"""The terminal as a LAN attacker meets it: body cap, one sign-in answer, throttling, sessions, headers."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

import pytest
import requests

from db.engine import Store
from db.models import Role, UpdateType
from services.auth import AuthService, make_hasher, set_demo_pins
from services.clock import FixedClock
from services.queue import QueueService
from services.roles import SYSTEM
from services.site import SiteService
from services.terminal import SignInThrottle, TerminalDeps, TerminalServer, create_app
from services.terminal.guard import csp_hash
from tests.conftest import SITE_ID
from tests.terminal.conftest import TIMEOUT, Terminal

JSON = {"Accept": "application/json"}


def _hostport(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    assert parts.hostname and parts.port
    return parts.hostname, parts.port


def _login(url: str, username: str, pin: str, **headers: str) -> requests.Response:
    return requests.post(url + "login", data={"username": username, "pin": pin}, headers={**JSON, **headers},
                         timeout=TIMEOUT)


def test_declared_oversize_body_gets_413_before_it_is_sent(terminal: Terminal) -> None:
    """Finding: four 100 MB POST /login took the console to 1.4 GB. Now the header alone is enough."""
    host, port = _hostport(terminal.url)
    with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
        sock.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 104857600\r\n\r\n")  # and not one byte of the promised 100 MB
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


def test_streamed_oversize_body_is_cut_off_at_the_cap(terminal: Terminal) -> None:
    host, port = _hostport(terminal.url)
    with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
        sock.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        for _ in range(9):  # 9 x 1 KB, chunked: no Content-Length to look at, and no end chunk yet
            sock.sendall(b"400\r\n" + b"a" * 1024 + b"\r\n")
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")
    # A normal-sized form still works.
    assert _login(terminal.url, "deo1", "1234").status_code == 200


def test_one_answer_for_every_kind_of_failure(terminal: Terminal) -> None:
    """Unknown user, wrong PIN, waiting account and non-DEO accounts (right PIN) look the same."""
    for _ in range(5):  # deo2 now has to wait before the next try
        _login(terminal.url, "deo2", "0000")
    answers = {
        "wrong pin": _login(terminal.url, "deo1", "9999"),
        "unknown user": _login(terminal.url, "nobody", "1234"),
        "waiting account (right PIN)": _login(terminal.url, "deo2", "1234"),
        "triage, right PIN": _login(terminal.url, "triage", "1234"),
        "supervisor, right PIN": _login(terminal.url, "supervisor", "1234"),
        "admin, right PIN": _login(terminal.url, "admin", "1234"),
    }
    seen = {(r.status_code, r.text) for r in answers.values()}
    assert len(seen) == 1, {k: (r.status_code, r.text) for k, r in answers.items()}
    assert next(iter(seen))[0] == 401
    assert not any(r.cookies for r in answers.values())
    # Every attempt is in the audit trail with where it came from (and never the PIN).
    from services.audit import AuditLog

    trail = AuditLog(terminal.auth.store, terminal.auth.clock).entries(actor=SYSTEM, action="sign_in_failed")
    assert trail and all(r.detail.get("source") == "terminal 127.0.0.1" for r in trail)
    assert not any("9999" in str(r.detail) or "1234" in str(r.detail) for r in trail)
    # The admin and the supervisor were not touched: they still sign in at the console at once.
    assert terminal.auth.authenticate("admin", "1234").role is Role.ADMIN
    assert terminal.auth.authenticate("supervisor", "1234").role is Role.SUPERVISOR


class _GatedAuth(AuthService):
    """The real sign-in, held at a gate so a test can look at the server while it runs."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.entered = threading.Event()
        self.release = threading.Event()

    def authenticate(self, username: str, secret: str, *, roles: frozenset[Role] | None = None,  # type: ignore[no-untyped-def]
                     source: str = ""):
        self.entered.set()
        assert self.release.wait(TIMEOUT)
        return super().authenticate(username, secret, roles=roles, source=source)


def _serve(store: Store, clock: FixedClock, queue: QueueService, auth: AuthService,
           throttle: SignInThrottle | None = None) -> TerminalServer:
    deps = TerminalDeps(queue, SiteService(store, clock, SITE_ID), auth, clock, site_name="DRC Bagh",
                        throttle=throttle or SignInThrottle())
    server = TerminalServer(create_app(deps), "127.0.0.1", 0)
    server.start()
    return server


def test_sign_in_does_not_block_other_pages(store: Store, clock: FixedClock, site: list[int],
                                            queue: QueueService) -> None:
    """Finding: argon2 ran inside the async handler and stalled every DEO's page."""
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    auth = _GatedAuth(store, clock, hasher=hasher, site_id=SITE_ID)
    server = _serve(store, clock, queue, auth)
    try:
        pending = threading.Thread(target=lambda: _login(server.url, "deo1", "1234"))
        pending.start()
        assert auth.entered.wait(TIMEOUT)
        # The sign-in is inside authenticate right now; the event loop still answers.
        assert requests.get(server.url, timeout=TIMEOUT).status_code == 200
        assert auth.release.is_set() is False
        auth.release.set()
        pending.join(TIMEOUT)
    finally:
        auth.release.set()
        server.stop()


def test_progressive_delay_per_address(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> None:
    now = [0.0]
    throttle = SignInThrottle(free=3, base=30, cap=600, clock=lambda: now[0])
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    server = _serve(store, clock, queue, AuthService(store, clock, hasher=hasher, site_id=SITE_ID), throttle)
    try:
        # Spread over three accounts, so only the per-address limit can catch it.
        for user in ("deo1", "deo2", "deo3", "deo4"):
            assert _login(server.url, user, "0000").status_code == 401
        refused = _login(server.url, "deo5", "1234")  # the right PIN, too early
        assert refused.status_code == 401 and not refused.cookies
        now[0] += 31
        assert _login(server.url, "deo5", "1234").status_code == 200
    finally:
        server.stop()
    waits = []
    for _ in range(8):
        throttle.failed("10.0.0.9")
        rec = throttle._records["10.0.0.9"]
        waits.append(max(0.0, rec.not_before - now[0]))
    assert waits == [0, 0, 0, 30, 60, 120, 240, 480]


def test_logout_revokes_the_session(terminal: Terminal) -> None:
    """Finding: cookies still worked after logout."""
    http_, csrf = terminal.sign_in("deo1")
    stolen = http_.cookies.get("drc_terminal")
    assert http_.post(terminal.url + "logout", timeout=TIMEOUT).status_code == 200
    replay = requests.Session()
    replay.cookies.set("drc_terminal", stolen)
    assert replay.get(terminal.url + "api/state", timeout=TIMEOUT).status_code == 401
    assert terminal.act(replay, csrf, "call").status_code == 401


def test_deactivated_or_moved_account_loses_its_session_at_once(terminal: Terminal) -> None:
    """Finding: role and active status were read from the cookie."""
    terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    gone, csrf_gone = terminal.sign_in("deo1")
    moved, csrf_moved = terminal.sign_in("deo2")
    ids = {s.username: s.id for s in terminal.auth.staff()}
    terminal.auth.set_active(ids["deo1"], False, actor=SYSTEM)
    assert terminal.act(gone, csrf_gone, "call").status_code == 401
    from sqlalchemy import update

    from db.models import Staff

    with terminal.auth.store.session() as s, s.begin():
        s.execute(update(Staff).where(Staff.id == ids["deo2"]).values(role=Role.TRIAGE))
    assert terminal.act(moved, csrf_moved, "call").status_code == 401
    assert [e.kind for e in terminal.queue.events()] == ["issued"]  # nobody called anything


def test_security_headers_and_cross_site_sign_in(terminal: Terminal) -> None:
    r = requests.get(terminal.url, timeout=TIMEOUT)
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp and "'unsafe-inline'" not in csp
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    # The page's own inline script and style are allowed by hash, so they run (and nothing else would).
    http_, _csrf = terminal.sign_in("deo1")
    page = http_.get(terminal.url, timeout=TIMEOUT)
    script = page.text.split("<script>", 1)[1].split("</script>", 1)[0]
    style = page.text.split("<style>", 1)[1].split("</style>", 1)[0]
    policy = page.headers["content-security-policy"]
    assert f"script-src {csp_hash(script)}" in policy and f"style-src {csp_hash(style)}" in policy
    evil = _login(terminal.url, "deo1", "1234", Origin="http://evil.example")
    assert evil.status_code == 403 and not evil.cookies
    assert _login(terminal.url, "deo1", "1234", Origin=terminal.url.rstrip("/")).status_code == 200


@pytest.mark.parametrize("counter", ["99999999999999999999999", "-1", "1e9", "\x00"])
def test_odd_numbers_and_nul_are_400_not_500(terminal: Terminal, counter: str) -> None:
    """Finding: overflowing ints and NUL gave 500."""
    http_, csrf = terminal.sign_in("deo1")
    r = terminal.act(http_, csrf, "call", counter=counter)
    assert r.status_code == 400, r.text
    r = terminal.act(http_, csrf, "transfer", type="\x00roster")
    assert r.status_code in (400, 409)


class _CountingAuth(AuthService):
    """The real sign-in, counting how often argon2 work is asked for."""

    calls = 0

    def authenticate(self, username: str, secret: str, *, roles: frozenset[Role] | None = None,  # type: ignore[no-untyped-def]
                     source: str = ""):
        type(self).calls += 1
        return super().authenticate(username, secret, roles=roles, source=source)


def test_a_burst_of_guesses_is_cut_off_not_queued(store: Store, clock: FixedClock, site: list[int],
                                                  queue: QueueService) -> None:
    """80 sign-ins at once (the finding's load) cost a handful of argon2 runs, not 80."""
    from concurrent.futures import ThreadPoolExecutor

    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    auth = _CountingAuth(store, clock, hasher=hasher, site_id=SITE_ID)
    server = _serve(store, clock, queue, auth, SignInThrottle(free=3, base=60))
    try:
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(lambda i: _login(server.url, f"deo{i % 6 + 1}", "0000").status_code, range(80)))
        page = requests.get(server.url, timeout=TIMEOUT)
    finally:
        server.stop()
    assert set(answers) == {401} and page.status_code == 200
    assert _CountingAuth.calls <= 3 + 2 * 2, _CountingAuth.calls  # free tries + the two hashing slots, twice over
