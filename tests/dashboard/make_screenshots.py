"""Screenshots of the dashboard and quality pages from a real window, and page 1 of a PDF report.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1600x1000x24" python tests/dashboard/make_screenshots.py``.
Builds a week of traffic with bulk inserts, serves a seeded hub on loopback for the paradata, opens
the main window at 14:40 on the last day and saves PNGs into docs/screenshots/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from console.app import build_context, make_application
from console.main_window import MainWindow
from console.pages import PAGES
from console.pages.dashboard import DashboardPage
from console.pages.quality import QualityPage
from console.report_pdf import render_report_pdf
from db.engine import Store
from db.migrate import upgrade
from db.models import Role
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.hub.db import make_engine as hub_engine
from services.hub.db import upgrade as hub_upgrade
from services.hub.seed import seed
from services.hub.testing import run_hub_in_thread
from services.registry import RegistryClient
from services.report import daily_report
from services.roles import Actor
from tests.benchmarks.metrics_bench import build_day

DAY = date(2026, 3, 4)
NOW = datetime(2026, 3, 4, 14, 40, tzinfo=SITE_ZONE)
OUT = ROOT / "docs" / "screenshots"


def wait(app: QApplication, ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    """Build the data, open the window, save the screenshots."""
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="drc-shots-"))
    url = f"sqlite:///{tmp / 'site.sqlite3'}"
    upgrade(url)
    store = Store.open(url)
    for back, n in ((7, 0), (6, 210), (5, 0), (4, 240), (3, 225), (2, 260), (1, 232)):  # Sundays closed
        if n:
            build_day(store, DAY - timedelta(days=back), tokens=n, counters=6, seed=back, mean_service_min=8.0)
    build_day(store, DAY, tokens=250, counters=6, seed=42, mean_service_min=8.0, now=NOW)

    hub_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    hub_upgrade(hub_url)
    eng = hub_engine(hub_url)
    seed(eng, 2000, 8, as_of=DAY, paradata_days=1)  # seed 8: four DEOs at the demo site
    eng.dispose()
    base, stop = run_hub_in_thread(hub_url, "shots-key", today=lambda: DAY)

    app = make_application()
    cfg = Config()
    ctx = build_context(cfg, store, FixedClock(NOW), Actor("supervisor", Role.SUPERVISOR), poll_ms=600_000)
    ctx.registry = RegistryClient(base, "shots-key")
    pages = [p for p in PAGES if p.key in ("queue", "dashboard", "quality")]
    win = MainWindow(ctx, pages)
    win.resize(1600, 1000)
    win.show()
    dash = win.show_page("dashboard")
    assert isinstance(dash, DashboardPage)
    for _ in range(100):
        wait(app, 100)
        if dash.metrics is not None:
            break
    wait(app, 400)
    win.grab().save(str(OUT / "dashboard.png"))
    quality = win.show_page("quality")
    assert isinstance(quality, QualityPage)
    for _ in range(100):
        wait(app, 100)
        if quality.report is not None:
            break
    outlier = next((i for i, d in enumerate(quality.deo_model.rows) if d.flagged_surveys), 0)
    quality.deo_table.selectRow(quality.deo_proxy.mapFromSource(quality.deo_model.index(outlier, 0)).row())
    wait(app, 300)
    win.grab().save(str(OUT / "quality.png"))

    report = daily_report(store, cfg, DAY, clock=FixedClock(NOW), fetch_paradata=ctx.registry.survey_paradata)
    pdf = tmp / "report.pdf"
    render_report_pdf(report, pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(OUT / "report-page1")], check=True)
    win.close()
    ctx.events.stop()
    ctx.tasks.shutdown(wait=True)
    ctx.registry.close()
    stop()
    store.dispose()
    print(f"saved {OUT / 'dashboard.png'}, {OUT / 'quality.png'}, {OUT / 'report-page1.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
