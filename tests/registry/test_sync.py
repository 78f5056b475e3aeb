"""Offline issue and the outbox: unverified token + queued check in one transaction; drain when back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, func, select

from db.engine import Store
from db.migrate import upgrade
from db.models import OutboxItem, UpdateType, Verification
from services.clock import FixedClock
from services.hub.models import SiteEventRow
from services.provision import ensure_site, seed_demo
from services.queue import QueueService
from services.registry import RegistryClient, RegistryUnavailable
from services.registry.outbox import VERIFY, backoff_delay
from services.roles import Actor, PermissionDenied
from services.sync import OutboxSync
from services.triage import TriagePolicy, TriageService
from tests.registry.live_hub import KEY, SITE, LiveHub, free_port


def _client(url: str) -> RegistryClient:
    return RegistryClient(url, KEY, connect_timeout=0.5, read_timeout=2, retries=0)


def _hub_events(hub_db: str, uuids: list[str]) -> int:
    eng = create_engine(hub_db)
    with eng.connect() as c:
        n = c.execute(select(func.count()).select_from(SiteEventRow).where(SiteEventRow.uuid.in_(uuids))).scalar()
    eng.dispose()
    return int(n or 0)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def site_store(request: pytest.FixtureRequest, clock: FixedClock) -> Iterator[tuple[Store, QueueService]]:
    """The demo site on a SQLite file or on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        st: Store = request.getfixturevalue("store")
        request.getfixturevalue("site")
        yield st, request.getfixturevalue("queue")
        return
    url = request.getfixturevalue("pg_url")
    upgrade(url)
    st = Store.open(url)
    ensure_site(st, SITE, "DRC Bagh")
    seed_demo(st, clock, SITE, 6)
    yield st, QueueService(st, clock, SITE)
    st.dispose()


def test_offline_issue_then_drain_verifies_and_uploads_once(
    site_store: tuple[Store, QueueService], clock: FixedClock, triage_actor: Actor, hub_db: str,
) -> None:
    store, queue = site_store
    hub = LiveHub(hub_db, port=free_port())  # not started yet: the registry is unreachable
    client = _client(hub.url)
    triage = TriageService(client, TriagePolicy(), clock)
    samples_cnic = "3520212345671"

    # 1. Offline: the lookup fails, the token is issued by hand, unverified, with its outbox row.
    with pytest.raises(RegistryUnavailable, match="cannot be reached"):
        triage.lookup(samples_cnic)
    view = triage.issue(queue, UpdateType.ROSTER, actor=triage_actor, cnic=samples_cnic, lookup=None)
    assert view.verification is Verification.UNVERIFIED and view.details["triage"]["manual"] is True
    with store.read() as s:
        items = s.scalars(select(OutboxItem).where(OutboxItem.kind == VERIFY)).all()
    assert [(i.ref, i.payload["cnic"], i.sent_at) for i in items] == [(str(view.id), samples_cnic, None)]

    sync = OutboxSync(store, queue, client, clock, SITE, policy=TriagePolicy(), base_delay=5)
    report = sync.drain()
    assert report.online is False and report.pending_verifications == 1 and report.pending_events == 1
    assert "cannot be reached" in (report.error or "")
    with store.read() as s:
        item = s.scalars(select(OutboxItem).where(OutboxItem.kind == VERIFY)).one()
    assert item.attempts == 1 and item.last_error and item.next_attempt_at == clock.now() + backoff_delay(1)

    # 2. The hub comes back: the next drain probes, verifies and uploads although backed off.
    hub.start()
    try:
        samples = client.demo_samples().samples
        # Re-point the queued check at a CNIC the seeded hub knows (the row is ours to edit in a test).
        known = samples["roster"][0].cnic
        with store.session() as s, s.begin():
            s.scalars(select(OutboxItem).where(OutboxItem.kind == VERIFY)).one().payload = {
                "cnic": known, "update_type": "roster"}
        client._mark(False, "still marked offline")  # as the failed drain left it
        report = sync.drain()
        assert report.verified == 1 and report.events_sent >= 2 and report.backlog == 0 and report.online
        token = queue.token(view.id)
        assert token.verification is Verification.VERIFIED
        check = token.details["registry_check"]
        assert check["result"] == "verified" and check["type_confirmed"] is True
        uuids = [e.uuid for e in queue.events()]
        assert _hub_events(hub_db, uuids) == len(uuids)

        # 3. Drained again (and the cursor lost, as after a crash): nothing is stored twice at the hub.
        assert sync.drain().events_sent == 0
        with store.session() as s, s.begin():
            s.scalars(select(OutboxItem).where(OutboxItem.kind == "events_cursor")).one().payload = {"last_id": 0}
        again = sync.drain()
        assert again.events_sent == len(uuids)  # resent ...
        assert _hub_events(hub_db, uuids) == len(uuids)  # ... but the hub kept one of each
        assert len(queue.events()) == len(uuids)  # and no new "verified" event appeared

        if not store.is_sqlite:
            # PostgreSQL: an event that committed after a higher id was uploaded (the cursor is past
            # it) still reaches the hub through the re-send window.
            triage.issue(queue, UpdateType.CYCLIC, actor=triage_actor, cnic="4210112345671", lookup=None)
            late = queue.events()[-1]
            with store.session() as s, s.begin():
                s.scalars(select(OutboxItem).where(OutboxItem.kind == "events_cursor")).one().payload = {
                    "last_id": late.id}
            assert _hub_events(hub_db, [late.uuid]) == 0
            sync.drain()
            assert _hub_events(hub_db, [late.uuid]) == 1
    finally:
        hub.stop()


def test_a_failed_issue_leaves_no_outbox_row(store: Store, queue: QueueService, clock: FixedClock,
                                             triage_actor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The outbox row lives in the token's transaction: when the issue fails after the row was
    written (here: the write itself fails on its way to the disk), neither the token nor the row stays."""
    import services.triage.service as triage_service
    from services.registry.outbox import queue_verification

    written: list[int] = []

    def then_fail(cnic: str) -> object:
        add = queue_verification(cnic)

        def add_then_fail(session: object, token: object) -> None:
            add(session, token)  # type: ignore[arg-type]
            session.flush()  # type: ignore[attr-defined]  # the row is in the database, uncommitted
            written.append(session.scalar(select(func.count(OutboxItem.id))))  # type: ignore[attr-defined]
            raise OSError("disk I/O error")

        return add_then_fail

    monkeypatch.setattr(triage_service, "queue_verification", then_fail)
    triage = TriageService(None, TriagePolicy(), clock)
    with pytest.raises(OSError, match="disk I/O error"):
        triage.issue(queue, UpdateType.ROSTER, actor=triage_actor, cnic="3520212345671", lookup=None)
    assert written == [1]  # the failure came after the outbox row and the token were written
    with store.read() as s:
        assert s.scalar(select(func.count(OutboxItem.id))) == 0
    assert queue.tokens() == []


def test_a_refused_issue_writes_nothing(store: Store, queue: QueueService, clock: FixedClock) -> None:
    """A person without the permission is refused before anything is written."""
    from db.models import Role

    triage = TriageService(None, TriagePolicy(), clock)
    with pytest.raises(PermissionDenied):
        triage.issue(queue, UpdateType.ROSTER, actor=Actor("deo", Role.DEO), cnic="3520212345671", lookup=None)
    with store.read() as s:
        assert s.scalar(select(func.count(OutboxItem.id))) == 0
    assert queue.tokens() == []


def test_backoff_grows_and_caps() -> None:
    assert [backoff_delay(n).total_seconds() for n in (1, 2, 3, 4, 10, 20)] == [5, 10, 20, 40, 300, 300]


def test_second_token_for_the_same_cnic_is_refused(queue: QueueService, clock: FixedClock,
                                                    triage_actor: Actor) -> None:
    from services.triage import AlreadyHasToken

    triage = TriageService(None, TriagePolicy(), clock)
    first = triage.issue(queue, UpdateType.ROSTER, actor=triage_actor, cnic="35202-1234567-1", lookup=None)
    with pytest.raises(AlreadyHasToken) as err:
        triage.issue(queue, UpdateType.CYCLIC, actor=triage_actor, cnic="3520212345671", lookup=None)
    assert err.value.token.id == first.id




def test_a_late_check_tells_a_card_nadra_does_not_know_from_a_missed_out_household(
    site_store: tuple[Store, QueueService], clock: FixedClock, triage_actor: Actor, hub_db: str,
) -> None:
    """Two missed-out tokens picked by hand offline: the one NADRA knows is confirmed, the typo is not."""
    store, queue = site_store
    hub = LiveHub(hub_db, port=free_port()).start()
    try:
        client = _client(hub.url)
        samples = client.demo_samples().samples
        known, typo = samples["missed_out"][0].cnic, samples["unknown"][0].cnic
        triage = TriageService(client, TriagePolicy(), clock)
        ids = [triage.issue(queue, UpdateType.MISSED_OUT, actor=triage_actor, cnic=c, lookup=None).id
               for c in (known, typo)]
        assert OutboxSync(store, queue, client, clock, SITE, policy=TriagePolicy()).drain().verified == 2
        good, bad = (queue.token(i) for i in ids)
        assert good.verification is Verification.VERIFIED
        assert good.details["registry_check"]["type_confirmed"] is True
        assert (good.details["registry_check"]["identity"], good.details["registry_check"]["membership"]) == (
            "verified", "not_registered")
        assert bad.verification is Verification.NOT_FOUND
        check = bad.details["registry_check"]
        assert check["identity"] == "unknown" and check["type_confirmed"] is False
        assert "NADRA does not know this CNIC" in check["type_reason"]
    finally:
        hub.stop()
