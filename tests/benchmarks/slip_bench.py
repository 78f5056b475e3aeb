"""Benchmark: render a token slip and encode it to ESC/POS, at 576 dots (80 mm) and 384 (58 mm).

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/slip_bench.py [--runs 200]``.
Target: median render + encode < 30 ms at 576 dots. Prints medians and p99; asserts nothing.
Each run draws a different token number so no cache can help.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from printing.escpos_out import encode_slip
from printing.layout import WIDTH_58MM, WIDTH_80MM, Paper, SlipData
from printing.qr import sign
from printing.render import SlipRenderer
from services.clock import SITE_ZONE
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from vocabulary import UpdateType


def slip(n: int) -> SlipData:
    """A full slip (priority band, CNIC, QR) for token R-n."""
    number = f"R-{n % 1000:03d}"
    return SlipData(
        site_name="DRC Bagh", site_name_ur="ڈی آر سی باغ", issued_at=datetime(2026, 3, 4, 10, 7, tzinfo=SITE_ZONE),
        number=number, update_type=UpdateType.ROSTER, type_en=UPDATE_TYPE_EN[UpdateType.ROSTER],
        type_ur=UPDATE_TYPE_UR[UpdateType.ROSTER], priority=n % 2 == 0, position=n % 40 + 1,
        estimated_wait=timedelta(minutes=n % 90), cnic_masked="35202-*****67-1",
        qr_payload=sign("PK10101-01", date(2026, 3, 4), number, "roster", "bench-secret"),
    )


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    """Time render, encode and both together; print a small table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    print(f"slip render + ESC/POS encode, {args.runs} runs each (ms)")
    print(f"{'width':>6} {'part':>14} {'median':>8} {'p99':>8}  bytes")
    for width in (WIDTH_80MM, WIDTH_58MM):
        renderer = SlipRenderer(Paper(width))
        for i in range(5):  # warm up fonts and glyph caches
            encode_slip(renderer.render(slip(i)).image, width_dots=width)
        render_ms: list[float] = []
        encode_ms: list[float] = []
        total_ms: list[float] = []
        size = 0
        for i in range(args.runs):
            t0 = time.perf_counter()
            image = renderer.render(slip(i)).image
            t1 = time.perf_counter()
            data = encode_slip(image, width_dots=width)
            t2 = time.perf_counter()
            render_ms.append((t1 - t0) * 1000)
            encode_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
            size = len(data)
        for name, values in (("render", render_ms), ("encode", encode_ms), ("render+encode", total_ms)):
            print(f"{width:>6} {name:>14} {statistics.median(values):8.2f} {pct(values, 99):8.2f}  {size if name == 'render+encode' else ''}")
    print("target: render+encode median < 30 ms at 576 dots")


if __name__ == "__main__":
    main()
