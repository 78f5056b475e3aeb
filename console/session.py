"""Who is at the console, and a window shaped by their role.

The menu bar's corner names the signed-in person and their role and offers Lock / Switch user
(Ctrl+L). Locking covers the window and asks for a PIN; when someone else signs in, the pages
and the role-dependent menu entries are rebuilt for their role, so no control is offered that
the services would then refuse. The same :class:`~console.login.IdleLock` locks after the idle
timeout (``[ui] idle_lock_minutes``; 0 locks only on request).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from console.context import AppContext
from console.login import IdleLock
from console.names import role_label
from console.pages import QUEUE_WORK
from services.roles import Actor, Permission

if TYPE_CHECKING:
    from console.main_window import MainWindow


def who_text(actor: Actor) -> str:
    """The corner's "signed in as" line: the person's own username and role (theirs to see)."""
    return QCoreApplication.translate("Session", "Signed in: %1 (%2)").replace("%1", actor.username).replace("%2", role_label(actor.role))


class SessionControls(QObject):
    """The signed-in line, Lock / Switch user (Ctrl+L), and the menu entries that follow the role."""

    sig_role_applied = Signal(object)
    """The window now shows what this :class:`Actor`'s role may use (after a switch of user)."""

    def __init__(self, ctx: AppContext, window: MainWindow, idle_minutes: float | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        minutes = ctx.config.ui.idle_lock_minutes if idle_minutes is None else idle_minutes
        self.lock = IdleLock(ctx, window, int(max(minutes, 0) * 60_000))
        self.lock_action = QAction(QCoreApplication.translate("Session", "Lock / Switch user"), window)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.triggered.connect(self._on_lock_action_triggered)
        window.addAction(self.lock_action)
        self.who = QLabel()
        self.who.setObjectName("signed_in")
        self.who.setStyleSheet("font-weight:600;padding:0 8px;")
        button = QToolButton()
        button.setObjectName("lock_button")
        button.setDefaultAction(self.lock_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        corner = QWidget(window)
        self.corner = corner  # PySide does not keep the corner widget alive by itself
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.who)
        row.addWidget(button)
        window.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self._role_actions: list[QAction] = []
        self.lock.sig_unlocked.connect(self._on_lock_unlocked)
        self.lock.sig_user_changed.connect(self._on_lock_user_changed)
        self.apply_role_menus()
        self._show_who()

    def _on_lock_action_triggered(self) -> None:
        self.lock.lock(manual=True)

    def _on_lock_unlocked(self, _actor: Actor) -> None:
        self._show_who()

    def _on_lock_user_changed(self, actor: Actor) -> None:
        self.window.rebuild_pages()
        self.apply_role_menus()
        self._show_who()
        self.sig_role_applied.emit(actor)

    def _show_who(self) -> None:
        self.who.setText(who_text(self.ctx.actor))

    def apply_role_menus(self) -> None:
        """(Re)build the menu entries that depend on the role: board, open/close the day, slip check."""
        from console.board import open_board
        from console.close_day import close_day, open_day

        window, ctx, actor = self.window, self.ctx, self.ctx.actor
        for act in self._role_actions:
            for menu in (window.view_menu, window.day_menu):
                menu.removeAction(act)
            act.deleteLater()
        self._role_actions = []
        if any(actor.can(p) for p in QUEUE_WORK):
            board = QAction(QCoreApplication.translate("MainWindow", "Now-serving board"), window)
            board.setObjectName("board_action")
            board.setShortcut(QKeySequence("F11"))
            board.triggered.connect(lambda: open_board(ctx, window))
            self._role_actions += [window.view_menu.addSeparator(), board]
            window.view_menu.addAction(board)
        if actor.can(Permission.OPEN_CLOSE_DAY):
            opening = QAction(QCoreApplication.translate("MainWindow", "Open the day"), window)
            opening.triggered.connect(lambda: open_day(ctx))
            closing = QAction(QCoreApplication.translate("MainWindow", "Close the day…"), window)
            closing.triggered.connect(lambda: close_day(ctx, window))
            for act in (opening, closing):
                window.day_menu.addAction(act)
                self._role_actions.append(act)
        secret = ctx.config.printer.qr_secret
        if secret and (actor.can(Permission.REPRINT) or actor.can(Permission.SERVE_OWN_COUNTER)):
            from console.slip_check import install_slip_check

            self._role_actions.append(install_slip_check(ctx, window, window.day_menu, secret))
        # A menu with nothing this role may do is not shown at all.
        window.day_menu.menuAction().setVisible(bool(window.day_menu.actions()))

    def stop(self) -> None:
        """Stop the idle timer and input watching (on exit)."""
        self.lock.stop()
