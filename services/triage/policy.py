"""Triage policy: cut-off, re-survey periods, the appeal switch (resources/policy.toml + config)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from typing import Any


class PolicyError(ValueError):
    """A policy value in resources/policy.toml or the config's [policy] table is not valid."""


@dataclass(frozen=True)
class TriagePolicy:
    """The rules' parameters; policy, not physics, so all of them are configurable."""

    cut_off: float = 32.0
    cyclic_years: int = 2
    recertification_years: int = 3
    appeal_enabled: bool = False
    appeal_max_score: float = 40.0
    shock_areas_ttl_seconds: float = 300.0


def coerce_setting(name: str, value: Any, default: Any) -> Any:
    """A ``[policy]`` setting as its default's type (a flag, a non-negative number); ``PolicyError`` if it is not one."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0", "yes", "no", "on", "off"):
            return value.strip().lower() in ("true", "1", "yes", "on")
        raise PolicyError(f"policy.{name}: {value!r} is not true/false")
    try:
        number = type(default)(value)
    except (TypeError, ValueError):
        raise PolicyError(f"policy.{name}: {value!r} is not a number") from None
    if number < 0:
        raise PolicyError(f"policy.{name}: {value!r} must not be negative")
    return number


def default_policy_values() -> dict[str, Any]:
    """The shipped defaults from ``resources/policy.toml``."""
    text = resources.files("resources").joinpath("policy.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_policy(overrides: dict[str, Any] | None = None) -> TriagePolicy:
    """The shipped policy with the config file's ``[policy]`` table applied on top."""
    values = {**default_policy_values(), **(overrides or {})}
    known = {f.name: f.default for f in fields(TriagePolicy)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise PolicyError(f"policy: unknown setting(s) {', '.join(unknown)}")
    return replace(TriagePolicy(), **{k: coerce_setting(k, v, known[k]) for k, v in values.items()})
