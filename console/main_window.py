"""The main window: navigation on the left, one page at a time, status bar below."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.pages import PAGES, PageSpec
from console.stranded import StrandedBanner
from widgets.focus_ring import install_focus_ring

if TYPE_CHECKING:
    from console.session import SessionControls

log = logging.getLogger(__name__)


def _scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: a page taller than a 1366x768 screen scrolls on its own,
    instead of making every page (and the window) taller than the screen."""
    frame = QScrollArea()
    frame.setObjectName("pageFrame")
    frame.setWidgetResizable(True)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setWidget(page)
    return frame


def page_key(n: int) -> str:
    """The key of the n-th page (1-based). Not Alt+n: Triage picks update types with Alt+1..6, and a
    key two shortcuts claim fires neither. Not Ctrl+n: the queue and counters pages select counters."""
    return f"Ctrl+Shift+{n}"


class MainWindow(QMainWindow):
    """Hosts the pages the signed-in role may open."""

    def __init__(self, ctx: AppContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self._focused_once = False
        self.ctx = ctx
        self.session: SessionControls | None = None
        """Who is signed in, Lock / Switch user and the role's menus (set by ``console.app.build_window``)."""
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
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.nav, 1)
        # Beside every page, under the page list: visitors waiting for a type no open counter serves (F3
        # moves them). Not above the pages: that row would push the sixth counter card below a 1366x768 fold.
        self.stranded = StrandedBanner(ctx, self, side=True)
        self.stranded.setFixedWidth(self.nav.width())
        column.addWidget(self.stranded)
        lay.addLayout(column)
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
        # The supervisor lives in this window: all of the screen from the start (1366x768 is common).
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_ring(app)

    def rebuild_pages(self) -> None:
        """(Re)create the pages the signed-in role may open: at start and when another person signs in."""
        # Hidden while emptied: removing the current page would show (and load) the next one for
        # a person who may no longer open it.
        self.stack.hide()
        while (frame := self.stack.widget(0)) is not None:
            self.stack.removeWidget(frame)
            frame.deleteLater()
        self.pages.clear()
        self.nav.clear()
        for act in self._page_actions:
            self.view_menu.removeAction(act)
        self._page_actions.clear()
        for spec in self._specs:
            if not spec.allows(self.ctx.actor):
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
            self.stack.addWidget(_scrolling(page))
            item = QListWidgetItem(QCoreApplication.translate("Pages", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            act = QAction(item.text(), self)
            act.setShortcut(QKeySequence(page_key(self.nav.count())))
            act.triggered.connect(lambda _=False, k=spec.key: self._go_to_page(k))
            self._page_actions.append(act)
        first = self.view_menu.actions()[0] if self.view_menu.actions() else None
        self.view_menu.insertActions(first, self._page_actions)  # type: ignore[arg-type]
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self.stack.show()
        if self.nav.count() and self.isActiveWindow():  # another person unlocked: their first page, keyboard in it
            self.focus_page()

    def show_page(self, key: str) -> QWidget:
        """Switch to the page ``key`` and return it."""
        page = self.pages[key]
        self.nav.setCurrentRow(list(self.pages).index(key))
        return page

    def _go_to_page(self, key: str) -> None:
        """A page key: show the page and put the keyboard in it (a scanned CNIC lands in Triage's field)."""
        self.show_page(key)
        self.focus_page()

    def focus_page(self) -> None:
        """Give the keyboard to the current page: its ``focus_target()`` (Triage: the CNIC field), else the page."""
        index = self.nav.currentRow()
        keys = list(self.pages)
        if not 0 <= index < len(keys):
            return
        page = self.pages[keys[index]]
        pick = getattr(page, "focus_target", None)
        target = pick() if callable(pick) else None
        (target if isinstance(target, QWidget) else page).setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event: QEvent) -> bool:
        # After sign-in (first show) and after the unlock dialog (the window is active again), the
        # focus would sit in the page list or nowhere, and a typed or scanned CNIC would be lost.
        if event.type() == QEvent.Type.WindowActivate:
            focus = QApplication.focusWidget()
            if not self._focused_once or focus is None or focus is self.nav or not self.isAncestorOf(focus):
                self._focused_once = True
                QTimer.singleShot(0, self.focus_page)
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ctx.demo:
            QSettings("drc-console", "drc-console").setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
