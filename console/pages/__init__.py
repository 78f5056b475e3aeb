"""The pages of the main window, in navigation order, with the permission each needs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from services.roles import Actor, Permission


@dataclass(frozen=True)
class PageSpec:
    """One page: key, navigation title, ``module:Class`` and who may open it.

    ``permission`` is one permission, or a tuple of which any one opens the page (a page with
    several kinds of work, such as the queue), or None for everybody.
    """

    key: str
    title: str
    target: str
    permission: Permission | tuple[Permission, ...] | None = None

    def allows(self, actor: Actor) -> bool:
        """True when ``actor``'s role has some use for the page (so it is shown)."""
        if self.permission is None:
            return True
        wanted = self.permission if isinstance(self.permission, tuple) else (self.permission,)
        return any(actor.can(p) for p in wanted)

    def load(self) -> type:
        """Import and return the page class."""
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


QUEUE_WORK: tuple[Permission, ...] = (
    Permission.ISSUE_TOKEN, Permission.SERVE_ANY_COUNTER, Permission.SERVE_OWN_COUNTER, Permission.TRANSFER_TOKEN,
    Permission.CANCEL_TOKEN, Permission.REPRINT,
)
"""Any of these gives the queue page (and the now-serving board) a use; without them it is left out."""

PAGES: list[PageSpec] = [
    PageSpec("triage", str(QT_TRANSLATE_NOOP("Pages", "Triage")), "console.pages.triage:TriagePage", Permission.ISSUE_TOKEN),
    PageSpec("queue", str(QT_TRANSLATE_NOOP("Pages", "Queue")), "console.pages.queue:QueuePage", QUEUE_WORK),
    PageSpec("counters", str(QT_TRANSLATE_NOOP("Pages", "Counters")), "console.pages.counters:CountersPage",
             Permission.MANAGE_COUNTERS),
    PageSpec("dashboard", str(QT_TRANSLATE_NOOP("Pages", "Dashboard")), "console.pages.dashboard:DashboardPage",
             Permission.VIEW_METRICS),
    PageSpec("quality", str(QT_TRANSLATE_NOOP("Pages", "Quality")), "console.pages.quality:QualityPage",
             Permission.VIEW_METRICS),
    PageSpec("region", str(QT_TRANSLATE_NOOP("Pages", "Region")), "console.pages.region:RegionPage",
             Permission.VIEW_REGION),
    PageSpec("centre", str(QT_TRANSLATE_NOOP("Pages", "Centre quality")), "console.pages.centre:CentreQualityPage",
             Permission.VIEW_REGION),
    PageSpec("printer", str(QT_TRANSLATE_NOOP("Pages", "Printer")), "console.pages.printer:PrinterPage", Permission.REPRINT),
    PageSpec("audit", str(QT_TRANSLATE_NOOP("Pages", "Audit")), "console.pages.audit:AuditPage", Permission.OPEN_CLOSE_DAY),
    PageSpec("diagnostics", str(QT_TRANSLATE_NOOP("Pages", "Diagnostics")), "console.pages.diagnostics:DiagnosticsPage",
             Permission.CONFIGURE),
]
