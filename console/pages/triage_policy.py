"""One line on the triage page: which rules the verdicts follow, from the centre, and how old they are.

The tooltip lists every value with its source: "NSER annual report FY2022-23" for the values the
centre sets (no site can change them), "illustrative default" for ours.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from console.context import AppContext
from console.names import ltr
from services.registry import RegistryProblem
from services.triage import CENTRAL_KEYS, HeldPolicy


class PolicyLabel(QLabel):
    """Shows the policy in force and its age; asks the centre for it once at start (quietly)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("policyLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color:#455a64;")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(60_000)  # the age moves on by itself
        self.refresh()

    def fetch(self) -> None:
        """Ask the centre for its policy now (I/O pool); offline is normal, so a failure stays quiet."""
        triage = self._ctx.triage
        if triage.client is None or triage.keeper is None:
            return

        def ask() -> HeldPolicy | None:
            try:
                return triage.refresh_policy()
            except RegistryProblem:  # offline or an old hub: the last policy kept still applies
                return None

        self._ctx.tasks.run_io(ask, lambda _held: self.refresh())

    def age_text(self, received: datetime, now: datetime) -> str:
        """How long ago the centre's policy arrived, in words."""
        minutes = max(0, int((now - received).total_seconds() // 60))
        if minutes < 1:
            return self.tr("just now")
        if minutes < 120:
            return self.tr("%n minute(s) ago", "", minutes)
        if minutes < 48 * 60:
            return self.tr("%n hour(s) ago", "", minutes // 60)
        return self.tr("%n day(s) ago", "", minutes // (24 * 60))

    def refresh(self) -> None:
        """Redraw from what the triage service holds now."""
        keeper = self._ctx.triage.keeper
        policy = self._ctx.triage.policy
        rules = self.tr("cut-off {cut_off}, cyclic every {cyclic} years, recertification every {recert} years, "
                        "appeals {appeal}").format(
            cut_off=f"{policy.cut_off:g}", cyclic=policy.cyclic_years, recert=policy.recertification_years,
            appeal=self.tr("on") if policy.appeal_enabled else self.tr("off"))
        held = keeper.held if keeper is not None else None
        if held is None or held.received_at is None:
            head = self.tr("Rules: shipped defaults (the centre's policy has not arrived yet)")
        else:
            head = self.tr("Rules from the centre (version {version}, received {age})").format(
                version=ltr(held.central.version) if held.central else "-",
                age=self.age_text(held.received_at, self._ctx.clock.now()))
        self.setText(f"{head}: {rules}.")
        self.setToolTip(self._tooltip(held))

    def _tooltip(self, held: HeldPolicy | None) -> str:
        lines = [self.tr("Each value and its source. Values from the NSER annual report FY2022-23 are set by the "
                         "centre; \"illustrative default\" values are ours, not BISP's.")]
        if held is not None and held.central is not None:
            for item in held.central.items:
                central = self.tr("set by the centre") if item.central or item.key in CENTRAL_KEYS \
                    else self.tr("illustrative default")
                value = str(item.value).lower() if isinstance(item.value, bool) else f"{item.value:g}"
                source = {"NSER annual report FY2022-23": self.tr("NSER annual report FY2022-23"),
                          "illustrative default": self.tr("illustrative default")}.get(item.source, item.source)
                lines.append(f"{item.key} = {value} - {source} ({central})")
        if held is not None and held.ignored:
            lines.append(self.tr("Ignored in this console's configuration (the centre sets them): {keys}").format(
                keys=", ".join(held.ignored)))
        return "\n".join(lines)


__all__ = ["PolicyLabel"]
