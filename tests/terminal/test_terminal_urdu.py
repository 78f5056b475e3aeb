"""The counter terminal in Urdu: a language switch per tablet, every word of the page in Urdu (the
same terms as the console), right to left, token numbers kept left to right, messages in Urdu."""

from __future__ import annotations

import re
from html import unescape

import requests

from db.models import UpdateType
from services.auth import AuthService, make_hasher, set_demo_pins
from services.labels import UPDATE_TYPE_UR
from services.roles import SYSTEM
from services.site import SiteService
from services.terminal import TerminalDeps, TerminalServer, create_app
from tests.conftest import SITE_ID
from tests.terminal.conftest import TIMEOUT, Terminal
from tests.urdu_walk import LRI, PDI, untranslated

_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)


def _visible(html: str) -> list[tuple[str, str]]:
    """The page's text as a reader sees it (tags, script and style removed), one entry per piece."""
    return [("terminal", unescape(t).strip()) for t in _TAGS.split(html) if unescape(t).strip()]


def _option_labels(html: str) -> list[str]:
    return [unescape(t) for t in re.findall(r"<option value='[a-z_]+'>([^<]*)</option>", html)]


def test_language_switch_and_an_urdu_counter_page(terminal: Terminal) -> None:
    terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    http = requests.Session()
    page = http.get(terminal.url, timeout=TIMEOUT).text
    assert "Sign in" in page and "href='/lang/ur'" in page  # English first, with the switch to Urdu
    page = http.get(terminal.url + "lang/ur", timeout=TIMEOUT).text  # the switch: a cookie, then the page
    assert "<html lang='ur' dir='rtl'>" in page and "داخل ہوں" in page and "Sign in" not in page
    assert untranslated(_visible(page), frozenset({"Bagh", "English"})) == []

    r = http.post(terminal.url + "login", data={"username": "deo1", "pin": "1234"}, timeout=TIMEOUT)
    page = r.text
    assert "<html lang='ur' dir='rtl'>" in page and "اگلا بلائیں" in page and f"کاؤنٹر نمبر {LRI}1{PDI}" in page
    assert untranslated(_visible(page), frozenset({"deo", "English"})) == []
    # Transfer names the update types as the console and the slip do, not by their enum names.
    assert set(_option_labels(page)) <= set(UPDATE_TYPE_UR.values()) and _option_labels(page)

    csrf = page.split("name='csrf' value='", 1)[1].split("'", 1)[0]
    page = http.post(terminal.url + "action/call", data={"csrf": csrf}, timeout=TIMEOUT).text
    assert f"{LRI}R-001{PDI} کو بلایا گیا" in unescape(page)  # the number stays left to right
    assert "id='token' dir='ltr'>R-001<" in page
    assert untranslated(_visible(page), frozenset({"deo", "English"})) == []

    # A refusal from the engine, in Urdu too.
    r = http.post(terminal.url + "action/call", data={"csrf": csrf}, headers={"Accept": "application/json"},
                  timeout=TIMEOUT)
    assert r.status_code == 409 and "ابھی" in r.json()["message"] and LRI + "R-001" + PDI in r.json()["message"]

    page = http.get(terminal.url + "lang/en", timeout=TIMEOUT).text  # and back
    assert "<html lang='en' dir='ltr'>" in page and "Call next" in page and "اگلا بلائیں" not in page


def test_the_site_language_is_the_default(store, clock, site, queue) -> None:
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    deps = TerminalDeps(queue, SiteService(store, clock, SITE_ID), AuthService(store, clock, hasher=hasher,
                        site_id=SITE_ID), clock, site_name="DRC Bagh", language="ur")
    server = TerminalServer(create_app(deps), "127.0.0.1", 0)
    url = server.start()
    try:
        assert "dir='rtl'" in requests.get(url, timeout=TIMEOUT).text
    finally:
        server.stop()


def test_terminal_text_contrast_is_at_least_4_5() -> None:
    """The tablet page's text colours against their backgrounds (WCAG), disabled buttons included."""
    from PySide6.QtGui import QColor

    from services.terminal.page import STYLE
    from tests.contrast import ratio

    def rule(selector: str) -> dict[str, str]:
        body = re.search(re.escape(selector) + r"\{([^}]*)\}", STYLE)
        assert body is not None, selector
        return dict(p.split(":", 1) for p in body.group(1).split(";") if ":" in p)

    body = rule("body")
    pairs = {
        "body": (body["color"], body["background"]),
        "header": (rule("header")["color"], rule("header")["background"]),
        "muted": (rule(".muted")["color"], "#fff"),
        "ok": (rule(".ok")["color"], rule(".ok")["background"]),
        "err": (rule(".err")["color"], rule(".err")["background"]),
        "primary": ("#fff", rule("button.primary")["background"]),
        "disabled": (rule("button.warn:disabled")["color"], rule("button.warn:disabled")["background"]),
    }
    low = {k: round(ratio(QColor(fg), QColor(bg)), 2) for k, (fg, bg) in pairs.items()
           if ratio(QColor(fg), QColor(bg)) < 4.5}
    assert low == {}
