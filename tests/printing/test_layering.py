"""printing/ renders and encodes in a bare QGuiApplication, without QtWidgets, services or db (vocabulary only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from datetime import datetime, timezone
from printing.layout import Paper, SlipData
from printing.qr import sign
from vocabulary import UpdateType
from printing.render import SlipRenderer
from printing.escpos_out import encode_slip
from printing.worker import PrintWorker
from printing.backends import make_backend
# The caller gives the names (the console takes them from services.labels): printing holds none.
slip = SlipData(site_name="DRC Bagh", site_name_ur="ڈی آر سی باغ", issued_at=datetime.now(timezone.utc),
                number="R-042", update_type=UpdateType.ROSTER, type_en="Roster update",
                type_ur="خاندانی کوائف میں تبدیلی", position=5, cnic_masked="35202-*****67-1",
                qr_payload=sign("PK10101-01", datetime.now().date(), "R-042", "roster", "secret"))
image = SlipRenderer(Paper(384)).render(slip).image
data = encode_slip(image, width_dots=384)
bad = sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "services", "db", "console", "widgets")))
print(len(data), bad)
"""


def test_printing_runs_in_a_gui_application_without_widgets() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                         check=False)
    assert out.returncode == 0, out.stderr
    size, bad = out.stdout.strip().split(" ", 1)
    assert int(size) > 10_000
    assert bad == "[]"
