"""The counter terminal: a small web page on the site LAN where a DEO runs their counter.

``create_app`` builds the ASGI app over the same queue engine the console uses;
``TerminalServer`` serves it with uvicorn on a background thread.
"""

from services.terminal.app import TERMINAL_ROLES, TerminalDeps, create_app
from services.terminal.server import TerminalServer
from services.terminal.session import SessionStore
from services.terminal.throttle import SignInThrottle

__all__ = ["TERMINAL_ROLES", "SessionStore", "SignInThrottle", "TerminalDeps", "TerminalServer", "create_app"]
