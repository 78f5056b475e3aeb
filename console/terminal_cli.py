"""``drc-console terminal``: serve the counter terminal with no window (argument parsing only)."""

from __future__ import annotations

import argparse
from typing import Any

from services.config import Config


def add_parser(sub: Any) -> None:
    """Register the ``terminal`` subcommand."""
    term = sub.add_parser("terminal", help="serve the counter terminal alone (no window) for a site database")
    term.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    term.add_argument("--bind", help="address to listen on (default: [terminal] bind, 127.0.0.1)")
    term.add_argument("--port", type=int, help="port (default: [terminal] port; 0 = any free port)")
    term.add_argument("--tls", action="store_true", default=None, help="serve HTTPS (certificate made on first use)")


def run(args: argparse.Namespace, cfg: Config) -> int | None:
    """Serve until SIGINT/SIGTERM when the command is ``terminal``; None for any other command."""
    if args.command != "terminal":
        return None
    from console.slip_code import slip_checker
    from db.engine import default_url
    from services.terminal.headless import HeadlessOptions, serve

    t = cfg.terminal
    url = args.db or cfg.database.url or default_url()
    secret = cfg.printer.qr_secret
    checks = (lambda queue: slip_checker(queue, cfg.site.id, secret)) if secret else None
    return serve(cfg, HeadlessOptions(url, args.bind or t.bind, t.port if args.port is None else args.port,
                                      bool(args.tls or t.tls)), checks)
