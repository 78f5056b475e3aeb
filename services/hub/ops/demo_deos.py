"""Names for the simulated network's DEOs, so the demo's DEO rankings name people, as real sites do.

A real site uploads its DEOs as pseudonymous ids with the display name it chose to share
(``services.site_upload``: first name and the initial of the last). The simulator's DEOs are the
usernames ``deo1``, ``deo2``, ... of each site (``services.hub.ops.network``), and so are the DEOs
of the seeded survey paradata (``services.hub.seed``); this module gives each of them a made-up full name drawn from the site's region (given names and family names common
there), the same every run, and stores its display name the way a site's upload would. Names a
site uploaded itself are never replaced.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from functools import cache

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from services.deo_ids import deo_pseudonym, display_name
from services.hub.models import SiteDeo, Survey
from services.hub.ops.network import NetworkSite
from services.hub.reference import RESOURCES

DEMO_NAMES_CSV = RESOURCES / "demo-names.csv"
"""Per region: women's given names, men's given names and family names, each space-separated (made-up
people, names common in the region)."""
Names = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@cache
def region_names() -> dict[str, Names]:
    """The names of ``demo-names.csv`` by region, in file order."""
    with DEMO_NAMES_CSV.open(newline="", encoding="utf-8") as fh:
        return {row["region"]: (tuple(row["women"].split()), tuple(row["men"].split()),
                                tuple(row["families"].split()))
                for row in csv.DictReader(fh)}


def demo_full_name(site_id: str, region: str, username: str, attempt: int = 0) -> str:
    """A made-up full name for a simulated DEO: from the region's names, the same for (site, username) every run.

    ``attempt`` draws another name (when the first is already taken at the site).
    """
    names = region_names()
    women, men, families = names.get(region, names["Punjab"])
    digest = hashlib.sha256(f"{site_id}/{username}/{attempt}".encode()).digest()
    given = (women, men)[digest[0] % 2]
    return f"{given[digest[1] % len(given)]} {families[digest[2] % len(families)]}"


def name_demo_deos(engine: Engine, sites: Sequence[NetworkSite]) -> int:
    """Store a display name for each simulated DEO (and each DEO of the sites' seeded surveys), unless its
    site already holds one; returns how many were added."""
    ids = {s.site_id for s in sites}
    with Session(engine) as ses, ses.begin():
        held = {(s, d) for s, d in ses.execute(select(SiteDeo.site_id, SiteDeo.deo_id))}
        surveyed: dict[str, set[str]] = {}
        for site_id, username in ses.execute(select(Survey.site_id, Survey.deo).distinct()):
            if site_id in ids:
                surveyed.setdefault(site_id, set()).add(username)
        rows = []
        for site in sites:
            usernames = {f"deo{k}" for k in range(1, site.deos + 1)} | surveyed.get(site.site_id, set())
            taken: set[str] = set()  # two DEOs of one site never share a display name
            for username in sorted(usernames, key=lambda u: (len(u), u)):  # deo2 before deo10
                attempt, name = 0, display_name(demo_full_name(site.site_id, site.region, username))
                while name in taken:
                    attempt += 1
                    name = display_name(demo_full_name(site.site_id, site.region, username, attempt))
                taken.add(name)
                key = (site.site_id, deo_pseudonym(site.site_id, username))
                if key not in held:
                    rows.append({"site_id": key[0], "deo_id": key[1], "display_name": name})
        if rows:
            ses.execute(insert(SiteDeo), rows)
    return len(rows)
