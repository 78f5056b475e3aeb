"""Help > Keyboard map (F1): every key of the console on one page.

The "everywhere" part is read from the window's own actions, so it lists exactly the keys that
work for the signed-in role (a page it may not open has no key); the per-page keys are fixed by
the pages themselves (``widgets.counter_card.KEYS``, Triage's Alt+1..6).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from console.stranded import TRANSFER_KEY
from widgets.counter_card import KEYS


def _rows(title: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='padding:2px 14px 2px 0'><b dir='ltr'>{escape(k)}</b></td>"
                    f"<td style='padding:2px 0'>{escape(v)}</td></tr>" for k, v in rows)
    return f"<h3>{escape(title)}</h3><table>{cells}</table>"


def window_keys(window: QMainWindow) -> list[tuple[str, str]]:
    """(key, what) of every action of the window that has a key: pages, board, slip check, lock..."""
    seen: set[str] = set()
    rows = []
    for action in window.findChildren(QAction):
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append((key, action.text().replace("&", "").rstrip("…")))
    return rows


def keyboard_map_html(window: QMainWindow) -> str:
    """The keyboard map as rich text (translated)."""
    everywhere = window_keys(window) + [
        (TRANSFER_KEY, QCoreApplication.translate("KeyboardMap", "Transfer the tokens that no open counter serves (when the red banner shows)")),
        (QCoreApplication.translate("KeyboardMap", "Tab / Shift+Tab"), QCoreApplication.translate("KeyboardMap", "Next / previous field (the amber ring shows where the keyboard is)")),
    ]
    triage = [
        (QCoreApplication.translate("KeyboardMap", "Enter"), QCoreApplication.translate("KeyboardMap", "Look up the CNIC typed or scanned")),
        ("Alt+1…6", QCoreApplication.translate("KeyboardMap", "Choose an update type")),
        ("Ctrl+I", QCoreApplication.translate("KeyboardMap", "Issue the token")),
        ("Esc", QCoreApplication.translate("KeyboardMap", "Clear, ready for the next visitor")),
    ]
    counters = [
        ("F2", QCoreApplication.translate("KeyboardMap", "Issue a token (queue page)")),
        ("Ctrl+1…9", QCoreApplication.translate("KeyboardMap", "Select a counter (it scrolls into view)")),
        (KEYS["call"], QCoreApplication.translate("KeyboardMap", "Call the next visitor")),
        (KEYS["recall"], QCoreApplication.translate("KeyboardMap", "Recall")),
        (KEYS["start"], QCoreApplication.translate("KeyboardMap", "Start the service")),
        (KEYS["complete"], QCoreApplication.translate("KeyboardMap", "Complete")),
        (KEYS["no_show"], QCoreApplication.translate("KeyboardMap", "No-show")),
        (KEYS["transfer"], QCoreApplication.translate("KeyboardMap", "Transfer: the token selected in the waiting list when the list has the focus, "
                              "else the selected counter's")),
    ]
    return (_rows(QCoreApplication.translate("KeyboardMap", "Everywhere"), everywhere) + _rows(QCoreApplication.translate("KeyboardMap", "Triage"), triage)
            + _rows(QCoreApplication.translate("KeyboardMap", "Queue and Counters (on the selected counter)"), counters))


class KeyboardMap(QDialog):
    """The map in a window of its own (not modal: the queue keeps running behind it)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("keyboardMap")
        self.setWindowTitle(QCoreApplication.translate("KeyboardMap", "Keyboard map"))
        self.text = QTextBrowser()
        self.text.setHtml(keyboard_map_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
        self.resize(720, 620)


def show_keyboard_map(window: QMainWindow) -> KeyboardMap:
    """Open the keyboard map (F1)."""
    dialog = KeyboardMap(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def keyboard_map_action(window: QMainWindow, parent: QWidget | None = None) -> QAction:
    """Help > Keyboard map, on F1."""
    action = QAction(QCoreApplication.translate("KeyboardMap", "Keyboard map"), parent or window)
    action.setObjectName("keyboardMapAction")
    action.setShortcut(QKeySequence("F1"))
    action.triggered.connect(lambda: show_keyboard_map(window))
    return action
