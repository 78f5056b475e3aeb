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
