"""The console starts the terminal in the background and shows its URL in the status bar."""

from __future__ import annotations

import requests
from PySide6.QtWidgets import QLabel

from console.context import AppContext
from console.terminal import start_terminal, stop_terminal, terminal_address


def test_demo_serves_on_loopback_and_shows_the_url(qtbot, ctx: AppContext) -> None:
    assert terminal_address(ctx) is None  # off by default outside the demo
    ctx.demo = True
    server = start_terminal(ctx)
    assert server is not None and ctx.terminal is server
    try:
        label = ctx.status.findChild(QLabel, "terminal_url")
        qtbot.waitUntil(lambda: "http://127.0.0.1:" in label.text(), timeout=10_000)
        url = label.text().split(": ", 1)[1].split(" ", 1)[0]
        # Loopback: the screen says tablets cannot reach it and how to change that.
        assert "(this PC only)" in label.text() and "[terminal] bind" in label.toolTip()
        r = requests.get(url, timeout=10)
        assert r.status_code == 200 and "Sign in" in r.text
    finally:
        stop_terminal(ctx)
    assert not server.running and ctx.terminal is None


def test_enabled_without_an_address_listens_on_loopback_only(qtbot, ctx: AppContext) -> None:
    """Finding: with only ``enabled = true`` the terminal listened on 0.0.0.0."""
    ctx.config.terminal.enabled = True
    ctx.config.terminal.port = 0
    server = start_terminal(ctx)
    assert server is not None
    try:
        label = ctx.status.findChild(QLabel, "terminal_url")
        qtbot.waitUntil(lambda: "(this PC only)" in label.text(), timeout=10_000)
        assert server.bind == "127.0.0.1" and server.loopback_only
        assert server._server is not None
        host = server._server.servers[0].sockets[0].getsockname()[0]
        assert host == "127.0.0.1"
    finally:
        stop_terminal(ctx)
