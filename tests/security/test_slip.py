"""The slip proves the visitor: its code binds the token to a keyed hash of the CNIC, and the terminal
and the console check site, day, open token and CNIC (finding: nothing ever called ``verify``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import requests
from PySide6.QtCore import Qt

from console.context import AppContext
from console.demo import prepare_demo
from console.slip_check import SlipCheckDialog
from console.slip_code import slip_checker
from db.engine import Store
from db.models import UpdateType
from printing.qr import QrPayloadError, cnic_tag, sign, verify
from services.auth import AuthService, make_hasher, set_demo_pins
from services.clock import FixedClock
from services.config import Config
from services.queue import QueueService
from services.roles import SYSTEM, Actor
from services.site import SiteService
from services.terminal import TerminalDeps, TerminalServer, create_app
from tests.conftest import SITE_ID

SECRET = "site-slip-secret"
CNIC = "3520212345671"
OTHER = "3520298765431"
JSON = {"Accept": "application/json"}


def test_code_binds_the_cnic_without_revealing_it() -> None:
    code = sign(SITE_ID, date(2026, 3, 4), "R-001", "roster", SECRET, cnic=CNIC)
    assert CNIC not in code and CNIC[-4:] not in code.split(".")[5]
    claim = verify(code, SECRET, site_id=SITE_ID)
    assert claim.matches(CNIC, SECRET) is True and claim.matches(OTHER, SECRET) is False
    assert claim.cnic_tag == cnic_tag(CNIC, SECRET) != cnic_tag(CNIC, "another-site-secret")
    # Swapping in the tag of another visitor breaks the signature.
    parts = code.split(".")
    parts[5] = cnic_tag(OTHER, SECRET)
    with pytest.raises(QrPayloadError, match="signature"):
        verify(".".join(parts), SECRET)
    # A slip printed before this release (DRC1) still verifies, binding nothing.
    import base64
    import hashlib
    import hmac

    body = f"DRC1.{SITE_ID}.20260304.R-001.roster"
    sig = base64.urlsafe_b64encode(hmac.new(SECRET.encode(), body.encode(), hashlib.sha256).digest()[:12])
    legacy = verify(body + "." + sig.decode().rstrip("="), SECRET)
    assert legacy.number == "R-001" and legacy.matches(CNIC, SECRET) is None


def test_demo_uses_a_random_secret() -> None:
    """Finding: the demo signed with a public secret."""
    a, b = Config(), Config()
    env_a, env_b = prepare_demo(a), prepare_demo(b)
    try:
        assert a.printer.qr_secret != b.printer.qr_secret and len(a.printer.qr_secret) >= 24
        assert "demo" not in a.printer.qr_secret
    finally:
        env_a.close()
        env_b.close()


@pytest.fixture
def slip_terminal(store: Store, clock: FixedClock, site: list[int], queue: QueueService) -> Iterator[str]:
    """A terminal whose slip check uses SECRET; returns its URL."""
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    deps = TerminalDeps(queue, SiteService(store, clock, SITE_ID), AuthService(store, clock, hasher=hasher,
                                                                                site_id=SITE_ID),
                        clock, site_name="DRC Bagh", check_slip=slip_checker(queue, SITE_ID, SECRET))
    server = TerminalServer(create_app(deps), "127.0.0.1", 0)
    url = server.start()
    yield url
    server.stop()


def test_terminal_checks_site_day_open_token_and_cnic(slip_terminal: str, queue: QueueService,
                                                      clock: FixedClock, supervisor: Actor) -> None:
    token = queue.issue_token(UpdateType.ROSTER, actor=SYSTEM, cnic=CNIC)
    today = clock.now().date()
    http = requests.Session()
    r = http.post(slip_terminal + "login", data={"username": "deo1", "pin": "1234"}, headers=JSON, timeout=10)
    csrf = r.json()["csrf"]

    def check(code: str, cnic: str = "") -> tuple[bool, str]:
        r = http.post(slip_terminal + "action/slip", data={"csrf": csrf, "code": code, "cnic": cnic},
                      headers=JSON, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()["ok"], r.json()["message"]

    code = sign(SITE_ID, today, token.number, "roster", SECRET, cnic=CNIC)
    assert check(code, "35202-1234567-1") == (True, "Slip R-001 is genuine, for today and still open - the CNIC matches")
    assert check(code) == (True, "Slip R-001 is genuine, for today and still open - no CNIC to compare")
    ok, message = check(code, OTHER)
    assert not ok and "issued to someone else" in message
    ok, message = check(code[:-2] + ("AA" if code[-2:] != "AA" else "BB"))
    assert not ok and message.startswith("Not a genuine slip")
    ok, message = check(sign("PK99999-01", today, token.number, "roster", SECRET, cnic=CNIC))
    assert not ok and "another site" in message
    ok, message = check(sign(SITE_ID, today - timedelta(days=1), token.number, "roster", SECRET, cnic=CNIC))
    assert not ok and "another day" in message
    ok, message = check(sign(SITE_ID, today, "R-099", "roster", SECRET))
    assert not ok and message == "No token R-099 today"
    queue.cancel(token.id, actor=supervisor)
    ok, message = check(code, CNIC)
    assert not ok and "no longer open" in message
    # The HTML page offers the check to a DEO.
    assert "action/slip" in http.get(slip_terminal, timeout=10).text


def test_console_dialog_checks_a_scanned_slip(qtbot, ctx: AppContext, clock: FixedClock) -> None:
    token = ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM, cnic=CNIC)
    dialog = SlipCheckDialog(ctx, slip_checker(ctx.queue, ctx.site_id, SECRET))
    qtbot.addWidget(dialog)
    dialog.code.setText(sign(ctx.site_id, clock.now().date(), token.number, "shock", SECRET, cnic=CNIC))
    dialog.cnic.setText(CNIC)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "genuine" in dialog.outcome.text())
    assert "The CNIC matches." in dialog.outcome.text()
    dialog.cnic.setText(OTHER)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "someone else" in dialog.outcome.text())


def test_printed_slip_carries_the_binding(qtbot, ctx: AppContext) -> None:
    from console.printing_glue import install_printing

    ctx.config.printer.qr_secret = SECRET
    service = install_printing(ctx)
    try:
        view = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM, cnic=CNIC)
        claim = verify(service.slip_for(view, 1, None).qr_payload, SECRET, site_id=ctx.site_id)
        assert claim.number == view.number and claim.matches(CNIC, SECRET) is True
    finally:
        service.shutdown()
