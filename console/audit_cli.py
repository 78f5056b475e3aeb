"""``drc-console audit verify|list``: check the audit trail's hash chain, or print its newest records."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from services.config import Config


def add_parser(sub: Any) -> None:
    """Register the ``audit`` subcommand."""
    audit = sub.add_parser("audit", help="the site's audit trail")
    actions = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    ver = actions.add_parser("verify", help="check that no audit record was edited or deleted (exit 1 if one was)")
    ver.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    lst = actions.add_parser("list", help="print the newest audit records as JSON lines")
    lst.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    lst.add_argument("--limit", type=int, default=50)


def run(args: argparse.Namespace, cfg: Config) -> int | None:
    """Run ``audit``; None for any other command."""
    if args.command != "audit":
        return None
    from db.engine import Store
    from services.audit import AuditLog
    from services.clock import SystemClock
    from services.roles import SYSTEM

    store = Store.open(args.db or cfg.database.url or None)
    try:
        log = AuditLog(store, SystemClock())
        if args.audit_command == "list":
            for r in log.entries(actor=SYSTEM, limit=max(1, args.limit)):
                print(json.dumps({"id": r.id, "at": r.at.isoformat(), "actor": r.actor, "action": r.action,
                                  "detail": r.detail}, ensure_ascii=False, default=str))
            return 0
        report = log.verify()
        for problem in report.problems:
            print(f"TAMPERED: {problem}", file=sys.stderr)
        state = "intact" if report.ok else f"{len(report.problems)} problem(s)"
        print(f"audit trail: {report.checked} chained records, {state}; head {report.head}")
        return 0 if report.ok else 1
    finally:
        store.dispose()
