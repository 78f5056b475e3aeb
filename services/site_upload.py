"""Send a site's days to the centre the way the console does: events through the real outbox
sync (``services.sync.OutboxSync``), then the site metadata (counters, DEOs as pseudonymous ids
with display names). Used by ``drc-console simulate --hub``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.engine import Store
from db.models import Counter, Role, Staff
from services.clock import Clock
from services.deo_ids import deo_pseudonym, display_name
from services.queue import QueuePolicy, QueueService
from services.registry import RegistryClient, RegistryError, RegistryUnavailable
from services.sync import OutboxSync

MAX_DRAINS = 1000  # a day of a busy site is a few batches; this only bounds a misbehaving loop


@dataclass(frozen=True)
class UploadReport:
    """What went to the centre and what still waits."""

    events_sent: int
    backlog: int
    counters: int
    deos: int
    error: str | None

    def summary(self) -> str:
        """A few lines a person can read."""
        lines = [f"  uploaded      : {self.events_sent} events, {self.counters} counters, {self.deos} DEOs",
                 f"  still to send : {self.backlog}"]
        if self.error:
            lines.append(f"  upload error  : {self.error}")
        return "\n".join(lines)


def site_metadata(store: Store, site_id: str) -> dict[str, Any]:
    """The site's counters and DEOs as the contract's ``SiteMetadata``."""
    with store.read() as s:
        counters = [{"counter": c.id, "label": c.label[:40]}
                    for c in s.scalars(select(Counter).where(Counter.site_id == site_id).order_by(Counter.id))]
        deos = [{"deo_id": deo_pseudonym(site_id, st.username), "display_name": display_name(st.full_name)[:80]}
                for st in s.scalars(select(Staff).where(Staff.site_id == site_id, Staff.role == Role.DEO)
                                    .order_by(Staff.id))]
    return {"counters": counters, "deos": deos}


def upload_site(store: Store, site_id: str, client: RegistryClient, clock: Clock) -> UploadReport:
    """Drain the site's outbox to the hub until nothing is left (or the hub fails), then send metadata."""
    sync = OutboxSync(store, QueueService(store, clock, site_id, QueuePolicy()), client, clock, site_id)
    sent = 0
    error: str | None = None
    report = None
    for _ in range(MAX_DRAINS):
        report = sync.drain(force=True)
        sent += report.events_sent
        if report.error or not report.events_sent or not report.backlog:
            error = report.error
            break
    counters = deos = 0
    if error is None:
        try:
            receipt = client.push_site_metadata(site_id, site_metadata(store, site_id))
            counters, deos = receipt["counters"], receipt["deos"]
        except (RegistryUnavailable, RegistryError) as exc:
            error = exc.message
    backlog = report.backlog if report is not None else 0
    return UploadReport(sent, backlog, counters, deos, error)
