"""The daily site report: KPIs, the hourly table, per-DEO figures with quality flags (docs/REPORT.md).

``build_report`` turns computed metrics (and, when the hub answered, the quality checks) into one
JSON-able dict; ``report_csv`` writes the same content as CSV sections. PDF rendering needs Qt
and lives in ``console/report_pdf.py``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from db.engine import Store
from db.models import Site
from services.clock import Clock
from services.config import Config
from services.history import DayHistory, day_history
from services.metrics import DayMetrics, MetricsService
from services.quality import CODES, QualityReport, QualityThresholds, assess, site_location
from services.queue import QueueReads

REPORT_VERSION = 1


def site_info(store: Store, site_id: str) -> dict[str, Any]:
    """Name and place of the site (from the Site row)."""
    with store.read() as s:
        site = s.scalar(select(Site).where(Site.id == site_id))
        if site is None:
            return {"id": site_id, "name": "", "region": "", "district": "", "tehsil": ""}
        return {"id": site.id, "name": site.name, "region": site.region, "district": site.district,
                "tehsil": site.tehsil}


def build_report(metrics: DayMetrics, *, site: dict[str, Any], quality: QualityReport | None = None,
                 quality_error: str | None = None, generated_at: datetime | None = None,
                 history: DayHistory | None = None) -> dict[str, Any]:
    """The report dict: metrics always, quality when available (otherwise the reason it is missing).

    ``history`` adds the 7- and 30-day trends, the network view, counter utilisation and the wait promise.
    """
    body = metrics.as_dict()
    q_by_deo = {d.deo: d for d in quality.per_deo} if quality else {}
    for row in body["per_deo"]:
        dq = q_by_deo.get(row["deo"])
        row["quality"] = None if dq is None else {
            "surveys": dq.surveys, "flagged_surveys": dq.flagged_surveys, "flag_rate": round(dq.flag_rate, 4),
            "flags": dict(dq.flags), "outlier": dq.outlier, "outlier_reasons": list(dq.outlier_reasons),
        }
    if quality is not None:
        q = quality.as_dict()
        q["reason"] = None
    else:
        q = {"available": False, "reason": quality_error or "Survey paradata was not requested."}
    return {
        "report_version": REPORT_VERSION,
        "site": site,
        "date": metrics.day.isoformat(),
        "zone": "Asia/Karachi",
        "generated_at": _iso(generated_at or datetime.now(UTC)),
        "as_of": _iso(metrics.as_of),
        **body,
        **(history.as_dict() if history is not None else {}),
        "quality": q,
    }


def _iso(d: datetime) -> str:
    return d.astimezone(UTC).isoformat().replace("+00:00", "Z")


def daily_report(store: Store, cfg: Config, day: date, *, clock: Clock,
                 fetch_paradata: Callable[[str, date], Any] | None = None,
                 site_id: str | None = None, thresholds: QualityThresholds | None = None,
                 without_quality: str = "No registry connection is configured, so the survey quality checks "
                                        "are not included.") -> dict[str, Any]:
    """Compute everything for ``day``; ``fetch_paradata(site_id, day)`` is the registry call (may fail).

    ``thresholds``: the quality limits in force (``services.quality_limits``; the centre's last policy);
    without them the site's ``[metrics]`` values and the shipped defaults.
    """
    site_id = site_id or cfg.site.id
    metrics = MetricsService(store, clock, site_id,
                             service_level_minutes=cfg.metrics.service_level_minutes).day(day)
    quality, error = None, None
    if fetch_paradata is None:
        error = without_quality
    else:
        try:
            paradata = fetch_paradata(site_id, day)
        except Exception as exc:  # the hub being down must not cost the supervisor the report
            error = f"The registry could not be reached, so the survey quality checks are not included ({exc})."
        else:
            quality = assess_paradata(store, site_id, day, paradata, cfg, thresholds)
    history = day_history(store, QueueReads(store, clock, site_id), site_id, day, now=clock.now(),
                          service_level_minutes=cfg.metrics.service_level_minutes)
    return build_report(metrics, site=site_info(store, site_id), quality=quality, quality_error=error,
                        generated_at=clock.now(), history=history)


def assess_paradata(store: Store, site_id: str, day: date, paradata: Any, cfg: Config,
                    thresholds: QualityThresholds | None = None) -> QualityReport:
    """Quality checks of a hub ``Paradata`` answer (or a dict with ``surveys``) for the site."""
    surveys = paradata.surveys if hasattr(paradata, "surveys") else paradata["surveys"]
    lat, lon = site_location(store, site_id)
    return assess(surveys, site_id, day, site_lat=lat, site_lon=lon,
                  thresholds=thresholds or QualityThresholds.from_config(cfg.metrics))


def _fmt(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return " ".join(str(x) for x in v)
    if isinstance(v, dict):
        return ";".join(f"{k}={val}" for k, val in v.items())
    return v


def _flatten(prefix: str, d: dict[str, Any], out: list[tuple[str, Any]]) -> None:
    for k, v in d.items():
        if isinstance(v, dict) and k != "flags":
            _flatten(f"{prefix}{k}.", v, out)
        else:
            out.append((prefix + k, _fmt(v)))


def report_csv(report: dict[str, Any]) -> str:
    """The report as CSV sections: a ``# name`` line, a header row, rows, a blank line."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")

    def section(name: str, header: list[str], rows: list[list[Any]]) -> None:
        w.writerow([f"# {name}"])
        w.writerow(header)
        w.writerows(rows)
        w.writerow([])

    meta = [["report_version", report["report_version"]], ["site_id", report["site"]["id"]],
            ["site_name", report["site"]["name"]], ["date", report["date"]], ["zone", report["zone"]],
            ["generated_at", report["generated_at"]], ["as_of", report["as_of"]]]
    section("report", ["key", "value"], meta)
    kpis: list[tuple[str, Any]] = []
    _flatten("", report["kpis"], kpis)
    section("kpis", ["key", "value"], [list(r) for r in kpis])
    hcols = ["hour", "label", "issued", "served", "issued_avg7", "served_avg7", "calls", "wait_median_min"]
    section("hourly", hcols, [[_fmt(h[c]) for c in hcols] for h in report["hourly"]])
    section("per_type", ["update_type", "issued", "served", "waiting_now", "wait_count", "wait_median_min",
                         "wait_p90_min", "service_median_min", "service_p90_min", "estimated_wait_min"],
            [[t["update_type"], t["issued"], t["served"], t["waiting_now"], t["wait"]["count"],
              _fmt(t["wait"]["median_min"]), _fmt(t["wait"]["p90_min"]), _fmt(t["service"]["median_min"]),
              _fmt(t["service"]["p90_min"]), _fmt(t["estimated_wait_min"])] for t in report["per_type"]])
    rows = []
    for d in report["per_deo"]:
        q = d.get("quality") or {}
        rows.append([d["deo"], d["name"], d["served"], d["no_show"], d["calls"], _fmt(d["counters"]),
                     _fmt(d["wait"]["median_min"]), _fmt(d["wait"]["p90_min"]), _fmt(d["service"]["median_min"]),
                     _fmt(d["service"]["p90_min"]), _fmt(q.get("surveys")), _fmt(q.get("flagged_surveys")),
                     _fmt(q.get("flag_rate")), _fmt(q.get("flags")), _fmt(q.get("outlier"))])
    section("per_deo", ["deo", "name", "served", "no_show", "calls", "counters", "wait_median_min", "wait_p90_min",
                        "service_median_min", "service_p90_min", "surveys", "flagged_surveys", "flag_rate",
                        "flags", "outlier"], rows)
    for name, cols in (("trend_30", ["day", "issued", "served", "median_wait_min", "service_level", "no_show_rate"]),
                       ("network", ["hour", "unverified", "offline"]),
                       ("counter_utilisation", ["number", "label", "serving_min", "break_min", "idle_min",
                                                "serving_share"]),
                       ("wait_promise", ["update_type", "tokens", "median_abs_error_min", "longer_share"])):
        if name in report:
            section(name, cols, [[_fmt(r[c]) for c in cols] for r in report[name]])
    q = report["quality"]
    if q.get("available"):
        section("quality_flags", ["code", "title", "deo", "survey_id", "explanation"],
                [[f["code"], CODES.get(f["code"], f["code"]), f["deo"], _fmt(f["survey_id"]), f["explanation"]]
                 for f in q["flags"]])
    else:
        section("quality_flags", ["unavailable"], [[q.get("reason", "")]])
    return buf.getvalue()
