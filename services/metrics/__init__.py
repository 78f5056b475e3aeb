"""Throughput and waiting-time KPIs of a site from its token events (numpy, Qt-free).

``MetricsService.day(d)`` loads the day and the 7 days before it with one query and computes
:class:`DayMetrics`; the definitions are in ``services.metrics.compute`` and docs/REPORT.md.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from db.engine import Store
from db.models import UpdateType
from services.clock import Clock, business_day
from services.metrics.compute import (
    HISTORY_DAYS,
    HOURS,
    DayMetrics,
    DeoMetrics,
    Stat,
    TokenFrame,
    TypeMetrics,
    compute_day,
    hourly_counts,
)
from services.metrics.events import EventLog, load_events
from services.queue import QueueService

__all__ = [
    "HISTORY_DAYS",
    "HOURS",
    "DayMetrics",
    "DeoMetrics",
    "EventLog",
    "MetricsService",
    "Stat",
    "TokenFrame",
    "TypeMetrics",
    "compute_day",
    "hourly_counts",
    "load_events",
]


class MetricsService:
    """Computes a site day's KPIs; call from a worker thread (it queries the store)."""

    def __init__(self, store: Store, clock: Clock, site_id: str, *, service_level_minutes: float = 30.0,
                 queue: QueueService | None = None) -> None:
        self.store = store
        self.clock = clock
        self.site_id = site_id
        self.service_level_minutes = service_level_minutes
        self.queue = queue

    def day(self, day: date | None = None, *, now: datetime | None = None) -> DayMetrics:
        """KPIs of ``day`` (default today) as of ``now`` (default the clock)."""
        now = now or self.clock.now()
        day = day or business_day(now)
        log = load_events(self.store, self.site_id, day - timedelta(days=HISTORY_DAYS), day)
        estimates: dict[UpdateType, float | None] = {}
        if self.queue is not None and day == business_day(now):
            for t in UpdateType:
                est = self.queue.estimated_wait(t)
                estimates[t] = None if est is None else est.total_seconds() / 60.0
        return compute_day(log, self.site_id, day, now=now, service_level_minutes=self.service_level_minutes,
                           estimated_wait=estimates)
