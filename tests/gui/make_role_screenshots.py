"""Screenshots of the main window as each role sees it, in English or Urdu.

Run offscreen: ``QT_QPA_PLATFORM=offscreen python tests/gui/make_role_screenshots.py OUT_DIR [en|ur]``.
Seeds the demo site (tokens waiting, one called at counter 1), signs each role in, builds the real
window and saves ``role-<role>-<lang>.png`` (the first page each role sees).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication

from console.app import build_context, build_window, install_translations, make_application
from db.models import Role, Staff, UpdateType
from services.clock import SystemClock
from services.roles import Actor
from tests.shots import demo_site, wait


def main(out: Path, lang: str) -> int:
    """Save one PNG per role into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    clock = SystemClock()
    cfg, store, counters = demo_site(clock)
    app = make_application()
    install_translations(app, lang)
    ctx = build_context(cfg, store, clock, Actor("supervisor", Role.SUPERVISOR), poll_ms=600_000)
    for t in (UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.ROSTER, UpdateType.RECERTIFICATION):
        ctx.queue.issue_token(t, actor=ctx.actor)
    ctx.queue.call_next(counters[0], actor=ctx.actor)
    with store.read() as s:
        deo1 = s.query(Staff).filter_by(username="deo1").one().id
    actors = [Actor("admin", Role.ADMIN), Actor("supervisor", Role.SUPERVISOR), Actor("triage", Role.TRIAGE),
              Actor("deo1", Role.DEO, deo1), Actor("manager", Role.REGIONAL_MANAGER)]
    for actor in actors:
        ctx.events.stop()
        ctx.tasks.shutdown()
        ctx = build_context(cfg, store, clock, actor, poll_ms=600_000)  # the window owns the status bar
        window = build_window(ctx, idle_minutes=0)
        window.resize(1366, 768)
        window.show()
        if "queue" in window.pages:
            window.show_page("queue")
        wait(1500)
        path = out / f"role-{actor.role.value}-{lang}.png"
        window.grab().save(str(path))
        print(path, sorted(window.pages))
        assert window.session is not None
        window.session.stop()
        window.close()
        window.deleteLater()
        wait(100)
    ctx.events.stop()
    ctx.tasks.shutdown()
    store.dispose()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "en"))
