"""``start_demo_hub``: the --demo console gets a seeded hub on loopback without blocking start-up."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import create_engine, inspect

from console.demo import start_demo_hub
from db.migrate import upgrade
from services.config import Config
from services.registry import RegistryClient, RegistryUnavailable


def test_demo_hub_serves_samples_for_every_type(tmp_path: Path) -> None:
    cfg = Config()
    began = time.monotonic()
    stop = start_demo_hub(cfg, tmp_path, households=300)
    returned_after = time.monotonic() - began
    try:
        # run_gui migrates the site database right after: Alembic must not run on two threads at once.
        site_url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
        upgrade(site_url)
        site_engine = create_engine(site_url)
        assert "token" in inspect(site_engine).get_table_names()
        site_engine.dispose()
        assert cfg.hub.url.startswith("http://127.0.0.1:") and cfg.hub.api_key
        assert returned_after < 3.0  # seeding happens in the background
        client = RegistryClient.from_config(cfg.hub, sleep=lambda s: None)
        deadline = time.monotonic() + 60
        while True:
            try:
                samples = client.demo_samples().samples
                break
            except RegistryUnavailable:
                assert time.monotonic() < deadline, "the demo hub never came up"
                time.sleep(0.2)
        for key in ("missed_out", "roster", "shock", "cyclic", "recertification", "appeal"):
            assert samples[key], key
    finally:
        stop()
    assert "api_key" not in repr(cfg.hub)
