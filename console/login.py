"""Signing in: the sign-in dialog, the first-run "create the administrator" dialog, idle auto-lock.

``sign_in(ctx, parent)`` is what start-up calls; it sets ``ctx.actor``. ``install_idle_lock``
covers the main window after ``config.ui.idle_lock_minutes`` without keyboard or mouse
activity and asks for the PIN again. Hashing and the database run on the DB worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the sign-in dialog is the first window: it must not wait for these imports
    from console.context import AppContext
    from console.startup import Startup
    from console.tasks import TaskRunner
    from services.auth import AuthService
    from services.roles import Actor

_ERROR_STYLE = "color:#b71c1c;font-weight:600;"


def _lay_out(dialog: QDialog, intro: QLabel, form: QFormLayout, error: QLabel, buttons: QDialogButtonBox,
             on_ok: Callable[[], None]) -> None:
    """A sign-in style dialog, top to bottom: what to do, the fields, the problem, the buttons."""
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(intro)
    lay.addLayout(form)
    lay.addWidget(error)
    lay.addWidget(buttons)


def _error_label() -> QLabel:
    """The hidden red line a sign-in dialog shows its problem in."""
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(_ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class SignInDialog(QDialog):
    """Username and PIN/password; shows a clear error and the lockout time."""

    sig_signed_in = Signal(object)
    """Sign-in succeeded (the :class:`Actor`)."""

    def __init__(self, auth: AuthService | None, tasks: TaskRunner | None, username: str = "", *,
                 unlock: bool = False, manual: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth = auth
        self.tasks = tasks
        self.actor: Actor | None = None
        self._pending: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Unlock DRC Console") if unlock else self.tr("Sign in to DRC Console"))
        self.setMinimumWidth(380)
        if manual:
            text = self.tr("The console is locked. Sign in to continue, or type another username to switch user.")
        elif unlock:
            text = self.tr("The console was locked after a period without use. Sign in to continue.")
        else:
            text = self.tr("Sign in with your username and PIN or password.")
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("PIN or password"), self.secret)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("sign_in")
        self.ok.setDefault(True)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        _lay_out(self, intro, form, self.error, self.buttons, self._on_buttons_accepted)
        (self.secret if username else self.username).setFocus()

    def attach(self, auth: AuthService, tasks: TaskRunner) -> None:
        """The services are ready (start-up builds them behind this dialog); a sign-in already asked for runs now."""
        self.auth, self.tasks = auth, tasks
        self.ok.setText(self.tr("Sign in"))
        if self._pending is not None:
            user, secret = self._pending
            self._pending = None
            self._authenticate(user, secret)

    def startup_failed(self, exc: BaseException) -> None:
        """Start-up could not prepare the database: say why; only Cancel is left."""
        self._pending = None
        self.ok.setEnabled(False)
        self.ok.setText(self.tr("Sign in"))
        self._show_error(self.tr("The console could not start: %1").replace("%1", str(exc)))

    def _on_buttons_accepted(self) -> None:
        user, secret = self.username.text().strip(), self.secret.text()
        if not user or not secret:
            self._show_error(self.tr("Enter your username and PIN."))
            return
        if self.auth is None or self.tasks is None:  # still starting: sign in as soon as it is ready
            self._pending = (user, secret)
            self.ok.setEnabled(False)
            self.ok.setText(self.tr("Starting…"))
            return
        self._authenticate(user, secret)

    def _authenticate(self, user: str, secret: str) -> None:
        auth, tasks = self.auth, self.tasks
        assert auth is not None and tasks is not None
        self.ok.setEnabled(False)
        tasks.run_db(lambda: auth.authenticate(user, secret), self._on_authenticated, self._on_failed)

    def _on_authenticated(self, actor: Actor) -> None:
        self.actor = actor
        self.secret.clear()
        self.ok.setEnabled(True)
        self.sig_signed_in.emit(actor)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from services.auth import AccountLocked, AuthError
        from services.clock import SITE_ZONE

        self.ok.setEnabled(True)
        self.secret.clear()
        self.secret.setFocus()
        if isinstance(exc, AccountLocked):
            until = exc.until.astimezone(SITE_ZONE).strftime("%H:%M")
            self._show_error(self.tr("Too many wrong attempts. This account is locked until %1.").replace("%1", until))
        elif isinstance(exc, AuthError):
            self._show_error(self.tr("Wrong username or PIN. Please try again."))
        else:
            self._show_error(self.tr("Could not sign in: %1").replace("%1", str(exc)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class CreateAdminDialog(QDialog):
    """First run: nobody can sign in yet, so the person installing creates the administrator."""

    def __init__(self, auth: AuthService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.auth = auth
        self.tasks = tasks
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("This is the first start of DRC Console at this site. Create the administrator "
                               "account; the administrator then adds the other staff."))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        for w in (self.secret, self.confirm):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.secret)
        form.addRow(self.tr("Repeat password"), self.confirm)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("create")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        _lay_out(self, intro, form, self.error, self.buttons, self._on_buttons_accepted)

    def _on_buttons_accepted(self) -> None:
        user, name, secret = self.username.text().strip(), self.full_name.text().strip(), self.secret.text()
        if not user:
            self._show_error(self.tr("Enter a username."))
            return
        if secret != self.confirm.text():
            self._show_error(self.tr("The two passwords differ."))
            return
        if len(secret) < max(8, self.auth.policy.min_secret_length):
            self._show_error(self.tr("The administrator's password needs at least 8 characters."))
            return
        self.ok.setEnabled(False)
        self.tasks.run_db(lambda: self.auth.create_first_admin(user, name, secret), self._on_created, self._on_failed)

    def _on_created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from console.tasks import describe_error
        from services.auth import AuthError
        from services.roles import PermissionDenied

        self.ok.setEnabled(True)
        self._show_error(describe_error(exc) if isinstance(exc, (AuthError, PermissionDenied)) else
                         self.tr("Could not create the account: %1").replace("%1", str(exc)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def sign_in(ctx: AppContext, parent: QWidget | None = None, *, username: str | None = None) -> Actor | None:
    """Ask who is at the console (or, on first run, create the administrator); sets ``ctx.actor``.

    Returns None when the person cancels. In ``--demo`` every demo account gets the PIN 1234
    and the username is prefilled with ``supervisor``.
    """
    from services.auth import set_demo_pins

    auth = ctx.auth
    if ctx.demo:
        ctx.tasks.run_db(lambda: set_demo_pins(ctx.store))
    # Start-up, before any window is shown: a short wait on one indexed read is acceptable here.
    first_run = bool(ctx.tasks.run_db(auth.needs_first_admin).result(timeout=30))
    dialog: SignInDialog | CreateAdminDialog
    if first_run and not ctx.demo:
        dialog = CreateAdminDialog(auth, ctx.tasks, parent)
    else:
        prefill = username if username is not None else ("supervisor" if ctx.demo else "")
        dialog = SignInDialog(auth, ctx.tasks, prefill, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    ctx.actor = dialog.actor
    return dialog.actor


def sign_in_at_start(startup: Startup) -> Actor | None:
    """Start-up's sign-in: the dialog shows before the services exist and receives them when ready.

    On a site with no administrator yet it gives way to the "create the administrator" dialog.
    Sets ``ctx.actor``; returns None when the person cancels (or start-up failed and they close).
    """
    dialog = SignInDialog(None, None, "supervisor" if startup.demo else "")
    first_run = False

    def ready(ctx: AppContext) -> None:
        nonlocal first_run
        if startup.prepared is not None and startup.prepared.first_run and not ctx.demo:
            first_run = True
            dialog.done(QDialog.DialogCode.Rejected)
        else:
            dialog.attach(ctx.auth, ctx.tasks)

    startup.sig_ready.connect(ready)
    startup.sig_failed.connect(dialog.startup_failed)
    if startup.ctx is not None:
        ready(startup.ctx)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    actor = dialog.actor
    ctx = startup.ctx
    if first_run and ctx is not None:
        create = CreateAdminDialog(ctx.auth, ctx.tasks)
        accepted = create.exec() == QDialog.DialogCode.Accepted
        actor = create.actor
    if not accepted or actor is None or ctx is None:
        return None
    ctx.actor = actor
    return actor


class _LockOverlay(QWidget):
    """Covers the window while locked so no visitor data stays on screen."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("LockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#LockOverlay{background:#0d2538;} QLabel{color:#e8eef3;font-size:18pt;}")
        self.label = QLabel(self.tr("Locked"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("Unlock…"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setMinimumHeight(40)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.label)
        lay.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(1)
        self.hide()


_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleLock(QObject):
    """Locks ``window`` after ``timeout_ms`` without keyboard, mouse or touch input anywhere in the app.

    ``timeout_ms`` 0 never locks by itself; :meth:`lock` (Ctrl+L) still does.
    """

    sig_locked = Signal()
    """The console was locked for inactivity."""

    sig_unlocked = Signal(object)
    """Someone signed in again (the :class:`Actor`; ``ctx.actor`` is already set)."""

    sig_user_changed = Signal(object)
    """The person who unlocked is not the one who was signed in: pages should follow the new role."""

    def __init__(self, ctx: AppContext, window: QWidget, timeout_ms: int) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.locked = False
        self.manual = False
        self.auto = timeout_ms > 0
        self.dialog: SignInDialog | None = None
        self.overlay = _LockOverlay(window)
        self.overlay.unlock_button.clicked.connect(self._prompt)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._restart()

    def _restart(self) -> None:
        if self.auto:
            self._timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Restart the countdown on user input; keep the overlay the size of the window."""
        if event.type() in _ACTIVITY and not self.locked:
            self._restart()
        elif event.type() == QEvent.Type.Resize and obj is self.window and self.locked:
            self.overlay.setGeometry(self.window.rect())
        return False

    def lock(self, *, manual: bool = False) -> None:
        """Cover the window and ask for the PIN (``manual``: Lock / Switch user, not the idle timer)."""
        if self.locked:
            return
        self.manual = manual
        self.locked = True
        self._timer.stop()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.sig_locked.emit()
        self._prompt()

    def _prompt(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        self.dialog = SignInDialog(self.ctx.auth, self.ctx.tasks, self.ctx.actor.username, unlock=True,
                                   manual=self.manual, parent=self.window)
        self.dialog.sig_signed_in.connect(self._on_dialog_signed_in)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _on_dialog_signed_in(self, actor: Actor) -> None:
        previous = self.ctx.actor
        self.ctx.actor = actor
        self.locked = False
        self.overlay.hide()
        self._restart()
        self.sig_unlocked.emit(actor)
        if actor.username != previous.username:
            self.sig_user_changed.emit(actor)
        # The keyboard goes back into the page (Triage: the CNIC field), not the page list.
        refocus = getattr(self.window, "focus_page", None)
        if callable(refocus):
            QTimer.singleShot(0, refocus)

    def stop(self) -> None:
        """Stop watching (on exit)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def install_idle_lock(ctx: AppContext, window: QWidget, minutes: float | None = None) -> IdleLock | None:
    """Lock ``window`` after ``config.ui.idle_lock_minutes`` idle (None when set to 0: never)."""
    minutes = ctx.config.ui.idle_lock_minutes if minutes is None else minutes
    if minutes <= 0:
        return None
    return IdleLock(ctx, window, int(minutes * 60_000))
