"""Which data-quality limits a console checks surveys with: the centre's last policy first.

The hub serves the limits in ``GET /v1/policy`` (each with its source; today all are illustrative
defaults of ours, docs/POLICY.md). Per limit, by the rule of ``services.precedence``:

1. a value the centre marks ``central``: the centre's, always; a site's ``[metrics]`` setting for it
   that differs is ignored (``ignored``) and the console warns, as it does for the cut-off;
2. a site's own ``[metrics]`` tuning (a value that differs from the shipped default), where allowed;
3. the centre's value from the last policy received;
4. until a policy has arrived, the shipped illustrative defaults (``QualityThresholds()``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from services.precedence import resolve
from services.quality import QualityThresholds
from services.registry.models import CentralPolicy

SERVED_KEYS = ("survey_min_minutes", "survey_max_minutes", "geo_radius_m", "min_address_chars", "household_ratio",
               "duration_z", "deo_z")
"""The limits the centre's policy carries (``min_for_stats`` is a statistic's minimum sample, not policy)."""
SITE_KEYS = ("survey_min_minutes", "survey_max_minutes", "geo_radius_m", "min_address_chars")
"""The limits a site's ``[metrics]`` table holds."""


@dataclass(frozen=True)
class HeldLimits:
    """The limits in force, where each came from (``centre``, ``site`` or ``default``) and how old the policy is."""

    thresholds: QualityThresholds
    sources: dict[str, str] = field(default_factory=dict)
    version: str | None = None
    received_at: datetime | None = None
    ignored: tuple[str, ...] = ()

    def keys_from(self, source: str) -> list[str]:
        """The limits that came from ``source``."""
        return [k for k in SERVED_KEYS if self.sources.get(k) == source]


def site_tuning(metrics: Any) -> dict[str, Any]:
    """A site's own ``[metrics]`` limits: those set to something other than the shipped default."""
    defaults = QualityThresholds()
    return {k: getattr(metrics, k) for k in SITE_KEYS
            if getattr(metrics, k, getattr(defaults, k)) != getattr(defaults, k)}


def quality_limits(metrics: Any, central: CentralPolicy | None, received_at: datetime | None = None) -> HeldLimits:
    """The limits to check with, from the site's ``MetricsSection`` and the centre's last policy (or None)."""
    defaults = QualityThresholds()
    held = resolve(SERVED_KEYS, asdict(defaults), site_tuning(metrics), central.items if central is not None else ())
    return HeldLimits(replace(defaults, **held.values), held.sources, central.version if central is not None else None,
                      received_at if central is not None else None, held.ignored)


__all__ = ["SERVED_KEYS", "SITE_KEYS", "HeldLimits", "quality_limits", "site_tuning"]
