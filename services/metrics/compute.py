"""Site KPIs of one business day from an :class:`EventLog` (pure numpy, no database, no Qt).

Definitions (also in docs/REPORT.md):

* A token belongs to the business day ``Token.business_day`` (the Asia/Karachi day it was issued,
  or the day it was carried over to). Everything that happens to it - call, service, completion,
  no-show - counts on that day even when it happens after midnight; such late events go into
  hour 23 of the hourly table (hours are 0-23 from the day's midnight in the site zone).
* *Issued* counts the issue events that fall inside the day (so a token carried over to the next
  day still counts as issued on the day it was issued, and is not issued again).
* *Waiting time* is issue -> first call (a recall or a transfer does not restart it). Tokens
  carried in from an earlier day are left out of waiting times and the service level, because
  their wait spans a night the site was closed.
* *Service time* is start -> completion. *Served* is the number of completions, attributed to the
  operator of the completion event - the DEO assigned to the counter, even when a supervisor pressed
  the key (a DEO who moves between counters is one DEO).
* *No-show rate* = no-shows / (completed + no-shows). *Service level* = tokens called within the
  target / (tokens called + tokens not called whose wait has already passed the target).
* Median and p90 are numpy's linear-interpolation percentiles, in minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from db.models import TokenState, UpdateType
from services.clock import SITE_ZONE, day_bounds_utc
from services.metrics.events import (
    CALLED,
    CANCELLED,
    COMPLETED,
    F64,
    I64,
    ISSUED,
    NO_SHOW,
    STARTED,
    STATE_CODES,
    TYPES,
    EventLog,
)

HOURS = 24
HISTORY_DAYS = 7
_WAITING = STATE_CODES[TokenState.WAITING]
_CALLED_NOW = (STATE_CODES[TokenState.CALLED], STATE_CODES[TokenState.IN_SERVICE])


@dataclass(frozen=True)
class Stat:
    """Median and 90th percentile (minutes) of ``count`` durations; None when there are none."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, seconds: F64) -> Stat:
        """Summarise durations given in seconds."""
        if seconds.size == 0:
            return cls(0, None, None)
        med, p90 = np.percentile(seconds, [50.0, 90.0]) / 60.0
        return cls(int(seconds.size), float(med), float(p90))

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: count, median_min, p90_min."""
        return {"count": self.count, "median_min": _round(self.median), "p90_min": _round(self.p90)}


@dataclass(frozen=True)
class TypeMetrics:
    """The figures of one update type on the day."""

    update_type: UpdateType
    issued: int
    served: int
    waiting_now: int
    wait: Stat
    service: Stat
    estimated_wait_min: float | None = None


@dataclass(frozen=True)
class DeoMetrics:
    """One DEO's day: completions, no-shows, first calls, and their times."""

    deo: str
    name: str
    served: int
    no_show: int
    calls: int
    counters: tuple[int, ...]
    wait: Stat
    service: Stat


@dataclass
class TokenFrame:
    """One row per token (vectorised from the event log); NaN where an event did not happen."""

    token: I64
    day: I64
    type: Any
    state: Any
    issued_at: F64
    first_call_at: F64
    first_call_actor: Any
    started_at: F64
    completed_at: F64
    completed_actor: Any
    completed_counter: Any
    no_show_at: F64
    no_show_actor: Any
    cancelled_at: F64

    @classmethod
    def of(cls, log: EventLog) -> TokenFrame:
        """Reduce the events to one row per token (linear time when grouped by token, as loaded)."""
        token, kind, at, actor, counter = log.token, log.kind, log.at, log.actor, log.counter
        order = None
        if token.size > 1 and bool(np.any(token[1:] < token[:-1])):
            order = np.argsort(token, kind="stable")  # keep event order within a token
            token, kind, at, actor, counter = token[order], kind[order], at[order], actor[order], counter[order]
        n_ev = token.shape[0]
        starts = np.flatnonzero(np.r_[True, token[1:] != token[:-1]]) if n_ev else np.zeros(0, np.int64)
        inv = np.cumsum(np.r_[False, token[1:] != token[:-1]]) if n_ev else np.zeros(0, np.int64)
        n = starts.shape[0]
        first = starts if order is None else order[starts]

        def at_of(k: int) -> tuple[F64, Any]:
            # First event of kind k per token: the first of each run of equal token indexes.
            out = np.full(n, np.nan)
            idx = np.full(n, -1, dtype=np.int64)
            rows = np.flatnonzero(kind == k)
            if rows.size:
                ti = inv[rows]
                keep = np.r_[True, ti[1:] != ti[:-1]]
                out[ti[keep]] = at[rows[keep]]
                idx[ti[keep]] = rows[keep]
            return out, idx

        def pick(values: Any, idx: Any) -> Any:
            return np.where(idx >= 0, values[np.maximum(idx, 0)], -1) if n else np.zeros(0, np.int32)

        issued, _ = at_of(ISSUED)
        called, called_idx = at_of(CALLED)
        started, _ = at_of(STARTED)
        completed, done_idx = at_of(COMPLETED)
        no_show, ns_idx = at_of(NO_SHOW)
        cancelled, _ = at_of(CANCELLED)
        return cls(
            token=token[starts], day=log.tok_day[first], type=log.tok_type[first], state=log.tok_state[first],
            issued_at=issued, first_call_at=called, first_call_actor=pick(actor, called_idx), started_at=started,
            completed_at=completed, completed_actor=pick(actor, done_idx), completed_counter=pick(counter, done_idx),
            no_show_at=no_show, no_show_actor=pick(actor, ns_idx), cancelled_at=cancelled,
        )


_KEY_SPAN = 1e8  # seconds (~3 years): larger than any wait or service time


def group_stats(keys: Any, seconds: F64, groups: int) -> tuple[I64, F64, F64]:
    """Count, median and p90 (minutes) of ``seconds`` per integer key in ``[0, groups)``, vectorised.

    One sort by (key, value), then numpy's linear-interpolation percentile read off each group's slice.
    """
    counts = np.bincount(keys, minlength=groups).astype(np.int64) if keys.size else np.zeros(groups, np.int64)
    med = np.full(groups, np.nan)
    p90 = np.full(groups, np.nan)
    if keys.size:
        # One float sort on a composite (key, value): far cheaper than lexsort. Values are
        # non-negative durations well under _KEY_SPAN seconds.
        k = keys.astype(np.float64)
        vals = (np.sort(k * _KEY_SPAN + seconds) - np.repeat(np.arange(groups) * _KEY_SPAN, counts)) / 60.0
        begin = np.concatenate(([0], np.cumsum(counts)[:-1]))
        has = counts > 0
        for q, out in ((0.5, med), (0.9, p90)):
            pos = begin[has] + q * (counts[has] - 1)
            lo = np.floor(pos).astype(np.int64)
            hi = np.minimum(lo + 1, begin[has] + counts[has] - 1)
            out[has] = vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)
    return counts, med, p90


def _stat(counts: I64, med: F64, p90: F64, i: int) -> Stat:
    return Stat(0, None, None) if counts[i] == 0 else Stat(int(counts[i]), float(med[i]), float(p90[i]))


@dataclass
class DayMetrics:
    """Every KPI of one site day; ``as_dict`` is the JSON of the daily report (docs/REPORT.md)."""

    site_id: str
    day: date
    as_of: datetime
    service_level_minutes: float
    issued_per_hour: I64
    served_per_hour: I64
    issued_avg7: F64
    served_avg7: F64
    history_days: int
    wait_median_per_hour: F64
    calls_per_hour: I64
    issued: int
    served: int
    no_show: int
    cancelled: int
    carried_in: int
    carried_out: int
    waiting_now: int
    at_counter_now: int
    no_show_rate: float | None
    service_level: float | None
    wait: Stat
    service: Stat
    per_type: list[TypeMetrics] = field(default_factory=list)
    per_deo: list[DeoMetrics] = field(default_factory=list)
    peak_hour: int | None = None
    peak_hour_served: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The KPIs as plain JSON-able values."""
        hourly = [
            {"hour": h, "label": f"{h:02d}:00", "issued": int(self.issued_per_hour[h]),
             "served": int(self.served_per_hour[h]), "issued_avg7": round(float(self.issued_avg7[h]), 2),
             "served_avg7": round(float(self.served_avg7[h]), 2), "calls": int(self.calls_per_hour[h]),
             "wait_median_min": _round(_nan_none(self.wait_median_per_hour[h]))}
            for h in range(HOURS)
        ]
        return {
            "kpis": {
                "issued": self.issued, "served": self.served, "no_show": self.no_show,
                "cancelled": self.cancelled, "carried_in": self.carried_in, "carried_out": self.carried_out,
                "waiting_now": self.waiting_now, "at_counter_now": self.at_counter_now,
                "no_show_rate": _round(self.no_show_rate, 4), "service_level": _round(self.service_level, 4),
                "service_level_minutes": self.service_level_minutes,
                "wait": self.wait.as_dict(), "service": self.service.as_dict(),
                "peak_hour": self.peak_hour, "peak_hour_served": self.peak_hour_served,
                "history_days": self.history_days,
            },
            "hourly": hourly,
            "per_type": [
                {"update_type": t.update_type.value, "issued": t.issued, "served": t.served,
                 "waiting_now": t.waiting_now, "wait": t.wait.as_dict(), "service": t.service.as_dict(),
                 "estimated_wait_min": _round(t.estimated_wait_min)}
                for t in self.per_type
            ],
            "per_deo": [
                {"deo": d.deo, "name": d.name, "served": d.served, "no_show": d.no_show, "calls": d.calls,
                 "counters": list(d.counters), "wait": d.wait.as_dict(), "service": d.service.as_dict()}
                for d in self.per_deo
            ],
        }


def _round(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


def _nan_none(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def _hour_of(at: F64, day_start: Any) -> I64:
    """Hour 0-23 since the day's midnight (site zone); later events of the day's tokens -> 23."""
    return np.clip(((at - day_start) // 3600).astype(np.int64), 0, HOURS - 1)


def hourly_counts(frame: TokenFrame, day: date, zone: ZoneInfo = SITE_ZONE) -> tuple[I64, I64]:
    """Issued and served per hour of one day (the 7-day average is built from these)."""
    start, end = (d.timestamp() for d in day_bounds_utc(day, zone))
    issued_at = frame.issued_at[(frame.issued_at >= start) & (frame.issued_at < end)]
    done = frame.completed_at[(frame.day == day.toordinal()) & ~np.isnan(frame.completed_at)]
    return (np.bincount(_hour_of(issued_at, start), minlength=HOURS).astype(np.int64),
            np.bincount(_hour_of(done, start), minlength=HOURS).astype(np.int64))


def compute_day(
    log: EventLog,
    site_id: str,
    day: date,
    *,
    now: datetime | None = None,
    service_level_minutes: float = 30.0,
    estimated_wait: dict[UpdateType, float | None] | None = None,
    zone: ZoneInfo = SITE_ZONE,
    frame: TokenFrame | None = None,
) -> DayMetrics:
    """All KPIs of ``day``; ``log`` may hold other days too (the 7 before feed the averages)."""
    frame = frame if frame is not None else TokenFrame.of(log)
    start_dt, end_dt = day_bounds_utc(day, zone)
    start, end = start_dt.timestamp(), end_dt.timestamp()
    as_of = min(now, end_dt) if now is not None else end_dt
    as_of_s = as_of.timestamp()
    target_s = service_level_minutes * 60.0

    mine = frame.day == day.toordinal()
    issued_in_day = (frame.issued_at >= start) & (frame.issued_at < end)
    carried_in = mine & ~(frame.issued_at >= start)  # issued earlier (NaN issue counts as earlier)
    done = mine & ~np.isnan(frame.completed_at)
    no_show = mine & ~np.isnan(frame.no_show_at)
    called = mine & ~carried_in & ~np.isnan(frame.first_call_at)

    # One grid of (day, hour) for the day and the 7 before: row 7 is the day itself.
    edges = np.array([day_bounds_utc(day - timedelta(days=HISTORY_DAYS - i), zone)[0].timestamp()
                      for i in range(HISTORY_DAYS + 1)] + [end])
    issued_grid = _grid(frame.issued_at, np.searchsorted(edges, frame.issued_at, side="right") - 1, edges)
    done_any = ~np.isnan(frame.completed_at)
    served_grid = _grid(frame.completed_at[done_any],
                        frame.day[done_any] - (day.toordinal() - HISTORY_DAYS), edges)
    issued_h, served_h = issued_grid[HISTORY_DAYS], served_grid[HISTORY_DAYS]
    # Closed days (Sundays, holidays) do not drag the average down.
    open_days = (issued_grid[:HISTORY_DAYS].sum(axis=1) + served_grid[:HISTORY_DAYS].sum(axis=1)) > 0
    active = int(open_days.sum())
    hist_i = issued_grid[:HISTORY_DAYS][open_days].mean(axis=0) if active else np.zeros(HOURS)
    hist_s = served_grid[:HISTORY_DAYS][open_days].mean(axis=0) if active else np.zeros(HOURS)

    waits = frame.first_call_at[called] - frame.issued_at[called]
    call_hour = _hour_of(frame.first_call_at[called], start)
    calls_h, wait_h, _ = group_stats(call_hour, waits, HOURS)
    served_ok = done & ~np.isnan(frame.started_at)
    service = frame.completed_at[served_ok] - frame.started_at[served_ok]

    # Service level: called in time vs called + already-breached tokens never called.
    uncalled = mine & ~carried_in & np.isnan(frame.first_call_at)
    wait_end = np.where(np.isnan(frame.cancelled_at), as_of_s, frame.cancelled_at)
    breached = int(np.count_nonzero(uncalled & ((wait_end - frame.issued_at) > target_s)))
    in_time = int(np.count_nonzero(waits <= target_s))
    sl_den = waits.size + breached
    n_done, n_ns = int(done.sum()), int(no_show.sum())

    n_t = len(TYPES)
    t_issued = np.bincount(frame.type[issued_in_day], minlength=n_t)
    t_served = np.bincount(frame.type[done], minlength=n_t)
    t_mine = np.bincount(frame.type[mine], minlength=n_t)
    t_waiting = np.bincount(frame.type[mine & (frame.state == _WAITING)], minlength=n_t)
    tw = group_stats(frame.type[called].astype(np.int64), waits, n_t)
    ts = group_stats(frame.type[served_ok].astype(np.int64), service, n_t)
    per_type = [
        TypeMetrics(utype, int(t_issued[code]), int(t_served[code]), int(t_waiting[code]), _stat(*tw, code),
                    _stat(*ts, code), (estimated_wait or {}).get(utype))
        for code, utype in enumerate(TYPES)
        if not (utype is UpdateType.APPEAL and t_mine[code] == 0 and t_issued[code] == 0)
    ]

    n_a = max(len(log.actors), 1)
    d_served = np.bincount(frame.completed_actor[done], minlength=n_a)
    d_ns = np.bincount(frame.no_show_actor[no_show], minlength=n_a)
    d_calls = np.bincount(frame.first_call_actor[called], minlength=n_a)
    dw = group_stats(frame.first_call_actor[called].astype(np.int64), waits, n_a)
    ds = group_stats(frame.completed_actor[served_ok].astype(np.int64), service, n_a)
    with_counter = done & (frame.completed_counter >= 0)
    pairs = np.unique(frame.completed_actor[with_counter].astype(np.int64) * 1_000_000
                      + frame.completed_counter[with_counter])
    counters: dict[int, list[int]] = {}
    for pair in pairs.tolist():
        a, c = divmod(pair, 1_000_000)
        counters.setdefault(a, []).append(c)
    per_deo = [
        DeoMetrics(log.actors[a], log.names.get(log.actors[a], log.actors[a]), int(d_served[a]), int(d_ns[a]),
                   int(d_calls[a]), tuple(counters.get(a, ())), _stat(*dw, a), _stat(*ds, a))
        for a in np.flatnonzero(d_served + d_ns + d_calls).tolist()
    ]
    per_deo.sort(key=lambda d: (-d.served, d.deo))

    state_now = frame.state[mine]
    return DayMetrics(
        site_id=site_id, day=day, as_of=as_of.astimezone(UTC), service_level_minutes=service_level_minutes,
        issued_per_hour=issued_h, served_per_hour=served_h, issued_avg7=hist_i, served_avg7=hist_s,
        history_days=active, wait_median_per_hour=wait_h, calls_per_hour=calls_h,
        issued=int(issued_in_day.sum()), served=n_done, no_show=n_ns,
        cancelled=int(np.count_nonzero(mine & ~np.isnan(frame.cancelled_at))),
        carried_in=int(carried_in.sum()), carried_out=int(np.count_nonzero(issued_in_day & (frame.day > day.toordinal()))),
        waiting_now=int(np.count_nonzero(state_now == _WAITING)),
        at_counter_now=int(np.count_nonzero(np.isin(state_now, _CALLED_NOW))),
        no_show_rate=n_ns / (n_done + n_ns) if n_done + n_ns else None,
        service_level=in_time / sl_den if sl_den else None,
        wait=Stat.of(waits), service=Stat.of(service), per_type=per_type, per_deo=per_deo,
        peak_hour=int(np.argmax(issued_h)) if issued_h.any() else None,
        peak_hour_served=int(np.argmax(served_h)) if served_h.any() else None,
    )


def _grid(at: F64, day_idx: Any, edges: F64) -> I64:
    """Counts per (day 0..7, hour 0-23): ``day_idx`` picks the day, ``at`` the hour within it."""
    ok = (day_idx >= 0) & (day_idx <= HISTORY_DAYS) & ~np.isnan(at)
    d = day_idx[ok].astype(np.int64)
    h = _hour_of(at[ok], edges[d])
    return np.bincount(d * HOURS + h, minlength=(HISTORY_DAYS + 1) * HOURS).reshape(HISTORY_DAYS + 1, HOURS)
