"""The triage desk's additions below the update types: roster changes, B-form, CNIC twice, override.

Each part shows only when it applies: the roster changes for a roster update, the second CNIC for a
missed-out token the registry does not know, the override for an identity NADRA blocked (and only
a supervisor gets the switch; others are told to send the visitor over). ``ready`` says whether
the form is complete; the service checks the same rules again when the token is issued.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.names import roster_change_label
from db.models import Role, UpdateType
from services.cnic import CnicError, parse_cnic
from services.triage import ROSTER_CHANGES, DeskNotes
from services.triage.desk import OVERRIDE_REASON_MIN, OVERRIDE_ROLES, needs_cnic_again, needs_roster_changes


class DeskBox(QWidget):
    """Roster changes, B-form, the CNIC a second time and the supervisor's override."""

    sig_changed = Signal()
    """Something the issue button or the verdict depends on changed."""

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._may_override = role in OVERRIDE_ROLES
        self.roster_box = QGroupBox(self.tr("Roster update: what changes in the family?"))
        grid = QGridLayout(self.roster_box)
        self.change_boxes: dict[str, QCheckBox] = {}
        for i, change in enumerate(ROSTER_CHANGES):
            box = QCheckBox(roster_change_label(change))
            box.setObjectName(f"change_{change}")
            box.toggled.connect(self.sig_changed)
            self.change_boxes[change] = box
            grid.addWidget(box, i // 2, i % 2)
        self.bform_box = QCheckBox(self.tr("B-form (children's registration certificate) shown"))
        self.bform_box.setToolTip(self.tr("Recorded with the token: the DEO sees whether the B-form was brought."))

        self.again_label = QLabel(self.tr("The registry does not know this CNIC: type it a second time from the "
                                          "card before a missed-out token is issued."))
        self.again_label.setWordWrap(True)
        self.again_edit = QLineEdit()
        self.again_edit.setObjectName("cnicAgain")
        self.again_edit.setPlaceholderText(self.tr("CNIC again"))
        self.again_edit.setMaxLength(15)
        self.again_edit.textChanged.connect(self.sig_changed)
        self.again_row = QWidget()
        again = QVBoxLayout(self.again_row)
        again.setContentsMargins(0, 0, 0, 0)
        again.addWidget(self.again_label)
        again.addWidget(self.again_edit)

        self.override_row = QWidget()
        self.override_box = QCheckBox(self.tr("Override NADRA's block (supervisor)"))
        self.override_box.toggled.connect(self.sig_changed)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setPlaceholderText(self.tr("Reason (recorded in the audit trail and sent to the centre)"))
        self.override_reason.setMaxLength(200)
        self.override_reason.textChanged.connect(self.sig_changed)
        self.send_to_supervisor = QLabel(self.tr("NADRA has blocked this CNIC: send the visitor to the supervisor, "
                                                 "who can override the block with a reason."))
        self.send_to_supervisor.setWordWrap(True)
        self.send_to_supervisor.setStyleSheet("color:#8b1a1a;font-weight:600;")
        over = QVBoxLayout(self.override_row)
        over.setContentsMargins(0, 0, 0, 0)
        over.addWidget(self.override_box)
        over.addWidget(self.override_reason)
        over.addWidget(self.send_to_supervisor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.override_row)
        layout.addWidget(self.roster_box)
        layout.addWidget(self.again_row)
        layout.addWidget(self.bform_box)
        self.reset()

    # ---- state ----------------------------------------------------------------------
    def reset(self) -> None:
        """A new visitor: everything cleared and hidden."""
        for box in self.change_boxes.values():
            box.setChecked(False)
        self.bform_box.setChecked(False)
        self.again_edit.clear()
        self.override_box.setChecked(False)
        self.override_reason.clear()
        self.show_for(None, blocked=False, registered=None)

    def show_for(self, update_type: UpdateType | None, *, blocked: bool, registered: bool | None) -> None:
        """Show the parts that apply to this visitor and type (``registered`` None: not known)."""
        self.override_row.setVisible(blocked)
        self.override_box.setVisible(self._may_override)
        self.override_reason.setVisible(self._may_override)
        self.send_to_supervisor.setVisible(not self._may_override)
        self.roster_box.setVisible(update_type is not None and needs_roster_changes(update_type))
        self.again_row.setVisible(update_type is not None and needs_cnic_again(update_type, registered))

    def overriding(self) -> bool:
        """A supervisor ticked the override (the reason may still be missing)."""
        return self._may_override and self.override_row.isVisibleTo(self) and self.override_box.isChecked()

    def ready(self, update_type: UpdateType | None) -> bool:
        """The desk's parts are complete for issuing ``update_type``."""
        if self.override_row.isVisibleTo(self) and not (
                self.overriding() and len(self.override_reason.text().strip()) >= OVERRIDE_REASON_MIN):
            return False
        if update_type is UpdateType.ROSTER and not self.changes():
            return False
        if self.again_row.isVisibleTo(self):
            try:
                parse_cnic(self.again_edit.text())
            except CnicError:
                return False
        return True

    def changes(self) -> tuple[str, ...]:
        """The roster changes ticked, in the standard order."""
        return tuple(c for c in ROSTER_CHANGES if self.change_boxes[c].isChecked())

    def notes(self, update_type: UpdateType, family_member: str | None) -> DeskNotes:
        """What goes with the token."""
        return DeskNotes(
            roster_changes=self.changes() if update_type is UpdateType.ROSTER else (),
            bform=self.bform_box.isChecked(), family_member=family_member,
            cnic_again=self.again_edit.text() if self.again_row.isVisibleTo(self) else None,
            override_reason=self.override_reason.text() if self.overriding() else None)


__all__ = ["DeskBox"]
