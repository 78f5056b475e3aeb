"""Benchmark: a site-day of survey submissions through the hub's survey API, and the reads that use them.

Seeds a small hub (SQLite), uploads ``--tokens`` completed tokens of one site-day as events, registers
the slip key, then submits one survey per token by its signed QR code (as ``drc-console simulate``
does) and times each submission; then times the reconciliation, the site drill-down (surveys per
DEO) and the cross-site duplicate check. The hub runs in a thread of this process (as in the tests),
so the client and server share the GIL: figures are an upper bound. Prints medians and p95 (ms).

    python tests/benchmarks/survey_bench.py [--tokens 300] [--reads 20]
    python tests/benchmarks/survey_bench.py --scale [--sites 617] [--per-day 50] [--reads 7]

``--scale`` times the centre's duplicate check at national volume on PostgreSQL instead
(``survey_dup_scale.py``: 30 and 90 days, before and after the SQL grouping).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from services.hub.db import make_engine, upgrade
from services.hub.seed import seed
from services.hub.testing import run_hub_in_thread
from vocabulary.slip_payload import sign

SITE = "PK10101-01"
KEY = "bench-central-key"
DAY = date(2026, 3, 3)
SECRET = "bench-slip-secret"


def _events(n: int) -> list[dict[str, object]]:
    t0 = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)
    out: list[dict[str, object]] = []
    for t in range(1, n + 1):
        deo = f"deo{1 + t % 6}"
        for k, (kind, minute) in enumerate((("issued", 0), ("called", 5), ("started", 6), ("completed", 30))):
            out.append({"uuid": str(uuid.uuid4()), "token_id": t, "token_number": f"R-{t:03d}",
                        "update_type": "roster", "priority": False, "kind": kind,
                        "at": (t0 + timedelta(seconds=t * 90, minutes=minute)).isoformat(),
                        "actor": "triage" if k == 0 else deo, "operator": "triage" if k == 0 else deo,
                        "counter": None if k == 0 else 1 + t % 6,
                        "payload": {"update_type": "roster", "priority": False} if k == 0 else {}})
    return out


def _survey(t: int) -> dict[str, object]:
    start = datetime(2026, 3, 3, 4, 10, tzinfo=UTC) + timedelta(seconds=t * 90)
    return {"survey_id": f"{SITE}-B-{t}", "deo": f"deo{1 + t % 6}", "started_at": start.isoformat(),
            "submitted_at": (start + timedelta(minutes=26)).isoformat(), "lat": 34.3963, "lon": 73.8863,
            "address": f"House {t}, Street {t % 40}, near Eidgah, Mohallah Awan, UC-{t % 60}, Bagh",
            "household_size": 5, "assets": {"rooms": 2, "livestock": 1, "land_acres": 0.5, "has_fridge": True,
                                            "has_motorcycle": False, "has_car": False, "has_ac": False},
            "b_form_present": True, "cnic": f"61101{t:08d}", "phone": f"0300{t:07d}",
            "qr": sign(SITE, DAY, f"R-{t:03d}", "roster", SECRET)}


def _ms(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (n={len(samples)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", type=int, default=300)
    ap.add_argument("--reads", type=int, default=20)
    ap.add_argument("--scale", action="store_true", help="the duplicate check at national volume (PostgreSQL)")
    ap.add_argument("--sites", type=int, default=617)
    ap.add_argument("--per-day", type=int, default=50)
    args = ap.parse_args()
    if args.scale:
        from tests.benchmarks.survey_dup_scale import run

        run(args.sites, args.per_day, min(args.reads, 7))
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'hub.sqlite3'}"
        upgrade(url)
        engine = make_engine(url)
        seed(engine, 300, 1, as_of=date(2026, 3, 4), paradata_days=1)
        engine.dispose()
        base, stop = run_hub_in_thread(url, KEY, today=lambda: date(2026, 3, 4))
        ses = requests.Session()
        ses.headers["Authorization"] = f"Bearer {KEY}"
        try:
            events = _events(args.tokens)
            for i in range(0, len(events), 1000):
                ses.post(f"{base}/v1/sites/{SITE}/events", json={"events": events[i:i + 1000]}, timeout=60)
            ses.put(f"{base}/v1/sites/{SITE}/slip-key", json={"secret": SECRET}, timeout=10)
            submit = []
            for t in range(1, args.tokens + 1):
                began = time.perf_counter()
                resp = ses.post(f"{base}/v1/sites/{SITE}/surveys", json=_survey(t), timeout=10)
                submit.append(time.perf_counter() - began)
                assert resp.status_code == 201, resp.text
            print(f"submit a survey (QR checked, linked)   : {_ms(submit)}")
            for name, path, params in (
                    ("reconciliation of the site-day      ", f"/v1/sites/{SITE}/reconciliation",
                     {"date": DAY.isoformat(), "hours": "2", "as_of": "2026-03-04T12:00:00Z"}),
                    ("drill-down with surveys per DEO     ", f"/v1/sites/{SITE}/performance", {"date": DAY.isoformat()}),
                    ("duplicates over the hub, 30-day window", "/v1/surveys/duplicates", {"date": DAY.isoformat()})):
                reads = []
                for _ in range(args.reads):
                    began = time.perf_counter()
                    resp = ses.get(base + path, params=params, timeout=30)
                    reads.append(time.perf_counter() - began)
                    assert resp.status_code == 200, resp.text
                print(f"{name}: {_ms(reads)}")
        finally:
            ses.close()
            stop()


if __name__ == "__main__":
    main()
