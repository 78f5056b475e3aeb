"""Central policy (#11 item 4): the hub serves it with sources, the console keeps the last one,
shows its age, and a site's configuration cannot change what the centre sets."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from console.context import AppContext
from console.pages.triage import TriagePage
from db.models import Role, UpdateType
from services.clock import FixedClock
from services.config import Config
from services.registry import RegistryClient
from services.registry.models import CentralPolicy, PolicyItem
from services.roles import Actor
from services.triage import PolicyError, PolicyKeeper, combine
from tests.registry.live_hub import CENTRAL_KEY, KEY, LiveHub
from tests.triage.test_page import _lookup, _samples

REPORT, OURS = "NSER annual report FY2022-23", "illustrative default"


def test_the_hub_serves_each_value_with_its_source(hub: LiveHub) -> None:
    policy = RegistryClient(hub.url, KEY).policy()
    items = {i.key: i for i in policy.items}
    assert {k: (items[k].value, items[k].source, items[k].central) for k in
            ("cut_off", "cyclic_years", "recertification_years", "appeal_enabled")} == {
        "cut_off": (32, REPORT, True), "cyclic_years": (2, REPORT, True),
        "recertification_years": (3, REPORT, True), "appeal_enabled": (False, REPORT, True)}
    ours = {k: items[k].value for k in items if items[k].source == OURS}
    assert ours == {"appeal_max_score": 40, "survey_min_minutes": 10, "survey_max_minutes": 90, "geo_radius_m": 500,
                    "min_address_chars": 25, "household_ratio": 0.8, "duration_z": 3.5, "deo_z": 3.0}
    assert not any(items[k].central for k in ours)
    assert all(i.meaning for i in policy.items)
    # Any valid key may read it; no key may not.
    assert requests.get(hub.url + "/v1/policy", headers={"Authorization": f"Bearer {CENTRAL_KEY}"},
                        timeout=5).status_code == 200
    assert requests.get(hub.url + "/v1/policy", timeout=5).status_code == 401


def test_local_config_tunes_only_the_illustrative_values(tmp_path: Path, hub: LiveHub) -> None:
    central = RegistryClient(hub.url, KEY).policy()
    local = {"cut_off": 50, "appeal_enabled": True, "appeal_max_score": 45, "shock_areas_ttl_seconds": 60}
    policy, ignored = combine(local, None)  # before the centre has spoken: the shipped central values
    assert (policy.cut_off, policy.appeal_enabled, policy.appeal_max_score) == (32, False, 45)
    assert ignored == ("appeal_enabled", "cut_off")
    policy, _ = combine(local, central)
    assert (policy.cut_off, policy.cyclic_years, policy.appeal_max_score, policy.shock_areas_ttl_seconds) == \
        (32, 2, 45, 60)
    # Kept on disk: a console that starts offline uses the centre's last word and knows its age.
    clock = FixedClock(hub_now(hub))
    keeper = PolicyKeeper(local, tmp_path / "central-policy.json", clock.now)
    assert keeper.held.received_at is None
    keeper.receive(central)
    assert json.loads((tmp_path / "central-policy.json").read_text())["policy"]["version"] == central.version
    clock.advance(3600)
    again = PolicyKeeper(local, tmp_path / "central-policy.json", clock.now)
    assert again.held.central == central and again.held.received_at == clock.now() - timedelta(hours=1)
    assert again.held.source("cut_off") == REPORT and again.held.source("appeal_max_score") == OURS
    (tmp_path / "central-policy.json").write_text("{not json")
    assert PolicyKeeper(local, tmp_path / "central-policy.json", clock.now).held.central is None  # defaults


def test_a_central_setting_is_reported_only_when_it_differs_from_the_value_in_force() -> None:
    local = {"cut_off": 32, "appeal_enabled": "false", "cyclic_years": 5, "recertification_years": "often"}
    policy, ignored = combine(local, None)  # the same numbers as the shipped ones change nothing: no warning
    assert (policy.cut_off, policy.appeal_enabled, policy.cyclic_years) == (32, False, 2)
    assert ignored == ("cyclic_years", "recertification_years")  # a bad value where it cannot count: reported
    central = CentralPolicy(version="v", as_of="2026-03-04", items=[
        PolicyItem(key="cut_off", value=30, source=REPORT, central=True),
        PolicyItem(key="recertification_years", value=True, source=REPORT, central=True),  # not a number of years
        PolicyItem(key="appeal_max_score", value=42, source=OURS, central=True)])
    policy, ignored = combine({**local, "appeal_max_score": 45}, central)
    assert (policy.cut_off, policy.recertification_years, policy.appeal_max_score) == (30, 3, 42)
    assert ignored == ("appeal_max_score", "cut_off", "cyclic_years", "recertification_years")
    with pytest.raises(PolicyError, match="shock_areas_ttl_seconds"):  # a setting that counts is still checked
        combine({"shock_areas_ttl_seconds": "soon"}, central)
    with pytest.raises(PolicyError, match="unknown"):
        combine({"cutoff": 30}, central)


def hub_now(hub: LiveHub) -> Any:
    from datetime import datetime

    from services.clock import SITE_ZONE

    return datetime(hub.today.year, hub.today.month, hub.today.day, 10, tzinfo=SITE_ZONE)


def test_the_page_shows_the_centres_rules_their_age_and_ignores_a_local_cut_off(
        qtbot: Any, make_ctx: Callable[..., AppContext], hub: LiveHub, clock: FixedClock) -> None:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key, cfg.hub.retries = hub.url, KEY, 0
    cfg.policy = {"cut_off": 60, "appeal_max_score": 45}  # a site trying to move the cut-off
    hub.stop()
    ctx = make_ctx(cfg, Actor("triage", Role.TRIAGE))
    assert any("[policy] cut_off is ignored" in text for _level, text in ctx.status.alerts)
    page = TriagePage(ctx)
    qtbot.addWidget(page)
    line = page.policy_line
    assert line.text().startswith("Rules: shipped defaults (the centre's policy has not arrived yet)")
    assert "cut-off 32," in line.text() and "appeals off" in line.text()
    assert "Ignored in this console's configuration (the centre sets them): cut_off" in line.toolTip()

    hub.start()
    cnic = _samples(hub).samples["roster"][0].cnic  # score 48: a beneficiary only under the local 60
    outcome = _lookup(qtbot, page, cnic)
    assert outcome.lookup.membership == "registered" and ctx.triage.policy.cut_off == 32
    assert ctx.triage.policy.appeal_max_score == 45  # illustrative: the site's own value stands
    assert "not a beneficiary" in page.summary_label.text()
    assert "above 32" in page.reason_labels[UpdateType.RECERTIFICATION].text()
    assert line.text().startswith("Rules from the centre (version ") and "received just now" in line.text()
    tip = line.toolTip()
    assert f"cut_off = 32 - {REPORT} (set by the centre)" in tip
    assert f"geo_radius_m = 500 - {OURS} (illustrative default)" in tip

    clock.advance(timedelta(hours=3))
    line.refresh()
    assert "received 3 hour(s) ago" in line.text()
