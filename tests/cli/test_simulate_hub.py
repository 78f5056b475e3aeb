"""``drc-console simulate --site --hub``: a simulated network's regional figures equal what each site's
own ``export events`` says; the simulator's guard against live databases."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from db.engine import Store
from db.migrate import upgrade
from db.models import Token
from services.provision import ensure_site
from tests.command_line import hub_with_site_keys, run_cli

DAY = "2026-03-04"
NETWORK = {"PK10101-01": ("AJK", 70, 3), "PK10102-01": ("AJK", 40, 2), "PK70101-01": ("Sindh", 55, 3)}


pytestmark = pytest.mark.usefixtures("no_user_config")


@pytest.fixture(scope="module")
def network_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], str]]:
    """A hub that knows only stored keys, with one site key per simulated site and a central key."""
    with hub_with_site_keys(tmp_path_factory.mktemp("net"), NETWORK, date(2026, 3, 5)) as hub:
        yield hub


def _export_counts(url: str, out: Path) -> Counter[str]:
    rc, _, _ = run_cli("export", "events", "--date", DAY, "--out", str(out), "--db", url)
    assert rc == 0
    with out.open(encoding="utf-8") as fh:
        return Counter(row["kind"] for row in csv.DictReader(fh))


def test_simulated_network_regional_figures_equal_each_sites_export(
        network_hub: tuple[str, dict[str, str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, keys, central = network_hub
    exported: dict[str, Counter[str]] = {}
    for i, (site, (_region, tokens, counters)) in enumerate(NETWORK.items()):
        url = f"sqlite:///{tmp_path / f'{site}.sqlite3'}"
        monkeypatch.setenv("DRC_HUB_KEY", keys[site])
        rc, out, err = run_cli("simulate", "--tokens", str(tokens), "--counters", str(counters), "--seed", str(i + 1),
                            "--date", DAY, "--db", url, "--site", site, "--hub", base, "--outage", "13")
        assert rc == 0, err
        assert f"site          : {site}" in out and "still to send : 0" in out
        assert keys[site] not in out + err  # the key is never printed
        exported[site] = _export_counts(url, tmp_path / f"{site}.csv")
        sent = int(out.split("uploaded      : ")[1].split()[0])
        assert sent == sum(exported[site].values())  # every event of the day went up, once
    perf = requests.get(f"{base}/v1/regions/performance", params={"date": DAY},
                        headers={"Authorization": f"Bearer {central}"}, timeout=10).json()
    rows = {r["site_id"]: r for r in perf["sites"]}
    for site, counts in exported.items():
        row = rows[site]
        assert (row["issued"], row["called"], row["completed"], row["no_show"]) == (
            counts["issued"], counts["called"], counts["completed"], counts["no_show"]), site
        assert row["flagged_tokens"] == 0 and row["duplicates"] == 0 and not row["silent"]
    regions = {r["region"]: r for r in perf["regions"]}
    for region in ("AJK", "Sindh"):
        expected = sum((exported[s] for s, v in NETWORK.items() if v[0] == region), Counter())
        assert (regions[region]["issued"], regions[region]["completed"]) == (expected["issued"],
                                                                             expected["completed"])
    silent = [r for r in perf["sites"] if r["silent"]]
    assert len(silent) == 617 - len(NETWORK) and all(r["last_seen"] is None for r in silent)
    # the DEOs arrived as pseudonyms with display names; the drill-down names them
    detail = requests.get(f"{base}/v1/sites/PK10101-01/performance", params={"date": DAY},
                          headers={"Authorization": f"Bearer {central}"}, timeout=10).json()
    assert detail["deos"] and all(d["display_name"] and d["deo_id"].startswith("deo-") for d in detail["deos"])
    assert sum(d["completed"] for d in detail["deos"]) == exported["PK10101-01"]["completed"]
    # the outage hour shows: nobody was called at 13:00
    assert all(h["called"] == 0 for h in detail["hours"] if h["hour"] == 13)


def _tokens(url: str) -> int:
    store = Store.open(url)
    try:
        with store.read() as s:
            return int(s.scalar(select(func.count(Token.id))) or 0)
    finally:
        store.dispose()


def test_simulate_refuses_a_live_database_unless_forced(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    ensure_site(store, "PK10101-01", "DRC Bagh")  # a real site's store
    store.dispose()
    rc, _, err = run_cli("simulate", "--tokens", "10", "--counters", "2", "--date", DAY, "--db", url)
    assert rc == 2 and "refused" in err and "live data" in err
    assert _tokens(url) == 0
    rc, _, _ = run_cli("simulate", "--tokens", "10", "--counters", "2", "--date", DAY, "--db", url, "--force")
    assert rc == 0 and _tokens(url) == 10


def test_simulate_uses_the_configured_site_and_runs_further_days(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "drc.toml"
    cfg.write_text('[site]\nid = "PK70101-01"\nname = "DRC Badin"\n', encoding="utf-8")
    monkeypatch.setenv("DRC_CONFIG", str(cfg))
    url = f"sqlite:///{tmp_path / 'sim.sqlite3'}"
    rc, out, err = run_cli("simulate", "--tokens", "15", "--counters", "2", "--date", DAY, "--db", url)
    assert rc == 0, err
    assert "site          : PK70101-01" in out
    rc, _, err = run_cli("simulate", "--tokens", "15", "--counters", "2", "--date", DAY, "--db", url)
    assert rc == 2 and "already holds 15 tokens on 2026-03-04" in err
    rc, _, err = run_cli("simulate", "--tokens", "12", "--counters", "2", "--date", "2026-03-05", "--db", url)
    assert rc == 0, err
    assert _tokens(url) == 27
    rc, _, err = run_cli("simulate", "--tokens", "5", "--date", "2026-03-06", "--db", url, "--site", "PK10101-01")
    assert rc == 2 and "belongs to site PK70101-01" in err


def test_hub_upload_needs_a_key_from_env_or_config(tmp_path: Path) -> None:
    rc, _, err = run_cli("simulate", "--tokens", "5", "--date", DAY, "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                      "--hub", "http://127.0.0.1:9")
    assert rc == 2 and "DRC_HUB_KEY" in err
    with pytest.raises(SystemExit):
        run_cli("simulate", "--hub-key", "secret")
