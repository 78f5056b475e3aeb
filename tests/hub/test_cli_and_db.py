"""``drc-hub`` commands, the hub's own migrations, and the hub on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from services.hub.cli import main
from services.hub.db import VERSION_TABLE, alembic_config, make_engine, upgrade
from services.hub.models import HubBase
from services.hub.seed import sample_visitors
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import SITE_ID, TODAY, HubServer, seeded_hub_db


def test_db_upgrade_creates_hub_tables_beside_a_site_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from db.migrate import upgrade as site_upgrade

    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    site_upgrade(url)  # a site store in the same file must not confuse the hub's migrations
    assert main(["db", "upgrade", "--db", url]) == 0
    assert "up to date" in capsys.readouterr().out
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names())
    assert {"hub_household", "hub_member", "hub_site", "hub_site_event", "hub_survey", "hub_shock_area",
            "hub_api_key", "hub_alembic_version", "token", "alembic_version"} <= names
    with engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
        assert conn.execute(text("select version_num from hub_alembic_version")).scalar() == head
    engine.dispose()


def test_migrated_hub_schema_matches_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(ctx, HubBase.metadata)
    engine.dispose()
    assert differences == []


EVENT = ("INSERT INTO hub_site_event (site_id, day, uuid, token_id, token_number, update_type, priority, kind, at, "
         "actor, counter, payload) VALUES ('{site}', '{day}', 'e-1', 1, 'R-001', 'roster', false, 'issued', "
         "'{day} 06:00:00', 'tsa1', NULL, '{{}}')")


def _round_trip(url: str) -> None:
    """Up to head with an event, the same event resent on another day (the new key allows it), down to
    h0002 (one plain table keyed by uuid: the event once), down to base (nothing left), up again."""
    cfg = alembic_config(url)
    upgrade(url, "h0002")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO hub_site (site_id, name, region, district, tehsil, tehsil_code, lat, lon) "
                              f"VALUES ('{SITE_ID}', 'DRC', 'AJK', 'Bagh', 'Bagh', 'AJK-1', 33.9, 73.7)"))
            conn.execute(text(EVENT.format(site=SITE_ID, day="2026-03-04")))
        upgrade(url)
        with engine.begin() as conn:
            conn.execute(text(EVENT.format(site=SITE_ID, day="2026-03-05")))
        command.downgrade(cfg, "h0002")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT uuid, site_id FROM hub_site_event")).all() == [("e-1", SITE_ID)]
        command.downgrade(cfg, "base")
        assert set(inspect(engine).get_table_names()) <= {VERSION_TABLE}
        upgrade(url)
        with engine.connect() as conn:
            version = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        assert version == ScriptDirectory.from_config(cfg).get_current_head()
    finally:
        engine.dispose()


def test_hub_migrations_round_trip_on_sqlite(tmp_path: Path) -> None:
    _round_trip(f"sqlite:///{tmp_path / 'hub.sqlite3'}")


@pytest.mark.postgres
def test_hub_migrations_round_trip_on_postgresql(pg_url: str) -> None:
    _round_trip(pg_url)


def test_seed_and_key_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["seed", "--households", "400", "--seed", "3", "--as-of", TODAY.isoformat(),
                 "--paradata-days", "1", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "seeded 400 households" in out and "as of 2026-03-04" in out
    assert main(["key", "--site", SITE_ID, "--db", url]) == 0
    key = capsys.readouterr().out.strip()
    assert len(key) >= 32
    # keys stored by `drc-hub key` authenticate as their site
    base_url, stop = run_hub_in_thread(url, "central", db_keys=True)
    try:
        auth = {"Authorization": f"Bearer {key}"}
        ok = requests.get(f"{base_url}/v1/sites/{SITE_ID}/paradata", params={"date": TODAY.isoformat()},
                          headers=auth, timeout=5)
        assert ok.status_code == 200 and ok.json()["surveys"]
        other = requests.get(f"{base_url}/v1/sites/PK10102-01/paradata", params={"date": TODAY.isoformat()},
                             headers=auth, timeout=5)
        assert other.status_code == 403
        assert requests.get(f"{base_url}/v1/sites", headers={"Authorization": "Bearer nope"},
                            timeout=5).status_code == 401
    finally:
        stop()


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("db", "seed", "serve", "key"):
        assert word in out


@pytest.mark.postgres
def test_hub_on_postgresql(pg_url: str, hub_factory) -> None:  # type: ignore[no-untyped-def]
    seeded_hub_db(pg_url, households=600, seed_value=4, paradata_days=1)
    hub: HubServer = hub_factory(pg_url)
    api = hub.session()
    engine = make_engine(pg_url)
    from sqlalchemy.orm import Session

    with Session(engine) as ses:
        samples = sample_visitors(ses, TODAY)
    engine.dispose()
    cnic = samples["recertification"][0].cnic
    verified = api.post(hub.url("/v1/identity/verify"), json={"cnic": cnic}, timeout=5).json()
    assert verified["status"] == "verified" and verified["members"][0]["relation"] == "head"
    status = api.post(hub.url("/v1/households/status-by-cnic"), json={"cnic": cnic}, timeout=5).json()
    assert status["beneficiary"] is True and status["household_id"] == verified["household_id"]
    assert api.post(hub.url("/v1/identity/verify"), json={"cnic": samples["blocked"][0].cnic},
                    timeout=5).json()["status"] == "blocked"
    assert api.get(hub.url("/v1/shock-areas"), timeout=5).json()["areas"]
    assert len(api.get(hub.url("/v1/sites"), timeout=5).json()["sites"]) == 617
    assert api.get(hub.url(f"/v1/sites/{SITE_ID}/paradata"), params={"date": TODAY.isoformat()},
                   timeout=5).json()["surveys"]
    ev = {"uuid": str(uuid.uuid4()), "token_id": 1, "token_number": "M-001", "update_type": "missed_out",
          "priority": True, "kind": "issued", "at": datetime(2026, 3, 4, 6, tzinfo=UTC).isoformat(),
          "actor": "tsa1", "counter": None, "payload": {"update_type": "missed_out", "priority": True}}
    url = hub.url(f"/v1/sites/{SITE_ID}/events")
    assert api.post(url, json={"events": [ev]}, timeout=5).json() == {"accepted": 1, "duplicates": 0}
    assert api.post(url, json={"events": [ev, ev]}, timeout=5).json() == {"accepted": 0, "duplicates": 2}
    perf = api.get(hub.url("/v1/regions/performance"), params={"date": TODAY.isoformat()}, timeout=5).json()
    assert perf["sites"][0]["site_id"] == SITE_ID and perf["sites"][0]["issued"] == 1
    assert perf["sites"][0]["duplicates"] == 2 and len(perf["sites"]) == 617
    scored = api.post(hub.url("/v1/surveys/score"), json={
        "region": "Punjab", "members": 5, "head_education_years": 5, "dependents": 2,
        "assets": {"rooms": 2, "livestock": 1, "land_acres": 0.5, "has_fridge": True, "has_motorcycle": True,
                   "has_car": False, "has_ac": False}}, timeout=5).json()
    assert 32 < scored["pmt_score"] < 60
    upgrade(pg_url)  # idempotent on an up-to-date database


def test_serve_command_runs_the_hub(hub_sqlite_url: str) -> None:
    """``drc-hub serve`` in its own process answers on loopback with the central key."""
    from services.hub.testing import serve_hub_process

    with serve_hub_process(hub_sqlite_url, "serve-key") as base:
        auth = {"Authorization": "Bearer serve-key"}
        assert requests.get(base + "/v1/shock-areas", headers=auth, timeout=5).status_code == 200
        assert requests.get(base + "/v1/shock-areas", timeout=5).status_code == 401


def test_prepare_hub_db_seeds_once(tmp_path: Path) -> None:
    from services.hub.testing import prepare_hub_db

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert prepare_hub_db(url, households=200, as_of=TODAY, paradata_days=1) is True
    assert prepare_hub_db(url, households=200, as_of=TODAY, paradata_days=1) is False
