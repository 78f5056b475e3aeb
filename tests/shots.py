"""What the screenshot scripts share: a demo site on a fresh SQLite file, and a wait that keeps Qt running.

``docs/screenshots/shoot_queue_1366.py`` and ``tests/gui/make_role_screenshots.py`` put the project root on
``sys.path`` and import this module; the tests do not use it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from db.engine import Store
from db.migrate import upgrade
from services.clock import Clock
from services.config import Config
from services.provision import ensure_site, seed_demo


def wait(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def demo_site(clock: Clock, counters: int = 6) -> tuple[Config, Store, list[int]]:
    """A site "DRC Bagh" with ``counters`` counters and the demo staff, on a new database in a temp folder,
    without a hub: its config, its store and the counters' ids."""
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='drc-shots-')) / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    cfg = Config()
    cfg.hub.url = ""
    cfg.printer.qr_secret = "k" * 32
    ensure_site(store, cfg.site.id, "DRC Bagh", "ڈی آر سی باغ")
    return cfg, store, seed_demo(store, clock, cfg.site.id, counters)
