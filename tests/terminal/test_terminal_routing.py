"""The terminal's transfer list follows the appeal switch and the open, staffed counters (issue #14 item 1)."""

from __future__ import annotations

import re

from db.models import CounterState, UpdateType
from services.roles import SYSTEM
from tests.terminal.conftest import TIMEOUT, Terminal


def _options(html: str) -> list[str]:
    return re.findall(r"<option value='([a-z_]+)'", html)


def test_transfer_list_and_refusal_follow_open_counters(terminal: Terminal, supervisor) -> None:
    c1, *others = terminal.counters
    for cid in others:
        terminal.site.set_state(cid, CounterState.CLOSED, actor=supervisor)
    terminal.site.set_served_types(c1, [UpdateType.ROSTER, UpdateType.CYCLIC, UpdateType.APPEAL], actor=supervisor)
    terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    http, csrf = terminal.sign_in("deo1")
    assert terminal.act(http, csrf, "call").json()["token"]["number"] == "R-001"

    state = http.get(terminal.url + "api/state", headers={"Accept": "application/json"}, timeout=TIMEOUT).json()
    # Appeals are off (policy) and only counter 1 is open: its own type is not a target either.
    assert state["transfer_types"] == ["cyclic"]
    assert _options(http.get(terminal.url, timeout=TIMEOUT).text) == ["cyclic"]

    refused = terminal.act(http, csrf, "transfer", type="shock")
    assert refused.status_code == 409 and "No open counter" in refused.json()["message"]
    assert terminal.act(http, csrf, "transfer", type="appeal").status_code == 409
    moved = terminal.act(http, csrf, "transfer", type="cyclic")
    assert moved.status_code == 200, moved.text
    assert terminal.queue.waiting()[0].update_type is UpdateType.CYCLIC


def test_a_counter_without_a_deo_is_no_target(terminal: Terminal, supervisor) -> None:
    c1, c2, c3, c4, c5, c6 = terminal.counters
    for cid in (c3, c4, c5):
        terminal.site.set_state(cid, CounterState.CLOSED, actor=supervisor)
    terminal.site.set_served_types(c1, [UpdateType.ROSTER], actor=supervisor)
    terminal.site.assign(c6, None, actor=supervisor)  # counter 6 (missed-out, shock) is open but unstaffed
    terminal.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    http, csrf = terminal.sign_in("deo1")
    terminal.act(http, csrf, "call")
    state = http.get(terminal.url + "api/state", headers={"Accept": "application/json"}, timeout=TIMEOUT).json()
    assert state["transfer_types"] == ["missed_out"]  # counter 2 (missed-out, roster) only
