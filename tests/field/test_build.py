"""What the installable build relies on: --version, the About box, and the installation self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.about import about_text, install_about_menu
from console.main import main
from console.version import app_version, build_description

ROOT = Path(__file__).resolve().parents[2]


def test_version_flag_names_the_version_and_the_build(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"drc-console {app_version()} (source install; Python 3.")


def test_build_info_from_the_bundle_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import resources

    info = tmp_path / "build-info.json"
    info.write_text('{"version": "9.9.9", "commit": "abc1234", "built_at": "2026-12-02T06:00Z", '
                    '"platform": "Windows-AMD64"}', encoding="utf-8")
    monkeypatch.setattr(resources, "path", tmp_path.joinpath)
    assert app_version() == "9.9.9"
    assert build_description() == "build abc1234 2026-12-02T06:00Z (Windows-AMD64)"


def test_about_box_shows_version_build_and_qt(qtbot) -> None:
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    window = QMainWindow()
    qtbot.addWidget(window)
    action = install_about_menu(window)
    action.trigger()
    box = window.findChild(QMessageBox, "about")
    assert box is not None and box.isVisible()
    assert app_version() in box.text() and "Qt 6." in box.text() and "source install" in box.text()
    assert about_text() == box.text()
    box.close()


@pytest.mark.slow
def test_selftest_opens_the_window_issues_a_token_and_prints_its_slip(tmp_path: Path) -> None:
    # In its own process, as `drc-console selftest` runs on a site PC (and as the bundle's smoke test runs it).
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "DRC_CONFIG": str(tmp_path / "absent.toml")}
    proc = subprocess.run([sys.executable, "-m", "console.main", "selftest", "--out", str(tmp_path / "st")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("selftest ok: token R-001 printed")
    slips = list((tmp_path / "st" / "slips").glob("*R-001_print*"))
    assert sorted(p.suffix for p in slips) == [".bin", ".png"]
    data = next(p for p in slips if p.suffix == ".bin").read_bytes()
    assert data.startswith(b"\x1b@") and b"\x1dv0" in data  # ESC/POS: initialise, then a raster image
