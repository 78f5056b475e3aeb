"""Answers of the regional query kept per (range, scope, filters) while the data they came from holds.

Every transaction that changes what the regional query reads also writes the ``hub_site_seen`` row
of its site (ingestion moves ``last_seen``; ``rollup rebuild`` touches it; ``simulate-network``
rewrites the rows when it has loaded its days), and every write gives that row a new ``xmin``
(the id of the transaction that wrote it). So the list of ``(site_id, xmin)`` of ``hub_site_seen``,
with that of ``hub_site`` (the site list), changes whenever the answer may change: its digest is
the *data version*. A request reads the version first and the data after it, so an answer is only
ever stored under a version at or before the data it holds, and served again only while nothing
has committed since. The check is one query over about 1,200 short rows. PostgreSQL only (SQLite
demo hubs do not cache); each hub process keeps its own few answers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy import text
from sqlalchemy.orm import Session

_VERSION = text(
    "SELECT md5(coalesce((SELECT string_agg(site_id || ':' || xmin::text, ',' ORDER BY site_id) FROM hub_site_seen), '')"
    " || '/' || coalesce((SELECT string_agg(site_id || ':' || xmin::text, ',' ORDER BY site_id) FROM hub_site), ''))")


def data_version(ses: Session) -> str | None:
    """The digest of what the regional query reads, or None where there is none (SQLite)."""
    if ses.get_bind().dialect.name != "postgresql":
        return None
    return str(ses.execute(_VERSION).scalar_one())


class AnswerCache:
    """The last ``size`` answers (JSON text) per key and data version, for one hub process."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._answers: OrderedDict[tuple[Hashable, str], str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, ses: Session, key: Hashable, build: Callable[[], str], *, fresh: bool = False) -> str:
        """The stored answer of ``key`` at the current data version, else ``build()`` (stored).

        ``fresh``: build it anyway (a client that sent ``Cache-Control: no-cache``).
        """
        version = data_version(ses)
        if version is None:
            return build()
        with self._lock:
            found = None if fresh else self._answers.get((key, version))
            if found is not None:
                self._answers.move_to_end((key, version))
                self.hits += 1
                return found
            self.misses += 1
        made = build()  # reads the data after the version: never newer-labelled than what it holds
        with self._lock:
            self._answers[(key, version)] = made
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return made
