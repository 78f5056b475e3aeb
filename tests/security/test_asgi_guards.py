"""The guards in front of the hub and the terminal on raw ASGI messages: what no real HTTP client
sends (a lifespan scope, a Content-Length that is not a number or is negative) still gets its answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from services.asgi import ASGIApp, HttpMiddleware, Message, Receive, Scope, Send, declared_length
from services.hub.guard import RequestGuard
from services.hub.keys import KeyRing
from services.terminal.guard import BodyLimit, SecurityHeaders


class _App:
    """The app behind a guard: records the scope types it saw and answers 200."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.seen.append(scope["type"])
        if scope["type"] == "http":
            await receive()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})


def _drive(app: ASGIApp, scope: Scope) -> list[Message]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def _http(path: str = "/", headers: list[tuple[bytes, bytes]] | None = None) -> dict[str, Any]:
    return {"type": "http", "method": "POST", "path": path, "headers": headers or []}


GUARDS: dict[str, Callable[[ASGIApp], HttpMiddleware]] = {
    "hub": lambda app: RequestGuard(app, keys=KeyRing({}, None)),
    "terminal body cap": BodyLimit,
    "terminal headers": lambda app: SecurityHeaders(app, script="", style=""),
}


@pytest.mark.parametrize("name", GUARDS)
def test_a_lifespan_scope_reaches_the_app_untouched(name: str) -> None:
    app = _App()
    assert _drive(GUARDS[name](app), {"type": "lifespan"}) == []
    assert app.seen == ["lifespan"]


@pytest.mark.parametrize("value,status", [(b"ten", 400), (b"-1", 413), (b"9000", 413), (b"12", 200)])
def test_the_terminal_answers_a_declared_length_before_the_app(value: bytes, status: int) -> None:
    app = _App()
    sent = _drive(BodyLimit(app, limit=100), _http(headers=[(b"content-length", value)]))
    assert sent[0]["status"] == status
    assert app.seen == (["http"] if status == 200 else [])


def test_the_hub_counts_the_stream_when_the_declared_length_is_not_a_number() -> None:
    app = _App()
    sent = _drive(RequestGuard(app, keys=KeyRing({}, None), max_body=100),
                  _http("/v1/health", [(b"content-length", b"ten")]))
    assert sent[0]["status"] == 200
    assert app.seen == ["http"]


def test_declared_length() -> None:
    assert declared_length(_http(headers=[(b"host", b"x"), (b"content-length", b"42")])) == 42
    assert declared_length(_http()) is None
    with pytest.raises(ValueError):
        declared_length(_http(headers=[(b"content-length", b"")]))


def test_the_base_refuses_to_guess_what_a_request_needs() -> None:
    with pytest.raises(NotImplementedError):
        _drive(HttpMiddleware(_App()), _http())
