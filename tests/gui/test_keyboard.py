"""Keyboard all the way (issue #14 item 2): focus in the CNIC field after sign-in, unlock and each
issue; page keys that work on every page (Triage too); a selected counter scrolls into view before
a key acts on it; a visible focus ring; a transfer key; the keyboard map on F1."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton

from console.app import build_window
from console.context import AppContext
from console.keymap import KeyboardMap
from console.login import IdleLock
from console.main_window import MainWindow
from console.pages.queue import QueuePage
from db.models import TokenState, UpdateType
from services.auth import make_hasher, set_demo_pins
from services.roles import SYSTEM
from widgets.focus_ring import FocusRingTracker

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _window(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitActive(window)
    # Signed in: the keyboard is in the CNIC field of the first page (Triage), nowhere else.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is _cnic_input(window))
    return window


def _cnic_input(window: MainWindow) -> Any:
    return window.pages["triage"].cnic_field.line_edit  # type: ignore[attr-defined]


def test_after_sign_in_a_scanned_cnic_lands_in_the_field_and_again_after_each_issue(qtbot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    assert window.isMaximized()
    field = _cnic_input(window)
    triage = window.pages["triage"]
    # A keyboard-wedge scanner types into whatever has the focus.
    with qtbot.waitSignal(triage.sig_lookup_done, timeout=10000):  # type: ignore[attr-defined]
        qtbot.keyClicks(QApplication.focusWidget(), "35202-1234567-1")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Triage's own Alt+2 still works
    triage.desk.change_boxes["contact"].setChecked(True)  # type: ignore[attr-defined]  # a roster update says what changes
    qtbot.mouseClick(triage.issue_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(ctx.queue.waiting()) == 1 and field.hasFocus(), timeout=10000)
    assert field.text() == ""


def test_after_unlock_the_keyboard_is_back_in_the_cnic_field(qtbot, ctx: AppContext, store) -> None:
    set_demo_pins(store, hasher=make_hasher(fast=True))
    ctx.auth.hasher = make_hasher(fast=True)
    window = _window(qtbot, ctx)
    field = _cnic_input(window)
    qtbot.waitUntil(field.hasFocus)
    lock = IdleLock(ctx, window, timeout_ms=60_000)
    try:
        lock.lock()
        dialog = lock.dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not field.hasFocus())
        dialog.secret.setText("1234")
        with qtbot.waitSignal(lock.sig_unlocked, timeout=10000):
            dialog.ok.click()
        # The window's keyboard target is the field (offscreen no window is re-activated by itself).
        qtbot.waitUntil(lambda: window.focusWidget() is field)
        window.activateWindow()
        qtbot.waitUntil(field.hasFocus)
    finally:
        lock.stop()


def test_page_keys_work_on_every_page_and_do_not_clash_with_triage(qtbot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    keys = list(window.pages)
    for n in [2, 3, 1, len(keys), 1]:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key(Qt.Key.Key_0.value + n), CTRL_SHIFT)
        qtbot.waitUntil(lambda n=n: window.nav.currentRow() == n - 1)
    assert _cnic_input(window).hasFocus()  # Ctrl+Shift+1 went to Triage, keyboard in the CNIC field
    assert [a.shortcut().toString() for a in window._page_actions][:3] == [
        "Ctrl+Shift+1", "Ctrl+Shift+2", "Ctrl+Shift+3"]


def test_a_selected_counter_scrolls_into_view_before_f5_calls_there(qtbot, ctx: AppContext, site: list[int]) -> None:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 420)  # room for about one row of cards
    page.show()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: len(page.cards) == 6 and QApplication.activeWindow() is page)
    ctx.queue.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    viewport = page.cards_scroll.viewport()
    qtbot.waitUntil(lambda: page.cards_scroll.verticalScrollBar().maximum() > 0)  # the cards are laid out

    def seen(counter_id: int) -> bool:
        card = page.cards[counter_id]
        top = card.mapTo(viewport, card.rect().topLeft()).y()
        return top >= 0 and top + card.height() <= viewport.height()

    assert not seen(site[5])
    qtbot.keyClick(page, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: seen(site[5]))
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.cards[site[5]].token.text() == "S-001")


def test_f4_transfers_the_selected_counters_token(qtbot, ctx: AppContext, site: list[int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        offered.append(list(items))
        return "Cyclic update", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[0], actor=SYSTEM)
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: page.cards.get(site[0]) is not None and page.cards[site[0]].token.text() == "R-001"
                    and QApplication.activeWindow() is page)
    qtbot.keyClick(page, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: [t.update_type for t in ctx.queue.waiting()] == [UpdateType.CYCLIC])
    assert offered and "Cyclic update" in offered[0]
    assert ctx.queue.tokens()[0].state is TokenState.WAITING


def test_the_focus_ring_follows_the_keyboard(qtbot, ctx: AppContext, qapp) -> None:
    window = _window(qtbot, ctx)
    window.show_page("queue")
    button = window.pages["queue"].findChild(QPushButton, "issueButton")
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    tracker = qapp.findChild(FocusRingTracker)
    ring = tracker.ring
    assert ring is not None and ring.isVisible() and ring.widget() is button
    outer = ring.geometry()
    inner = button.geometry()
    assert outer.contains(inner) and outer != inner
    shot = window.grab().toImage()
    corner = ring.mapTo(window, ring.rect().center())
    at = shot.pixelColor(ring.mapTo(window, ring.rect().topLeft()).x() + 1, corner.y())
    assert at.name() == "#ff8f00"  # the ring is drawn, in amber


def test_f1_opens_the_keyboard_map(qtbot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(KeyboardMap, "keyboardMap") is not None)
    dialog = window.findChild(KeyboardMap, "keyboardMap")
    text = dialog.text.toPlainText()
    for key in ("Ctrl+Shift+2", "F5", "F4", "F3", "Alt+1…6", "Ctrl+1…9", "F11"):
        assert key in text
    dialog.close()
