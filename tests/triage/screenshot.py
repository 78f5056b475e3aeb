"""Screenshots of the triage page (online and offline) for docs/screenshots.

Run under a real X server: ``xvfb-run -a -s "-screen 0 1600x1000x24" python -m tests.triage.screenshot``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from console.app import build_context, make_application
from console.pages.triage import TriagePage
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import SystemClock, business_day
from services.config import Config
from services.provision import ensure_site, seed_demo
from services.registry import RegistryClient
from services.roles import Actor
from tests.registry.live_hub import KEY, LiveHub, seeded_hub_db

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _wait(signal: object, ms: int = 15000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    """Build the page over a seeded hub, look two visitors up, save the PNGs."""
    app = make_application(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="drc-shot-"))
    clock = SystemClock()
    hub = LiveHub(seeded_hub_db(tmp, households=2000, as_of=business_day(clock.now())),
                  today=business_day(clock.now())).start()
    url = f"sqlite:///{tmp / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    ensure_site(store, "PK10101-01", "DRC Bagh", "")
    seed_demo(store, clock, "PK10101-01", 6)
    cfg = Config()
    cfg.hub.url, cfg.hub.api_key, cfg.hub.retries = hub.url, KEY, 0
    ctx = build_context(cfg, store, clock, Actor("triage", Role.TRIAGE), demo=True)
    worker = ctx.sync
    assert worker is not None
    worker.start()
    page = TriagePage(ctx)
    page.resize(1500, 940)
    page.show()
    samples = RegistryClient(hub.url, KEY).demo_samples().samples
    _settle(800)
    page.lookup(samples["recertification"][0].cnic)
    _wait(page.sig_lookup_done)
    page.flag_boxes["elderly"].setChecked(True)
    _settle()
    page.grab().save(str(OUT / "triage.png"))

    hub.stop()
    page.lookup(samples["shock"][0].cnic)
    _wait(page.sig_lookup_done)
    page.type_buttons[next(iter(page.type_buttons))].setChecked(False)
    _settle()
    page.grab().save(str(OUT / "triage-offline.png"))
    print("saved", OUT / "triage.png", OUT / "triage-offline.png")
    if worker is not None:
        worker.stop()
    ctx.events.stop()
    ctx.tasks.shutdown()
    store.dispose()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
