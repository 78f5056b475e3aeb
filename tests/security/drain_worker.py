"""One console draining the site outbox, as a separate process: ``python -m tests.security.drain_worker DB REGISTRY LEASE``.

Drains until no verification is left (or 60 s pass), then exits 0.
"""

from __future__ import annotations

import sys
import time

from db.engine import Store
from services.clock import SystemClock
from services.queue import QueueService
from services.registry import RegistryClient
from services.sync import OutboxSync

SITE = "PK10101-01"


def main() -> int:
    """Drain until the verification backlog is empty."""
    db, registry, lease = sys.argv[1], sys.argv[2], float(sys.argv[3])
    store = Store.open(db)
    clock = SystemClock()
    client = RegistryClient(registry, "k", connect_timeout=2, read_timeout=5, retries=0)
    sync = OutboxSync(store, QueueService(store, clock, SITE), client, clock, SITE, lease_seconds=lease)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sync.drain(force=True)
        if sync.backlog()[0] == 0:
            return 0
        time.sleep(0.05)  # items leased by a console that died: wait for the lease to run out
    return 1


if __name__ == "__main__":
    sys.exit(main())
