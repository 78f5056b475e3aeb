"""Starting and stopping the counter terminal from the console, and showing where it is.

The terminal is on when ``config.terminal.enabled`` is true (bind/port from the config). In
``--demo`` it is always on, but only on loopback (127.0.0.1) and a free port, so a demo never
exposes anything to the LAN; its URL is shown in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from console.context import AppContext
from console.login import auth_service
from services.terminal import SessionSigner, TerminalDeps, TerminalServer, create_app


def terminal_address(ctx: AppContext) -> tuple[str, int] | None:
    """Where the terminal should listen, or None when it is off."""
    if ctx.demo:
        return ("127.0.0.1", 0)
    t = ctx.config.terminal
    return (t.bind, t.port) if t.enabled else None


def start_terminal(ctx: AppContext) -> TerminalServer | None:
    """Start serving the terminal in the background (never blocks the GUI); None when it is off.

    The server is kept in ``ctx.terminal``; its URL appears in the status bar once it listens.
    """
    where = terminal_address(ctx)
    if where is None:
        return None
    deps = TerminalDeps(ctx.queue, ctx.site, auth_service(ctx), ctx.clock, SessionSigner(), ctx.config.site.name)
    server = TerminalServer(create_app(deps), *where)
    ctx.terminal = server
    label = QLabel(QCoreApplication.translate("StatusBar", "Counter terminal: starting…"))
    label.setObjectName("terminal_url")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setContentsMargins(8, 0, 8, 0)
    ctx.status.addPermanentWidget(label)

    def started(url: str) -> None:
        label.setText(QCoreApplication.translate("StatusBar", "Counter terminal: %1").replace("%1", url))

    def failed(exc: BaseException) -> None:
        label.setText(QCoreApplication.translate("StatusBar", "Counter terminal: off"))
        ctx.status.alert(QCoreApplication.translate("StatusBar", "The counter terminal could not start: %1").replace("%1", str(exc)), "error")

    ctx.tasks.run_io(server.start, started, failed)
    return server


def stop_terminal(ctx: AppContext) -> None:
    """Stop the terminal if it runs (on exit)."""
    server = ctx.terminal
    if isinstance(server, TerminalServer):
        server.stop()
    ctx.terminal = None
