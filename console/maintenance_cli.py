"""``drc-console backup``, ``restore`` and ``doctor``: keeping a site's store and PC healthy."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from services.config import Config


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the maintenance subcommands on the main parser."""
    bk = sub.add_parser("backup", help="copy the site database now (safe while consoles run)")
    bk.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    bk.add_argument("--out", type=Path, help="backup file (default: the backup folder, named by the time)")
    rs = sub.add_parser("restore", help="replace the site database with a backup, after checking it")
    rs.add_argument("file", type=Path, help="the backup file")
    rs.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    rs.add_argument("--yes", action="store_true", help="do not ask before replacing the database")
    dr = sub.add_parser("doctor", help="check the database, disk, printer, hub, Urdu fonts, time zone and folders")
    dr.add_argument("--db", help="SQLAlchemy URL (default: the configured site database)")
    ks = sub.add_parser("kiosk", help="the visitor kiosk: full screen, visitors take their own token")
    ks.add_argument("--idle", type=float, default=45.0, help="seconds without a touch before it starts again")
    st = sub.add_parser("selftest", help="prove this installation works: open the window offscreen, issue a "
                        "token and print its slip to a preview folder (throw-away data)")
    st.add_argument("--out", type=Path, help="folder for the throw-away database and slips (default: a temp folder)")


def _url(args: argparse.Namespace, cfg: Config) -> str:
    from db.engine import default_url

    return str(args.db or cfg.database.url or default_url())


def run(args: argparse.Namespace, cfg: Config) -> int | None:
    """Run a maintenance subcommand; None when ``args`` is not one of them."""
    if args.command == "backup":
        return _backup(args, cfg)
    if args.command == "restore":
        return _restore(args, cfg)
    if args.command == "doctor":
        from console.doctor_cli import run_doctor

        return run_doctor(cfg, _url(args, cfg))
    if args.command == "kiosk":
        from console.kiosk import run_kiosk

        return run_kiosk(cfg, idle_s=args.idle)
    if args.command == "selftest":
        import tempfile

        from console.selftest import run_selftest

        return run_selftest(args.out or Path(tempfile.mkdtemp(prefix="drc-selftest-")))
    return None


def _backup(args: argparse.Namespace, cfg: Config) -> int:
    from services.backup import BackupError, backup_folder, backup_now, database_file

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    url = _url(args, cfg)
    try:
        out = args.out or backup_folder(cfg.backup.folder, database_file(url)) / f"drc-site-manual-{stamp}.sqlite3"
        info = backup_now(url, out)
    except BackupError as exc:
        print(f"drc-console backup: {exc}", file=sys.stderr)
        return 1
    print(f"backup written to {info.path} ({info.tokens} tokens, {info.events} events, schema {info.revision})")
    return 0


def _confirm(question: str) -> bool:
    print(question + " [y/N] ", end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("y", "yes")


def _restore(args: argparse.Namespace, cfg: Config) -> int:
    from services.backup import BackupError, database_file, inspect_backup, restore

    url = _url(args, cfg)
    try:
        info = inspect_backup(args.file)
        target = database_file(url)
    except BackupError as exc:
        print(f"drc-console restore: {exc}", file=sys.stderr)
        return 1
    summary = (f"{args.file}: site {', '.join(info.sites) or '(none)'}, {info.tokens} tokens, "
               f"{info.events} events, schema {info.revision}")
    print(summary)
    if not args.yes and not _confirm(f"Replace {target} with this backup? The current database is copied first."):
        print("nothing was restored")
        return 1
    try:
        _, previous = restore(args.file, url)
    except BackupError as exc:
        print(f"drc-console restore: {exc}", file=sys.stderr)
        return 1
    print(f"restored {target} from {args.file}")
    if previous is not None:
        print(f"the previous database was saved as {previous}")
    return 0
