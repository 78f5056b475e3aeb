"""``drc-console simulate``: a day of traffic through the real services, optionally sent to a hub.

The hub key comes from ``DRC_HUB_KEY`` or the configuration (``[hub] api_key``), never from the
command line.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from services.config import Config


def add_parser(sub: Any, date_type: Callable[[str], date]) -> None:
    """Register the ``simulate`` subcommand."""
    sim = sub.add_parser("simulate", help="drive a day of arrivals and service through the real services")
    sim.add_argument("--tokens", type=int, default=300, help="visitors to simulate (default 300)")
    sim.add_argument("--counters", type=int, default=6, help="open DEO counters (default 6)")
    sim.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same day")
    sim.add_argument("--date", type=date_type, help="business day to simulate (default today)")
    sim.add_argument("--db", help="SQLAlchemy URL (default: a new SQLite file in the current folder)")
    sim.add_argument("--site", help="site id (default: the configured site, [site] id)")
    sim.add_argument("--outage", type=int, action="append", default=[], metavar="HOUR",
                     help="a local hour without the network (repeatable), e.g. --outage 13")
    sim.add_argument("--hub", metavar="URL", help="upload the day to this hub through the outbox sync "
                     "(key from DRC_HUB_KEY or the configuration)")
    sim.add_argument("--force", action="store_true",
                     help="write even into a database that holds other data (never do this to a live site)")


def run(args: argparse.Namespace, cfg: Config) -> int:
    """Simulate (and upload) one day; 2 on bad arguments or a refused database."""
    from db.engine import Store
    from db.migrate import upgrade
    from services.clock import SITE_ZONE, SystemClock, business_day
    from services.simulate import refusal, simulate_day

    url = args.db or f"sqlite:///{Path.cwd() / 'drc-simulation.sqlite3'}"
    if args.tokens < 0 or args.counters < 1:
        print("drc-console simulate: --tokens must be >= 0 and --counters >= 1", file=sys.stderr)
        return 2
    site_id = args.site or cfg.site.id
    day = args.date or business_day(SystemClock().now())
    key = os.environ.get("DRC_HUB_KEY") or cfg.hub.api_key
    if args.hub and not key:
        print("drc-console simulate: --hub needs a key in DRC_HUB_KEY or [hub] api_key", file=sys.stderr)
        return 2
    upgrade(url)
    store = Store.open(url)
    try:
        why = refusal(store, site_id, day)
        if why and not args.force:
            print(f"drc-console simulate: refused: {why} (--force overrides)", file=sys.stderr)
            return 2
        result = simulate_day(store, tokens=args.tokens, counters=args.counters, seed=args.seed, day=day,
                              site_id=site_id, outage_hours=tuple(args.outage))
        print(result.summary())
        print(f"  site          : {site_id}")
        print(f"  database      : {url}")
        if args.hub:
            from datetime import datetime

            from services.clock import FixedClock
            from services.registry import RegistryClient
            from services.site_upload import upload_site

            # The upload happens "at close of day", on the day's clock, so the hub's time window fits it.
            end = datetime(day.year, day.month, day.day, 20, 0, tzinfo=SITE_ZONE)
            client = RegistryClient(args.hub, key)
            surveys = None
            try:
                report = upload_site(store, site_id, client, FixedClock(end))
                if report.error is None:
                    # The DEOs' tablets submit a survey per completed token through the hub's survey API.
                    from services.survey_sim import send_surveys

                    secret = cfg.printer.qr_secret or secrets.token_urlsafe(24)
                    surveys = send_surveys(store, site_id, day, client, seed=args.seed, secret=secret)
            finally:
                client.close()
            print(f"  hub           : {args.hub}")
            print(report.summary())
            if surveys is not None:
                print(surveys.summary())
            failed = report.error is not None or surveys is None or surveys.error is not None or surveys.unexpected
            return 1 if failed else 0
    finally:
        store.dispose()
    return 0
