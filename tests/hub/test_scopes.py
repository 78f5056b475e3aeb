"""Key scopes, every key type x every operation, against the real hub with keys made by ``drc-hub key``."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine

from services.hub.cli import main
from services.hub.db import make_engine
from services.hub.keys import create_key, revoke_key
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import SITE_ID, TODAY

OWN = SITE_ID  # AJK
OTHER = "PK70101-01"  # Sindh
KINDS = ("site", "region_own", "region_other", "central", "none")


@pytest.fixture(scope="module")
def scoped(hub_sqlite_url: str) -> Iterator[tuple[str, dict[str, str], Engine]]:
    """A hub that accepts stored keys only, and one stored key of each kind."""
    engine = make_engine(hub_sqlite_url)
    keys = {"site": create_key(engine, "site", OWN, "test")[1],
            "region_own": create_key(engine, "region", "AJK", "test")[1],
            "region_other": create_key(engine, "region", "Sindh", "test")[1],
            "central": create_key(engine, "central", "*", "test")[1],
            "none": "no-such-key"}
    base, stop = run_hub_in_thread(hub_sqlite_url, "unused-central-" + uuid.uuid4().hex, today=lambda: TODAY,
                                   db_keys=True)
    try:
        yield base, keys, engine
    finally:
        stop()
        engine.dispose()


def _event() -> dict:
    # A token number of its own: the session's hub is shared, and the hub checks each token's whole
    # history (all days), so reusing token 1 would join another test's token 1 of this site.
    return {"uuid": str(uuid.uuid4()), "token_id": 9001, "token_number": "R-901", "update_type": "roster",
            "priority": False, "kind": "issued", "at": datetime(2026, 3, 4, 5, tzinfo=UTC).isoformat(),
            "actor": "tsa1", "counter": None, "payload": {"update_type": "roster", "priority": False}}


Call = Callable[[requests.Session, str], requests.Response]
DAY = {"date": TODAY.isoformat()}
RANGE = {"from": TODAY.isoformat(), "to": TODAY.isoformat()}
META = {"counters": [{"counter": 1, "label": "Counter 1"}], "deos": []}
OPS: dict[str, tuple[Call, dict[str, int]]] = {
    # operation: (call, expected status per key kind; missing kinds -> the "rest" entry)
    "health": (lambda s, b: s.get(b + "/v1/health", timeout=5), {"none": 200, "rest": 200}),
    "verify": (lambda s, b: s.post(b + "/v1/identity/verify", json={"cnic": "3520212345671"}, timeout=5),
               {"site": 200, "central": 200, "region_own": 403, "region_other": 403}),
    "status_by_cnic": (lambda s, b: s.post(b + "/v1/households/status-by-cnic", json={"cnic": "3520212345671"},
                                           timeout=5), {"site": 404, "central": 404, "rest": 403}),
    "status_by_id": (lambda s, b: s.get(b + "/v1/households/NOPE/status", timeout=5),
                     {"site": 404, "central": 404, "rest": 403}),
    "shock_areas": (lambda s, b: s.get(b + "/v1/shock-areas", timeout=5), {"site": 200, "central": 200, "rest": 403}),
    "score": (lambda s, b: s.post(b + "/v1/surveys/score", json={}, timeout=5),
              {"site": 422, "central": 422, "rest": 403}),
    "sites": (lambda s, b: s.get(b + "/v1/sites", timeout=5), {"rest": 200}),
    "paradata_own": (lambda s, b: s.get(f"{b}/v1/sites/{OWN}/paradata", params=DAY, timeout=5),
                     {"site": 200, "region_own": 200, "central": 200, "region_other": 403}),
    "paradata_other": (lambda s, b: s.get(f"{b}/v1/sites/{OTHER}/paradata", params=DAY, timeout=5),
                       {"region_other": 200, "central": 200, "rest": 403}),
    "events_own": (lambda s, b: s.post(f"{b}/v1/sites/{OWN}/events", json={"events": [_event()]}, timeout=5),
                   {"site": 200, "central": 200, "rest": 403}),
    "events_other": (lambda s, b: s.post(f"{b}/v1/sites/{OTHER}/events", json={"events": [_event()]}, timeout=5),
                     {"central": 200, "rest": 403}),
    "performance": (lambda s, b: s.get(b + "/v1/regions/performance", params=DAY, timeout=5), {"rest": 200}),
    "performance_sindh": (lambda s, b: s.get(b + "/v1/regions/performance", params={**RANGE, "region": "Sindh"},
                                             timeout=5), {"region_own": 403, "rest": 200}),
    "ranking": (lambda s, b: s.get(b + "/v1/regions/ranking", params={**DAY, "kpi": "completed"}, timeout=5),
                {"rest": 200}),
    "data_health": (lambda s, b: s.get(b + "/v1/regions/data-health", params=DAY, timeout=5), {"rest": 200}),
    "site_performance_own": (lambda s, b: s.get(f"{b}/v1/sites/{OWN}/performance", params=RANGE, timeout=5),
                             {"site": 200, "region_own": 200, "central": 200, "region_other": 403}),
    "site_performance_other": (lambda s, b: s.get(f"{b}/v1/sites/{OTHER}/performance", params=RANGE, timeout=5),
                               {"region_other": 200, "central": 200, "rest": 403}),
    "metadata_own": (lambda s, b: s.put(f"{b}/v1/sites/{OWN}/metadata", json=META, timeout=5),
                     {"site": 200, "central": 200, "rest": 403}),
    "metadata_other": (lambda s, b: s.put(f"{b}/v1/sites/{OTHER}/metadata", json=META, timeout=5),
                       {"central": 200, "rest": 403}),
    "demo_samples": (lambda s, b: s.get(b + "/v1/demo/samples", timeout=5), {"rest": 200}),
}


def _expected(op: str, kind: str) -> int:
    table = OPS[op][1]
    if kind == "none" and "none" not in table:
        return 401
    return table.get(kind, table.get("rest", -1))


@pytest.mark.parametrize("op", list(OPS))
@pytest.mark.parametrize("kind", KINDS)
def test_every_key_type_on_every_operation(scoped: tuple[str, dict[str, str], Engine], op: str, kind: str) -> None:
    base, keys, _ = scoped
    with requests.Session() as ses:
        ses.headers["Authorization"] = f"Bearer {keys[kind]}"
        resp = OPS[op][0](ses, base)
    assert resp.status_code == _expected(op, kind), resp.text


@pytest.mark.parametrize("kind,allowed", [("site", {OWN}), ("region_own", None), ("region_other", None),
                                          ("central", None)])
def test_performance_rows_stay_in_scope(scoped: tuple[str, dict[str, str], Engine], kind: str,
                                        allowed: set[str] | None) -> None:
    base, keys, _ = scoped
    with requests.Session() as ses:
        ses.headers["Authorization"] = f"Bearer {keys['central']}"
        for site in (OWN, OTHER):  # give both sites a day
            ses.post(f"{base}/v1/sites/{site}/events", json={"events": [_event()]}, timeout=5).raise_for_status()
        ses.headers["Authorization"] = f"Bearer {keys[kind]}"
        rows = ses.get(base + "/v1/regions/performance", params=DAY, timeout=5).json()["sites"]
    ids = {r["site_id"] for r in rows if not r["silent"]}
    regions = {r["region"] for r in rows}
    if kind == "site":
        assert ids == {OWN} and len(rows) == 1
    elif kind == "region_own":
        assert regions == {"AJK"} and OWN in ids
    elif kind == "region_other":
        assert regions == {"Sindh"} and OTHER in ids
    else:
        assert {OWN, OTHER} <= ids


def test_revoked_key_is_refused(scoped: tuple[str, dict[str, str], Engine]) -> None:
    base, _, engine = scoped
    key_id, secret = create_key(engine, "site", OWN, "to revoke")
    revoke_key(engine, key_id)
    resp = requests.get(base + "/v1/shock-areas", headers={"Authorization": f"Bearer {secret}"}, timeout=5)
    assert resp.status_code == 401


def test_key_cli_create_list_revoke(tmp_path: Path, hub_sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["key", "--site", "PK99999-01", "--db", hub_sqlite_url]) == 2
    assert "unknown site" in capsys.readouterr().err
    assert main(["key", "--region", "Atlantis", "--db", hub_sqlite_url]) == 2
    assert "unknown region" in capsys.readouterr().err
    assert main(["key", "--db", hub_sqlite_url]) == 2
    capsys.readouterr()
    out_file = tmp_path / "sindh.key"
    assert main(["key", "--region", "Sindh", "--label", "RM Sindh", "--out", str(out_file),
                 "--db", hub_sqlite_url]) == 0
    secret = out_file.read_text().strip()
    assert oct(out_file.stat().st_mode & 0o777) == "0o600" and len(secret) >= 32
    key_id = capsys.readouterr().err.split()[1]
    assert main(["key", "list", "--db", hub_sqlite_url]) == 0
    listing = capsys.readouterr().out
    line = next(x for x in listing.splitlines() if x.startswith(key_id))
    assert "region" in line and "Sindh" in line and "RM Sindh" in line and "active" in line
    assert secret not in listing
    assert main(["key", "revoke", key_id, "--db", hub_sqlite_url]) == 0
    assert main(["key", "list", "--db", hub_sqlite_url]) == 0
    assert "revoked" in next(x for x in capsys.readouterr().out.splitlines() if x.startswith(key_id))
    assert main(["key", "revoke", "nope", "--db", hub_sqlite_url]) == 2


def test_serve_takes_no_secret_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--api-key", "secret"])
    assert "unrecognized arguments" in capsys.readouterr().err
