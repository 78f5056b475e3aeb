"""The diagnostics bundle a site sends to the help desk, and the masking that keeps it safe to send.

The bundle is a zip of the doctor's report, the configuration and the recent log files, plus
the versions in use. It never holds a secret (the hub key, the QR secret, passwords in database
URLs) nor a full CNIC: secrets are replaced by ``***`` and every CNIC-shaped number is masked
to the form the slips use (``35202-*****67-1``). The database itself is never included.
"""

from __future__ import annotations

import platform
import sys
import tomllib
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from services.doctor import CheckResult
from services.masking import REDACTED, mask_personal

_SECRET_WORDS = ("key", "secret", "password", "pin", "token")


def _redact(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _redact(v, k) for k, v in value.items()}
    if isinstance(value, str):
        if value and any(word in key.lower() for word in _SECRET_WORDS):
            return REDACTED
        return mask_personal(value)
    return value


def redacted_config(path: Path | None) -> str:
    """The configuration file as TOML-like text with its secrets replaced; a note if there is none."""
    if path is None or not path.is_file():
        return "# no configuration file: built-in defaults and environment only\n"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return f"# {path}: unreadable ({type(exc).__name__}); not included\n"
    lines = [f"# {path.name}, secrets replaced by {REDACTED}"]
    clean = _redact(data)
    for name, section in clean.items():
        if not isinstance(section, dict):
            lines.append(f"{name} = {section!r}")
            continue
        lines.append(f"\n[{name}]")
        lines += [f"{k} = {v!r}" for k, v in section.items()]
    return "\n".join(lines) + "\n"


def doctor_report(results: Iterable[CheckResult]) -> str:
    """The doctor's checks as plain text, one block per check."""
    out = []
    for r in results:
        out.append(f"{r.verdict.value.upper():5} {r.name}: {r.found}")
        if r.fix:
            out.append(f"      fix: {r.fix}")
    return "\n".join(out) + "\n"


def _versions(extra: Iterable[str]) -> str:
    lines = [f"python {sys.version.split()[0]} on {platform.platform()}", *extra]
    for dist in ("drc-console", "SQLAlchemy", "alembic", "python-escpos", "requests"):
        try:
            lines.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{dist} (not installed as a package)")
    return "\n".join(lines) + "\n"


def write_bundle(out: Path, *, results: Iterable[CheckResult], config_path: Path | None, log_dir: Path | None,
                 secrets: Iterable[str] = (), versions: Iterable[str] = (), max_log_bytes: int = 2_000_000) -> Path:
    """Write the zip to ``out``; ``secrets`` are literal values (e.g. the hub key) scrubbed from every file.

    ``versions`` adds lines to versions.txt (the GUI toolkit's, which this layer does not import).
    """
    words = [s for s in secrets if s and len(s) >= 4]

    def scrub(text: str) -> str:
        text = mask_personal(text)
        for word in words:
            text = text.replace(word, REDACTED)
        return text

    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", f"DRC Console diagnostics bundle, {stamp}.\nSecrets and CNICs are masked; "
                                  "no database is included.\n")
        zf.writestr("doctor.txt", scrub(doctor_report(results)))
        zf.writestr("config.toml", scrub(redacted_config(config_path)))
        zf.writestr("versions.txt", _versions(versions))
        logs = sorted(log_dir.glob("*.log*"), key=lambda p: p.stat().st_mtime, reverse=True) if log_dir else []
        budget = max_log_bytes
        for log in logs:
            if budget <= 0 or not log.is_file():
                break
            data = log.read_bytes()[-budget:]
            budget -= len(data)
            zf.writestr(f"logs/{log.name}", scrub(data.decode("utf-8", errors="replace")))
    out.chmod(0o600)
    return out
