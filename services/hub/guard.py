"""The hub's front door: authenticate and cap the body before any handler reads a byte of it.

An ASGI middleware, outermost in the app. An unauthenticated call gets 401 whatever its path
or body; a body whose ``Content-Length`` is over the cap gets 413 at once, and a body streamed
without a length is counted chunk by chunk and cut off at the cap. So a flood of large
unauthenticated requests costs the hub a socket each, never the bodies. With a
:class:`services.hub.key_use.KeyUse`, every call is also counted for the audit trail: its key
(or a 401 refusal) and whether the answer was 403 (out of scope).
"""

from __future__ import annotations

import json

import anyio.to_thread
from starlette.exceptions import HTTPException

from services.asgi import ASGIApp, HttpMiddleware, Message, Receive, Scope, Send, declared_length
from services.hub.key_use import KeyUse
from services.hub.keys import Caller, KeyRing

DEFAULT_MAX_BODY = 2 * 1024 * 1024
OPEN_PATHS = frozenset({"/v1/health", "/v1/openapi.json"})
PROBLEM_BASE = "https://drc-hub.example/problems/"


def bearer_key(scope: Scope) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header, or None."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, key = value.decode("latin-1").partition(" ")
            key = key.strip()
            return key if scheme.lower() == "bearer" and key else None
    return None


async def send_problem(send: Send, status: int, title: str, detail: str) -> None:
    """Answer with an RFC 9457 problem and close the exchange (the body is never read)."""
    slug = title.lower().replace(" ", "-")
    body = json.dumps({"type": PROBLEM_BASE + slug, "title": title, "status": status, "detail": detail}).encode()
    headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="drc-hub"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _watching(key_use: KeyUse, caller: Caller, send: Send) -> Send:
    """``send`` that counts the call once its status is known (403: refused, out of scope)."""

    async def watched(message: Message) -> None:
        if message["type"] == "http.response.start":
            key_use.served(caller, refused=message["status"] == 403)
        await send(message)

    return watched


class RequestGuard(HttpMiddleware):
    """ASGI middleware: bearer key -> :class:`Caller` in ``scope["state"]["caller"]``, body cap."""

    def __init__(self, app: ASGIApp, *, keys: KeyRing, max_body: int = DEFAULT_MAX_BODY,
                 key_use: KeyUse | None = None) -> None:
        super().__init__(app)
        self.keys = keys
        self.max_body = max_body
        self.key_use = key_use

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse before reading, or pass on with a byte-counting ``receive``."""
        if scope["path"] not in OPEN_PATHS:
            key = bearer_key(scope)
            caller = await self._caller(key)
            if caller is None:
                if self.key_use is not None:
                    self.key_use.unknown(missing=key is None)
                await send_problem(send, 401, "Unauthorized", "Missing or invalid bearer API key "
                                   "(Authorization: Bearer <key>).")
                return
            scope.setdefault("state", {})["caller"] = caller
            if self.key_use is not None:
                send = _watching(self.key_use, caller, send)
        try:
            length = declared_length(scope)
        except ValueError:  # not a number: the stream is counted all the same
            length = None
        if length is not None and length > self.max_body:
            await send_problem(send, 413, "Payload too large", f"The body is limited to {self.max_body} bytes.")
            return
        await self.app(scope, self._counting(receive), send)

    async def _caller(self, key: str | None) -> Caller | None:
        if key is None or len(key) > 256:
            return None
        answered, caller = self.keys.static(key)
        if answered:
            return caller
        return await anyio.to_thread.run_sync(self.keys.lookup, key)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0
        cap = self.max_body

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    # Raised inside the handler's body read; FastAPI lets HTTPException through.
                    raise HTTPException(413, f"The body is limited to {cap} bytes.")
            return message

        return counted
