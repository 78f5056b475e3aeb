"""``drc-console``'s command line run in-process, and a hub that knows a key per site, for the CLI tests."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from console.main import main
from services.hub.db import make_engine
from services.hub.keys import create_key
from services.hub.testing import run_hub_in_thread
from tests.hub.conftest import seeded_hub_db


def run_cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """``drc-console argv...``: its exit code, what it printed and what it said on stderr (``stdin`` typed in)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(stdin))
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


@contextmanager
def hub_with_site_keys(folder: Path, sites: Iterable[str], today: date) -> Iterator[tuple[str, dict[str, str], str]]:
    """A seeded hub in ``folder`` that knows only stored keys: one site key per site and a central key.

    Yields the hub's URL, the site keys by site id and the central key; the hub stops on leaving.
    """
    url = seeded_hub_db(f"sqlite:///{folder / 'hub.sqlite3'}", households=300, paradata_days=1)
    engine = make_engine(url)
    keys = {site: create_key(engine, "site", site)[1] for site in sites}
    central = create_key(engine, "central", "*")[1]
    engine.dispose()
    base, stop = run_hub_in_thread(url, "unused-" + central[:8], db_keys=True, today=lambda: today)
    try:
        yield base, keys, central
    finally:
        stop()
