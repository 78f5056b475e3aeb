"""``drc-hub``: migrate, seed and serve the reference central hub."""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import sys
import time
from collections.abc import Sequence
from datetime import date

DEFAULT_DB = "sqlite:///drc-hub.sqlite3"


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("DRC_HUB_DB", DEFAULT_DB),
                   help="SQLAlchemy URL of the hub database (env DRC_HUB_DB; default %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="drc-hub", description="Reference central hub for DRC Console "
                                     "(implements resources/registry-api.yaml).")
    sub = parser.add_subparsers(dest="command", required=True)
    dbp = sub.add_parser("db", help="database maintenance")
    dbsub = dbp.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="apply the hub's migrations")
    _db_arg(up)

    sp = sub.add_parser("seed", help="replace the population with a deterministic synthetic one")
    sp.add_argument("--households", type=int, default=10_000, help="number of households (default %(default)s)")
    sp.add_argument("--seed", type=int, default=1, help="random seed (default %(default)s)")
    sp.add_argument("--as-of", type=date.fromisoformat, default=None,
                    help="day the sample visitors and paradata are relative to (YYYY-MM-DD; default today)")
    sp.add_argument("--paradata-days", type=int, default=8,
                    help="days of survey paradata per site, ending on --as-of (default %(default)s)")
    _db_arg(sp)

    kp = sub.add_parser("key", help="create an API key for a site (or * for a central key) and print it once")
    kp.add_argument("--site", required=True, help="site id, e.g. PK10101-01, or *")
    kp.add_argument("--label", default="")
    _db_arg(kp)

    sv = sub.add_parser("serve", help="serve the API with uvicorn")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8765)
    sv.add_argument("--api-key", default=os.environ.get("DRC_HUB_KEY"),
                    help="a central key (*) accepted besides the keys in the database (env DRC_HUB_KEY)")
    _db_arg(sv)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``drc-hub``."""
    args = build_parser().parse_args(argv)
    from services.hub.db import make_engine, upgrade

    if args.command == "db":
        upgrade(args.db)
        print(f"hub database at {args.db} is up to date")
        return 0
    if args.command == "seed":
        from services.hub.seed import seed

        upgrade(args.db)
        engine = make_engine(args.db)
        t0 = time.perf_counter()
        summary = seed(engine, args.households, args.seed, args.as_of, args.paradata_days)
        engine.dispose()
        print(f"seeded {summary.households} households, {summary.members} members, "
              f"{summary.shock_tehsils} shock tehsils, {summary.surveys} surveys (as of {summary.as_of}) "
              f"in {time.perf_counter() - t0:.1f} s")
        return 0
    if args.command == "key":
        from sqlalchemy.orm import Session

        from services.hub.models import ApiKey

        upgrade(args.db)
        engine = make_engine(args.db)
        key = secrets.token_urlsafe(32)
        with Session(engine) as ses:
            ses.add(ApiKey(key_hash=hashlib.sha256(key.encode()).hexdigest(), site_id=args.site, label=args.label))
            ses.commit()
        engine.dispose()
        print(key)
        return 0
    if args.command == "serve":
        import uvicorn

        from services.hub.app import create_app

        engine = make_engine(args.db)
        app = create_app(engine=engine, api_keys={"*": args.api_key} if args.api_key else None, db_keys=True)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
