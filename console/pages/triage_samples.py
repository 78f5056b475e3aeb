"""The demo's sample visitors beside the triage form: one click fills the CNIC field.

Only in ``--demo``: the in-process hub lists a few synthetic visitors per outcome (each update
type, not yet due, identity mismatch, blocked); CNICs are shown masked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.context import AppContext
from console.names import ltr, type_label
from services.cnic import mask_cnic
from services.registry import RegistryProblem
from services.registry.models import DemoSamples
from vocabulary import UpdateType

_SAMPLE_ORDER = ("missed_out", "roster", "shock", "cyclic", "recertification", "appeal", "not_yet_eligible",
                 "mismatch", "blocked", "unknown")


class DemoSamplesBox(QGroupBox):
    """The list of sample visitors; emits ``sig_picked`` with the CNIC of the one clicked."""

    sig_picked = Signal(str)
    """A sample visitor was chosen: their CNIC (digits)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tries = 0
        self.setTitle(self.tr("Sample visitors (demo)"))
        self.samples_list = QListWidget()
        self.samples_list.itemActivated.connect(self.pick)
        self.samples_list.itemClicked.connect(self.pick)
        side = QVBoxLayout(self)
        side.addWidget(QLabel(self.tr("Click a visitor to fill the CNIC field.")))
        side.addWidget(self.samples_list)
        self.samples_list.setMinimumWidth(400)
        self.setMaximumWidth(460)
        self.setVisible(ctx.demo)

    def load(self) -> None:
        """Ask the demo hub for its samples (I/O pool); it may still be seeding: then ask again."""
        client = self._ctx.registry
        if client is None:
            return

        def fetch() -> DemoSamples | None:
            # The demo hub seeds in the background: "not up yet" is expected, not an error to report.
            try:
                return client.demo_samples()
            except RegistryProblem:
                return None

        self._ctx.tasks.run_io(fetch, self._on_samples, source=self.title())

    def _on_samples(self, samples: DemoSamples | None) -> None:
        if samples is None:
            self._tries += 1
            if self._tries < 60:
                QTimer.singleShot(2000, self, self.load)
            return
        labels = {t.value: type_label(t) for t in UpdateType}
        labels.update({"not_yet_eligible": self.tr("Not yet due"), "mismatch": self.tr("Identity mismatch"),
                       "blocked": self.tr("Identity blocked"), "unknown": self.tr("Unknown to NADRA (a typo)")})
        self.samples_list.clear()
        keys = [k for k in _SAMPLE_ORDER if k in samples.samples] + sorted(set(samples.samples) - set(_SAMPLE_ORDER))
        for key in keys:
            for sample in samples.samples[key][:2]:
                item = QListWidgetItem(f"{labels.get(key, key)}: {ltr(mask_cnic(sample.cnic))}")
                item.setToolTip(sample.note)
                item.setData(Qt.ItemDataRole.UserRole, sample.cnic)
                self.samples_list.addItem(item)

    def pick(self, item: QListWidgetItem) -> None:
        """Use this sample visitor's CNIC."""
        cnic = item.data(Qt.ItemDataRole.UserRole)
        if cnic:
            self.sig_picked.emit(str(cnic))
