"""``drc-hub report``: its tables equal the regional API's figures; the PDF renders every page."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from services.hub.cli import main as hub_main
from services.hub.ops.report import read_csv
from tests.hub.conftest import TODAY
from tests.region.conftest import SITES, NetworkHub

START, END = TODAY - timedelta(days=9), TODAY - timedelta(days=1)
RANGE = {"from": START.isoformat(), "to": END.isoformat()}


def run(capsys: pytest.CaptureFixture[str], db_url: str, *extra: str) -> str:
    assert hub_main(["report", "--from", START.isoformat(), "--to", END.isoformat(), "--db", db_url, *extra]) == 0
    return capsys.readouterr().out


def expected_regions(api: dict[str, Any]) -> dict[str, list[Any]]:
    """DRCs, reporting DRCs, served, DRC-days and served per DRC-day per region, counted from the API's site rows."""
    out: dict[str, list[Any]] = defaultdict(lambda: [0, 0, 0, 0])
    for s in api["sites"]:
        row = out[s["region"]]
        row[0] += 1
        row[1] += not s["silent"]
        row[2] += s["completed"]
        row[3] += s["days_reporting"]
    return {k: [*v, round(v[2] / v[3], 1) if v[3] else None] for k, v in out.items()}


def test_json_tables_equal_the_api(capsys: pytest.CaptureFixture[str], network_hub: NetworkHub) -> None:
    report = json.loads(run(capsys, network_hub.db_url, "--format", "json"))
    tables = report["tables"]
    api = network_hub.get("/v1/regions/performance", **RANGE)
    regions = {r[0]: [r[1], r[2], r[4], r[5], r[6]] for r in tables["regions"]["rows"]}
    assert regions == expected_regions(api)
    assert sum(r[0] for r in regions.values()) == 617 and sum(r[1] for r in regions.values()) == SITES
    rank = network_hub.get("/v1/regions/ranking", kpi="completed_per_day", n=5, **RANGE)
    assert [r[0] for r in tables["top_drcs"]["rows"]] == [s["site_id"] for s in rank["top"]]
    assert [r[0] for r in tables["bottom_drcs"]["rows"]] == [s["site_id"] for s in rank["bottom"]]
    deos = network_hub.get("/v1/regions/deo-ranking", n=5, **RANGE)
    for key, side in (("top_deos", "top"), ("bottom_deos", "bottom")):
        assert [(r[1], r[4], r[5], r[6]) for r in tables[key]["rows"]] == \
            [(d["site_id"], d["completed"], d["days_active"], d["completed_per_day"]) for d in deos[side]]
        assert len(tables[key]["rows"]) == 5
    assert [r[0] for r in tables["silent_sites"]["rows"]] == [s["site_id"] for s in api["sites"] if s["silent"]]
    # Peak hours: the hourly totals equal the sum of every reporting site's drill-down hours.
    hours: dict[str, int] = defaultdict(int)
    for s in api["sites"]:
        if not s["silent"]:
            for h in network_hub.get(f"/v1/sites/{s['site_id']}/performance", **RANGE)["hours"]:
                hours[f"{h['hour']:02d}:00"] += h["issued"]
    assert {r[0]: r[1] for r in tables["hours"]["rows"]} == {k: v for k, v in hours.items() if v}


def test_csv_for_one_region_equals_the_api(capsys: pytest.CaptureFixture[str], network_hub: NetworkHub) -> None:
    tables = read_csv(run(capsys, network_hub.db_url, "--format", "csv", "--region", "Sindh"))
    api = network_hub.get("/v1/regions/performance", region="Sindh", **RANGE)
    (row,) = tables["regions"]
    drcs, reporting, served, days, per_day = expected_regions(api)["Sindh"]
    assert (int(row["drcs"]), int(row["drcs_reporting"]), int(row["served"]), int(row["drc_days"])) == \
        (drcs, reporting, served, days)
    assert float(row["served_per_drc_day"]) == per_day
    assert {r["site_id"] for r in tables["silent_sites"]} == {s["site_id"] for s in api["sites"] if s["silent"]}
    assert {r["region"] for r in tables["top_drcs"]} == {"Sindh"}


@pytest.mark.parametrize("argv, says", [
    (["--from", "2026-03-02", "--to", "2026-03-01"], "after"),
    (["--from", "2025-01-01", "--to", "2026-03-01"], "at most 400"),
    (["--from", "2026-03-01", "--to", "2026-03-01", "--region", "Atlantis"], "unknown region"),
    (["--from", "2026-03-01", "--to", "2026-03-01", "--format", "pdf"], "needs --out"),
])
def test_bad_input_is_refused(capsys: pytest.CaptureFixture[str], network_hub: NetworkHub, argv: list[str],
                              says: str) -> None:
    assert hub_main(["report", *argv, "--db", network_hub.db_url]) == 2
    assert says in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pdf_renders_every_page(capsys: pytest.CaptureFixture[str], network_hub: NetworkHub, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert "pages" in run(capsys, network_hub.db_url, "--format", "pdf", "--out", str(out))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) > 1  # the silent sites run over several pages
