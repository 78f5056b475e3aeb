"""The counter terminal's routes: sign in with a PIN, then run one's own counter.

Plain HTML forms (they work on any tablet browser, even without JavaScript); a few lines of
JavaScript refresh the current token. Every action goes through the same ``QueueService``
as the console, so the engine's rules (own counter only, one token per call) hold here too.
Action routes answer JSON when the client asks for it (``Accept: application/json``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from db.models import Role, UpdateType
from services.auth import AccountLocked, AuthError, AuthService
from services.clock import Clock
from services.queue import QueueError, QueueService, TokenView
from services.roles import Actor, Permission, PermissionDenied
from services.site import CounterView, SiteService
from services.terminal import page
from services.terminal.session import SessionSigner, TerminalSession

log = logging.getLogger(__name__)

COOKIE = "drc_terminal"
ACTIONS = ("call", "recall", "start", "complete", "no_show", "transfer")


@dataclass
class TerminalDeps:
    """What the terminal needs from the console: the same services, injected."""

    queue: QueueService
    site: SiteService
    auth: AuthService
    clock: Clock
    signer: SessionSigner
    site_name: str = ""


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


async def _form(request: Request) -> dict[str, str]:
    # python-multipart is not a dependency: url-encoded forms are all the page sends.
    body = (await request.body()).decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


def _same_origin(request: Request) -> bool:
    """Reject cross-site posts when the browser says where they come from."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def create_app(deps: TerminalDeps) -> FastAPI:
    """The terminal's ASGI app over ``deps``."""
    app = FastAPI(title="DRC counter terminal", docs_url=None, redoc_url=None, openapi_url=None)

    def session_of(request: Request) -> tuple[TerminalSession, str] | None:
        raw = request.cookies.get(COOKIE)
        sess = deps.signer.loads(raw, deps.clock.now())
        return (sess, raw) if sess and raw else None

    def actor_of(sess: TerminalSession) -> Actor:
        return Actor(sess.username, Role(sess.role), sess.staff_id)

    def own_counter(sess: TerminalSession) -> CounterView | None:
        return next((c for c in deps.site.counters() if c.staff_id == sess.staff_id), None)

    def state(sess: TerminalSession, raw: str) -> dict[str, Any]:
        counter = own_counter(sess)
        current: TokenView | None = deps.queue.current_at(counter.id) if counter else None
        waiting = 0
        if counter is not None:
            types = set(counter.served_types)
            waiting = sum(1 for t in deps.queue.waiting() if t.update_type in types)
        now = deps.clock.now()
        since = (current.started_at or current.called_at) if current else None
        return {
            "user": sess.username,
            "counter": None if counter is None else {
                "id": counter.id, "number": counter.number, "label": counter.label, "state": counter.state.value,
                "types": [t.value for t in counter.served_types],
            },
            "token": None if current is None else {
                "id": current.id, "number": current.number, "state": current.state.value,
                "update_type": current.update_type.value, "recalls": current.recall_count,
                "priority": current.priority,
            },
            "seconds": int((now - since).total_seconds()) if since else None,
            "waiting": waiting,
            "csrf": deps.signer.csrf(raw),
        }

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request, m: str = "", e: int = 0) -> Response:
        found = session_of(request)
        if found is None:
            return HTMLResponse(page.sign_in(deps.site_name, error=""))
        sess, raw = found
        return HTMLResponse(page.counter(deps.site_name, state(sess, raw), m, bool(e),
                                         [t.value for t in UpdateType]))

    @app.get("/api/state")
    def api_state(request: Request) -> Response:
        found = session_of(request)
        if found is None:
            return JSONResponse({"ok": False, "message": "Not signed in"}, status_code=401)
        return JSONResponse({"ok": True, **state(*found)})

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await _form(request)
        username = form.get("username", "").strip()
        try:
            actor = deps.auth.authenticate(username, form.get("pin", ""))
            if not (actor.can(Permission.SERVE_OWN_COUNTER) or actor.can(Permission.SERVE_ANY_COUNTER)):
                raise _Refused(403, "This account does not serve at a counter")
        except AccountLocked:
            return _login_failed(request, 423, "Too many wrong PINs: this account is locked for a while.")
        except AuthError:
            return _login_failed(request, 401, "Wrong username or PIN.")
        except _Refused as exc:
            return _login_failed(request, exc.status, str(exc))
        assert actor.staff_id is not None
        cookie = deps.signer.dumps(TerminalSession(actor.staff_id, actor.username, actor.role.value,
                                                   deps.clock.now()))
        resp: Response
        if _wants_json(request):
            resp = JSONResponse({"ok": True, "user": actor.username, "csrf": deps.signer.csrf(cookie)})
        else:
            resp = RedirectResponse("/", status_code=303)
        resp.set_cookie(COOKIE, cookie, httponly=True, samesite="strict",
                        max_age=int(deps.signer.max_age.total_seconds()))
        return resp

    def _login_failed(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"ok": False, "message": message}, status_code=status)
        return HTMLResponse(page.sign_in(deps.site_name, error=message), status_code=status)

    @app.post("/logout")
    def logout() -> Response:
        resp = RedirectResponse("/", status_code=303)
        resp.delete_cookie(COOKIE)
        return resp

    @app.post("/action/{name}")
    async def action(name: str, request: Request) -> Response:
        form = await _form(request)
        try:
            if name not in ACTIONS:
                raise _Refused(404, "No such action")
            found = session_of(request)
            if found is None:
                raise _Refused(401, "Please sign in again")
            sess, raw = found
            if not _same_origin(request) or not deps.signer.check_csrf(raw, form.get("csrf", "")):
                raise _Refused(403, "The form expired; reload the page")
            message = _do(deps, actor_of(sess), name, form, own_counter(sess))
            ok, status = True, 200
        except PermissionDenied as exc:
            ok, status, message = False, 403, str(exc)
        except QueueError as exc:
            ok, status, message = False, 409, str(exc)
        except _Refused as exc:
            ok, status, message = False, exc.status, str(exc)
        except ValueError as exc:
            ok, status, message = False, 400, str(exc)
        if _wants_json(request):
            found = session_of(request)
            extra = state(*found) if found and status != 401 else {}
            return JSONResponse({**extra, "ok": ok, "message": message}, status_code=status)
        return RedirectResponse(f"/?m={quote(message)}&e={0 if ok else 1}", status_code=303)

    return app


def _do(deps: TerminalDeps, actor: Actor, name: str, form: dict[str, str], own: CounterView | None) -> str:
    """Run one action for ``actor``; returns the message to show."""
    # The counter is normally the DEO's own; an explicit one is honoured so the engine, not
    # the page, decides whether this person may act there.
    counter_id = int(form["counter"]) if form.get("counter") else (own.id if own else None)
    if counter_id is None:
        raise _Refused(409, "You are not assigned to a counter today; ask the supervisor")
    q = deps.queue
    if name == "call":
        token = q.call_next(counter_id, actor=actor)
        return f"Called {token.number}" if token else "Nobody is waiting for this counter"
    current = q.current_at(counter_id)
    if current is None:
        raise QueueError("No token at this counter; press Call next")
    if name == "recall":
        return f"Recalled {q.recall(current.id, actor=actor).number}"
    if name == "start":
        return f"Serving {q.start(current.id, actor=actor).number}"
    if name == "complete":
        return f"Completed {q.complete(current.id, actor=actor).number}"
    if name == "no_show":
        return f"{q.no_show(current.id, actor=actor).number} marked no-show"
    target = UpdateType(form.get("type", ""))
    # Transfer works on called tokens only from the counter that holds them (engine rule).
    moved = q.transfer(current.id, target, actor=actor)
    return f"{moved.number} transferred to {target.value.replace('_', ' ')}"
