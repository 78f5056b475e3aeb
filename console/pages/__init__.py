"""The pages of the main window, in navigation order, with the permission each needs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from services.roles import Permission


@dataclass(frozen=True)
class PageSpec:
    """One page: key, navigation title, ``module:Class`` and who may open it."""

    key: str
    title: str
    target: str
    permission: Permission | None = None

    def load(self) -> type:
        """Import and return the page class."""
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


PAGES: list[PageSpec] = [
    PageSpec("triage", str(QT_TRANSLATE_NOOP("Pages", "Triage")), "console.pages.triage:TriagePage", Permission.ISSUE_TOKEN),
    PageSpec("queue", str(QT_TRANSLATE_NOOP("Pages", "Queue")), "console.pages.queue:QueuePage", None),
    PageSpec("counters", str(QT_TRANSLATE_NOOP("Pages", "Counters")), "console.pages.counters:CountersPage",
             Permission.MANAGE_COUNTERS),
    PageSpec("dashboard", str(QT_TRANSLATE_NOOP("Pages", "Dashboard")), "console.pages.dashboard:DashboardPage",
             Permission.VIEW_METRICS),
    PageSpec("quality", str(QT_TRANSLATE_NOOP("Pages", "Quality")), "console.pages.quality:QualityPage",
             Permission.VIEW_METRICS),
    PageSpec("region", str(QT_TRANSLATE_NOOP("Pages", "Region")), "console.pages.region:RegionPage",
             Permission.VIEW_REGION),
    PageSpec("printer", str(QT_TRANSLATE_NOOP("Pages", "Printer")), "console.pages.printer:PrinterPage", Permission.REPRINT),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("Pages", "Audit")), "console.pages.audit:AuditPage", Permission.OPEN_CLOSE_DAY),
    PageSpec("diagnostics", str(QT_TRANSLATE_NOOP("Pages", "Diagnostics")), "console.pages.diagnostics:DiagnosticsPage",
             Permission.CONFIGURE),
]
