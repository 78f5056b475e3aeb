"""The ``report`` subcommand: the daily site report as JSON, CSV or PDF (docs/REPORT.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from services.config import Config


def add_parser(sub: Any, parse_date: Callable[[str], Any]) -> None:
    """Register ``drc-console report``."""
    rep = sub.add_parser(
        "report", help="the daily site report (KPIs, hourly table, per-DEO figures, quality) as JSON, CSV or PDF",
        description="Build the daily site report. Quality checks need the hub; when it cannot be reached the "
                    "report says so and carries on. Keys are documented in docs/REPORT.md.")
    rep.add_argument("--date", type=parse_date, required=True, help="business day (Asia/Karachi), YYYY-MM-DD")
    rep.add_argument("--format", choices=["json", "csv", "pdf"], default="json")
    rep.add_argument("--out", type=Path, help="output file (default: standard output for json/csv; required for pdf)")
    rep.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    rep.add_argument("--no-quality", action="store_true", help="do not ask the hub for survey paradata")


def _fetcher(cfg: Config) -> tuple[Callable[[str, date], Any] | None, Any]:
    """The registry call for paradata, or None when no hub is configured."""
    if not cfg.hub.url:
        return None, None
    from services.registry import RegistryClient

    client = RegistryClient.from_config(cfg.hub)
    return client.survey_paradata, client


def _limits(cfg: Config, store: Any, client: Any) -> Any:
    """The quality limits in force: the centre's policy (asked now, else the last one kept), ``[metrics]``."""
    import contextlib

    from console.context import policy_cache_path
    from services.clock import SystemClock
    from services.quality_limits import quality_limits
    from services.registry import RegistryProblem
    from services.triage import PolicyKeeper

    keeper = PolicyKeeper(cfg.policy, policy_cache_path(store), SystemClock().now)
    if client is not None:
        with contextlib.suppress(RegistryProblem):  # offline: the last policy kept still applies
            keeper.receive(client.policy())
    return quality_limits(cfg.metrics, keeper.held.central).thresholds


def build(cfg: Config, day: date, db_url: str | None, *, quality: bool = True) -> dict[str, Any]:
    """Open the store and build the report dict (used by the CLI and its tests)."""
    from db.engine import Store
    from services.clock import SystemClock
    from services.report import daily_report

    store = Store.open(db_url or cfg.database.url or None)
    fetch, client = _fetcher(cfg) if quality else (None, None)
    try:
        return daily_report(store, cfg, day, clock=SystemClock(), fetch_paradata=fetch,
                            thresholds=_limits(cfg, store, client),
                            without_quality="Survey quality checks were not requested (--no-quality)." if not quality
                            else "No hub is configured, so the survey quality checks are not included.")
    finally:
        if client is not None:
            client.close()
        store.dispose()


def run(args: argparse.Namespace, cfg: Config) -> int:
    """Produce the report; json/csv go to standard output unless ``--out`` is given."""
    if args.format == "pdf" and not args.out:
        print("drc-console report: --out FILE is needed for a PDF", file=sys.stderr)
        return 2
    report = build(cfg, args.date, args.db, quality=not args.no_quality)
    if not report["quality"]["available"]:
        print(f"note: {report['quality']['reason']}", file=sys.stderr)
    if args.format == "pdf":
        # A PDF needs Qt; without a display, render offscreen.
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from console.report_pdf import render_report_pdf

        render_report_pdf(report, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
        return 0
    if args.format == "json":
        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    else:
        from services.report import report_csv

        text = report_csv(report)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
