"""A hub holding a simulated network (a few sites x 10 days, the rest silent) for the Region page and report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from services.config import Config
from services.hub.db import make_engine
from services.hub.ops.network import network_sites, simulate_network
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import HUB_KEY, TODAY, seeded_hub_db

SINDH_KEY = "test-region-key-sindh"
SITES = 24
DAYS = 10


@dataclass
class NetworkHub:
    """A running hub over the simulated network: its URL, keys and how to ask it directly."""

    base_url: str
    db_url: str
    stop: Callable[[], None]

    def get(self, path: str, key: str = HUB_KEY, **params: Any) -> Any:
        """GET ``path`` with ``params`` and return the JSON (the figures the page must show)."""
        resp = requests.get(self.base_url + path, params=params, headers={"Authorization": f"Bearer {key}"},
                            timeout=10)
        resp.raise_for_status()
        return resp.json()


@pytest.fixture(scope="session")
def network_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A seeded SQLite hub where 24 of the 617 sites have 10 simulated days up to ``TODAY``."""
    path: Path = tmp_path_factory.mktemp("region") / "hub.sqlite3"
    url = seeded_hub_db(f"sqlite:///{path}", households=300, paradata_days=1)
    engine = make_engine(url)
    try:
        simulate_network(engine, network_sites(engine, SITES), TODAY - timedelta(days=1), DAYS, raw_days=0, seed=3)
    finally:
        engine.dispose()
    return url


def start_hub(db_url: str) -> NetworkHub:
    """The real hub under uvicorn over ``db_url`` (central key and a Sindh regional key)."""
    base_url, stop = run_hub_in_thread(db_url, HUB_KEY, site_keys={"region:Sindh": SINDH_KEY}, today=lambda: TODAY)
    return NetworkHub(base_url, db_url, stop)


@pytest.fixture(scope="session")
def network_hub(network_db: str) -> Iterator[NetworkHub]:
    """The hub over the simulated network, shared by the session."""
    hub = start_hub(network_db)
    yield hub
    hub.stop()


def hub_config(base_url: str, key: str = HUB_KEY) -> Config:
    """A console configuration that talks to ``base_url`` with ``key`` and gives up fast."""
    cfg = Config()
    cfg.hub.url = base_url
    cfg.hub.api_key = key
    cfg.hub.retries = 0
    cfg.hub.connect_timeout = 1.0
    return cfg
