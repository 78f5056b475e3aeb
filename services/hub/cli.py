"""``drc-hub``: migrate, seed and serve the reference central hub."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

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

    kp = sub.add_parser("key", help="API keys: create one (site, region or central), list or revoke them")
    scope = kp.add_mutually_exclusive_group()
    scope.add_argument("--site", help="a key for one DRC (e.g. PK10101-01): reads and uploads that site only")
    scope.add_argument("--region", help="a regional key (e.g. Sindh): reads that region's sites")
    scope.add_argument("--central", action="store_true", help="a central key: reads every site")
    kp.add_argument("--label", default="", help="a note shown by `key list` (who holds the key)")
    kp.add_argument("--out", type=Path, help="write the new key to this file (0600) instead of printing it")
    _db_arg(kp)
    keysub = kp.add_subparsers(dest="key_command", metavar="ACTION")
    kl = keysub.add_parser("list", help="list keys (ids, scopes, labels; never the secrets)")
    kr = keysub.add_parser("revoke", help="revoke a key by its id (see `key list`)")
    kr.add_argument("key_id")
    for p in (kl, kr):  # --db may also follow the action; it keeps the value given before it otherwise
        p.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy URL of the hub database")

    _audit_parser(sub)

    sn = sub.add_parser("simulate-network", help="fill the hub with a simulated history of many sites")
    sn.add_argument("--sites", default="all", help="how many sites (spread over the list) or 'all' (default)")
    sn.add_argument("--days", type=int, default=30, help="days of history ending on --end (default %(default)s)")
    sn.add_argument("--end", type=date.fromisoformat, default=None, help="last day (YYYY-MM-DD; default yesterday)")
    sn.add_argument("--raw-days", type=int, default=7,
                    help="the most recent days that also keep raw events (older: roll-ups only; default %(default)s)")
    sn.add_argument("--seed", type=int, default=0, help="random seed (default %(default)s)")
    sn.add_argument("--volume", type=float, default=1.0, help="scale the demand model (default %(default)s)")
    _db_arg(sn)

    rp = sub.add_parser("report", help="the annual report's operational tables for a range (JSON, CSV or PDF)")
    rp.add_argument("--from", dest="start", type=date.fromisoformat, required=True, help="first day (YYYY-MM-DD)")
    rp.add_argument("--to", dest="end", type=date.fromisoformat, required=True, help="last day (YYYY-MM-DD)")
    rp.add_argument("--region", default=None, help="one region (e.g. Sindh); default every region")
    rp.add_argument("--format", choices=("json", "csv", "pdf"), default="json", help="default %(default)s")
    rp.add_argument("--out", type=Path, default=None, help="file to write (required for pdf; default stdout)")
    _db_arg(rp)

    rup = sub.add_parser("rollup", help="roll-up maintenance")
    rsub = rup.add_subparsers(dest="rollup_command", required=True)
    rb = rsub.add_parser("rebuild", help="recompute roll-ups from raw events (days that still hold them)")
    rb.add_argument("--site", default=None, help="one site id (default: every site with raw events)")
    rb.add_argument("--from", dest="first", type=date.fromisoformat, default=None, help="first day (YYYY-MM-DD)")
    rb.add_argument("--to", dest="last", type=date.fromisoformat, default=None, help="last day (YYYY-MM-DD)")
    _db_arg(rb)

    mt = sub.add_parser("maintain", help="create the coming months' event partitions and drop expired ones "
                        "(PostgreSQL)")
    mt.add_argument("--keep-months", type=int, default=13,
                    help="months of raw events to keep, this one included; roll-ups are kept for ever "
                         "(default %(default)s)")
    mt.add_argument("--ahead", type=int, default=2, help="months to create ahead (default %(default)s)")
    _db_arg(mt)

    # No abbreviations: `--api-key SECRET` must not pass as `--api-key-file`.
    sv = sub.add_parser("serve", help="serve the API with uvicorn", allow_abbrev=False)
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8765)
    sv.add_argument("--api-key-file", type=Path,
                    help="file holding a central key accepted besides the keys in the database "
                         "(or env DRC_HUB_KEY; never on the command line)")
    sv.add_argument("--max-body", type=int, default=2 * 1024 * 1024,
                    help="largest request body in bytes; larger ones get 413 unread (default %(default)s)")
    sv.add_argument("--demo", action="store_true", help="also serve /v1/demo/samples (sample visitors)")
    sv.add_argument("--workers", type=int, default=1,
                    help="uvicorn worker processes over the same database (the app keeps no state; default 1)")
    _db_arg(sv)
    return parser


def _audit_parser(sub: Any) -> None:
    ap = sub.add_parser("audit", help="the hub's audit trail (key administration and key use)")
    asub = ap.add_subparsers(dest="audit_command", required=True)
    av = asub.add_parser("verify", help="check the hash chain; exit 1 naming the first edited or removed record")
    al = asub.add_parser("list", help="show the newest records")
    al.add_argument("--limit", type=int, default=50, help="how many records (default %(default)s)")
    for p in (av, al):
        _db_arg(p)


def _audit_command(args: argparse.Namespace) -> int:
    import json

    from services.hub.audit import records, verify
    from services.hub.db import make_engine, upgrade

    upgrade(args.db)
    engine = make_engine(args.db)
    try:
        if args.audit_command == "verify":
            check = verify(engine)
            if not check.ok:
                print(f"drc-hub audit: chain broken after {check.count} intact records: {check.reason}",
                      file=sys.stderr)
                return 1
            print(f"audit trail intact: {check.count} records; head {check.head}")
            return 0
        if args.limit < 1:
            print("drc-hub audit list: --limit must be at least 1", file=sys.stderr)
            return 2
        for r in records(engine, args.limit):
            detail = json.dumps(r.detail, sort_keys=True, ensure_ascii=False)
            print(f"#{r.id}  {r.at:%Y-%m-%d %H:%M:%S}Z  {r.actor:<16}  {r.action:<12}  {detail}")
        return 0
    finally:
        engine.dispose()


def _key_command(args: argparse.Namespace) -> int:
    from services.hub.audit import cli_actor
    from services.hub.db import make_engine, upgrade
    from services.hub.keys import KeyRefused, create_key, list_keys, revoke_key

    upgrade(args.db)
    engine = make_engine(args.db)
    actor = cli_actor()
    try:
        if args.key_command == "list":
            for k in list_keys(engine, actor=actor):
                state = f"revoked {k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "active"
                print(f"{k.key_id}  {k.kind:<7}  {k.scope:<20}  {state:<24}  {k.label}")
            return 0
        if args.key_command == "revoke":
            info = revoke_key(engine, args.key_id, actor=actor)
            print(f"key {info.key_id} ({info.kind} {info.scope}) revoked")
            return 0
        if args.site:
            kind, scope = "site", args.site
        elif args.region:
            kind, scope = "region", args.region
        elif args.central:
            kind, scope = "central", "*"
        else:
            print("drc-hub key: give --site SITE, --region REGION or --central (or list / revoke)", file=sys.stderr)
            return 2
        key_id, secret = create_key(engine, kind, scope, args.label, actor=actor)  # type: ignore[arg-type]
    except KeyRefused as exc:
        print(f"drc-hub key: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if args.out:
        fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secret + "\n")
        print(f"key {key_id} ({kind} {scope}) written to {args.out}", file=sys.stderr)
    else:
        print(f"key {key_id} ({kind} {scope}); shown once:", file=sys.stderr)
        print(secret)
    return 0


def _simulate_network(args: argparse.Namespace) -> int:
    from datetime import datetime, timedelta

    from services.clock import SITE_ZONE
    from services.hub.db import make_engine, upgrade
    from services.hub.ops.network import network_sites, simulate_network

    if args.days < 1 or args.raw_days < 0 or args.volume <= 0:
        print("drc-hub simulate-network: --days >= 1, --raw-days >= 0 and --volume > 0", file=sys.stderr)
        return 2
    count = None if args.sites == "all" else int(args.sites)
    end = args.end or datetime.now(SITE_ZONE).date() - timedelta(days=1)
    upgrade(args.db)
    engine = make_engine(args.db)
    try:
        sites = network_sites(engine, count)
        if not sites:
            print("drc-hub simulate-network: the hub has no sites; run drc-hub seed first", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        report = simulate_network(engine, sites, end, args.days, raw_days=args.raw_days, seed=args.seed,
                                  volume=args.volume,
                                  progress=lambda d, n: print(f"  {d.isoformat()}: {n} events", flush=True))
    finally:
        engine.dispose()
    print(f"simulated {report.sites} sites x {report.days} days up to {end}: {report.events} events, "
          f"{report.raw_events} kept raw, in {time.perf_counter() - t0:.1f} s")
    return 0


def _rollup_rebuild(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from services.hub.db import make_engine, upgrade
    from services.hub.models import HubSite
    from services.hub.ops.rebuild import rebuild_site, sites_with_events

    if args.first and args.last and args.last < args.first:
        print("drc-hub rollup rebuild: --from must not be after --to", file=sys.stderr)
        return 2
    upgrade(args.db)
    engine = make_engine(args.db)
    try:
        with Session(engine) as ses:
            if args.site is not None and ses.get(HubSite, args.site) is None:
                print(f"drc-hub rollup rebuild: unknown site {args.site}", file=sys.stderr)
                return 2
            t0 = time.perf_counter()
            days = events = 0
            for site_id in [args.site] if args.site else sites_with_events(ses):
                done = rebuild_site(ses, site_id, args.first, args.last)
                days, events = days + done.days, events + done.events
    finally:
        engine.dispose()
    print(f"rebuilt {days} site-days from {events} raw events in {time.perf_counter() - t0:.1f} s")
    return 0


def _maintain(args: argparse.Namespace) -> int:
    from datetime import datetime

    from services.clock import SITE_ZONE
    from services.hub.db import make_engine, upgrade
    from services.hub.ops.partitions import PartitionKeeper, drop_old_partitions

    upgrade(args.db)
    engine = make_engine(args.db)
    today = datetime.now(SITE_ZONE).date()
    try:
        keeper = PartitionKeeper(engine, ahead=args.ahead)
        if not keeper.active():
            print("no partitioned event table here (SQLite keeps one plain table); nothing to do")
            return 0
        keeper.ensure(set(), today)
        with engine.begin() as conn:
            dropped = drop_old_partitions(conn, today, args.keep_months)
    finally:
        engine.dispose()
    print(f"partitions ready {args.ahead} months ahead; dropped {len(dropped)}: {', '.join(dropped) or '-'}")
    return 0


def app_from_env() -> Any:
    """The app of one ``serve --workers N`` worker, configured through ``DRC_HUB_*`` variables."""
    from services.hub.app import create_app

    central = os.environ.get("DRC_HUB_KEY") or None
    return create_app(os.environ.get("DRC_HUB_DB", DEFAULT_DB), {"*": central} if central else None, db_keys=True,
                      demo=bool(os.environ.get("DRC_HUB_DEMO")),
                      max_body=int(os.environ.get("DRC_HUB_MAX_BODY", str(2 * 1024 * 1024))))


def _central_key(args: argparse.Namespace) -> str | None:
    if args.api_key_file:
        return args.api_key_file.read_text(encoding="utf-8").strip() or None
    return os.environ.get("DRC_HUB_KEY") or None


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "key": _key_command, "audit": _audit_command, "simulate-network": _simulate_network,
    "maintain": _maintain, "rollup": _rollup_rebuild,
}


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
    handler = _HANDLERS.get(args.command)
    if handler is not None:
        return handler(args)
    if args.command == "report":
        from services.hub.ops.report import run_report

        return run_report(args)
    if args.command == "serve":
        import uvicorn

        from services.hub.app import create_app

        central = _central_key(args)
        if args.workers > 1:
            # Each worker process builds its own app from the environment (never from argv).
            os.environ.update({"DRC_HUB_DB": args.db, "DRC_HUB_MAX_BODY": str(args.max_body),
                               "DRC_HUB_DEMO": "1" if args.demo else ""})
            if central:
                os.environ["DRC_HUB_KEY"] = central
            uvicorn.run("services.hub.cli:app_from_env", factory=True, host=args.host, port=args.port,
                        workers=args.workers, log_level="info")
            return 0
        engine = make_engine(args.db)
        app = create_app(engine=engine, api_keys={"*": central} if central else None, db_keys=True, demo=args.demo,
                         max_body=args.max_body)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
