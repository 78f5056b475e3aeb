"""The Region page's Export: the regional report (``drc-hub report``'s tables) as JSON, CSV or PDF.

The tables come from the hub's ``/v1/regions/report``, built by the same function as the
command-line report, and are written by the same writers, so the file a manager exports equals
the one the centre prints. Everything here runs on the network pool, never on the GUI thread.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from services.clock import SITE_ZONE
from services.hub.ops.report import to_csv, to_json
from services.hub.ops.schemas import RegionalReport
from services.region import Answer, RegionQuery, RegionService

FORMATS = ("pdf", "csv", "json")


def report_dict(report: RegionalReport) -> dict[str, Any]:
    """The report in ``build_report``'s shape (what the writers take)."""
    return report.model_dump(mode="json", by_alias=True)


def write_report(report: dict[str, Any], fmt: str, path: Path, generated: datetime) -> None:
    """Write ``report`` as ``fmt`` to ``path`` through a temporary file (no half-written export)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    tmp = path.with_name(path.name + ".part")
    try:
        if fmt == "pdf":
            from services.hub.ops.report_pdf import write_pdf

            write_pdf(report, tmp, generated.astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M"))
        else:
            tmp.write_text(to_json(report) if fmt == "json" else to_csv(report), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_region(region: RegionService, query: RegionQuery, fmt: str, path: Path) -> Answer[RegionalReport]:
    """Ask the hub for the report (the stored answer when it is down) and write it; returns the answer."""
    answer = region.report(query)
    write_report(report_dict(answer.data), fmt, path, datetime.now(UTC))
    return answer
