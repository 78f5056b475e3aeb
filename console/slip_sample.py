"""A sample slip, and ``python -m console.slip_sample`` to save it as PNG + .bin (docs, checking a layout).

Run: ``QT_QPA_PLATFORM=offscreen python -m console.slip_sample out.png --width 384 [--no-priority]``.
It lives in the console, not in ``printing``, because the slip's update-type names come from
``services.labels`` (the one place words live), which ``printing`` may not import.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from printing.layout import WIDTH_80MM, Paper, SlipData
from printing.qr import sign
from services.labels import UPDATE_TYPE_EN, UPDATE_TYPE_UR
from vocabulary import UpdateType

PKT = timezone(timedelta(hours=5), "PKT")


def sample_slip(*, priority: bool = True, number: str = "R-042", update_type: UpdateType = UpdateType.ROSTER,
                secret: str = "sample-secret") -> SlipData:
    """A realistic slip for a roster update at DRC Bagh (CNIC masked, QR signed with ``secret``)."""
    return SlipData(
        site_name="DRC Bagh", site_name_ur="ڈی آر سی باغ", issued_at=datetime(2026, 3, 4, 10, 7, tzinfo=PKT),
        number=number, update_type=update_type, type_en=UPDATE_TYPE_EN[update_type],
        type_ur=UPDATE_TYPE_UR[update_type], priority=priority, position=5,
        estimated_wait=timedelta(minutes=42), cnic_masked="35202-*****67-1",
        qr_payload=sign("PK10101-01", date(2026, 3, 4), number, update_type.value, secret),
    )


def main(argv: list[str] | None = None) -> int:
    """Render the sample slip to a PNG (and the printer bytes next to it as .bin)."""
    ap = argparse.ArgumentParser(description="Render a sample token slip.")
    ap.add_argument("output", type=Path)
    ap.add_argument("--width", type=int, default=WIDTH_80MM, help="dots: 384 (58 mm), 576 (80 mm), 512")
    ap.add_argument("--no-priority", action="store_true")
    args = ap.parse_args(argv)
    from PySide6.QtGui import QGuiApplication

    from printing.escpos_out import encode_slip
    from printing.render import SlipRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    rendered = SlipRenderer(Paper(args.width)).render(sample_slip(priority=not args.no_priority))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    rendered.image.save(str(args.output))
    args.output.with_suffix(".bin").write_bytes(encode_slip(rendered.image, width_dots=args.width))
    print(f"{args.output}: {rendered.width} x {rendered.height} dots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
