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
  actor of the completion event (a DEO who moves between counters is one DEO).
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
        """Reduce the events to one row per token."""
        uniq, first, inv = np.unique(log.token, return_index=True, return_inverse=True)
        n = uniq.shape[0]

        def at_of(kind: int) -> tuple[F64, Any]:
            # First event of this kind per token (np.unique returns first occurrences).
            out = np.full(n, np.nan)
            idx = np.full(n, -1, dtype=np.int64)
            rows = np.flatnonzero(log.kind == kind)
            if rows.size:
                toks, pos = np.unique(inv[rows], return_index=True)
                out[toks] = log.at[rows[pos]]
                idx[toks] = rows[pos]
            return out, idx

        def actor_of(idx: Any) -> Any:
            return np.where(idx >= 0, log.actor[np.maximum(idx, 0)], -1) if n else np.zeros(0, np.int32)

        issued, _ = at_of(ISSUED)
        called, called_idx = at_of(CALLED)
        started, _ = at_of(STARTED)
        completed, done_idx = at_of(COMPLETED)
        no_show, ns_idx = at_of(NO_SHOW)
        cancelled, _ = at_of(CANCELLED)
        counter = np.where(done_idx >= 0, log.counter[np.maximum(done_idx, 0)], -1) if n else np.zeros(0, np.int32)
        return cls(
            token=uniq, day=log.tok_day[first], type=log.tok_type[first], state=log.tok_state[first],
            issued_at=issued, first_call_at=called, first_call_actor=actor_of(called_idx), started_at=started,
            completed_at=completed, completed_actor=actor_of(done_idx), completed_counter=counter,
            no_show_at=no_show, no_show_actor=actor_of(ns_idx), cancelled_at=cancelled,
        )


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


def _hour_of(at: F64, day_start: float) -> I64:
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

    issued_h, served_h = hourly_counts(frame, day, zone)
    hist_i, hist_s, active = np.zeros(HOURS), np.zeros(HOURS), 0
    for back in range(1, HISTORY_DAYS + 1):
        hi, hs = hourly_counts(frame, day - timedelta(days=back), zone)
        if hi.sum() or hs.sum():  # closed days (Sundays, holidays) do not drag the average down
            hist_i += hi
            hist_s += hs
            active += 1
    if active:
        hist_i /= active
        hist_s /= active

    waits = frame.first_call_at[called] - frame.issued_at[called]
    call_hour = _hour_of(frame.first_call_at[called], start)
    calls_h = np.bincount(call_hour, minlength=HOURS).astype(np.int64)
    wait_h = np.full(HOURS, np.nan)
    for h in np.flatnonzero(calls_h):
        wait_h[h] = np.median(waits[call_hour == h]) / 60.0
    service = frame.completed_at[done] - frame.started_at[done]
    service = service[~np.isnan(service)]

    # Service level: called in time vs called + already-breached tokens never called.
    uncalled = mine & ~carried_in & np.isnan(frame.first_call_at)
    wait_end = np.where(np.isnan(frame.cancelled_at), as_of_s, frame.cancelled_at)
    breached = int(np.count_nonzero(uncalled & ((wait_end - frame.issued_at) > target_s)))
    in_time = int(np.count_nonzero(waits <= target_s))
    sl_den = waits.size + breached
    n_done, n_ns = int(done.sum()), int(no_show.sum())

    per_type = []
    for code, utype in enumerate(TYPES):
        t_mine = mine & (frame.type == code)
        if utype is UpdateType.APPEAL and not t_mine.any():
            continue
        t_called = called & (frame.type == code)
        t_done = done & (frame.type == code)
        est = (estimated_wait or {}).get(utype)
        per_type.append(TypeMetrics(
            utype, int(np.count_nonzero(issued_in_day & (frame.type == code))), int(t_done.sum()),
            int(np.count_nonzero(t_mine & (frame.state == _WAITING))),
            Stat.of(frame.first_call_at[t_called] - frame.issued_at[t_called]),
            Stat.of(_finite(frame.completed_at[t_done] - frame.started_at[t_done])), est,
        ))

    per_deo = []
    actors = np.unique(np.concatenate([frame.completed_actor[done], frame.no_show_actor[no_show],
                                       frame.first_call_actor[called]]))
    for a in actors:
        d_done = done & (frame.completed_actor == a)
        d_called = called & (frame.first_call_actor == a)
        username = log.actors[int(a)]
        counters = np.unique(frame.completed_counter[d_done])
        per_deo.append(DeoMetrics(
            username, log.names.get(username, username), int(d_done.sum()),
            int(np.count_nonzero(no_show & (frame.no_show_actor == a))), int(d_called.sum()),
            tuple(int(c) for c in counters if c >= 0),
            Stat.of(frame.first_call_at[d_called] - frame.issued_at[d_called]),
            Stat.of(_finite(frame.completed_at[d_done] - frame.started_at[d_done])),
        ))
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


def _finite(x: F64) -> F64:
    return x[~np.isnan(x)]
