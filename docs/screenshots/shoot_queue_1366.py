"""The queue page in a maximised 1366x768 window with the stranded banner showing, in English or Urdu.

Run: PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_queue_1366.py \\
         docs/screenshots/queue-1366x768.png en
     (and ``docs/screenshots/queue-1366x768-urdu.png ur``)
Six counters, twelve visitors waiting, counter 1's token at its recall limit, and two visitors waiting
for cyclic updates, which no counter serves any more (the banner and F3).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt

from console.app import build_context, build_window, install_translations, make_application, use_urdu_font
from db.models import Role, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.roles import Actor
from tests.shots import demo_site, wait


def main(out: str, lang: str) -> None:
    """Save the window as ``out``."""
    clock = FixedClock(datetime(2026, 3, 4, 9, 14, tzinfo=SITE_ZONE))
    cfg, store, counters = demo_site(clock)
    app = make_application()
    if install_translations(app, lang) is not None:
        use_urdu_font(app)
    actor = Actor("supervisor", Role.SUPERVISOR)
    ctx = build_context(cfg, store, clock, actor, poll_ms=600_000)
    kinds = [UpdateType.RECERTIFICATION, UpdateType.ROSTER, UpdateType.SHOCK, UpdateType.MISSED_OUT]
    for i in range(13):
        ctx.queue.issue_token(kinds[i % 4], actor=actor)
    token = ctx.queue.call_next(counters[0], actor=actor)
    assert token is not None
    for _ in range(2):
        ctx.queue.recall(token.id, actor=actor)
    for view in ctx.site.counters():
        if UpdateType.CYCLIC in view.served_types:
            ctx.site.set_served_types(view.id, [t for t in view.served_types if t is not UpdateType.CYCLIC], actor=actor)
    for _ in range(2):
        ctx.queue.issue_token(UpdateType.CYCLIC, actor=actor)
    window = build_window(ctx, idle_minutes=0)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768 - 30)
    window.show()
    page = window.show_page("queue")
    for _ in range(200):  # the cards and the banner load on the database worker
        wait(100)
        if len(getattr(page, "cards", {})) == 6 and window.stranded.isVisible():
            break
    wait(500)
    window.grab().save(out)
    print(out, window.stranded.isVisible())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "queue-1366x768.png", sys.argv[2] if len(sys.argv) > 2 else "en")
