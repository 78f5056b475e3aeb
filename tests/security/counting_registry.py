"""A counting stand-in for the national registry on loopback (the edge of the world for these tests).

It answers the three calls the outbox drain makes - health, identity verification, event upload -
and counts every identity check per CNIC, so a test can prove each check reached the registry once.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class CountingRegistry:
    """Serves on 127.0.0.1 and a free port until :meth:`stop`; ``calls`` counts verifications per CNIC."""

    def __init__(self, delay: float = 0.0) -> None:
        self.calls: Counter[str] = Counter()
        self.delay = delay
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._reply(200, {"status": "ok", "version": "counting"})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                if self.path == "/v1/identity/verify":
                    with owner._lock:
                        owner.calls[body["cnic"]] += 1
                    time.sleep(owner.delay)  # a registry takes a moment: widens any race
                    self._reply(200, {"cnic": body["cnic"], "status": "not_found", "household_id": None,
                                      "head_name": None, "members": []})
                elif self.path.endswith("/events"):
                    self._reply(200, {"accepted": len(body.get("events", [])), "duplicates": 0})
                else:  # a registry of the older contract: no one-trip lookup (the client falls back)
                    self._reply(404, {"title": "Not found", "status": 404, "detail": self.path})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def total(self) -> int:
        """Identity checks received so far."""
        with self._lock:
            return sum(self.calls.values())

    def stop(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
