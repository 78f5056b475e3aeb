"""The fast paths of ingest and the regional query give what the contract's models give.

``ops.wire`` parses an upload in one pass with a lean twin of ``SiteEventIn``; the regional
query sums each site in SQL and writes its JSON straight from plain rows. Both are checked
against the slower, model-based way on the same input, and the sums against ``hub_site_day``.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import pytest
from fastapi.exceptions import RequestValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.hub import schemas as s
from services.hub.db import make_engine
from services.hub.keys import Caller
from services.hub.models import SiteDay
from services.hub.ops import schemas as o
from services.hub.ops.network import network_sites, simulate_network, site_day_events
from services.hub.ops.regional import regional, regional_json, regional_rows
from services.hub.ops.wire import parse_batch
from tests.hub.conftest import seeded_hub_db

END = date(2026, 3, 3)


def _body(events: list[dict]) -> bytes:
    return json.dumps({"events": events}).encode()


def _wire(url: str) -> list[dict]:
    """A simulated site-day as a console would send it."""
    engine = make_engine(url)
    try:
        site = network_sites(engine, 3)[1]
    finally:
        engine.dispose()
    rows = site_day_events(site, END, volume=2.0)
    return [{k: r[k] for k in ("uuid", "token_id", "token_number", "update_type", "priority", "kind", "actor",
                               "counter", "payload")} | {"at": r["at"].isoformat() + "Z"} for r in rows]


@pytest.fixture(scope="module")
def network_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite hub with 40 days of 30 sites (roll-ups only), across a month end; the other sites silent."""
    path = tmp_path_factory.mktemp("lean") / "hub.sqlite3"
    url = seeded_hub_db(f"sqlite:///{path}", households=200, paradata_days=1)
    engine = make_engine(url)
    try:
        simulate_network(engine, network_sites(engine, 30), END, 40, raw_days=0, volume=0.2)
    finally:
        engine.dispose()
    return url


def test_lean_parse_equals_the_contract_model(network_db: str) -> None:
    events = _wire(network_db)
    events[0]["payload"] = {"note": "nested", "more": {"n": 1.5, "list": [1, "a", None]}}  # the full payload check
    events[1]["operator"] = "deo2"
    events[2]["at"] = events[2]["at"].replace("Z", "+05:00")  # an offset is turned into naive UTC
    body = _body(events)
    lean = [e.model_dump() for e in parse_batch(body)]
    assert lean == [e.model_dump() for e in s.EventBatch.model_validate_json(body).events]
    assert len(lean) == len(events) > 100


@pytest.mark.parametrize("bad", [
    {"actor": "ts\u0000a"},  # NUL only as an escape: the full model finds it
    {"payload": {"k": "a\u0000"}},
    {"payload": {"n": float("nan")}},
    {"payload": {"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}},
    {"payload": {"t": "x" * 3000}},
    {"token_id": "7"},
    {"counter": -1},
    {"at": "1999-12-31T23:00:00Z"},
])
def test_lean_parse_refuses_what_the_contract_refuses(bad: dict) -> None:
    event = {"uuid": "u1", "token_id": 1, "token_number": "R-001", "update_type": "roster", "priority": False,
             "kind": "issued", "at": "2026-03-03T05:00:00Z", "actor": "tsa1", "counter": None, "payload": {}}
    body = _body([{**event, **bad}])
    with pytest.raises(RequestValidationError) as refused:
        parse_batch(body)
    assert refused.value.errors()[0]["loc"][:3] == ("body", "events", 0)
    with pytest.raises(ValueError):
        s.EventBatch.model_validate_json(body)


@pytest.mark.parametrize("first,last", [(END - timedelta(days=6), END), (date(2026, 1, 25), END),
                                        (date(2026, 2, 1), date(2026, 2, 28)), (END, END),
                                        (date(2026, 2, 3), END), (date(2026, 2, 2), date(2026, 2, 26))])
@pytest.mark.parametrize("who", ["central", "region", "site"])
def test_regional_json_equals_the_models_and_the_day_rows(network_db: str, first: date, last: date,
                                                          who: str) -> None:
    engine = make_engine(network_db)
    try:
        with Session(engine) as ses:
            some = network_sites(engine, 30)[4]
            caller = {"central": Caller("central", "*"), "region": Caller("region", some.region),
                      "site": Caller("site", some.site_id)}[who]
            rows, regions = regional_rows(ses, caller, first, last, None, None)
            text = regional_json(first, last, rows, regions)
            models, _ = regional(ses, caller, first, last, None, None)
            expected = o.RegionalPerformance(**{"from": first}, to=last, sites=models, regions=regions)
            assert json.loads(text) == json.loads(expected.model_dump_json(by_alias=True))
            days = ses.execute(select(SiteDay.site_id, SiteDay.issued, SiteDay.served, SiteDay.events)
                               .where(SiteDay.day >= first, SiteDay.day <= last)).all()
    finally:
        engine.dispose()
    issued: Counter[str] = Counter()
    served: Counter[str] = Counter()
    reporting: Counter[str] = Counter()
    for site_id, n_issued, n_served, events in days:
        issued[site_id] += n_issued
        served[site_id] += n_served
        reporting[site_id] += events > 0
    got = json.loads(text)["sites"]
    assert {r["site_id"]: (r["issued"], r["completed"], r["days_reporting"]) for r in got if not r["silent"]} == {
        k: (issued[k], served[k], reporting[k]) for k in reporting if reporting[k] and k in {r["site_id"] for r in got}}
    assert len(got) == {"central": 617, "site": 1}.get(who, len(got))
    assert sum(r["issued"] for r in got) > 0


@pytest.mark.postgres
def test_cached_answers_last_only_while_nothing_commits(pg_url: str) -> None:
    from services.hub.deps import HubDeps
    from services.hub.ops.answers import AnswerCache
    from services.hub.ops.ingest import ingest
    from services.hub.ops.partitions import PartitionKeeper
    from services.hub.ops.rebuild import rebuild_site

    seeded_hub_db(pg_url, households=200, paradata_days=1)
    engine = make_engine(pg_url)
    deps = HubDeps(engine, lambda: END, 0.5)
    cache, central = AnswerCache(size=4), Caller("central", "*")
    site_id = network_sites(engine, 3)[1].site_id
    events = s.EventBatch.model_validate_json(_body(_wire(pg_url))).events
    PartitionKeeper(engine).ensure({END}, END)

    def upload(batch: list) -> None:
        with deps.writing() as ses:
            ingest(ses, site_id, batch)
            ses.commit()

    def issued(first: date = END, fresh: bool = False) -> int:
        with deps.reading() as ses:
            text = cache.answer(ses, ("central", first, END), lambda: regional_json(
                first, END, *regional_rows(ses, central, first, END, None, None)), fresh=fresh)
        return sum(r["issued"] for r in json.loads(text)["sites"])

    try:
        upload(events[:100])
        first = issued()
        assert first > 0 and (cache.hits, cache.misses) == (0, 1)
        assert issued() == first and (cache.hits, cache.misses) == (1, 1)  # nothing committed: the same answer
        assert issued(fresh=True) == first and (cache.hits, cache.misses) == (1, 2)  # Cache-Control: no-cache
        issued(END - timedelta(days=1))  # another range is another answer
        assert cache.misses == 3
        upload(events[100:])
        assert issued() > first and cache.misses == 4  # an upload makes a new version
        upload(events[:10])  # only resends: duplicates change, so does the version
        assert issued() == sum(1 for e in events if e.kind == "issued") and cache.misses == 5
        with deps.writing() as ses:
            rebuild_site(ses, site_id)
        issued()
        assert cache.misses == 6 and cache.hits == 1
    finally:
        engine.dispose()
