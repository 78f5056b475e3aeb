"""The daily report: an independent check against ``export events``, quality on/off, CSV, CLI, PDF."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from console.main import main
from db.engine import Store
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.export import write_events_csv
from services.registry import RegistryClient
from services.report import daily_report, report_csv
from tests.hub.conftest import HUB_KEY, HubServer
from tests.report.conftest import SIM_DAY

SITE = "PK10101-01"


def _report(url: str, **kw: object) -> dict:
    store = Store.open(url)
    try:
        clock = FixedClock(datetime(2026, 3, 4, 20, 0, tzinfo=SITE_ZONE))
        return daily_report(store, Config(), SIM_DAY, clock=clock, **kw)  # type: ignore[arg-type]
    finally:
        store.dispose()


def test_counts_equal_the_exported_events(simulated_url: str) -> None:
    store = Store.open(simulated_url)
    buf = io.StringIO()
    try:
        write_events_csv(store, SIM_DAY, buf, SITE)
    finally:
        store.dispose()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    issued_h: Counter[int] = Counter()
    served_h: Counter[int] = Counter()
    served_deo: Counter[str] = Counter()
    for r in rows:
        hour = datetime.fromisoformat(r["at_utc"].replace("Z", "+00:00")).astimezone(SITE_ZONE).hour
        if r["kind"] == "issued":
            issued_h[hour] += 1
        elif r["kind"] == "completed":
            served_h[hour] += 1
            served_deo[r["actor"]] += 1
    report = _report(simulated_url)
    assert sum(issued_h.values()) == 120 == report["kpis"]["issued"]
    assert {h["hour"]: h["issued"] for h in report["hourly"] if h["issued"]} == dict(issued_h)
    assert {h["hour"]: h["served"] for h in report["hourly"] if h["served"]} == dict(served_h)
    assert {d["deo"]: d["served"] for d in report["per_deo"] if d["served"]} == dict(served_deo)
    assert report["kpis"]["no_show"] == sum(1 for r in rows if r["kind"] == "no_show")


def test_report_without_hub_says_so(simulated_url: str) -> None:
    def down(_site: str, _day: date) -> object:
        raise ConnectionError("hub down")

    report = _report(simulated_url, fetch_paradata=down)
    assert report["quality"]["available"] is False
    assert "could not be reached" in report["quality"]["reason"]
    assert all(d["quality"] is None for d in report["per_deo"])
    text = report_csv(report)
    assert "# quality_flags\nunavailable\n" in text


def test_report_with_the_real_hub(simulated_url: str, hub: HubServer) -> None:
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key = hub.base_url, HUB_KEY
    client = RegistryClient.from_config(cfg.hub)
    try:
        report = _report(simulated_url, fetch_paradata=client.survey_paradata)
    finally:
        client.close()
    q = report["quality"]
    assert q["available"] is True and q["reason"] is None and q["surveys"] > 0
    # The hub seeds the demo site with one survey of each bad kind.
    for code in ("duration_short", "geo_far", "address_short", "duplicate_phone", "assets_no_rooms"):
        assert q["flag_counts"].get(code, 0) >= 1, code
    merged = [d for d in report["per_deo"] if d["quality"] is not None]
    assert merged, "hub DEO usernames (deo1..) match the simulated DEOs"
    assert all(set(d["quality"]) >= {"surveys", "flagged_surveys", "flag_rate", "flags", "outlier"} for d in merged)
    assert all(f["survey_id"] for f in q["flags"] if f["code"] != "household_small")
    assert not re.search(r"\d{13}", json.dumps(report)), "no CNIC in the report"


def test_every_top_level_and_kpi_key_is_documented(simulated_url: str) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "REPORT.md").read_text(encoding="utf-8")
    report = _report(simulated_url)
    keys = set(report) | set(report["kpis"]) | set(report["hourly"][0]) | set(report["per_deo"][0]) \
        | set(report["per_type"][0]) | set(report["quality"])
    missing = sorted(k for k in keys if f"`{k}`" not in doc)
    assert not missing, missing


def test_cli_json_and_csv_to_stdout(simulated_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--date", "2026-03-04", "--db", simulated_url, "--format", "json", "--no-quality"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["kpis"]["issued"] == 120 and data["quality"]["available"] is False
    assert "not requested" in err
    assert main(["report", "--date", "2026-03-04", "--db", simulated_url, "--format", "csv", "--no-quality"]) == 0
    out, _ = capsys.readouterr()
    for section in ("# report", "# kpis", "# hourly", "# per_type", "# per_deo", "# quality_flags"):
        assert section in out


def test_cli_pdf(simulated_url: str, tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "--date", "2026-03-04", "--db", simulated_url, "--format", "pdf", "--out", str(out),
                 "--no-quality"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000  # charts are embedded as images


def test_cli_pdf_needs_out(simulated_url: str) -> None:
    assert main(["report", "--date", "2026-03-04", "--db", simulated_url, "--format", "pdf"]) == 2
