"""The CNIC field widget: typed and scanned input, inline errors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from services.cnic import parse_cnic
from widgets.cnic_field import CnicField


def test_typed_with_dashes_emits_digits(qtbot: Any) -> None:
    field = CnicField(parse_cnic)
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.sig_cnic_ready) as got:
        qtbot.keyClicks(field.line_edit, "35202-1234567-1")
        qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)
    assert got.args == ["3520212345671"]
    assert field.text() == "35202-1234567-1"


def test_scanner_burst_with_spaces_and_enter(qtbot: Any) -> None:
    field = CnicField(parse_cnic)
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.sig_cnic_ready) as got:
        qtbot.keyClicks(field.line_edit, " 3520212345671 ")  # wedge scanners type fast and end with Enter
        qtbot.keyClick(field.line_edit, Qt.Key.Key_Enter)
    assert got.args == ["3520212345671"] and field.text() == "35202-1234567-1"


def test_error_inline_then_cleared_by_typing(qtbot: Any) -> None:
    field = CnicField(parse_cnic)
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.line_edit, "35202")
    with qtbot.waitSignal(field.sig_invalid) as bad, qtbot.assertNotEmitted(field.sig_cnic_ready):
        qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)
    assert "Too short: 5 digits" in bad.args[0]
    assert field.error_label.isVisible() and "Too short" in field.error_label.text()
    qtbot.keyClicks(field.line_edit, "1")
    assert not field.error_label.isVisible()
