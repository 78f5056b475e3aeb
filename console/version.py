"""What is running: the console's version and which build it came from (``--version``, the About box)."""

from __future__ import annotations

import json
import sys

import resources

BUILD_INFO = "build-info.json"  # written into the bundle's resources by packaging/build.py


def _bundle_info() -> dict[str, str]:
    path = resources.path(BUILD_INFO)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def app_version() -> str:
    """The release number, e.g. ``0.1.0``."""
    from importlib import metadata  # reads every installed package's metadata: only when asked

    info = _bundle_info()
    if info.get("version"):
        return info["version"]
    try:
        return metadata.version("drc-console")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def build_description() -> str:
    """Where this copy came from: the bundle's build (commit, time, platform) or a source install."""
    info = _bundle_info()
    if info:
        return f"build {info.get('commit', '?')} {info.get('built_at', '')} ({info.get('platform', '?')})".strip()
    return "source install"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def version_line() -> str:
    """One line for ``drc-console --version``."""
    return f"drc-console {app_version()} ({build_description()}; Python {sys.version.split()[0]})"
