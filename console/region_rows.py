"""The Region page's figures as table rows: one home for which API field lands in which column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from services.hub.ops.schemas import DeoFigures, DeoRank, FlaggedOut, HourFigures, SiteFigures, TypeFigures
from widgets.bidi import ltr

Row = tuple[Any, ...]


def site_rows(sites: Sequence[SiteFigures], when: Callable[[datetime | None], str]) -> tuple[list[Row], set[int]]:
    """The site table's rows and the indexes of silent sites (their last upload in the last column)."""
    rows = [(s.site_id, s.name, s.district, s.issued, s.completed, s.no_show, s.median_wait_min, s.service_level,
             s.completed_per_day, s.flagged_tokens, when(s.last_seen) if s.silent else "")
            for s in sites]
    return rows, {i for i, s in enumerate(sites) if s.silent}


def rank_rows(sites: Sequence[SiteFigures]) -> list[Row]:
    """Top or bottom list rows: site, name, region, served per reporting day."""
    return [(s.site_id, s.name, s.region, s.completed_per_day) for s in sites]


def hour_rows(hours: Sequence[HourFigures]) -> list[Row]:
    """The drill-down's hourly profile (hour of the day in the site's zone)."""
    return [(f"{h.hour:02d}:00", h.issued, h.completed, h.no_show, h.median_wait_min, h.service_level) for h in hours]


def type_rows(types: Sequence[TypeFigures], name: Callable[[str], str]) -> list[Row]:
    """The drill-down's rows per update type, named in the reader's language."""
    return [(name(t.update_type), t.issued, t.completed, t.no_show, t.median_wait_min, t.service_level)
            for t in types]


def deo_rows(deos: Sequence[DeoFigures]) -> list[Row]:
    """The drill-down's rows per DEO: the shared display name, else the pseudonymous id; surveys next to served.

    Names are Latin (``Ayesha K.``): kept left to right in an Urdu table, so the initial's stop stays at its end.
    """
    return [(ltr(d.display_name or d.deo_id), d.called, d.completed, d.surveys, d.no_show, d.mean_service_min)
            for d in deos]


def deo_rank_rows(deos: Sequence[DeoRank]) -> list[Row]:
    """Top or bottom DEO rows: the shared name (else the pseudonymous id, left to right as in ``deo_rows``),
    site, served, active days, per day."""
    return [(ltr(d.display_name or d.deo_id), d.site_id, d.completed, d.days_active, d.completed_per_day) for d in deos]


def flag_rows(flags: Sequence[FlaggedOut]) -> list[Row]:
    """The drill-down's flagged tokens: day, token, why the history was refused."""
    return [(f.date.isoformat(), f.token_id, f.reason) for f in flags]
