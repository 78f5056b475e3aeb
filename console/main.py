"""``drc-console``: the GUI and its command-line twin (db upgrade, simulate, export, report)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from console.version import version_line
from services.config import ConfigError, load_config


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-27") from None


class _VersionAction(argparse.Action):
    """``--version``: the line is worked out only when asked (it reads package metadata, which
    costs every start a fifth of a second if done while building the parser)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    p = argparse.ArgumentParser(prog="drc-console", description="Operations console for a Dynamic Registry Centre.")
    p.add_argument("--demo", action="store_true",
                   help="run with a throw-away database, an in-process hub, a preview printer and demo staff")
    p.add_argument("--config", type=Path, help="configuration file (TOML); default: the user config dir")
    p.add_argument("--lang", choices=["en", "ur"], help="interface language")
    p.add_argument("--setup", action="store_true", help="show the first-run setup wizard again")
    p.add_argument("--version", action=_VersionAction, help="show the version and build, then exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="site database maintenance")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = dbsub.add_parser("upgrade", help="apply schema migrations to the site database")
    up.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")

    from console import simulate_cli

    simulate_cli.add_parser(sub, _date)

    exp = sub.add_parser("export", help="export data")
    expsub = exp.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    ev = expsub.add_parser("events", help="the day's token events as CSV")
    ev.add_argument("--date", type=_date, required=True)
    ev.add_argument("--out", type=Path, required=True)
    ev.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")

    from console import audit_cli, maintenance_cli, privacy_cli, report_cli, terminal_cli

    report_cli.add_parser(sub, _date)
    maintenance_cli.add_parsers(sub)
    terminal_cli.add_parser(sub)
    audit_cli.add_parser(sub)
    privacy_cli.add_parser(sub)
    return p


def _db_url(args: argparse.Namespace, cfg_url: str) -> str | None:
    return getattr(args, "db", None) or cfg_url or None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``drc-console``."""
    args = build_parser().parse_args(argv)
    try:
        cfg = load_config(args.config)
    except ConfigError as exc:
        print(f"drc-console: configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command is None:
        from console.app import run_gui

        return run_gui(cfg, demo=args.demo, lang=args.lang, setup=args.setup)
    if args.command == "db":
        from db.migrate import upgrade

        upgrade(_db_url(args, cfg.database.url))
        print("database is at the newest schema")
        return 0
    if args.command == "simulate":
        from console import simulate_cli

        return simulate_cli.run(args, cfg)
    if args.command == "export":
        return _export(args, cfg.database.url)
    from console import audit_cli, maintenance_cli, privacy_cli, report_cli, terminal_cli

    handled = maintenance_cli.run(args, cfg)
    if handled is None:
        handled = terminal_cli.run(args, cfg)
    if handled is None:
        handled = audit_cli.run(args, cfg)
    if handled is None:
        handled = privacy_cli.run(args, cfg)
    return handled if handled is not None else report_cli.run(args, cfg)


def _export(args: argparse.Namespace, cfg_url: str) -> int:
    from db.engine import Store
    from services.export import write_events_csv

    store = Store.open(_db_url(args, cfg_url))
    try:
        n = write_events_csv(store, args.date, args.out)
    finally:
        store.dispose()
    print(f"wrote {n} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
