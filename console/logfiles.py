"""Rotating log files for the console, with CNICs masked before anything reaches the disk."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from services.masking import mask_personal

LOG_NAME = "drc-console.log"


def log_dir() -> Path:
    """Where the console's log files live (``DRC_LOG_DIR`` overrides the user log dir)."""
    return Path(os.environ.get("DRC_LOG_DIR") or platformdirs.user_log_dir("drc-console", appauthor=False))


class MaskPersonalData(logging.Filter):
    """Masks CNICs (and passwords in URLs) in every record, whatever module logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, masked; the record then carries no arguments."""
        record.msg = mask_personal(record.getMessage())
        record.args = None
        return True


class PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log file that only the console's account can read, after every rotation too."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def install_log_files(folder: Path | None = None, *, max_bytes: int = 1_000_000, keep: int = 5) -> Path:
    """Log INFO and above to ``drc-console.log`` (rotated at ``max_bytes``, ``keep`` old files); returns the file."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = PrivateRotatingFile(path, maxBytes=max_bytes, backupCount=keep, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskPersonalData())
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path
