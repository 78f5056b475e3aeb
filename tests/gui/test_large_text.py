"""Large text for low-vision staff: the configuration's default, the View menu switch, remembered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console import large_text
from console.app import build_window
from console.context import AppContext
from services.config import Config


@pytest.fixture
def settings_file(tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The person's settings in a file of the test; the application font as it was, after."""
    path = tmp_path / "settings.ini"
    monkeypatch.setattr(large_text, "_settings", lambda: QSettings(str(path), QSettings.Format.IniFormat))
    font = qapp.font()
    yield path
    qapp.setFont(font)


def _window(qtbot, ctx: AppContext):
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_large_text_from_the_config_then_switched_and_remembered(
        settings_file: Path, qtbot, qapp, make_ctx: Callable[..., AppContext]) -> None:
    base = qapp.font().pointSizeF()
    cfg = Config()
    cfg.hub.url = ""
    cfg.ui.large_text = True
    window = _window(qtbot, make_ctx(cfg))
    action = window.findChild(type(window.view_menu.actions()[0]), "large_text")
    assert action is not None and action.isChecked()
    assert qapp.font().pointSizeF() == pytest.approx(base * large_text.SCALE)
    QApplication.processEvents()
    table = window.pages["queue"].table
    assert table.font().pointSizeF() == pytest.approx(base * large_text.SCALE)  # the pages follow

    action.trigger()  # the person switches it off: normal size now, and remembered
    assert not action.isChecked() and qapp.font().pointSizeF() == pytest.approx(base)
    window.close()

    QApplication.processEvents()
    again = _window(qtbot, make_ctx(cfg))  # next start, same PC: the choice wins over the config
    action = again.findChild(type(again.view_menu.actions()[0]), "large_text")
    assert not action.isChecked() and qapp.font().pointSizeF() == pytest.approx(base)
    action.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * large_text.SCALE)
    assert "large_text=true" in settings_file.read_text()
