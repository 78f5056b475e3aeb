"""One typed configuration: a TOML file, environment overrides, and ``--config``.

Precedence (last wins): built-in defaults, the TOML file, ``DRC_<SECTION>_<KEY>`` environment
variables. The hub API key is a secret: ``repr`` hides it and nothing logs it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import stat
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs
import tomli_w

SCHEMA_VERSION = 1
APP_NAME = "drc-console"
log = logging.getLogger(__name__)


class ConfigError(Exception):
    """The configuration file or an override is not valid; the message names the key."""


@dataclass
class SiteSection:
    """Which site this console runs."""

    id: str = "PK10101-01"
    name: str = "DRC Bagh"
    name_ur: str = "ڈی آر سی باغ"


@dataclass
class DatabaseSection:
    """Where the site store lives (empty: the user data dir)."""

    url: str = ""


@dataclass
class QueueSection:
    """Queue rules."""

    max_priority_streak: int = 3
    recalls_before_no_show: int = 2
    default_service_minutes: float = 10.0
    long_service_minutes: float = 20.0
    very_long_service_minutes: float = 35.0


@dataclass
class HubSection:
    """The central registry (or the reference hub)."""

    url: str = "http://127.0.0.1:8750"
    api_key: str = field(default="", repr=False)
    connect_timeout: float = 3.0
    read_timeout: float = 5.0
    retries: int = 2


@dataclass
class PrinterSection:
    """The token slip printer."""

    backend: str = "preview"  # preview | network | usb | serial | file | cups | win32
    width_dots: int = 576
    profile: str = "TM-T20II"
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    device_file: str = ""
    printer_name: str = ""
    preview_dir: str = ""
    qr_secret: str = field(default="", repr=False)


@dataclass
class TerminalSection:
    """The counter terminal web page for DEOs on the site LAN."""

    enabled: bool = False
    # Loopback unless the site sets an address: DEOs on other PCs need bind = "0.0.0.0" (or the LAN address).
    bind: str = "127.0.0.1"
    port: int = 8780
    # HTTPS with a certificate the console makes on first use (kept next to the site database).
    tls: bool = False


@dataclass
class PrivacySection:
    """How long personal data stays in clear (docs/SECURITY.md has the whole retention table)."""

    # Days after the close of a business day that its tokens keep the full CNIC; then only a
    # keyed hash (repeat visits) and the masked form remain.
    cnic_days: int = 30
    # Key of that hash (and of the slip's CNIC binding); empty: a random key kept in the data folder.
    key: str = field(default="", repr=False)


@dataclass
class BoardSection:
    """The now-serving board and its spoken calls."""

    screen: int = -1
    speech: str = "en"  # off | en | ur | both
    chime: bool = True


@dataclass
class MetricsSection:
    """Dashboard and quality thresholds."""

    service_level_minutes: float = 30.0
    survey_min_minutes: float = 10.0
    survey_max_minutes: float = 90.0
    geo_radius_m: float = 500.0
    min_address_chars: int = 25


@dataclass
class UISection:
    """Presentation."""

    language: str = "en"  # en | ur
    idle_lock_minutes: float = 10.0
    # Larger text on every screen for low-vision staff; each person can switch it in View > Large
    # text, and their choice is remembered on this PC.
    large_text: bool = False


@dataclass
class BackupSection:
    """Automatic copies of the site store (empty folder: ``backups`` in the user data dir)."""

    folder: str = ""
    every_hours: float = 4.0  # 0 turns the periodic copy off; close of day still makes one
    keep: int = 14


@dataclass
class Config:
    """The whole configuration of one console."""

    schema_version: int = SCHEMA_VERSION
    site: SiteSection = field(default_factory=SiteSection)
    database: DatabaseSection = field(default_factory=DatabaseSection)
    queue: QueueSection = field(default_factory=QueueSection)
    hub: HubSection = field(default_factory=HubSection)
    printer: PrinterSection = field(default_factory=PrinterSection)
    terminal: TerminalSection = field(default_factory=TerminalSection)
    privacy: PrivacySection = field(default_factory=PrivacySection)
    board: BoardSection = field(default_factory=BoardSection)
    metrics: MetricsSection = field(default_factory=MetricsSection)
    ui: UISection = field(default_factory=UISection)
    backup: BackupSection = field(default_factory=BackupSection)
    policy: dict[str, Any] = field(default_factory=dict)
    source: Path | None = field(default=None, compare=False)


def default_config_path() -> Path:
    """The TOML file in the platformdirs config dir."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def save_config(cfg: Config, path: Path | None = None) -> Path:
    """Write ``cfg`` as TOML to ``path`` (default: where it was read from), atomically.

    Secrets are written as they are (the file is the place for them, readable by the site's
    account only); a full disk or a read-only folder raises :class:`ConfigError` and leaves the
    previous file untouched.
    """
    target = Path(path or cfg.source or default_config_path())
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for f in fields(cfg):
        value = getattr(cfg, f.name)
        if dataclasses.is_dataclass(value):
            data[f.name] = dataclasses.asdict(value)  # type: ignore[arg-type]
    data["policy"] = dict(cfg.policy)
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # a stale temp file might carry wider permissions
        # Created 0600 from the first byte: there is no moment a reader could open it wider.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(tomli_w.dumps(data).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ConfigError(f"{target}: could not save the configuration ({exc.strerror or exc})") from None
    cfg.source = target
    return target


def _coerce(value: Any, typ: Any, where: str) -> Any:
    try:
        if typ is bool:
            if isinstance(value, str):
                low = value.strip().lower()
                if low in ("1", "true", "yes", "on"):
                    return True
                if low in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if typ in (int, float, str):
            return typ(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {value!r} is not a valid {typ.__name__}") from None
    return value


def _apply(section: Any, values: dict[str, Any], where: str) -> None:
    hints = get_type_hints(type(section))
    names = {f.name for f in fields(section)}
    for key, value in values.items():
        if key not in names:
            raise ConfigError(f"{where}.{key}: unknown setting")
        setattr(section, key, _coerce(value, hints[key], f"{where}.{key}"))


def _has_secrets(cfg: Config) -> bool:
    return bool(cfg.hub.api_key or cfg.printer.qr_secret or cfg.privacy.key)


def _warn_if_exposed(file: Path, cfg: Config) -> None:
    """Log a warning when a configuration holding secrets can be read by other accounts."""
    if os.name != "posix" or not _has_secrets(cfg):
        return
    with contextlib.suppress(OSError):
        mode = file.stat().st_mode
        if mode & (stat.S_IRGRP | stat.S_IROTH):
            log.warning("%s holds secrets but is readable by other accounts (mode %o); run chmod 600 on it",
                        file, mode & 0o777)


def load_config(path: Path | str | None = None, env: dict[str, str] | None = None) -> Config:
    """Read the configuration: defaults, then the TOML file (if it exists), then environment.

    ``DRC_*`` variables that name no setting (the hub's own ``DRC_HUB_KEY`` or ``DRC_HUB_DB``,
    a typo) are ignored with a warning; a known setting with a bad value is still an error.
    """
    env = dict(os.environ if env is None else env)
    cfg = Config()
    file = Path(path) if path else Path(env.get("DRC_CONFIG", "") or default_config_path())
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: {exc}") from None
        version = data.pop("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ConfigError(f"{file}: schema_version {version} is not supported (expected {SCHEMA_VERSION})")
        cfg.policy = dict(data.pop("policy", {}))
        for name, values in data.items():
            section = getattr(cfg, name, None)
            if not dataclasses.is_dataclass(section) or not isinstance(values, dict):
                raise ConfigError(f"{file}: unknown section [{name}]")
            _apply(section, values, name)
        cfg.source = file
    elif path:
        raise ConfigError(f"{file}: no such configuration file")
    for key, value in env.items():
        if not key.startswith("DRC_") or key == "DRC_CONFIG":
            continue
        parts = key[4:].lower().split("_", 1)
        section = getattr(cfg, parts[0], None) if len(parts) == 2 else None
        if parts[0] == "policy" or not dataclasses.is_dataclass(section) or \
                parts[1] not in {f.name for f in fields(section)}:
            log.warning("ignoring environment variable %s: it is not a drc-console setting", key)
            continue
        _apply(section, {parts[1]: value}, parts[0])
    if cfg.source is not None:
        _warn_if_exposed(cfg.source, cfg)
    return cfg
