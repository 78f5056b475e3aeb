"""``drc-hub report``: the annual report's operational tables for any range, from the regional API's data.

The site rows and the ranking are computed by the very functions behind ``/v1/regions/performance``
and ``/v1/regions/ranking`` (``regional``, ``ranking``), so the report and the API never differ.
Peak hours and active DEOs are one grouped SUM each over the roll-ups (never raw events).
Output: a dict of named tables (:func:`build_report`), written as JSON, CSV or PDF.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.clock import SITE_ZONE
from services.hub.keys import Caller
from services.hub.models import HubSite, RollupDeo, RollupHour
from services.hub.ops.regional import ranking, regional
from services.hub.ops.series import deo_ranking

RANK_KPI = "completed_per_day"
PEAKS = 3


@dataclass(frozen=True)
class Table:
    """One table of the report: a title, column names and rows of plain values."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]]


def build_report(ses: Session, caller: Caller, start: date, end: date, region: str | None = None) -> dict[str, Any]:
    """The report's tables over ``start``..``end`` for the caller's scope (narrowed to ``region``)."""
    sites, regions = regional(ses, caller, start, end, region, None)
    top, bottom = ranking(sites, RANK_KPI, 5)
    ids = [s.site_id for s in sites]
    region_of = {s.site_id: s.region for s in sites}
    days: dict[str, int] = defaultdict(int)
    for s in sites:
        days[s.region] += s.days_reporting
    deos = _active_deos(ses, ids, start, end, region_of)
    per_region = [[r.region, r.sites, r.sites - r.silent_sites, deos.get(r.region, 0), r.completed, days[r.region],
                   round(r.completed / days[r.region], 1) if days[r.region] else None] for r in regions]
    rank_cols = ["site_id", "name", "region", "district", "completed", "days_reporting", "completed_per_day"]

    def ranked(rows: list[Any]) -> list[list[Any]]:
        return [[getattr(s, c) for c in rank_cols] for s in rows]

    deo_cols = ["deo", "site_id", "site_name", "region", "completed", "days_active", "completed_per_day"]
    deo_rank = deo_ranking(ses, caller, start, end, region, None, 5)

    def deo_rows(rows: list[Any]) -> list[list[Any]]:
        return [[d.display_name or d.deo_id, d.site_id, d.site_name, d.region, d.completed, d.days_active,
                 d.completed_per_day] for d in rows]

    hours = _hours(ses, ids, start, end, region_of)
    peak_rows = []
    for name in sorted(hours):
        busiest = sorted(hours[name].items(), key=lambda kv: (-kv[1], kv[0]))[:PEAKS]
        peak_rows.append([name, *[f"{h:02d}:00 ({n})" for h, n in busiest], *[""] * (PEAKS - len(busiest))])
    all_hours: dict[int, int] = defaultdict(int)
    for per_hour in hours.values():
        for h, n in per_hour.items():
            all_hours[h] += n
    silent = [[s.site_id, s.name, s.region, s.district,
               s.last_seen.astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M") if s.last_seen else "never"]
              for s in sites if s.silent]
    tables = [
        Table("regions", "DRCs and DEOs per region; tokens served per DRC per reporting day",
              ["region", "drcs", "drcs_reporting", "deos_active", "served", "drc_days", "served_per_drc_day"],
              per_region),
        Table("top_drcs", "Top 5 DRCs (tokens served per reporting day)", rank_cols, ranked(top)),
        Table("bottom_drcs", "Bottom 5 DRCs (tokens served per reporting day)", rank_cols, ranked(bottom)),
        Table("top_deos", "Top 5 DEOs (tokens served per active day)", deo_cols, deo_rows(deo_rank.top)),
        Table("bottom_deos", "Bottom 5 DEOs (tokens served per active day)", deo_cols, deo_rows(deo_rank.bottom)),
        Table("peak_hours", "Peak hours per region (tokens issued, local time)",
              ["region", *[f"peak_{i + 1}" for i in range(PEAKS)]], peak_rows),
        Table("hours", "Tokens issued per hour of the day (local time), all regions in scope",
              ["hour", "issued"], [[f"{h:02d}:00", all_hours[h]] for h in sorted(all_hours)]),
        Table("silent_sites", "Silent sites (sent nothing in the range)",
              ["site_id", "name", "region", "district", "last_seen"], silent),
    ]
    return {"from": start.isoformat(), "to": end.isoformat(), "region": region,
            "tables": {t.key: {"title": t.title, "columns": t.columns, "rows": t.rows} for t in tables}}


def _active_deos(ses: Session, ids: list[str], start: date, end: date, region_of: dict[str, str]) -> dict[str, int]:
    """DEOs who called at least one token in the range, per region."""
    q = (select(RollupDeo.site_id, RollupDeo.deo_id).where(RollupDeo.day.between(start, end), RollupDeo.called > 0)
         .group_by(RollupDeo.site_id, RollupDeo.deo_id))
    out: dict[str, int] = defaultdict(int)
    wanted = set(ids)
    for site_id, _ in ses.execute(q):
        if site_id in wanted:
            out[region_of[site_id]] += 1
    return out


def _hours(ses: Session, ids: list[str], start: date, end: date,
           region_of: dict[str, str]) -> dict[str, dict[int, int]]:
    """Tokens issued per region and local hour of the day."""
    q = (select(HubSite.region, RollupHour.site_id, RollupHour.hour, func.sum(RollupHour.issued))
         .join(HubSite, HubSite.site_id == RollupHour.site_id)
         .where(RollupHour.day.between(start, end)).group_by(HubSite.region, RollupHour.site_id, RollupHour.hour))
    out: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for region, site_id, hour, issued in ses.execute(q):
        if site_id in region_of and issued:
            out[region][int(hour)] += int(issued)
    return {k: dict(v) for k, v in out.items()}


def to_json(report: dict[str, Any]) -> str:
    """The report as JSON (the shape of :func:`build_report`)."""
    return json.dumps(report, indent=2, ensure_ascii=False)


def to_csv(report: dict[str, Any]) -> str:
    """The report as one CSV: per table a ``# key`` line, the header, the rows, a blank line."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    for key, table in report["tables"].items():
        out.writerow([f"# {key}"])
        out.writerow(table["columns"])
        out.writerows([["" if v is None else v for v in row] for row in table["rows"]])
        out.writerow([])
    return buf.getvalue()


def read_csv(text: str) -> dict[str, list[dict[str, str]]]:
    """Parse :func:`to_csv` back into rows per table (for checks and for tools that read it)."""
    tables: dict[str, list[dict[str, str]]] = {}
    lines = list(csv.reader(io.StringIO(text)))
    i = 0
    while i < len(lines):
        if lines[i] and lines[i][0].startswith("# "):
            key, header = lines[i][0][2:], lines[i + 1]
            i += 2
            rows = []
            while i < len(lines) and lines[i]:
                rows.append(dict(zip(header, lines[i], strict=True)))
                i += 1
            tables[key] = rows
        i += 1
    return tables


MAX_DAYS = 400
REGIONS = ("AJK", "Balochistan", "Gilgit-Baltistan", "Islamabad", "Khyber Pakhtunkhwa", "Punjab", "Sindh")


def run_report(args: Any) -> int:
    """``drc-hub report``: check the range and region, build the tables, write them in the asked format."""
    import sys
    from datetime import UTC, datetime

    from services.hub.db import make_engine
    from services.hub.keys import CENTRAL_SCOPE

    def refuse(message: str) -> int:
        print(f"drc-hub report: {message}", file=sys.stderr)
        return 2

    if args.end < args.start:
        return refuse("--from must not be after --to")
    if (args.end - args.start).days + 1 > MAX_DAYS:
        return refuse(f"the range has {(args.end - args.start).days + 1} days; at most {MAX_DAYS}")
    if args.region is not None and args.region not in REGIONS:
        return refuse(f"unknown region {args.region!r}; one of: {', '.join(REGIONS)}")
    if args.format == "pdf" and args.out is None:
        return refuse("--format pdf needs --out FILE")
    engine = make_engine(args.db)
    try:
        with Session(engine) as ses:
            report = build_report(ses, Caller("central", CENTRAL_SCOPE, "cli"), args.start, args.end, args.region)
    finally:
        engine.dispose()
    if args.format == "pdf":
        from services.hub.ops.report_pdf import write_pdf

        generated = datetime.now(UTC).astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M")
        pages = write_pdf(report, args.out, generated)
        print(f"report written to {args.out} ({pages} pages)")
        return 0
    text = to_json(report) if args.format == "json" else to_csv(report)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"report written to {args.out}", file=sys.stderr)
    return 0
