"""Periods of the Region page and the regional service's cache, without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from services.region import RegionOffline, RegionQuery, RegionRefused, RegionService, preset_range
from services.registry.client import RegistryClient
from tests.hub.conftest import HUB_KEY
from tests.region.conftest import NetworkHub, start_hub


@pytest.mark.parametrize("preset, today, expected", [
    ("today", date(2026, 3, 4), (date(2026, 3, 4), date(2026, 3, 4))),
    ("yesterday", date(2026, 3, 1), (date(2026, 2, 28), date(2026, 2, 28))),
    ("last_7", date(2026, 3, 4), (date(2026, 2, 26), date(2026, 3, 4))),
    ("last_30", date(2026, 3, 4), (date(2026, 2, 3), date(2026, 3, 4))),
    ("this_month", date(2026, 3, 4), (date(2026, 3, 1), date(2026, 3, 4))),
    ("fiscal_year", date(2026, 3, 4), (date(2025, 7, 1), date(2026, 3, 4))),
    ("fiscal_year", date(2026, 7, 1), (date(2026, 7, 1), date(2026, 7, 1))),
])
def test_presets(preset: str, today: date, expected: tuple[date, date]) -> None:
    assert preset_range(preset, today) == expected


def test_range_checks() -> None:
    end = date(2026, 3, 6)
    RegionQuery(end - timedelta(days=399), end).check()  # 400 days, both ends counted
    with pytest.raises(RegionRefused) as too_long:
        RegionQuery(end - timedelta(days=400), end).check()
    assert too_long.value.code == "too_long"
    with pytest.raises(RegionRefused) as order:
        RegionQuery(date(2026, 3, 6), date(2026, 3, 5)).check()
    assert order.value.code == "order"


def test_cache_serves_offline_with_its_time_and_a_damaged_file_counts_as_none(network_db: str, tmp_path: Path) -> None:
    hub: NetworkHub = start_hub(network_db)
    fetched = datetime(2026, 3, 4, 5, 0, tzinfo=UTC)
    client = RegistryClient(hub.base_url, HUB_KEY, retries=0, connect_timeout=1.0)
    service = RegionService(client, tmp_path, now=lambda: fetched)
    query = RegionQuery(date(2026, 3, 1), date(2026, 3, 3), region="Punjab")
    try:
        fresh = service.overview(query)
    finally:
        hub.stop()
    assert fresh.stale is None and len(fresh.data.performance.sites) == 152
    stored = service.overview(query)
    assert stored.stale and "cannot be reached" in stored.stale
    assert stored.fetched_at == fetched and stored.data == fresh.data
    for path in tmp_path.glob("region-*.json"):
        path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RegionOffline):
        service.overview(query)
    client.close()
