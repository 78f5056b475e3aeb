"""Rotating, masked log files and a diagnostics bundle that never holds a secret or a full CNIC."""

from __future__ import annotations

import logging
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.doctor_cli import run_checks, save_bundle, site_checks
from console.logfiles import LOG_NAME, install_log_files
from services.bundle import mask_personal
from services.config import load_config

CNIC = "3520212345671"
DASHED = "35202-1234567-1"
KEY = "hub-key-5b1f0c9e77aa"
QR = "qr-secret-0d9e8f7a"
FULL_CNIC = re.compile(r"\d{5}-?\d{7}-?\d")


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The console's log files in a temp folder; the handler is removed after the test."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("DRC_LOG_DIR", str(folder))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield folder
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_mask_personal_masks_cnics_and_url_passwords_only() -> None:
    text = (f"token R-001 for {CNIC} and {DASHED}; phone 0300-1234567; day 2026-03-04; id 12345678901234; "
            "db postgresql://drc:s3cret@127.0.0.1/site")
    masked = mask_personal(text)
    assert "35202-*****67-1 and 35202-*****67-1" in masked
    assert "0300-1234567" in masked and "2026-03-04" in masked and "12345678901234" in masked
    assert "s3cret" not in masked and "postgresql://drc:***@127.0.0.1/site" in masked


def test_log_files_rotate_and_never_hold_a_full_cnic(log_folder: Path) -> None:
    path = install_log_files(max_bytes=4000, keep=2)
    assert path == log_folder / LOG_NAME
    assert install_log_files(max_bytes=4000, keep=2) == path  # installed once
    log = logging.getLogger("services.triage")
    for i in range(200):
        log.info("lookup %d for CNIC %s", i, CNIC if i % 2 else DASHED)
    files = sorted(log_folder.glob(f"{LOG_NAME}*"))
    assert [f.name for f in files] == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "lookup 199 for CNIC 35202-*****67-1" in text
    assert not FULL_CNIC.search(text)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_bundle_holds_the_report_config_and_logs_but_no_secret_or_cnic(tmp_path: Path, log_folder: Path) -> None:
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text(f"""schema_version = 1
[site]
id = "PK10101-01"
[database]
url = "sqlite:///{tmp_path}/site.sqlite3"
[hub]
url = "http://127.0.0.1:9"
api_key = "{KEY}"
[printer]
backend = "preview"
preview_dir = "{tmp_path}/slips"
qr_secret = "{QR}"
""", encoding="utf-8")
    cfg = load_config(cfg_file)
    log_folder.mkdir()
    # An old log written before masking existed, and a crash trace that quoted the key.
    (log_folder / f"{LOG_NAME}.3").write_text(f"issued for {CNIC}\nAuthorization: Bearer {KEY}\n", encoding="utf-8")
    results = run_checks(site_checks(cfg, cfg.database.url))

    out = save_bundle(cfg, results, tmp_path / "bundle.zip")

    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        contents = {n: zf.read(n).decode("utf-8") for n in names}
    assert {"README.txt", "doctor.txt", "config.toml", "versions.txt", f"logs/{LOG_NAME}.3"} <= names
    assert not any(n.endswith((".sqlite3", ".db")) for n in names)
    everything = "\n".join(contents.values())
    assert KEY not in everything and QR not in everything
    assert not FULL_CNIC.search(everything)
    assert "35202-*****67-1" in contents[f"logs/{LOG_NAME}.3"]
    assert "api_key = '***'" in contents["config.toml"] and "qr_secret = '***'" in contents["config.toml"]
    assert "id = 'PK10101-01'" in contents["config.toml"]
    assert "hub: http://127.0.0.1:9: not reachable" in contents["doctor.txt"]
