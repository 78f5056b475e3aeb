"""Screenshots of the visitor kiosk in Urdu: the update types a recertification visitor may choose, and
(second file) a roster update's question: which change(s) in the family.

Run: PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_kiosk.py \
         docs/screenshots/kiosk.png docs/screenshots/kiosk-roster.png
"""
import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from console.app import build_context
from console.kiosk import KioskWindow
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.kiosk import Kiosk
from services.provision import ensure_site, seed_demo
from services.registry import RegistryClient
from services.roles import Actor
from tests.registry.live_hub import KEY, LiveHub, seeded_hub_db

tmp = Path(tempfile.mkdtemp())
hub = LiveHub(seeded_hub_db(tmp)).start()
url = f"sqlite:///{tmp / 's.db'}"
upgrade(url); store = Store.open(url)
clock = FixedClock(datetime(2026, 3, 4, 10, 5, tzinfo=SITE_ZONE))
ensure_site(store, "PK10101-01", "DRC Bagh", "ڈی آر سی باغ"); seed_demo(store, clock, "PK10101-01", 3)
cfg = Config(); cfg.hub.url, cfg.hub.api_key = hub.url, KEY
ctx = build_context(cfg, store, clock, Actor("kiosk", Role.TRIAGE))
window = KioskWindow(ctx, Kiosk(ctx.triage, ctx.queue))
window.resize(900, 1000); window.show()
cnic = RegistryClient(hub.url, KEY).demo_samples().samples["recertification"][0].cnic
window.start("ur")
for d in cnic:
    window.press(d)
loop = QEventLoop(); window.sig_offer.connect(lambda _o: QTimer.singleShot(300, loop.quit)); window.press("OK"); loop.exec()
window.grab().save(sys.argv[1] if len(sys.argv) > 1 else "kiosk.png")
if len(sys.argv) > 2:
    from db.models import UpdateType

    window.reset(); window.start("ur")
    for d in RegistryClient(hub.url, KEY).demo_samples().samples["roster"][0].cnic:
        window.press(d)
    loop = QEventLoop(); window.sig_offer.connect(lambda _o: QTimer.singleShot(300, loop.quit)); window.press("OK"); loop.exec()
    window.choose(UpdateType.ROSTER); window.changes.toggles["birth"].setChecked(True)
    app.processEvents()
    window.grab().save(sys.argv[2])
ctx.events.stop(); ctx.tasks.shutdown(); hub.stop()
