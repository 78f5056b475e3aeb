"""Screenshot of the printer page: one slip failed (listed for reprint), the next printed and previewed.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_printer.py docs/screenshots/printer-page.png
"""
import dataclasses
import socket
import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from console.app import build_context
from console.pages.printer import PrinterPage
from console.printing_glue import install_printing
from db.engine import Store
from db.migrate import upgrade
from db.models import Role, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.provision import ensure_site, seed_demo
from services.roles import Actor

tmp = Path(tempfile.mkdtemp())
url = f"sqlite:///{tmp/'s.db'}"
upgrade(url); store = Store.open(url)
clock = FixedClock(datetime(2026, 3, 4, 10, 7, tzinfo=SITE_ZONE))
ensure_site(store, "PK10101-01", "DRC Bagh", "ڈی آر سی باغ"); seed_demo(store, clock, "PK10101-01", 6)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
cfg = Config(); cfg.site.id = "PK10101-01"
cfg.printer = dataclasses.replace(cfg.printer, backend="network", host="127.0.0.1", port=port, qr_secret="x")
ctx = build_context(cfg, store, clock, Actor("supervisor", Role.SUPERVISOR))
svc = install_printing(ctx)
page = PrinterPage(ctx); page.resize(1300, 900); page.show()
tri = Actor("triage", Role.TRIAGE)
def wait(sig, ms=5000):
    loop = QEventLoop(); sig.connect(loop.quit); QTimer.singleShot(ms, loop.quit); loop.exec(); sig.disconnect(loop.quit)
for _ in range(3):
    ctx.queue.issue_token(UpdateType.ROSTER, actor=tri)
a = ctx.queue.issue_token(UpdateType.SHOCK, actor=tri, cnic="3520212345671")
wait(svc.sig_recorded)
svc.configure(dataclasses.replace(cfg.printer, backend="preview", preview_dir=str(tmp / "slips")))
page.backend_box.setCurrentIndex(page.backend_box.findData("preview")); page.fields["preview_dir"].setText(str(tmp / "slips"))
b = ctx.queue.issue_token(UpdateType.ROSTER, actor=tri, priority=True, priority_reason="elderly", cnic="3740512345679")
wait(svc.sig_recorded)
page.refresh(); QTimer.singleShot(800, app.quit); app.exec()
page.grab().save(sys.argv[1]); print("saved")
svc.shutdown(); ctx.events.stop(); ctx.tasks.shutdown()
