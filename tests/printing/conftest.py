"""Printing fixtures: slips, renderers at both widths, a real TCP printer on loopback, a console context."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from printing.layout import WIDTH_58MM, WIDTH_80MM, Paper, SlipData
from printing.qr import sign
from printing.render import SlipRenderer
from services.clock import SITE_ZONE
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from vocabulary import UpdateType

SECRET = "site-secret-for-tests"
ONLINE_QUERY = b"\x10\x04\x01"
PAPER_QUERY = b"\x10\x04\x04"
STATUS_OK = 0x12  # online, paper adequate: the fixed bits a real printer always sets


def make_slip(number: str = "R-042", *, priority: bool = True, update_type: UpdateType = UpdateType.ROSTER) -> SlipData:
    """A fully filled slip as the glue would build it."""
    return SlipData(
        site_name="DRC Bagh", site_name_ur="ڈی آر سی باغ",
        issued_at=datetime(2026, 3, 4, 10, 7, tzinfo=SITE_ZONE), number=number, update_type=update_type,
        type_en=UPDATE_TYPE_EN[update_type], type_ur=UPDATE_TYPE_UR[update_type],
        priority=priority, position=5, estimated_wait=timedelta(minutes=42), cnic_masked="35202-*****67-1",
        qr_payload=sign("PK10101-01", date(2026, 3, 4), number, update_type.value, SECRET),
    )


@pytest.fixture
def slip() -> SlipData:
    """A priority roster-update slip."""
    return make_slip()


@pytest.fixture(params=[WIDTH_58MM, WIDTH_80MM], ids=["58mm", "80mm"])
def renderer(request: pytest.FixtureRequest, qapp: object) -> SlipRenderer:
    """A renderer for 58 mm and for 80 mm paper."""
    return SlipRenderer(Paper(request.param))


class FakePrinter:
    """A TCP 'printer' on loopback: records every byte, answers ESC/POS status queries like a real one.

    mode ``ok`` prints; ``drop`` accepts and hangs up at once; ``cut`` hangs up in the middle of
    the slip; ``paper_out`` reports no paper; ``silent`` prints but never answers a status query.
    """

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.connections: list[bytes] = []
        self.done = threading.Event()
        self._stop = False
        self._conn: socket.socket | None = None
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self._conn = conn
            with conn:
                if self.mode == "drop":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.connections.append(b"")
                    self.done.set()
                    continue
                self.connections.append(self._session(conn))
                self.done.set()

    def _session(self, conn: socket.socket) -> bytes:
        data = bytearray()
        scanned = 0
        paper = 0x72 if self.mode == "paper_out" else STATUS_OK
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return bytes(data)
            data += chunk
            if self.mode == "cut" and len(data) > 2000:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                return bytes(data)
            # Real printers answer DLE EOT n as soon as it arrives (real-time commands).
            start = max(0, scanned - 2)
            while True:
                i = data.find(b"\x10\x04", start)
                if i < 0 or i + 2 >= len(data):
                    break
                if self.mode == "silent":
                    pass
                elif data[i + 2] == 1:
                    conn.sendall(bytes([STATUS_OK]))
                elif data[i + 2] == 4:
                    conn.sendall(bytes([paper]))
                start = i + 3
            scanned = len(data)

    def close(self) -> None:
        """Stop listening."""
        self._stop = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        with contextlib.suppress(OSError):
            self.sock.close()
        if self._conn is not None:  # a client still connected (a status query left waiting): hang up
            with contextlib.suppress(OSError):
                self._conn.shutdown(socket.SHUT_RDWR)
        self._thread.join(2)


@pytest.fixture
def printer_server() -> Iterator[FakePrinter]:
    """A working network printer on loopback."""
    srv = FakePrinter("ok")
    yield srv
    srv.close()


def refused_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return int(port)
