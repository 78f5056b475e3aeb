"""Starting and stopping the counter terminal from the console, and showing where it is.

The terminal is on when ``config.terminal.enabled`` is true (bind/port/tls from the config; it
listens on 127.0.0.1 unless an address is set). In ``--demo`` it is always on, but only on
loopback and a free port, so a demo never exposes anything to the LAN. The status bar shows the
address DEOs should open, says when only this PC can reach it, and shows the certificate's
fingerprint when it serves HTTPS.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from console.context import AppContext
from console.names import ltr
from console.slip_code import slip_checker
from db.engine import data_dir
from services.terminal import TerminalDeps, TerminalServer, create_app
from services.terminal.tls import ensure_certificate, fingerprint


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
    bind, port = where
    tls = None
    if ctx.config.terminal.tls and not ctx.demo:
        from services.terminal.server import lan_address

        tls = ensure_certificate(data_dir(), [bind, lan_address()])
    secret = ctx.config.printer.qr_secret
    deps = TerminalDeps(ctx.queue, ctx.site, ctx.auth, ctx.clock, site_name=ctx.config.site.name,
                        language=ctx.config.ui.language,
                        tls=tls is not None, check_slip=slip_checker(ctx.queue, ctx.site_id, secret) if secret else None)
    server = TerminalServer(create_app(deps), bind, port, tls=tls)
    ctx.terminal = server
    label = QLabel(QCoreApplication.translate("StatusBar", "Counter terminal: starting…"))
    label.setObjectName("terminal_url")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setContentsMargins(8, 0, 8, 0)
    ctx.status.addPermanentWidget(label)

    def started(url: str) -> None:
        label.setText(QCoreApplication.translate("StatusBar", "Counter terminal: %1").replace("%1", ltr(url)))
        tip = [QCoreApplication.translate("StatusBar", "DEOs open %1 on their tablet.").replace("%1", ltr(url))]
        if server.loopback_only:
            tip = [QCoreApplication.translate(
                "StatusBar", "Only this PC can open the terminal. To let tablets on the site LAN in, set "
                "[terminal] bind to this PC's LAN address or 0.0.0.0.")]
            label.setText(label.text() + " " + QCoreApplication.translate("StatusBar", "(this PC only)"))
        if tls is not None:
            tip.append(QCoreApplication.translate("StatusBar", "Certificate fingerprint (SHA-256): %1")
                       .replace("%1", fingerprint(tls[0])))
        label.setToolTip("\n".join(tip))

    def failed(exc: BaseException) -> None:
        label.setText(QCoreApplication.translate("StatusBar", "Counter terminal: off"))
        ctx.status.alert(QCoreApplication.translate("StatusBar", "The counter terminal could not start: %1").replace("%1", str(exc)), "error")

    ctx.tasks.run_io(server.start, started, failed)
    return server


def stop_terminal(ctx: AppContext) -> None:
    """Stop the terminal if it runs (on exit)."""
    server = ctx.terminal
    if server is not None:
        server.stop()
    ctx.terminal = None
