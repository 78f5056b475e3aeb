"""A simulated network day (#11 item 2, done-when): surveys per DEO at the hub equal an independent count.

Each site is simulated with ``drc-console simulate --hub`` (events through the outbox, then a survey
per completed token through the tablets' API, with deliberate faults). The independent count is the
site's own ``export events``: completed events per operator, less the tokens the simulator left
without a survey (which the hub's reconciliation must list, and nothing else).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests

from services.deo_ids import deo_pseudonym
from tests.command_line import hub_with_site_keys, run_cli

DAY = "2026-03-03"  # the seeded (unlinked) paradata is on 2026-03-04 only
NETWORK = {"PK10101-01": (45, 3), "PK70101-01": (35, 2)}


pytestmark = pytest.mark.usefixtures("no_user_config")


@pytest.fixture(scope="module")
def network_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], str]]:
    """A hub with one site key per simulated site and a central key."""
    with hub_with_site_keys(tmp_path_factory.mktemp("surveys"), NETWORK, date(2026, 3, 5)) as hub:
        yield hub


def _completed_per_operator(url: str, out: Path) -> tuple[Counter[str], dict[str, str]]:
    rc, _, _ = run_cli("export", "events", "--date", DAY, "--out", str(out), "--db", url)
    assert rc == 0
    with out.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "completed"]
    return Counter(r["operator"] for r in rows), {r["token_number"]: r["operator"] for r in rows}


def test_simulated_network_day_surveys_per_deo_equal_an_independent_count(
        network_hub: tuple[str, dict[str, str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, keys, central = network_hub
    auth = {"Authorization": f"Bearer {central}"}
    for i, (site, (tokens, counters)) in enumerate(NETWORK.items()):
        url = f"sqlite:///{tmp_path / f'{site}.sqlite3'}"
        monkeypatch.setenv("DRC_HUB_KEY", keys[site])
        rc, out, err = run_cli("simulate", "--tokens", str(tokens), "--counters", str(counters), "--seed", str(i + 3),
                            "--date", DAY, "--db", url, "--site", site, "--hub", base)
        assert rc == 0, out + err
        assert "refused as expected (qr-replayed 1, survey-already-received 1)" in out, out
        assert "unexpected" not in out

        completed, operator_of = _completed_per_operator(url, tmp_path / f"{site}.csv")
        skipped = [line.split(":", 1)[1].strip() for line in out.splitlines() if line.strip().startswith("no survey")]
        assert len(skipped) == 1 and skipped[0] in operator_of
        expected = Counter(completed)
        expected[operator_of[skipped[0]]] -= 1

        drill = requests.get(f"{base}/v1/sites/{site}/performance", params={"date": DAY}, headers=auth,
                             timeout=10).json()
        at_hub = {d["deo_id"]: d["surveys"] for d in drill["deos"]}
        assert at_hub == {deo_pseudonym(site, deo): n for deo, n in expected.items()}
        assert drill["surveys"] == sum(expected.values()) == sum(completed.values()) - 1
        served = {d["deo_id"]: d["completed"] for d in drill["deos"]}
        assert served == {deo_pseudonym(site, deo): n for deo, n in completed.items()}

        rec = requests.get(f"{base}/v1/sites/{site}/reconciliation",
                           params={"date": DAY, "hours": "2", "as_of": "2026-03-04T12:00:00Z"}, headers=auth,
                           timeout=10).json()
        assert [t["token_number"] for t in rec["missing_survey"]] == skipped
        assert rec["missing_token"] == [] and rec["linked"] == rec["surveys"] == drill["surveys"]

        # Quality flags cover every DEO who served: each one has surveys in the paradata.
        para = requests.get(f"{base}/v1/sites/{site}/paradata", params={"date": DAY}, headers=auth,
                            timeout=10).json()
        linked = Counter(s["deo"] for s in para["surveys"] if s["token_number"])
        assert set(linked) == set(completed) and linked == +expected
