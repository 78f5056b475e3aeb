"""The main window: navigation on the left, one page at a time, status bar below."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from console.context import AppContext
from console.pages import PAGES, PageSpec

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Hosts the pages the signed-in role may open."""

    def __init__(self, ctx: AppContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        site = ctx.config.site
        self.setWindowTitle(self.tr("DRC Console — %1").replace("%1", site.name) + (self.tr("  [DEMO]") if ctx.demo else ""))
        self.setStatusBar(ctx.status)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget{background:#0d2538;color:#e8eef3;border:none;font-size:13pt;}"
            "QListWidget::item{padding:12px 14px;}"
            "QListWidget::item:selected{background:#1f6fb2;color:white;}"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._specs = pages if pages is not None else PAGES
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.day_menu = self.menuBar().addMenu(self.tr("&Day"))
        self._page_actions: list[QAction] = []
        self.rebuild_pages()
        self.resize(1440, 900)
        geometry = QSettings("drc-console", "drc-console").value("main/geometry")
        if geometry is not None and not ctx.demo:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]

    def rebuild_pages(self) -> None:
        """(Re)create the pages the signed-in role may open: at start and when another person signs in."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.nav.clear()
        for act in self._page_actions:
            self.view_menu.removeAction(act)
        self._page_actions.clear()
        for spec in self._specs:
            if spec.permission is not None and not self.ctx.actor.can(spec.permission):
                continue
            try:
                cls = spec.load()
            except ModuleNotFoundError as exc:
                # A feature that is not installed in this build is left out, not a crash.
                if exc.name != spec.target.partition(":")[0]:
                    raise
                log.info("page %s not available: %s", spec.key, exc)
                continue
            page = cls(self.ctx, self)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(QCoreApplication.translate("Pages", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            act = QAction(item.text(), self)
            act.setShortcut(QKeySequence(f"Alt+{self.nav.count()}"))
            act.triggered.connect(lambda _=False, k=spec.key: self.show_page(k))
            self._page_actions.append(act)
        first = self.view_menu.actions()[0] if self.view_menu.actions() else None
        self.view_menu.insertActions(first, self._page_actions)  # type: ignore[arg-type]
        if self.nav.count():
            self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> QWidget:
        """Switch to the page ``key`` and return it."""
        page = self.pages[key]
        self.nav.setCurrentRow(self.stack.indexOf(page))
        return page

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ctx.demo:
            QSettings("drc-console", "drc-console").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
