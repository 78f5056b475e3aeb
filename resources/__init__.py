"""Files shipped with the console: reference data, policy, translations, fonts, API spec."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a shipped resource file."""
    return ROOT.joinpath(*parts)
