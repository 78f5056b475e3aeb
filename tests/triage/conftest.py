"""A seeded hub for the triage page tests (same helper as tests/registry)."""

from __future__ import annotations

import pytest

from tests.registry.live_hub import seeded_hub_db


@pytest.fixture(scope="session")
def hub_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One seeded hub database for the session, as of the clock fixture's day."""
    return seeded_hub_db(tmp_path_factory.mktemp("hub"))
