"""Write roll-ups to their tables: replace the cells of given site-days with freshly computed ones.

Shared by ingestion (inside the ingest transaction) and ``drc-hub simulate-network``; both
compute the cells with ``services.hub.ops.rollup.roll_up``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.hub.models import FlaggedToken, RollupDeo, RollupHour, SiteDay
from services.hub.ops.rollup import Cell, RollUp


def _figures(c: Cell) -> dict[str, Any]:
    return {"issued": c.issued, "called": c.called, "served": c.served, "no_show": c.no_show,
            "wait_sum_s": c.wait_sum_s, "wait_n": c.wait_n, "service_sum_s": c.service_sum_s,
            "service_n": c.service_n}


def rollup_rows(r: RollUp, duplicates: dict[tuple[str, date], int] | None = None) -> dict[Any, list[dict[str, Any]]]:
    """The rows of each roll-up table for a computed :class:`RollUp`."""
    dup = duplicates or {}
    hours = [{"site_id": s, "day": d, "hour": h, "update_type": t, **_figures(c), "wait_hist": c.wait_hist,
              "service_hist": c.service_hist} for (s, d, h, t), c in r.hours.items()]
    deos = [{"site_id": s, "day": d, "deo_id": deo, "called": c.called, "served": c.served, "no_show": c.no_show,
             "service_sum_s": c.service_sum_s, "service_n": c.service_n} for (s, d, deo), c in r.deos.items()]
    days = []
    for key in set(r.health) | set(r.days) | set(dup):
        cell = r.days.get(key) or Cell()
        health = r.health.get(key)
        days.append({"site_id": key[0], "day": key[1], **_figures(cell),
                     **{f"w{i}": n for i, n in enumerate(cell.wait_hist)},
                     "events": health.events if health else 0, "tokens": health.tokens if health else 0,
                     "flagged_tokens": health.flagged_tokens if health else 0, "duplicates": dup.get(key, 0),
                     "last_event_at": health.last_event_at if health else None})
    flagged = [{"site_id": s, "day": d, "token_id": t, "reason": why[:200]} for s, d, t, why in r.flagged]
    return {RollupHour: hours, RollupDeo: deos, SiteDay: days, FlaggedToken: flagged}


def replace_rollups(ses: Session, r: RollUp, site_days: Iterable[tuple[str, date]],
                    new_duplicates: dict[tuple[str, date], int] | None = None) -> None:
    """Replace every roll-up row of ``site_days`` by ``r``'s; duplicate counts accumulate."""
    by_site: dict[str, set[date]] = defaultdict(set)
    for site_id, day in site_days:
        by_site[site_id].add(day)
    dup = dict(new_duplicates or {})
    for site_id, days in by_site.items():
        held = ses.execute(select(SiteDay.day, SiteDay.duplicates)
                           .where(SiteDay.site_id == site_id, SiteDay.day.in_(days))).all()
        for day, n in held:
            dup[(site_id, day)] = dup.get((site_id, day), 0) + n
        for table in (RollupHour, RollupDeo, SiteDay, FlaggedToken):
            ses.execute(delete(table).where(table.site_id == site_id, table.day.in_(days)))
    for table, rows in rollup_rows(r, {k: n for k, n in dup.items() if n}).items():
        if rows:
            ses.execute(insert(table), rows)
