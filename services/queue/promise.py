"""The wait promise: the estimate a slip prints, calibrated from history and checked against the real wait.

Today's basis (``QueueReads.wait_basis``) multiplies the rounds ahead by the recent median service
time. It knows nothing of counters shared with other types, the visitor already at the counter,
priority visitors who will come first or the hours the network is down, so it is wrong in the same
direction at the same time of the week. The issue event records the basis, the site's whole line at that
moment (the load) and the promise; the calibration fits ``real ≈ offset + scale × basis +
load_scale × load`` on the tokens of the same weekday over the last
:data:`HISTORY_WEEKS` weeks, per update type and hour of issue (all types of that hour, then all
hours of that type, when an hour has too few tokens), minimising the absolute error.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from db.models import UpdateType
from services.clock import SITE_ZONE

HISTORY_WEEKS = 4
"""Same weekdays looked back on (a month: what changes with the season is left out)."""
MIN_SAMPLES = 8
"""Fewer tokens than this in a group and the group is not trusted (the next wider one is used)."""
_SCALES = np.arange(0.0, 4.0001, 0.1)
_LOAD_SCALES = np.arange(0.0, 3.0001, 0.1)


@dataclass(frozen=True)
class PromiseSample:
    """One past token: its type, local hour of issue, the basis at issue and its real wait (minutes)."""

    update_type: UpdateType
    hour: int
    basis_min: float
    actual_min: float
    promised_min: float | None = None
    load_min: float = 0.0
    """The whole site's line at issue: everyone waiting × median service ÷ open counters."""


@dataclass(frozen=True)
class Calibration:
    """``real ≈ offset + scale × basis + load_scale × load`` (minutes), fitted on ``samples`` past tokens."""

    scale: float
    offset: float
    samples: int
    load_scale: float = 0.0

    def apply(self, basis_min: float, load_min: float = 0.0) -> float:
        """The calibrated promise for a basis (and the site's load), never below zero."""
        return max(0.0, self.offset + self.scale * basis_min + self.load_scale * load_min)


def history_days(day: date, weeks: int = HISTORY_WEEKS) -> list[date]:
    """The same weekday in each of the ``weeks`` weeks before ``day``."""
    return [day - timedelta(weeks=w) for w in range(1, weeks + 1)]


def fit(samples: Iterable[PromiseSample]) -> Calibration | None:
    """The least-absolute-error plane through (basis, load, real); None with fewer than :data:`MIN_SAMPLES`.

    A grid over both scales, the offset the median residual of each: small and exact enough for
    a few hundred tokens, and robust to the odd visitor who waited all day.
    """
    rows = [(s.basis_min, s.load_min, s.actual_min) for s in samples]
    if len(rows) < MIN_SAMPLES:
        return None
    basis, load, actual = (np.array(col) for col in zip(*rows, strict=True))
    k1, k2 = (g.ravel() for g in np.meshgrid(_SCALES, _LOAD_SCALES, indexing="ij"))
    resid = actual[None, :] - k1[:, None] * basis[None, :] - k2[:, None] * load[None, :]
    offsets = np.median(resid, axis=1)
    errors = np.mean(np.abs(resid - offsets[:, None]), axis=1)
    best = int(np.argmin(errors))
    return Calibration(round(float(k1[best]), 2), float(offsets[best]), len(rows), round(float(k2[best]), 2))


class PromiseModel:
    """The calibrations of one business day, from the same weekday's history."""

    def __init__(self, samples: list[PromiseSample]) -> None:
        self.samples = samples
        self._cache: dict[tuple[UpdateType, int], Calibration | None] = {}

    def calibration(self, update_type: UpdateType, hour: int) -> Calibration | None:
        """Type and hour; else every type at that hour; else that type all day; else None."""
        key = (update_type, hour)
        if key not in self._cache:
            groups = (
                [s for s in self.samples if s.update_type is update_type and s.hour == hour],
                [s for s in self.samples if s.hour == hour],
                [s for s in self.samples if s.update_type is update_type],
            )
            self._cache[key] = next((c for g in groups if (c := fit(g)) is not None), None)
        return self._cache[key]

    def promise(self, update_type: UpdateType, at: datetime, basis_min: float, load_min: float = 0.0) -> float:
        """The minutes to promise a visitor issued at ``at`` whose basis is ``basis_min``."""
        cal = self.calibration(update_type, at.astimezone(SITE_ZONE).hour)
        return basis_min if cal is None else cal.apply(basis_min, load_min)


@dataclass(frozen=True)
class PromiseCheck:
    """How well one update type's promises held on a day."""

    update_type: UpdateType
    tokens: int
    median_abs_error_min: float | None
    longer_share: float | None
    """Share of visitors whose real wait was longer than promised."""

    def as_dict(self) -> dict[str, object]:
        """JSON-ready (the daily report)."""
        return {"update_type": self.update_type.value, "tokens": self.tokens,
                "median_abs_error_min": None if self.median_abs_error_min is None
                else round(self.median_abs_error_min, 1),
                "longer_share": None if self.longer_share is None else round(self.longer_share, 3)}


def check(samples: Iterable[PromiseSample]) -> list[PromiseCheck]:
    """Per update type (in vocabulary order): median absolute error and share waited longer than promised.

    A visitor counts as waiting longer when the real wait exceeds the promise by more than a minute
    (slips round to five minutes; a few seconds over is not a broken promise).
    """
    by_type: dict[UpdateType, list[PromiseSample]] = {}
    for s in samples:
        if s.promised_min is not None:
            by_type.setdefault(s.update_type, []).append(s)
    out = []
    for t in UpdateType:
        rows = by_type.get(t, [])
        if not rows:
            continue
        errors = [abs(r.actual_min - (r.promised_min or 0.0)) for r in rows]
        longer = sum(1 for r in rows if r.actual_min > (r.promised_min or 0.0) + 1.0)
        out.append(PromiseCheck(t, len(rows), statistics.median(errors), longer / len(rows)))
    return out
