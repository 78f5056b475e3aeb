"""The console's quality checks use the limits the centre serves (#11 item 4), not the local ``[metrics]``.

A real hub on loopback serves its policy; changing the limits it serves changes which surveys the
Quality page flags. A local ``[metrics]`` value for a limit the centre sets is ignored, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.quality import QualityPage
from services import quality_limits as ql
from services.config import Config
from services.hub import policy as hub_policy
from services.quality import QualityThresholds, assess
from services.registry.models import CentralPolicy, PolicyItem
from tests.hub.conftest import SITE_KEY, HubServer, hub, hub_sqlite_url  # noqa: F401  (fixtures reused)

CENTRE_LIMITS = {"survey_min_minutes": 30.0, "survey_max_minutes": 40.0, "geo_radius_m": 50.0}


def _flagged(report: Any) -> set[tuple[str | None, str]]:
    return {(f.survey_id, f.code) for f in report.flags}


def _serve(monkeypatch: pytest.MonkeyPatch, limits: dict[str, float], central: frozenset[str]) -> None:
    """The centre changes its policy: these limits, ``central`` ones set for every site."""
    shipped = hub_policy.central_policy

    def changed(cutoff: float) -> list[hub_policy.PolicyValue]:
        return [replace(v, value=limits.get(v.key, v.value), central=v.central or v.key in central)
                for v in shipped(cutoff)]

    monkeypatch.setattr(hub_policy, "central_policy", changed)


def _page(qtbot: QtBot, make_ctx: Callable[..., AppContext], hub_url: str, **metrics: float) -> QualityPage:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key, cfg.hub.retries = hub_url, SITE_KEY, 0
    for key, value in metrics.items():
        setattr(cfg.metrics, key, value)
    page = QualityPage(make_ctx(cfg))
    qtbot.addWidget(page)
    return page


def _refreshed(qtbot: QtBot, page: QualityPage) -> Any:
    with qtbot.waitSignal(page.sig_report_applied, timeout=20_000) as applied:
        page.refresh()
    return applied.args[0]


def test_the_limits_the_hub_serves_decide_which_surveys_are_flagged(
        qtbot: QtBot, make_ctx: Callable[..., AppContext], hub: HubServer,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(qtbot, make_ctx, hub.base_url, survey_max_minutes=120.0)  # this site's own longest survey
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    before = page.report
    assert before is not None and before.surveys
    assert page.limits is not None and page.limits.version == hub_policy.VERSION
    line = page.limits_line.text()
    assert line.startswith(f"Limits from the centre (version {hub_policy.VERSION}, received just now)")
    assert "survey 10–120 min" in line and "Tuned in this console's [metrics]: survey_max_minutes" in line
    assert "illustrative, not BISP's" in line
    shipped = QualityThresholds(survey_max_minutes=120.0)
    lat, lon = page._site or (None, None)
    assert _flagged(before) == _flagged(assess(before.surveys, page.ctx.site_id, page.day,
                                               site_lat=lat, site_lon=lon, thresholds=shipped))

    # The centre tightens its limits and makes the longest survey its own: the site's 120 no longer counts.
    _serve(monkeypatch, CENTRE_LIMITS, frozenset({"survey_max_minutes"}))
    after = _refreshed(qtbot, page)
    want = QualityThresholds(survey_min_minutes=30.0, survey_max_minutes=40.0, geo_radius_m=50.0)
    assert page.limits.thresholds == want and page.limits.ignored == ("survey_max_minutes",)
    expected = assess(after.surveys, page.ctx.site_id, page.day, site_lat=lat,
                      site_lon=lon, thresholds=want)
    assert _flagged(after) == _flagged(expected) != _flagged(before)
    codes = {code for _s, code in _flagged(after) - _flagged(before)}
    assert codes & {"duration_short", "duration_long", "geo_far"}
    line = page.limits_line.text()
    assert "survey 30–40 min, geo-tag within 50 m" in line
    assert "Ignored in this console's [metrics] (the centre sets them): survey_max_minutes" in line

    # The next console on this PC starts from the policy kept on disk, and says the setting is ignored.
    again = _page(qtbot, make_ctx, hub.base_url, survey_max_minutes=120.0)
    assert any("[metrics] survey_max_minutes is ignored" in text for _level, text in again.ctx.status.alerts)


def test_before_any_policy_the_illustrative_defaults_and_a_sites_tuning_apply() -> None:
    class Metrics:
        survey_min_minutes, survey_max_minutes, geo_radius_m, min_address_chars = 10.0, 90.0, 800.0, 25

    held = ql.quality_limits(Metrics(), None)
    assert held.thresholds == QualityThresholds(geo_radius_m=800.0) and held.received_at is None
    assert held.keys_from("site") == ["geo_radius_m"] and "survey_min_minutes" in held.keys_from("default")
    central = CentralPolicy(version="v", as_of="2026-03-04", items=[
        PolicyItem(key="geo_radius_m", value=300.0, source="illustrative default", central=False),
        PolicyItem(key="min_address_chars", value=30, source="illustrative default", central=True),
        PolicyItem(key="deo_z", value=2.5, source="illustrative default", central=False)])
    held = ql.quality_limits(Metrics(), central)
    assert held.thresholds == QualityThresholds(geo_radius_m=800.0, min_address_chars=30, deo_z=2.5)
    assert held.sources["geo_radius_m"] == "site" and held.ignored == ()


def test_a_central_limit_the_centre_sent_unusable_keeps_the_shipped_default_and_reports_the_sites_tuning() -> None:
    class Metrics:
        survey_min_minutes, survey_max_minutes, geo_radius_m, min_address_chars = 10.0, 120.0, 800.0, 25

    central = CentralPolicy(version="v", as_of="2026-03-04", items=[
        PolicyItem(key="survey_max_minutes", value=True, source="illustrative default", central=True),
        PolicyItem(key="geo_radius_m", value=False, source="illustrative default", central=False)])
    held = ql.quality_limits(Metrics(), central)
    assert held.thresholds == QualityThresholds(geo_radius_m=800.0)
    assert held.sources["survey_max_minutes"] == "default" and held.sources["geo_radius_m"] == "site"
    assert held.ignored == ("survey_max_minutes",)
