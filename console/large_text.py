"""Large text for low-vision staff: a View menu switch, remembered per person on this PC.

``[ui] large_text`` in the configuration is the site's default; the menu's choice is kept in the
user's settings (QSettings) and wins over the default the next time. The whole interface scales
with the application font, so every page, dialog and table grows together.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from console.context import AppContext

SCALE = 1.4
"""Large text is 40% bigger: 11.5 pt becomes 16 pt."""
KEY = "ui/large_text"
BASE_SIZE = "drc_base_point_size"
"""The application's property holding the normal point size, kept from the first window on."""


def _settings() -> QSettings:
    return QSettings("drc-console", "drc-console")


def remembered(default: bool) -> bool:
    """The person's last choice on this PC, else ``default`` (the configuration's)."""
    value = _settings().value(KEY)
    if value is None:
        return default
    return str(value).lower() in ("true", "1")


def apply_text_size(app: QApplication, large: bool) -> None:
    """Set the application font to the normal or the large size (the normal size is kept once)."""
    base = app.property(BASE_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(BASE_SIZE, base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * (SCALE if large else 1.0))
    app.setFont(font)


def install_large_text(window: QMainWindow, ctx: AppContext, view_menu: QMenu) -> QAction:
    """Add the checkable "Large text" action to the View menu and apply the remembered choice."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    action = QAction(QCoreApplication.translate("MainWindow", "Large text"), window)
    action.setCheckable(True)
    action.setObjectName("large_text")
    large = remembered(ctx.config.ui.large_text)
    action.setChecked(large)
    apply_text_size(app, large)

    def toggled(on: bool) -> None:
        apply_text_size(app, on)
        _settings().setValue(KEY, on)

    action.toggled.connect(toggled)
    view_menu.addAction(action)
    return action
