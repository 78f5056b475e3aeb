"""The ``drc-console`` command line: simulate, export events, db upgrade (called through ``main``)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from contextlib import redirect_stdout
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select

from console.main import main
from db.engine import Store
from db.migrate import current_heads
from db.models import Role, Token, TokenEvent, TokenState, UpdateType
from services.clock import SITE_ZONE, FixedClock, day_bounds_utc
from services.queue import QueueService
from services.roles import Actor

DAY = "2026-03-04"
HEADER = "event_id,token_id,token_number,update_type,priority,kind,at_utc,actor,counter,operator"
ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


pytestmark = pytest.mark.usefixtures("no_user_config")


def _run_simulate(url: str, seed: int = 3) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = main(["simulate", "--tokens", "120", "--counters", "4", "--seed", str(seed), "--date", DAY, "--db", url])
    assert rc == 0
    out = buf.getvalue()
    assert out.startswith(f"Simulated day {DAY}\n")
    return out


def _fields(out: str) -> dict[str, str]:
    """``label : value`` lines of the summary."""
    return {k.strip(): v.strip() for k, sep, v in (ln.partition(":") for ln in out.splitlines()) if sep}


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """One simulated day shared by the export tests (a simulation takes a couple of seconds)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sim') / 'sim.sqlite3'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRC_CONFIG", str(tmp_path_factory.getbasetemp() / "absent.toml"))
        return url, _run_simulate(url)


def test_simulate_prints_a_summary_that_matches_the_database(simulated: tuple[str, str]) -> None:
    url, out = simulated
    fields = _fields(out)
    assert fields["tokens issued"] == "120"
    issued, completed = int(fields["tokens issued"]), int(fields["completed"])
    no_show, still_open = int(fields["no-show"]), int(fields["still open"])
    assert completed + no_show + still_open == issued
    assert re.search(r"^  wait \(issue->call\) median \d+\.\d min, p90 \d+\.\d min$", out, re.M)
    assert sum(int(fields[f"Counter {n}"].split()[0]) for n in range(1, 5)) == completed
    assert fields["database"] == url
    store = Store.open(url)
    try:
        with store.read() as s:
            states = dict(s.execute(select(Token.state, func.count()).group_by(Token.state)).all())
        assert states.get(TokenState.COMPLETED, 0) == completed
        assert states.get(TokenState.NO_SHOW, 0) == no_show
        assert sum(states.values()) == issued
    finally:
        store.dispose()


def test_simulate_is_deterministic_for_a_seed(tmp_path: Path, simulated) -> None:
    url, first = simulated
    other = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    again = _run_simulate(other)
    assert again.replace(other, url) == first


def test_simulate_rejects_bad_arguments(tmp_path: Path, capsys) -> None:
    assert main(["simulate", "--tokens", "5", "--counters", "0", "--date", DAY,
                 "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}"]) == 2
    assert "--counters" in capsys.readouterr().err


def test_export_events_writes_the_days_log_in_time_order(tmp_path: Path, simulated, capsys) -> None:
    # Work on a copy: the tokens added here must not leak into the other tests' database.
    shutil.copyfile(simulated[0].removeprefix("sqlite:///"), tmp_path / "copy.sqlite3")
    url = f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    # Edges of the Karachi day: 00:30 PKT on the 4th is still the 3rd in UTC, and belongs to the 4th;
    # 23:30 PKT on the 3rd and 00:30 PKT on the 5th do not.
    store = Store.open(url)
    try:
        clock = FixedClock(datetime(2026, 3, 4, 0, 30, tzinfo=SITE_ZONE))
        queue = QueueService(store, clock, "PK10101-01")
        triage = Actor("triage", Role.TRIAGE)
        inside = queue.issue_token(UpdateType.ROSTER, actor=triage)
        clock.set(datetime(2026, 3, 3, 23, 30, tzinfo=SITE_ZONE))
        before = queue.issue_token(UpdateType.ROSTER, actor=triage)
        clock.set(datetime(2026, 3, 5, 0, 30, tzinfo=SITE_ZONE))
        after = queue.issue_token(UpdateType.ROSTER, actor=triage)
        start, end = day_bounds_utc(date.fromisoformat(DAY))
        with store.read() as s:
            expected = list(s.scalars(select(TokenEvent).where(TokenEvent.at >= start, TokenEvent.at < end)
                                      .order_by(TokenEvent.at, TokenEvent.id)))
            tokens = {t.id: t for t in s.scalars(select(Token))}
    finally:
        store.dispose()

    out = tmp_path / "events.csv"
    assert main(["export", "events", "--date", DAY, "--out", str(out), "--db", url]) == 0
    assert f"wrote {len(expected)} events" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == len(expected) > 120 * 3
    assert [r["event_id"] for r in rows] == [e.uuid for e in expected]
    ids = {int(r["token_id"]) for r in rows}
    assert inside.id in ids and before.id not in ids and after.id not in ids
    times = []
    for row, ev in zip(rows, expected, strict=True):
        assert ISO_Z.match(row["at_utc"]), row["at_utc"]
        at = datetime.fromisoformat(row["at_utc"].replace("Z", "+00:00"))
        assert at == ev.at and at.tzinfo == UTC
        times.append(at)
        tok = tokens[ev.token_id]
        assert (row["token_id"], row["token_number"], row["update_type"], row["priority"], row["kind"],
                row["actor"], row["counter"], row["operator"]) == (
            str(tok.id), tok.number, tok.update_type.value, "1" if tok.priority else "0", ev.kind, ev.actor,
            "" if ev.counter_id is None else str(ev.counter_id), ev.operator)
    assert times == sorted(times)
    assert {r["kind"] for r in rows} >= {"issued", "called", "started", "completed", "recalled", "no_show"}


def test_export_of_an_empty_day_is_just_the_header(tmp_path: Path, simulated, capsys) -> None:
    url, _ = simulated
    out = tmp_path / "none.csv"
    assert main(["export", "events", "--date", "2026-01-01", "--out", str(out), "--db", url]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [HEADER]
    assert "wrote 0 events" in capsys.readouterr().out


def test_db_upgrade_creates_the_schema(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert "newest schema" in capsys.readouterr().out
    engine = create_engine(url)
    try:
        assert {"token", "token_event", "counter", "alembic_version"} <= set(inspect(engine).get_table_names())
        with engine.connect() as c:
            assert {r[0] for r in c.exec_driver_sql("SELECT version_num FROM alembic_version")} == current_heads()
    finally:
        engine.dispose()
    assert main(["db", "upgrade", "--db", url]) == 0  # again: nothing to do, no error


def test_bad_date_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "events", "--date", "04/03/2026", "--out", "x.csv"])
    assert info.value.code == 2
    assert "is not a date" in capsys.readouterr().err
