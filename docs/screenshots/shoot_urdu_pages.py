"""Screenshots of the Diagnostics, Audit and Quality pages in Urdu, each showing the texts that used to
stay English: failing checks with their fixes, an audit trail of several actions, flagged surveys.

Run: PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_urdu_pages.py docs/screenshots
"""
import contextlib
import socket
import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from sqlalchemy import select

from console.app import build_window, install_translations
from console.context import build_context, close_context
from db.engine import Store
from db.migrate import upgrade
from db.models import Role, Staff, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.provision import ensure_site, seed_demo
from services.quality import assess
from services.roles import SYSTEM, Actor
from tests.gui.test_urdu_pages import flagged_surveys

out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
install_translations(app, "ur")
tmp = Path(tempfile.mkdtemp())
url = f"sqlite:///{tmp / 's.db'}"
upgrade(url)
store = Store.open(url)
clock = FixedClock(datetime(2026, 3, 4, 11, 20, tzinfo=SITE_ZONE))
ensure_site(store, "PK10101-01", "DRC Bagh", "ڈی آر سی باغ")
counters = seed_demo(store, clock, "PK10101-01", 6)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()  # nobody listens there
cfg = Config(); cfg.site.id = "PK10101-01"; cfg.hub.url = ""
ctx = build_context(cfg, store, clock, Actor("admin", Role.ADMIN))
ctx.config.hub.url = f"http://127.0.0.1:{port}"  # the diagnostics find the hub down
ctx.config.hub.connect_timeout = 1.0
for i, t in enumerate((UpdateType.ROSTER, UpdateType.SHOCK, UpdateType.CYCLIC)):
    ctx.queue.issue_token(t, actor=SYSTEM, cnic=f"35202123456{i:02d}")
gone = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM, cnic="3520212345699")
ctx.queue.cancel(gone.id, actor=SYSTEM, reason="left")
with contextlib.suppress(Exception):  # a refused sign-in: audited
    ctx.auth.authenticate("supervisor", "0000")
ctx.audit.record("supervisor", "identity_override", cnic="35202-1234567-1", reason="card seen")
ctx.audit.record("admin", "config_changed", sections=["printer"])

window = build_window(ctx)
window.resize(1366, 768)
window.show()


def settle(ms: int = 1500) -> None:
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()


page = window.show_page("diagnostics")
for _ in range(40):
    settle(250)
    if page.results:
        break
settle(300)
window.grab().save(str(out / "diagnostics-urdu.png"))
window.show_page("audit"); settle(1200)
window.grab().save(str(out / "audit-urdu.png"))
quality = window.show_page("quality"); settle(800)
with store.read() as ses:
    deos = sorted(u for u in ses.scalars(select(Staff.username).where(Staff.role == Role.DEO)) if u)
quality.apply(assess(flagged_surveys(deos), "PK10101-01", clock.now().date(), site_lat=33.9, site_lon=73.4))
quality.show_surveys(None); settle(600)
window.grab().save(str(out / "quality-urdu.png"))
print("saved", out / "diagnostics-urdu.png", out / "audit-urdu.png", out / "quality-urdu.png")
window.close()
close_context(ctx)
