"""The ``report`` subcommand (daily site report); filled in with the metrics work."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any


def add_parser(sub: Any, parse_date: Callable[[str], Any]) -> None:
    """Register ``drc-console report``."""
    rep = sub.add_parser("report", help="the daily site report (KPIs) as JSON, CSV or PDF")
    rep.add_argument("--date", type=parse_date, required=True)
    rep.add_argument("--format", choices=["json", "csv", "pdf"], default="json")
    rep.add_argument("--out", help="output file (default: standard output for json/csv)")
    rep.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")


def run(args: argparse.Namespace, cfg: Any) -> int:
    """Produce the report."""
    print("drc-console report: not available yet", file=sys.stderr)
    return 2
