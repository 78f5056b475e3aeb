"""How a DEO is known outside the site: a stable pseudonymous id and a shareable display name.

The site and the hub derive the same id from the site id and the operator's username, so the
hub can roll events up per DEO without holding a name; the site uploads display names apart.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=65536)
def deo_pseudonym(site_id: str, username: str) -> str:
    """``deo-`` + 12 hex digits, the same at the site and the hub for (site, username)."""
    return "deo-" + hashlib.sha256(f"{site_id}\x1f{username}".encode()).hexdigest()[:12]


def display_name(full_name: str) -> str:
    """What the centre may show: the first name and the initial of the last (``Ayesha K.``)."""
    parts = full_name.split()
    if len(parts) < 2:
        return parts[0] if parts else "DEO"
    return f"{parts[0]} {parts[-1][0]}."
