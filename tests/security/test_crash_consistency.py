"""``drc-console simulate`` killed with SIGKILL at random points: the file stays sound and the log explains it.

After each kill: SQLite's ``integrity_check`` passes, and a replay of the event history alone
(``services.queue.replay``) gives every token the state, number, type and counter the token
table holds - no token without its events, no event without its token, no half-written step.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Store
from db.models import Token, TokenEvent
from services.queue.replay import replay

ROOT = Path(__file__).resolve().parents[2]
RUNS = 4


def _check(path: Path) -> tuple[int, int]:
    """Integrity and replay of one killed run; returns (tokens, events)."""
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    store = Store.open(f"sqlite:///{path}")
    try:
        with store.read() as s:
            tokens = {t.id: t for t in s.scalars(select(Token))}
            events = list(s.scalars(select(TokenEvent).order_by(TokenEvent.id)))
    finally:
        store.dispose()
    rebuilt = replay(events)
    assert set(rebuilt) == set(tokens)
    for tid, t in tokens.items():
        r = rebuilt[tid]
        assert (r.state, r.number, r.update_type, r.business_day) == (t.state, t.number, t.update_type,
                                                                      t.business_day), (tid, r, t.state)
        if t.state.is_open:
            assert r.counter_id == t.counter_id
    return len(tokens), len(events)


@pytest.mark.slow
def test_simulate_killed_at_random_points_leaves_a_sound_database(tmp_path: Path) -> None:
    rng = random.Random(2026)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRC_CONFIG": str(tmp_path / "none.toml")}
    killed_with_data = 0
    for run in range(RUNS):
        path = tmp_path / f"run{run}.sqlite3"  # a fresh file per run: simulate refuses a used one
        proc = subprocess.Popen([sys.executable, "-m", "console.main", "simulate", "--tokens", "300",
                                 "--seed", str(run), "--db", f"sqlite:///{path}"],
                                env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Wait until the day is under way (some events written), then kill at a random moment.
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            if path.exists() and path.stat().st_size > 200_000:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 1.5))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(20)
        tokens, events = _check(path)
        if proc.returncode == -signal.SIGKILL and tokens:
            killed_with_data += 1
    assert killed_with_data >= RUNS - 1  # the kills really landed mid-day
