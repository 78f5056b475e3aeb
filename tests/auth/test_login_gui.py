"""The sign-in and create-admin dialogs, and the idle auto-lock, on real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from console.context import AppContext
from console.login import CreateAdminDialog, IdleLock, SignInDialog, install_idle_lock, sign_in
from db.engine import Store
from db.models import Role
from services.auth import AuthPolicy, AuthService, make_hasher, set_demo_pins


def _fast_auth(ctx: AppContext, store: Store) -> AuthService:
    hasher = make_hasher(fast=True)
    set_demo_pins(store, hasher=hasher)
    auth = AuthService(store, ctx.clock, AuthPolicy(max_failures=3), hasher, ctx.site_id)
    ctx.auth = auth
    return auth


def test_sign_in_dialog_wrong_pin_then_lockout_then_success(qtbot, ctx: AppContext, store: Store) -> None:
    auth = _fast_auth(ctx, store)
    dlg = SignInDialog(auth, ctx.tasks, "triage")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.secret.setText("0000")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible() and dlg.ok.isEnabled())
    assert dlg.error.text() == "Wrong username or PIN. Please try again."
    assert dlg.secret.text() == "" and dlg.actor is None
    for _ in range(2):
        dlg.secret.setText("0000")
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dlg.ok.isEnabled)
    assert "locked until 10:01" in dlg.error.text()  # 10:00 + the first wait of 1 minute
    ctx.clock.advance(2 * 60)
    dlg.secret.setText("1234")
    with qtbot.waitSignal(dlg.sig_signed_in) as got:
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert got.args[0].role is Role.TRIAGE
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_create_admin_dialog(qtbot, ctx: AppContext, store: Store) -> None:
    auth = AuthService(store, ctx.clock, hasher=make_hasher(fast=True), site_id=ctx.site_id)
    assert auth.needs_first_admin()
    dlg = CreateAdminDialog(auth, ctx.tasks)
    qtbot.addWidget(dlg)
    dlg.full_name.setText("Site Admin")
    dlg.secret.setText("long-enough")
    dlg.confirm.setText("different!")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "The two passwords differ."
    dlg.secret.setText("short")
    dlg.confirm.setText("short")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "at least 8" in dlg.error.text()
    dlg.secret.setText("long-enough")
    dlg.confirm.setText("long-enough")
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.actor is not None and dlg.actor.role is Role.ADMIN
    assert not auth.needs_first_admin()


def test_sign_in_function_sets_the_actor_and_prefills_demo(qtbot, ctx: AppContext, store: Store) -> None:
    _fast_auth(ctx, store)
    ctx.demo = True
    seen: dict[str, str] = {}

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, SignInDialog):
            QTimer.singleShot(20, answer)
            return
        seen["prefill"] = dlg.username.text()
        dlg.secret.setText("1234")
        dlg.ok.click()

    QTimer.singleShot(0, answer)
    actor = sign_in(ctx)
    assert seen["prefill"] == "supervisor"
    assert actor is not None and ctx.actor == actor and actor.role is Role.SUPERVISOR and actor.staff_id


def test_idle_lock_after_timeout_and_activity_postpones_it(qtbot, ctx: AppContext, store: Store) -> None:
    _fast_auth(ctx, store)
    ctx.actor = ctx.auth.authenticate("supervisor", "1234")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    lock = IdleLock(ctx, window, timeout_ms=300)
    try:
        for _ in range(4):  # activity every 150 ms keeps it open for 600 ms
            qtbot.wait(150)
            qtbot.mouseMove(window, QPoint(10 + _, 10))
            qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not lock.locked
        with qtbot.waitSignal(lock.sig_locked, timeout=2000):
            pass
        assert lock.locked and lock.overlay.isVisible() and lock.overlay.geometry() == window.rect()
        dlg = lock.dialog
        assert dlg is not None and dlg.username.text() == "supervisor"
        dlg.secret.setText("9999")
        dlg.ok.click()
        qtbot.waitUntil(dlg.error.isVisible)
        assert lock.locked
        # Input while locked does not count as activity; the triage assistant takes over the desk.
        dlg.username.setText("triage")
        dlg.secret.setText("1234")
        with qtbot.waitSignal(lock.sig_user_changed) as changed:
            dlg.ok.click()
        assert changed.args[0].username == "triage" and ctx.actor.username == "triage"
        assert not lock.locked and not lock.overlay.isVisible()
    finally:
        lock.stop()


def test_idle_lock_disabled_with_zero(qtbot, ctx: AppContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    assert install_idle_lock(ctx, window, minutes=0) is None
    lock = install_idle_lock(ctx, window, minutes=10)
    assert lock is not None and lock._timer.interval() == 600_000
    lock.stop()
