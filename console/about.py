"""The About box: version, build, the toolkits in use, and the licences of what ships."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from console.version import app_version, build_description


def about_text() -> str:
    """The About box's text (rich text)."""
    return (
        "<h3>" + QCoreApplication.translate("About", "DRC Console") + "</h3>"
        + "<p>" + QCoreApplication.translate("About", "Operations console for a Dynamic Registry Centre.") + "</p>"
        + "<p>" + QCoreApplication.translate("About", "Version %1").replace("%1", app_version()) + "<br>"
        + QCoreApplication.translate("About", "Build: %1").replace("%1", build_description()) + "<br>"
        + f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {PySide6.__version__}</p>"
        + "<p>" + QCoreApplication.translate("About", "Slip fonts: Noto (SIL Open Font License).") + "</p>"
    )


def show_about(parent: QWidget | None = None) -> QMessageBox:
    """Open the About box (not modal: the queue keeps running behind it)."""
    box = QMessageBox(parent)
    box.setObjectName("about")
    box.setWindowTitle(QCoreApplication.translate("About", "About DRC Console"))
    box.setText(about_text())
    box.setModal(False)
    box.show()
    return box


def install_about_menu(window: QMainWindow) -> QAction:
    """Add Help > About to the main window's menu bar."""
    from console.keymap import keyboard_map_action

    menu = window.menuBar().addMenu(QCoreApplication.translate("About", "&Help"))
    menu.addAction(keyboard_map_action(window))
    action = QAction(QCoreApplication.translate("About", "About DRC Console…"), window)
    action.triggered.connect(lambda: show_about(window))
    menu.addAction(action)
    return action
