"""The architecture's import rules (pyproject [tool.importlinter]) hold for the whole tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    """The tool installed beside the running Python (a virtual environment's own) before one on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def test_import_contracts_are_kept():
    proc = subprocess.run([_tool("lint-imports"), "--no-logo", "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_services_and_db_never_mention_qt():
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("services", "db")
        for p in (ROOT / folder).rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8") or "pyqtgraph" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_ruff_finds_nothing():
    proc = subprocess.run([_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_on_every_package():
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


PACKAGES = ("console", "widgets", "printing", "services", "db", "vocabulary")
MAX_LINES = 450  # issue #13: no module over 450 lines


def test_no_module_is_over_450_lines():
    long = {str(p.relative_to(ROOT)): n for folder in PACKAGES for p in (ROOT / folder).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (over {MAX_LINES} lines): {long}"
