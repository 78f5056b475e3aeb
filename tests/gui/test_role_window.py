"""Roles shape the window: every role sees only what it may use, and pressing all of it is never refused.

Each test signs a role in on the demo site (tokens waiting, one called at counter 1), builds the
real main window and presses every visible, enabled button of every page, every menu entry and
every keyboard shortcut. Any :class:`PermissionDenied` raised anywhere (the services check every
action) fails the test. Dialogs answer at once (cancel, or the first choice) so nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
)

from console.app import build_window
from console.context import AppContext
from console.main_window import MainWindow
from db.engine import Store
from db.models import Role, UpdateType
from services.auth import set_demo_pins
from services.config import Config
from services.queue import QueueService
from services.roles import Actor, PermissionDenied

EXPECTED_PAGES = {
    Role.ADMIN: ["triage", "queue", "counters", "dashboard", "quality", "region", "centre", "printer", "audit",
                 "diagnostics"],
    Role.SUPERVISOR: ["triage", "queue", "counters", "dashboard", "quality", "printer", "audit", "diagnostics"],
    Role.TRIAGE: ["triage", "queue", "printer"],
    Role.DEO: ["queue"],
    Role.REGIONAL_MANAGER: ["dashboard", "quality", "region", "centre"],
}


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PermissionDenied raised during the test (whoever catches it later)."""
    seen: list[str] = []
    original = PermissionDenied.__init__

    def record(self: PermissionDenied, *args: Any, **kwargs: Any) -> None:
        seen.append(" ".join(str(a) for a in args))
        original(self, *args, **kwargs)

    monkeypatch.setattr(PermissionDenied, "__init__", record)
    return seen


@pytest.fixture
def quiet_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Modal dialogs answer at once: confirmations yes, choices the first item, files and forms cancel."""
    for cls in (QDialog, QMessageBox, QInputDialog, QFileDialog):
        monkeypatch.setattr(cls, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[0], True) if items else ("", False))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))


def _busy_day(queue: QueueService, counter_id: int) -> None:
    """Three visitors waiting and one called at ``counter_id``."""
    boss = Actor("supervisor", Role.SUPERVISOR)
    for t in (UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.ROSTER, UpdateType.MISSED_OUT):
        queue.issue_token(t, actor=boss)
    queue.call_next(counter_id, actor=boss)


def _actor_for(role: Role, deo: Callable[[int], Actor], counter_id: int) -> Actor:
    if role is Role.DEO:
        return deo(counter_id)
    return Actor({Role.ADMIN: "admin", Role.SUPERVISOR: "supervisor", Role.TRIAGE: "triage",
                  Role.REGIONAL_MANAGER: "manager"}[role], role)


@pytest.fixture
def open_window(qtbot: Any, make_ctx: Callable[..., AppContext], queue: QueueService, site: list[int],
                deo: Callable[[int], Actor]) -> Iterator[Callable[[Role], MainWindow]]:
    """``open_window(role)``: the main window as that role sees it on a busy demo day."""
    windows: list[MainWindow] = []

    def make(role: Role) -> MainWindow:
        _busy_day(queue, site[0])
        cfg = Config()
        cfg.hub.url = ""
        cfg.printer.qr_secret = "k" * 32  # so the slip check is offered where the role may use it
        ctx = make_ctx(cfg, _actor_for(role, deo, site[0]))
        window = build_window(ctx, idle_minutes=0)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        _settle(qtbot, ctx)
        return window

    yield make
    for window in windows:
        if window.ctx.board is not None:
            window.ctx.board.close()
        if window.session is not None:
            window.session.stop()
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and not isinstance(w, MainWindow):
            w.close()


def _settle(qtbot: Any, ctx: AppContext) -> None:
    """Let queued database work and its callbacks finish."""
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=10_000)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=10_000)


def press_everything(qtbot: Any, window: MainWindow) -> list[str]:
    """Press every visible, enabled control of every page, menu entry and shortcut; returns their names.

    A control repeated on several counter cards is pressed once (which cards show buttons at all
    is asserted separately for the DEO).
    """
    pressed: list[str] = []
    ctx = window.ctx
    lock_action = window.session.lock_action if window.session is not None else None
    for key in list(window.pages):
        page = window.show_page(key)
        _settle(qtbot, ctx)
        for button in page.findChildren(QAbstractButton):
            if not shiboken6.isValid(button) or not (button.isVisibleTo(window) and button.isEnabled()):
                continue
            name = f"{key}:{button.objectName() or button.text()}"
            if name in pressed:
                continue  # the same control on another counter card: one press shows the role may use it
            pressed.append(name)
            menu = button.menu() if isinstance(button, QPushButton | QToolButton) else None
            if menu is not None:  # a drop-down: its entries are the controls
                for act in menu.actions():
                    if act.isEnabled() and act.isVisible() and not act.isSeparator():
                        pressed.append(f"{key}:{act.text()}")
                        act.trigger()
                        _settle(qtbot, ctx)
                continue
            button.click()
            _settle(qtbot, ctx)
        for shortcut in page.findChildren(QShortcut):
            if shiboken6.isValid(shortcut) and shortcut.isEnabled():
                pressed.append(f"{key}:{shortcut.key().toString()}")
                shortcut.activated.emit()
                _settle(qtbot, ctx)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None or not menu_action.isVisible():
            continue
        for act in menu.actions():
            if not isinstance(act, QAction) or act.isSeparator() or act is lock_action:
                continue
            if act.isVisible() and act.isEnabled():
                pressed.append(f"menu:{act.text()}")
                act.trigger()
                _settle(qtbot, ctx)
    return pressed


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_every_visible_control_is_allowed_for_the_role(role: Role, open_window: Callable[[Role], MainWindow],
                                                       qtbot: Any, refusals: list[str], quiet_dialogs: None) -> None:
    window = open_window(role)
    assert list(window.pages) == EXPECTED_PAGES[role]
    assert window.session is not None
    assert window.session.who.text() == f"Signed in: {window.ctx.actor.username} ({_role_name(role)})"
    pressed = press_everything(qtbot, window)
    assert refusals == [], (role, refusals)
    assert pressed  # the walk reached controls
    day_menu_shown = window.day_menu.menuAction().isVisible()
    assert day_menu_shown == (role is not Role.REGIONAL_MANAGER)
    if role is Role.DEO:
        # The DEO's own counter (counter 1, with a called visitor) has its buttons; the others only show.
        assert any(p.startswith("queue:btn_recall") for p in pressed)
        queue_page = window.pages["queue"]
        cards = queue_page.cards  # type: ignore[attr-defined]
        assert [c.actionable for c in cards.values()] == [True] + [False] * (len(cards) - 1)


def _role_name(role: Role) -> str:
    return {Role.ADMIN: "Administrator", Role.SUPERVISOR: "Supervisor", Role.TRIAGE: "Triage staff",
            Role.DEO: "DEO", Role.REGIONAL_MANAGER: "Regional manager"}[role]


def test_the_queue_page_without_the_shaping_would_be_refused(open_window: Callable[[Role], MainWindow], qtbot: Any,
                                                            refusals: list[str], quiet_dialogs: None) -> None:
    """The walk can fail: a DEO pressing Call next on somebody else's counter is refused by the queue."""
    window = open_window(Role.DEO)
    page = window.pages["queue"]
    other = list(page.cards)[1]  # type: ignore[attr-defined]
    page.counter_action(other, "call")  # type: ignore[attr-defined]
    _settle(qtbot, window.ctx)
    assert refusals and "not assigned" in refusals[0]


def test_ctrl_l_locks_and_another_person_switches_the_window_to_their_role(
        open_window: Callable[[Role], MainWindow], qtbot: Any, store: Store) -> None:
    from services.auth import AuthPolicy, AuthService, make_hasher

    window = open_window(Role.SUPERVISOR)
    ctx = window.ctx
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    ctx.auth = AuthService(store, ctx.clock, AuthPolicy(), hasher, ctx.site_id)
    assert window.session is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = window.session.lock
    qtbot.waitUntil(lambda: lock.locked and lock.dialog is not None)
    assert lock.overlay.isVisible()
    dialog = lock.dialog
    assert dialog is not None
    assert any("switch user" in label.text() for label in dialog.findChildren(QLabel))
    dialog.username.setText("triage")
    dialog.secret.setText("1234")
    with qtbot.waitSignal(window.session.sig_role_applied, timeout=10_000):
        dialog.ok.click()
    assert ctx.actor.role is Role.TRIAGE
    assert list(window.pages) == EXPECTED_PAGES[Role.TRIAGE]
    assert window.session.who.text() == "Signed in: triage (Triage staff)"
    assert not lock.overlay.isVisible()
    # The day's open/close entries went with the supervisor; the triage assistant keeps the slip check.
    texts = [a.text() for a in window.day_menu.actions()]
    assert "Close the day…" not in texts and "Check a slip…" in texts
