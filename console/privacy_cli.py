"""``drc-console privacy purge``: apply the CNIC retention rules now (the console also does it at start)."""

from __future__ import annotations

import argparse
from typing import Any

from services.config import Config


def add_parser(sub: Any) -> None:
    """Register the ``privacy`` subcommand."""
    privacy = sub.add_parser("privacy", help="personal data retention")
    actions = privacy.add_subparsers(dest="privacy_command", required=True, metavar="ACTION")
    purge = actions.add_parser("purge", help="hash and mask CNICs older than [privacy] cnic_days after close of day")
    purge.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")


def run(args: argparse.Namespace, cfg: Config) -> int | None:
    """Run ``privacy``; None for any other command."""
    if args.command != "privacy":
        return None
    from db.engine import Store
    from services.clock import SystemClock
    from services.retention import purge_configured

    store = Store.open(args.db or cfg.database.url or None)
    try:
        report = purge_configured(store, SystemClock(), cfg)
    finally:
        store.dispose()
    print(f"CNICs hashed and masked on {report.tokens} token(s); cleared from {report.outbox_items} finished check(s)")
    return 0
