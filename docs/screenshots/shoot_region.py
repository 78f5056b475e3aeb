"""Screenshots of the Region page (English and Urdu) against a real hub with a simulated network.

Run: PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_region.py docs/screenshots
(120 sites with 14 simulated days, the rest silent, their DEOs named as the demo names them; a
drill-down into the top site is open). Saves, per language, the site table with rankings, the DEO
top and bottom five, the map coloured by served per day (drill-down of a site clicked on it) and the
trend charts: region[-urdu].png, region-deos[-urdu].png, region-map[-urdu].png, region-trends[-urdu].png.
"""
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from console.app import build_context, install_translations
from console.pages.region import RegionPage
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.hub.db import make_engine
from services.hub.db import upgrade as hub_upgrade
from services.hub.ops.demo_deos import name_demo_deos
from services.hub.ops.network import network_sites, simulate_network
from services.hub.seed import seed
from services.hub.testing import run_hub_in_thread
from services.provision import ensure_site
from services.roles import Actor

out = Path(sys.argv[1])
today = date(2026, 3, 4)
tmp = Path(tempfile.mkdtemp())
hub_url = f"sqlite:///{tmp / 'hub.db'}"
hub_upgrade(hub_url)
engine = make_engine(hub_url)
seed(engine, 300, 1, as_of=today, paradata_days=1)
sites = network_sites(engine, 120)
simulate_network(engine, sites, today - timedelta(days=1), 14, raw_days=0, seed=5)
name_demo_deos(engine, sites)
engine.dispose()
base, stop = run_hub_in_thread(hub_url, "shot-key", today=lambda: today)
url = f"sqlite:///{tmp / 's.db'}"
upgrade(url)
store = Store.open(url)
clock = FixedClock(datetime(2026, 3, 4, 10, 7, tzinfo=SITE_ZONE))
ensure_site(store, "PK10101-01", "DRC Bagh", "ڈی آر سی باغ")
cfg = Config()
cfg.site.id = "PK10101-01"
cfg.hub.url, cfg.hub.api_key = base, "shot-key"


def wait(sig, ms=15000):
    loop = QEventLoop(); sig.connect(loop.quit); QTimer.singleShot(ms, loop.quit); loop.exec(); sig.disconnect(loop.quit)


def settle(ms=500):
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()  # (app.quit would close the page)


for lang, suffix in (("en", ""), ("ur", "-urdu")):
    translator = install_translations(app, lang) if lang == "ur" else None
    ctx = build_context(cfg, store, clock, Actor("manager", Role.REGIONAL_MANAGER), region_cache=tmp / lang)
    page = RegionPage(ctx); page.resize(1500, 950)
    page.period.setCurrentIndex(page.period.findData("last_7"))
    page.show(); wait(page.sig_loaded)
    page.sites.sortByColumn(8, page.sites.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    page._drill(page.top.figures.value(0, 0)); wait(page.sig_site_loaded)
    settle()
    page.grab().save(str(out / f"region{suffix}.png"))
    page.panels.ranks.setCurrentIndex(1); settle(200)
    page.panels.ranks.grab().save(str(out / f"region-deos{suffix}.png"))
    page.panels.ranks.setCurrentIndex(0)
    site_map = page.panels.show_map(); settle()
    site_map.click_site(page.bottom.figures.value(0, 0)); wait(page.sig_site_loaded); settle()  # as a click on its point
    page.grab().save(str(out / f"region-map{suffix}.png"))
    grid = page.panels.show_trends(); settle(300)
    if grid.drawing:
        wait(grid.sig_drawn)
    settle()
    page.grab().save(str(out / f"region-trends{suffix}.png")); print("saved", lang)
    page.close(); ctx.events.stop(); ctx.tasks.shutdown(); ctx.registry.close()
stop()
