"""The six update types on the triage page: a radio button each, and the registry's reason under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from console.names import type_label
from db.models import UpdateType
from services.triage import DISPLAY_ORDER


def build_types_box(owner: QWidget) -> tuple[QGroupBox, QButtonGroup, dict[UpdateType, QRadioButton],
                                              dict[UpdateType, QLabel]]:
    """The group box, its exclusive button group, and the buttons and reason labels by type.

    Texts keep the page's translation context ("TriagePage"), where their Urdu already lives.
    """
    box = QGroupBox(QCoreApplication.translate("TriagePage", "Update type"))
    rows = QVBoxLayout(box)
    rows.setSpacing(2)
    group = QButtonGroup(owner)
    group.setExclusive(True)
    buttons: dict[UpdateType, QRadioButton] = {}
    labels: dict[UpdateType, QLabel] = {}
    for row, t in enumerate(DISPLAY_ORDER):
        button = QRadioButton(f"{row + 1}  {type_label(t)}")
        button.setToolTip(QCoreApplication.translate("TriagePage", "Alt+{n}").format(n=row + 1))
        button.setObjectName(f"type_{t.value}")
        reason = QLabel()
        reason.setObjectName("reason")
        reason.setWordWrap(True)
        reason.setTextFormat(Qt.TextFormat.PlainText)
        reason.setContentsMargins(34, 0, 0, 6)  # under the title, past the radio mark
        group.addButton(button, row)
        buttons[t] = button
        labels[t] = reason
        rows.addWidget(button)
        rows.addWidget(reason)
    rows.addStretch(1)
    return box, group, buttons, labels
