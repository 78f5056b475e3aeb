"""Write roll-ups to their tables: replace the cells of given site-days with freshly computed ones,
then bring the site-months they belong to up to date.

Shared by ingestion (inside the ingest transaction) and ``drc-hub simulate-network``; both
compute the cells with ``services.hub.ops.rollup.roll_up``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from services.hub.models import FlaggedToken, RollupDeo, RollupHour, SiteDay
from services.hub.ops.partitions import month_start
from services.hub.ops.regional import SUMMED
from services.hub.ops.rollup import BUCKETS, Cell, DayHealth, DeoCell, RollUp

_DUPLICATES, _EVENTS = SUMMED.index("duplicates"), SUMMED.index("events")
_ZERO = (0,) * len(SUMMED)
_FIGURES = ("issued", "called", "served", "no_show", "wait_sum_s", "wait_n", "service_sum_s", "service_n")


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
                    new_duplicates: dict[tuple[str, date], int] | None = None, *, months: bool = True,
                    empty: bool = False) -> None:
    """Replace every roll-up row of ``site_days`` by ``r``'s; duplicate counts accumulate.

    ``months=False`` leaves ``hub_site_month`` to the caller (bulk loads refresh it once at the end).
    ``empty=True``: the caller has just seen that those site-days hold no rows (no ``hub_site_day``
    row, hence none in the other roll-up tables), so there is nothing to read back or delete.
    """
    by_day: dict[date, set[str]] = defaultdict(set)
    for site_id, day in site_days:
        by_day[day].add(site_id)
    dup = dict(new_duplicates or {})
    before: dict[tuple[str, date], Sequence[int]] = {}  # the day rows replaced, for the months' deltas
    for day, sites in ({} if empty else by_day).items():
        held = ses.execute(select(SiteDay.site_id, *[getattr(SiteDay, k) for k in SUMMED])
                           .where(SiteDay.day == day, SiteDay.site_id.in_(sites))).all()
        for site_id, *values in held:
            before[(site_id, day)] = values
            dup[(site_id, day)] = dup.get((site_id, day), 0) + values[_DUPLICATES]
        for table in (RollupHour, RollupDeo, SiteDay, FlaggedToken):
            ses.execute(delete(table).where(table.day == day, table.site_id.in_(sites)))
    conn = ses.connection()
    rows = rollup_rows(r, {k: n for k, n in dup.items() if n})
    for table, table_rows in rows.items():
        if table_rows:  # Core executemany: multi-row INSERTs, not one statement per row through the ORM
            conn.execute(insert(table.__table__), table_rows)
    if months:
        after = {(row["site_id"], row["day"]): [row[k] for k in SUMMED] for row in rows[SiteDay]}
        add_to_months(ses, day_deltas(before, after))


def day_deltas(before: Mapping[tuple[str, date], Sequence[int]],
               after: Mapping[tuple[str, date], Sequence[int]]) -> dict[tuple[str, date], list[int]]:
    """Per site-day, ``after - before`` in ``SUMMED`` order, then the change of ``days_reporting`` (0 or +-1)."""
    out = {}
    for key in before.keys() | after.keys():
        old, new = before.get(key) or _ZERO, after.get(key) or _ZERO
        out[key] = [b - a for a, b in zip(old, new, strict=True)] + [(new[_EVENTS] > 0) - (old[_EVENTS] > 0)]
    return out


def add_to_months(ses: Session, deltas: dict[tuple[str, date], list[int]]) -> None:
    """Add site-day changes to their ``hub_site_month`` rows (one upsert per site-month, no re-summing).

    ``hub_site_month`` stays the sum of its days as long as every change of ``hub_site_day`` goes
    through here (ingestion) or ``months.refresh_months`` (bulk loads, repairs).
    """
    per_month: dict[tuple[str, date], list[int]] = {}
    for (site_id, day), delta in deltas.items():
        held = per_month.get((site_id, month_start(day)))
        per_month[(site_id, month_start(day))] = delta if held is None else [a + b for a, b in zip(held, delta,
                                                                                                  strict=True)]
    rows = [{"site_id": site_id, "month": month, **dict(zip(_MONTH_COLUMNS, delta, strict=True))}
            for (site_id, month), delta in per_month.items() if any(delta)]
    if rows:
        ses.execute(_ADD_TO_MONTH, rows)


# One fixed statement (PostgreSQL and SQLite >= 3.24 both speak it): cheap to compile, one executemany.
_MONTH_COLUMNS = (*SUMMED, "days_reporting")
_ADD_TO_MONTH = text(
    f"INSERT INTO hub_site_month (site_id, month, {', '.join(_MONTH_COLUMNS)}) "
    f"VALUES (:site_id, :month, {', '.join(':' + k for k in _MONTH_COLUMNS)}) ON CONFLICT (site_id, month) DO UPDATE SET "
    + ", ".join(f"{k} = hub_site_month.{k} + excluded.{k}" for k in _MONTH_COLUMNS)).bindparams(
    bindparam("month", type_=Date))


def held_rollups(ses: Session, site_id: str, days: Iterable[date]) -> RollUp:
    """What the roll-up tables hold for ``site_id`` on ``days``, as a :class:`RollUp`.

    The day cells carry no service histogram (``hub_site_day`` keeps only the wait one); nothing
    that writes them back reads it.
    """
    wanted = sorted(set(days))
    out = RollUp()
    hist = [getattr(SiteDay, f"w{i}") for i in range(BUCKETS)]
    for row in ses.execute(select(SiteDay.day, SiteDay.events, SiteDay.tokens, SiteDay.flagged_tokens,
                                  SiteDay.last_event_at, *[getattr(SiteDay, k) for k in _FIGURES], *hist)
                           .where(SiteDay.site_id == site_id, SiteDay.day.in_(wanted))):
        out.health[(site_id, row[0])] = DayHealth(*row[1:5])
        out.days[(site_id, row[0])] = Cell(**dict(zip(_FIGURES, row[5:13], strict=True)), wait_hist=list(row[13:]))
    if not out.health:  # a new site-day (the usual upload): nothing else can be held either
        return out
    figures = [getattr(RollupHour, k) for k in _FIGURES]
    for row in ses.execute(select(RollupHour.day, RollupHour.hour, RollupHour.update_type, *figures,
                                  RollupHour.wait_hist, RollupHour.service_hist)
                           .where(RollupHour.site_id == site_id, RollupHour.day.in_(wanted))):
        out.hours[(site_id, row[0], row[1], row[2])] = Cell(**dict(zip(_FIGURES, row[3:11], strict=True)),
                                                            wait_hist=list(row[11]), service_hist=list(row[12]))
    for row in ses.execute(select(RollupDeo.day, RollupDeo.deo_id, RollupDeo.called, RollupDeo.served,
                                  RollupDeo.no_show, RollupDeo.service_sum_s, RollupDeo.service_n)
                           .where(RollupDeo.site_id == site_id, RollupDeo.day.in_(wanted))):
        out.deos[(site_id, row[0], row[1])] = DeoCell(*row[2:])
    if not any(h.flagged_tokens for h in out.health.values()):
        return out
    for day, token_id, reason in ses.execute(select(FlaggedToken.day, FlaggedToken.token_id, FlaggedToken.reason)
                                             .where(FlaggedToken.site_id == site_id, FlaggedToken.day.in_(wanted))):
        out.flagged.append((site_id, day, token_id, reason))
    return out
