"""Surveys per DEO today, from the hub, for the dashboard to show next to tokens served.

Surveys live at the hub (the DEOs' tablets submit them there), so the count is fetched on the I/O
pool - on start, when asked, and once a minute - never on each queue change. Offline, the last
counts stay and ``available`` says whether any answer came at all.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from console.context import AppContext
from console.tasks import CoalescedLoad
from services.clock import business_day

REFRESH_MS = 60_000


class DeoSurveyCounts(QObject):
    """The day's surveys per DEO username, kept fresh in the background."""

    sig_changed = Signal()
    """New counts arrived."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = {}
        self.available = False
        self._day: date | None = None
        self.loader = CoalescedLoad(ctx.tasks, self._fetch, self._on_counts, on_error=self._on_failed, io=True,
                                    parent=self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def refresh(self) -> None:
        """Ask the hub again (nothing without a registry connection)."""
        if self.ctx.registry is None:
            return
        self._day = business_day(self.ctx.clock.now())
        self.loader.now()

    def _fetch(self) -> dict[str, int]:
        registry, day = self.ctx.registry, self._day
        if registry is None or day is None:
            raise RuntimeError("no registry connection is configured")
        return dict(Counter(s.deo for s in registry.survey_paradata(self.ctx.site_id, day).surveys))

    def _on_counts(self, counts: dict[str, int]) -> None:
        self.counts, self.available = counts, True
        self.sig_changed.emit()

    def _on_failed(self, _exc: BaseException) -> None:
        """Offline: keep the last counts (the status bar already says the hub is unreachable)."""
