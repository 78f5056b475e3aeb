"""Quality at the centre, read from the hub for the Centre quality page (a regional or central key).

Each question is one GET on the hub's survey-quality API; the key's scope (a region, or every
site) is enforced by the hub. CNICs and phones arrive masked. Qt-free: the page runs these on the
network pool.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from services.hub.survey.schemas import Duplicates, Flagged, IdentityOverrides, Reviews, SurveyDetail
from services.registry import RegistryClient

WINDOWS = (7, 14, 30, 60, 90)
"""The duplicate windows a reader may pick (days between two surveys that still count)."""
PAGE = 200
"""Duplicate groups asked for at a time (the page's "Load more" asks for the next)."""


def _range(start: date, end: date, region: str | None) -> dict[str, str]:
    params = {"from": start.isoformat(), "to": end.isoformat()}
    if region:
        params["region"] = region
    return params


class CentreQuality:
    """The hub's duplicates, flagged surveys, reviews, overrides and one survey's drill-down."""

    def __init__(self, registry: RegistryClient) -> None:
        self._registry = registry

    def duplicates(self, start: date, end: date, window_days: int, region: str | None = None,
                   after: str | None = None, limit: int = PAGE) -> Duplicates:
        """One page of duplicate groups touching the scope over the range (``after``: the previous page's ``next``)."""
        params = {**_range(start, end, region), "window_days": str(window_days), "limit": str(limit)}
        if after:
            params["after"] = after
        return self._registry.read_centre("/v1/surveys/duplicates", params, Duplicates)

    def flagged(self, start: date, end: date, region: str | None = None) -> Flagged:
        """Surveys the site's rules flag in scope over the range (at most 31 days)."""
        return self._registry.read_centre("/v1/surveys/flagged", _range(start, end, region), Flagged)

    def reviews(self, start: date, end: date, region: str | None = None) -> Reviews:
        """What supervisors acknowledged or returned over the range, newest first."""
        return self._registry.read_centre("/v1/surveys/reviews", _range(start, end, region), Reviews)

    def overrides(self, start: date, end: date, region: str | None = None) -> IdentityOverrides:
        """Supervisors' overrides of NADRA-blocked identities over the range, newest first."""
        return self._registry.read_centre("/v1/identity/overrides", _range(start, end, region), IdentityOverrides)

    def survey(self, survey_id: str) -> SurveyDetail:
        """One survey's paradata (masked), why it is flagged, and its reviews."""
        return self._registry.read_centre(f"/v1/surveys/{quote(survey_id, safe='')}", {}, SurveyDetail)
