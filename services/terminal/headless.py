"""``drc-console terminal``: the counter terminal alone, over a site database, without the GUI.

For a second PC or a kiosk box next to the console, and for tests: the same app the console
serves, over the same queue rules, in the foreground until SIGINT/SIGTERM.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass

from db.engine import Store, data_dir
from db.migrate import upgrade
from services.auth import AuthService
from services.clock import SystemClock
from services.config import Config
from services.provision import ensure_site
from services.queue import QueuePolicy, QueueService
from services.site import SiteService
from services.slip import SlipVerdict
from services.terminal.app import TerminalDeps, create_app
from services.terminal.server import TerminalServer, lan_address
from services.terminal.tls import ensure_certificate, fingerprint


@dataclass(frozen=True)
class HeadlessOptions:
    """Where the headless terminal listens and on which database (None: from the configuration)."""

    url: str
    bind: str
    port: int
    tls: bool


SlipCheckerFactory = Callable[[QueueService], Callable[[str, str], SlipVerdict]]


def build_server(cfg: Config, opts: HeadlessOptions,
                 slip_checks: SlipCheckerFactory | None = None) -> tuple[TerminalServer, Store]:
    """The terminal server over ``opts.url`` (migrated first) and the store it uses.

    ``slip_checks`` makes the slip check for the terminal's queue (the console layer supplies it).
    """
    upgrade(opts.url)
    store = Store.open(opts.url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    q = cfg.queue
    policy = QueuePolicy(max_priority_streak=q.max_priority_streak, recalls_before_no_show=q.recalls_before_no_show,
                         default_service_minutes=q.default_service_minutes)
    queue = QueueService(store, clock, cfg.site.id, policy)
    tls = ensure_certificate(data_dir(), [opts.bind, lan_address()]) if opts.tls else None
    deps = TerminalDeps(queue, SiteService(store, clock, cfg.site.id), AuthService(store, clock, site_id=cfg.site.id),
                        clock, site_name=cfg.site.name, tls=tls is not None, language=cfg.ui.language,
                        check_slip=slip_checks(queue) if slip_checks else None)
    return TerminalServer(create_app(deps), opts.bind, opts.port, tls=tls), store


def _say(text: str) -> None:
    print(text, flush=True)


def serve(cfg: Config, opts: HeadlessOptions, slip_checks: SlipCheckerFactory | None = None,
          say: Callable[[str], None] = _say) -> int:
    """Serve until SIGINT or SIGTERM; tells ``say`` where DEOs should open the terminal."""
    server, store = build_server(cfg, opts, slip_checks)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        url = server.start()
        say(f"counter terminal: {url}")
        if server.loopback_only:
            say("  only this PC can open it; use --bind 0.0.0.0 (or the LAN address) for tablets")
        if server.tls:
            say(f"  certificate SHA-256: {fingerprint(server.tls[0])}")
        while not stop.wait(0.5):
            if not server.running:
                return 1
        return 0
    finally:
        server.stop()
        store.dispose()
