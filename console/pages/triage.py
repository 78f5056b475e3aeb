"""The triage desk: CNIC in, the registry's verdict per update type, priority flags, token out.

Lookups run on the I/O pool and token issue on the database worker; the window never waits.
When the registry cannot be asked the page says so, offers the types by hand and issues the
token unverified (the check waits in the outbox and completes by itself).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.names import cnic_problem_text, error_text, ltr, priority_reason_label, reason_text, type_label
from console.pages.triage_desk import DeskBox
from console.pages.triage_existing import ExistingTokenBanner
from console.pages.triage_family import FamilyTreeBox
from console.pages.triage_policy import PolicyLabel
from console.pages.triage_samples import DemoSamplesBox
from console.pages.triage_summary import TriageSummary
from console.pages.triage_types import build_types_box
from console.tasks import describe_error
from db.models import UpdateType, Verification
from services.cnic import CnicError, mask_cnic, parse_cnic
from services.queue import TokenView
from services.registry import RegistryProblem, RegistryUnavailable
from services.triage import DISPLAY_ORDER, AlreadyHasToken, Eligibility, Lookup, LookupOutcome, TriageService
from vocabulary import PriorityReason
from widgets.cnic_field import CnicField

PRIORITY_FLAGS = tuple(PriorityReason)
MUTED_TEXT = "#555555"  # reasons of types a visitor does not qualify for: 7:1 on the window, still quieter
_BANNER_BAD = "background:#fdecea;color:#8b1a1a;border:2px solid #b71c1c;border-radius:6px;padding:10px;"
_BANNER_OK = "background:#e8f5e9;color:#1b5e20;border:1px solid #2e7d32;border-radius:6px;padding:10px;"

class TriagePage(QWidget):
    """The triage assistant's page (permission: issue tokens)."""

    sig_lookup_done = Signal(object)
    """A lookup finished and the page shows it: the :class:`LookupOutcome`."""

    sig_token_issued = Signal(object)
    """A token was issued from this page: its :class:`TokenView`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TriagePage")
        self._ctx = ctx
        self._triage: TriageService = ctx.triage
        self._request = 0
        self._cnic: str | None = None
        self._lookup: Lookup | None = None
        self._manual = False
        self._offline_reason: str | None = None
        self._existing: TokenView | None = None
        self._issuing = False
        self._build()
        self._reset_types()
        if ctx.demo:
            self.samples_box.load()
        self.policy_line.fetch()

    # ---- construction ---------------------------------------------------------------
    def _build(self) -> None:
        # Selectors without the page's object name: the main window renames its pages.
        self.setStyleSheet(
            "QRadioButton{font-size:15pt;font-weight:600;padding:4px;}"
            "QLabel#reason{font-size:12pt;}"
            "QCheckBox{font-size:13pt;}"
            "QPushButton#issue{font-size:16pt;font-weight:700;padding:10px 24px;}"
            "QLabel#summary{font-size:13pt;}"
        )
        title = QLabel(self.tr("Triage: who is this visitor, and what do they qualify for?"))
        title.setStyleSheet("font-size:17pt;font-weight:700;")

        self.cnic_field = CnicField(self._parse_cnic, self)
        self.cnic_field.sig_cnic_ready.connect(self._on_cnic_field_ready)
        self.cnic_field.line_edit.textEdited.connect(self._on_cnic_edited)
        self.lookup_button = QPushButton(self.tr("Look up (Enter)"))
        self.lookup_button.clicked.connect(self.cnic_field.submit)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(180)
        self.busy_bar.hide()
        self.busy_label = QLabel(self.tr("Asking the central registry..."))
        self.busy_label.hide()
        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("CNIC")), 0, Qt.AlignmentFlag.AlignTop)
        entry.addWidget(self.cnic_field, 1)
        entry.addWidget(self.lookup_button, 0, Qt.AlignmentFlag.AlignTop)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label)
        busy.addStretch(1)

        self.offline_banner = QLabel()
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setStyleSheet(_BANNER_BAD)
        self.offline_banner.hide()

        self.existing_banner = ExistingTokenBanner()
        self.existing_label = self.existing_banner.label
        self.reprint_button = self.existing_banner.reprint_button
        self.reprint_button.clicked.connect(self._on_reprint_clicked)

        self.summary_label = QLabel(self.tr("Type or scan a CNIC and press Enter."))
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self._summary = TriageSummary(self)
        self.family_box = FamilyTreeBox()
        self.desk = DeskBox(self._ctx.actor.role)
        self.desk.sig_changed.connect(self._on_desk_changed)

        types_box, self.type_group, self.type_buttons, self.reason_labels = build_types_box(self)
        self.type_group.buttonToggled.connect(self._on_type_group_toggled)

        flags_box = QGroupBox(self.tr("Priority"))
        flags = QHBoxLayout(flags_box)
        self.flag_boxes: dict[PriorityReason, QCheckBox] = {}
        for key in PRIORITY_FLAGS:
            box = QCheckBox(priority_reason_label(key))
            self.flag_boxes[key] = box
            flags.addWidget(box)
        flags.addStretch(1)

        self.issue_button = QPushButton(self.tr("Issue token (Ctrl+I)"))
        self.issue_button.setObjectName("issue")
        self.issue_button.clicked.connect(self.issue)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        QShortcut(QKeySequence("Ctrl+I"), self, self.issue)
        for n, t in enumerate(DISPLAY_ORDER, start=1):
            # Alt+1..6 pick a type from anywhere on the page (the "&n" mnemonic needs focus nearby).
            QShortcut(QKeySequence(f"Alt+{n}"), self, lambda t=t: self._pick(t))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)
        actions = QHBoxLayout()
        actions.addWidget(self.issue_button)
        actions.addWidget(self.result_label, 1)

        main = QVBoxLayout()
        main.addWidget(title)
        self.policy_line = PolicyLabel(self._ctx)
        main.addWidget(self.policy_line)
        main.addLayout(entry)
        main.addLayout(busy)
        main.addWidget(self.offline_banner)
        main.addWidget(self.existing_banner)
        main.addWidget(self.summary_label)
        middle = QHBoxLayout()  # the verdict on the left, the household and the desk's notes beside it
        middle.addWidget(types_box, 3)
        side = QVBoxLayout()
        side.addWidget(self.family_box)
        side.addWidget(self.desk)
        side.addStretch(1)
        middle.addLayout(side, 2)
        main.addLayout(middle, 1)
        main.addWidget(flags_box)
        main.addLayout(actions)

        self.samples_box = DemoSamplesBox(self._ctx)
        self.samples_box.sig_picked.connect(lambda cnic: self.cnic_field.set_cnic(cnic, submit=True))
        self.samples_list = self.samples_box.samples_list

        outer = QHBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addWidget(self.samples_box)
        self.cnic_field.line_edit.setFocus()

    def focus_target(self) -> QWidget:
        """Where the keyboard goes when this page is shown (after sign-in, unlock, a page key): the CNIC."""
        return self.cnic_field.line_edit

    # ---- words ----------------------------------------------------------------------
    def type_title(self, t: UpdateType) -> str:
        """The update type's name on screen."""
        return type_label(t)

    def reason_text(self, e: Eligibility) -> str:
        """The reason, translated (falls back to the service's English)."""
        return reason_text(e.code, e.params, e.reason)

    def _parse_cnic(self, text: str) -> str:
        """``parse_cnic`` with the message in the interface language (for the CNIC field)."""
        try:
            return parse_cnic(text)
        except CnicError as exc:
            raise ValueError(cnic_problem_text(exc.problem, exc.params)) from None

    # ---- lookup ---------------------------------------------------------------------
    def lookup(self, cnic: str) -> None:
        """Start a lookup of ``cnic`` (any accepted spelling) in the background."""
        self.cnic_field.set_cnic(parse_cnic(cnic), submit=True)

    def _on_cnic_field_ready(self, digits: str) -> None:
        self._request += 1
        req = self._request
        self._cnic = digits
        self._lookup = None
        self._manual = False
        self._existing = None
        self.existing_banner.hide()
        self.result_label.hide()
        self._reset_types()
        for box in self.flag_boxes.values():
            box.setChecked(False)
        self._set_busy(True)
        self.busy_label.setText(self.tr("Asking the central registry..."))
        self.summary_label.setText(self.tr("Looking up {cnic}...").format(cnic=ltr(mask_cnic(digits))))
        triage = self._triage
        queue = self._ctx.queue
        # A failed check for an open token only costs the early warning (the queue still refuses a
        # second token); it reaches the status bar like every failure, named after this page.
        self._ctx.tasks.run_db(lambda: queue.open_token_for_cnic(digits),
                               lambda view: self._on_existing(req, view), source=self.tr("Triage"))
        self._ctx.tasks.run_io(lambda: triage.try_lookup(digits),
                               lambda outcome: self._on_lookup_done(req, outcome), self._on_lookup_failed,
                               source=self.tr("Triage"))

    def _on_existing(self, req: int, view: TokenView | None) -> None:
        if req != self._request:
            return
        self._show_existing(view)

    def _show_existing(self, view: TokenView | None) -> None:
        self._existing = view
        self.existing_banner.show_token(view, can_print=self._ctx.printing is not None)
        self._update_issue_enabled()

    def _on_lookup_failed(self, exc: BaseException) -> None:
        # Not a registry problem (those come back as outcomes): a bug or the CNIC itself.
        self._set_busy(False)
        self.summary_label.setText(self.tr("The lookup failed: {error}").format(error=str(exc)))

    def _on_lookup_done(self, req: int, outcome: LookupOutcome) -> None:
        if req != self._request:
            return  # an older lookup answered after a newer one started
        self._set_busy(False)
        self.policy_line.refresh()  # the answer brought the centre's latest rules
        if outcome.problem is not None:
            self._show_offline(outcome.problem)
        else:
            assert outcome.lookup is not None
            self._show_lookup(outcome.lookup)
        self.sig_lookup_done.emit(outcome)

    def _show_offline(self, problem: RegistryProblem) -> None:
        self._manual = True
        self._offline_reason = problem.message
        if isinstance(problem, RegistryUnavailable):
            head = self.tr("Central registry unreachable - pick the update type by hand; the token will be issued "
                           "unverified and checked automatically later.")
            self._ctx.status.set_online(False)
        else:
            head = self.tr("The central registry gave an answer the console cannot use - pick the update type by "
                           "hand; the token will be issued unverified and checked automatically later.")
        self.offline_banner.setText(f"{head}\n{error_text(problem)}")
        self.offline_banner.show()
        self.summary_label.setText(self.tr("CNIC {cnic}: not checked with the registry.").format(
            cnic=ltr(mask_cnic(self._cnic))))
        allowed = set(self._triage.manual_choices())
        for t in DISPLAY_ORDER:
            ok = t in allowed
            self.type_buttons[t].setEnabled(ok)
            self.reason_labels[t].setText(self.tr("Pick by hand if this is what the visitor needs.") if ok
                                          else self.tr("Not offered: switched off by policy."))
            self.reason_labels[t].setStyleSheet("" if ok else f"color:{MUTED_TEXT};")
        self._update_issue_enabled()

    def _show_lookup(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._manual = False
        self.offline_banner.hide()
        self._ctx.status.set_online(True)
        self.summary_label.setText(self._summary.text(lookup))
        self._show_verdicts(lookup)
        if lookup.suggestions:
            self.type_buttons[lookup.suggestions[0].update_type].setChecked(True)
        self._on_type_group_toggled(None, True)

    def _show_verdicts(self, lookup: Lookup) -> None:
        """The six types; for a blocked identity what the override allows once a supervisor ticks it."""
        blocked = lookup.identity_status == "blocked"
        overriding = blocked and self.desk.overriding()
        self.family_box.show_members(lookup.members if not blocked or overriding else [], lookup.cnic)
        for e in (lookup.overridable if overriding else lookup.eligibility):
            button, label = self.type_buttons[e.update_type], self.reason_labels[e.update_type]
            button.setEnabled(e.eligible)
            text = self.reason_text(e)
            if not e.eligible and e.eligible_from is not None and e.eligible_from.isoformat() not in text:
                text += "  " + self.tr("[eligible from {date}]").format(date=ltr(e.eligible_from.isoformat()))
            label.setText(("\u2714 " if e.eligible else "\u2716 ") + text)
            label.setStyleSheet("color:#1b5e20;" if e.eligible else f"color:{MUTED_TEXT};")
            if not e.eligible and button.isChecked():
                self.type_group.setExclusive(False)
                button.setChecked(False)
                self.type_group.setExclusive(True)
        self._update_issue_enabled()

    def _on_desk_changed(self) -> None:
        lookup = self._lookup
        if lookup is not None and lookup.identity_status == "blocked":
            self._show_verdicts(lookup)  # the override opens (or closes) the types
        self._update_issue_enabled()

    def _reset_types(self) -> None:
        self.type_group.setExclusive(False)
        for t in DISPLAY_ORDER:
            self.type_buttons[t].setChecked(False)
            self.type_buttons[t].setEnabled(False)
            self.reason_labels[t].setText("")
        self.type_group.setExclusive(True)
        self.offline_banner.hide()
        self.family_box.clear()
        self.desk.reset()
        self._update_issue_enabled()

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.lookup_button.setEnabled(not busy)

    def _on_cnic_edited(self, _text: str) -> None:
        # The person on screen is no longer the one in the field: forget the old verdict.
        if self._cnic is not None:
            self._request += 1
            self._cnic = None
            self._lookup = None
            self._manual = False
            self._existing = None
            self._set_busy(False)
            self.existing_banner.hide()
            self._reset_types()
            self.summary_label.setText(self.tr("Type or scan a CNIC and press Enter."))

    def _on_type_group_toggled(self, _button: Any, _checked: bool) -> None:
        lookup = None if self._manual else self._lookup
        self.desk.show_for(self.selected_type(), blocked=lookup is not None and lookup.identity_status == "blocked",
                           registered=lookup.household.registered if lookup is not None else None)
        self._update_issue_enabled()

    def _pick(self, t: UpdateType) -> None:
        button = self.type_buttons[t]
        if button.isEnabled():
            button.setChecked(True)

    def selected_type(self) -> UpdateType | None:
        """The update type chosen now, if any."""
        for t, b in self.type_buttons.items():
            if b.isChecked() and b.isEnabled():
                return t
        return None

    def _update_issue_enabled(self) -> None:
        ready = (self._cnic is not None and (self._lookup is not None or self._manual)
                 and self.selected_type() is not None and self._existing is None and not self._issuing
                 and self.desk.ready(self.selected_type()))
        self.issue_button.setEnabled(ready)

    # ---- issue ----------------------------------------------------------------------
    def issue(self) -> None:
        """Issue the token for the chosen type (no-op when the form is not ready)."""
        self._update_issue_enabled()
        if not self.issue_button.isEnabled():
            return
        t = self.selected_type()
        assert t is not None and self._cnic is not None
        flags = [k for k, box in self.flag_boxes.items() if box.isChecked()]
        cnic, lookup, reason = self._cnic, (None if self._manual else self._lookup), self._offline_reason
        member = self.family_box.confirmed_member()
        notes = self.desk.notes(t, member.member_id if member is not None else None)
        triage, queue, actor = self._triage, self._ctx.queue, self._ctx.actor
        self._issuing = True
        self._update_issue_enabled()

        def work() -> TokenView:
            return triage.issue(queue, t, actor=actor, cnic=cnic, lookup=lookup, priority=bool(flags),
                                priority_reason=flags, offline_reason=reason, notes=notes)

        self._ctx.tasks.run_db(work, self._on_issued, self._on_issue_failed)

    def _on_issued(self, view: TokenView) -> None:
        self._issuing = False
        text = self.tr("Token {number} issued: {type}.").format(number=ltr(view.number),
                                                               type=self.type_title(view.update_type))
        if view.verification is Verification.UNVERIFIED:
            text += " " + self.tr("Unverified: it will be checked automatically when the registry answers.")
        self.result_label.setText(text)
        self.result_label.setStyleSheet(_BANNER_OK)
        self.result_label.show()
        for box in self.flag_boxes.values():
            box.setChecked(False)
        # Ready for the next visitor; the result stays on screen.
        self._request += 1
        self._cnic = None
        self._lookup = None
        self._manual = False
        self.cnic_field.clear()
        self._reset_types()
        self.summary_label.setText(self.tr("Ready for the next visitor: type or scan a CNIC and press Enter."))
        self.cnic_field.line_edit.setFocus()  # the next scan lands in the field, wherever the click was
        self.sig_token_issued.emit(view)

    def _on_issue_failed(self, exc: BaseException) -> None:
        self._issuing = False
        if isinstance(exc, AlreadyHasToken):
            self._show_existing(exc.token)
            return
        self.result_label.setText(self.tr("The token was not issued: {error}").format(error=describe_error(exc)))
        self.result_label.setStyleSheet(_BANNER_BAD)
        self.result_label.show()
        self._update_issue_enabled()

    def _on_reprint_clicked(self) -> None:
        if self._existing is not None and self._ctx.printing is not None:
            self._ctx.printing.reprint(self._existing.id)

    def clear(self) -> None:
        """Forget the visitor on screen (Esc)."""
        self._on_cnic_edited("")
        self.cnic_field.clear()
        self.result_label.hide()

    def _on_samples_list_item_activated(self, item: QListWidgetItem) -> None:
        self.samples_box.pick(item)


__all__ = ["LookupOutcome", "TriagePage"]
