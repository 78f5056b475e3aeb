"""``drc-console terminal`` serves the terminal with no window; with TLS on a certificate made on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import requests

from db.engine import Store
from db.migrate import upgrade
from services.auth import make_hasher, set_demo_pins
from services.clock import FixedClock
from services.provision import ensure_site, seed_demo
from services.terminal.tls import ensure_certificate, fingerprint
from tests.conftest import SITE_ID


def _site_db(tmp_path: Path, clock: FixedClock) -> str:
    url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    ensure_site(store, SITE_ID, "DRC Bagh")
    seed_demo(store, clock, SITE_ID, 2)
    set_demo_pins(store, hasher=make_hasher(fast=True))
    store.dispose()
    return url


def test_headless_terminal_over_a_site_database_with_tls(tmp_path: Path, clock: FixedClock) -> None:
    url = _site_db(tmp_path, clock)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "DRC_CONFIG": str(tmp_path / "none.toml"),
           "DRC_SITE_ID": SITE_ID, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "console.main", "terminal", "--db", url, "--port", "0", "--tls"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("counter terminal: https://127.0.0.1:"), first + (proc.stderr.read() if proc.poll() else "")
        address = first.split(": ", 1)[1].strip()
        assert "only this PC" in proc.stdout.readline()
        assert "SHA-256" in proc.stdout.readline()
        cert = tmp_path / "data" / "drc-console" / "terminal-cert.pem"
        key = cert.with_name("terminal-key.pem")
        assert (key.stat().st_mode & 0o777) == 0o600 and (cert.parent.stat().st_mode & 0o777) == 0o700
        r = requests.post(address + "login", data={"username": "deo1", "pin": "1234"},
                          headers={"Accept": "application/json"}, verify=str(cert), timeout=10)
        assert r.status_code == 200, r.text
        raw = r.headers["set-cookie"].lower()
        assert "secure" in raw and "httponly" in raw
        assert "strict-transport-security" in r.headers
    finally:
        proc.terminate()
        assert proc.wait(20) == 0


def test_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    cert, key = ensure_certificate(tmp_path / "d", ["192.168.1.20"])
    first = fingerprint(cert)
    again, _ = ensure_certificate(tmp_path / "d", ["192.168.1.20"])
    assert fingerprint(again) == first and len(first) == 95
