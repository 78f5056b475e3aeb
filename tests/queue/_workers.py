"""Code that runs in child processes of the concurrency tests (must be importable by ``spawn``)."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from db.engine import Store
from db.models import Role, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.queue import AlreadyHasToken, QueueService
from services.roles import Actor

SUPERVISOR = Actor("supervisor", Role.SUPERVISOR)
TRIAGE = Actor("triage", Role.TRIAGE)


def issue_then_drain(url: str, site_id: str, counter_id: int, issue: int, at_iso: str, line: Any, out: Any) -> None:
    """Race the other workers twice: issue ``issue`` tokens, then call next until nobody waits.

    Reports (counter, numbers issued, token ids claimed, error or None) on ``out``.
    """
    store = Store.open(url)
    queue = QueueService(store, FixedClock(datetime.fromisoformat(at_iso)), site_id)
    queue.waiting()  # connect before the start line, so the processes really race
    numbers: list[str] = []
    claimed: list[int] = []
    try:
        line.wait(60)
        for i in range(issue):
            kind = UpdateType.ROSTER if i % 2 else UpdateType.MISSED_OUT
            numbers.append(queue.issue_token(kind, actor=TRIAGE, priority=i % 7 == 3).number)
        line.wait(60)  # everyone has issued: now drain the queue together
        while (token := queue.call_next(counter_id, actor=SUPERVISOR)) is not None:
            claimed.append(token.id)
            queue.start(token.id, actor=SUPERVISOR)
            queue.complete(token.id, actor=SUPERVISOR)
            # A DEO takes a moment between visitors. Without it, on a loaded machine SQLite's busy
            # handler can leave the other process asleep until this one has drained everything.
            time.sleep(0.005)
        out.put((counter_id, numbers, claimed, None))
    except Exception as exc:  # the parent must hear about any failure, not wait for a timeout
        line.abort()
        out.put((counter_id, numbers, claimed, repr(exc)))
    finally:
        store.dispose()


AT = datetime(2026, 3, 4, 10, 0, tzinfo=SITE_ZONE)


def issue_for_cnics(url: str, site_id: str, cnics: list[str], line: Any, out: Any) -> None:
    """Try to issue one token for every CNIC, racing the other workers CNIC by CNIC.

    Reports (CNICs issued, CNICs refused as already holding a token, error or None) on ``out``.
    """
    store = Store.open(url)
    queue = QueueService(store, FixedClock(AT), site_id)
    queue.waiting()  # connect before the start line
    issued: list[str] = []
    refused: list[str] = []
    try:
        for cnic in cnics:
            line.wait(60)  # both processes ask for the same CNIC at the same moment
            try:
                queue.issue_token(UpdateType.ROSTER, actor=TRIAGE, cnic=cnic)
                issued.append(cnic)
            except AlreadyHasToken:
                refused.append(cnic)
        out.put((issued, refused, None))
    except Exception as exc:
        line.abort()
        out.put((issued, refused, repr(exc)))
    finally:
        store.dispose()


def set_counters(url: str, site_id: str, counter_ids: list[int], state: str, at_iso: str, out: Any) -> None:
    """Another console: set the counters' state (open / paused / closed) from its own process."""
    from db.models import CounterState
    from services.site import SiteService

    store = Store.open(url)
    try:
        site = SiteService(store, FixedClock(datetime.fromisoformat(at_iso)), site_id)
        for counter_id in counter_ids:
            site.set_state(counter_id, CounterState(state), actor=SUPERVISOR)
        out.put(None)
    except Exception as exc:  # the parent must hear about any failure
        out.put(repr(exc))
    finally:
        store.dispose()
