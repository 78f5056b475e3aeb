"""Screenshots of the counters page and the board from real windows.

Run: PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/shoot_counters_board.py docs/screenshots
With a second argument ``ur`` the console is in Urdu and the queue page is saved as queue-urdu.png
(the board is bilingual either way).
"""
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer

from console.app import build_context, make_application
from db.engine import Store
from db.migrate import upgrade
from db.models import CounterState, Role, UpdateType
from services.clock import SITE_ZONE, FixedClock
from services.config import Config
from services.provision import ensure_site, seed_demo
from services.roles import Actor

out = Path(sys.argv[1])
urdu = sys.argv[2:] == ["ur"]
app = make_application()
if urdu:
    from console.app import install_translations, use_urdu_font

    install_translations(app, "ur")
    use_urdu_font(app)
d = Path(tempfile.mkdtemp())
url = f"sqlite:///{d/'s.sqlite3'}"
upgrade(url)
store = Store.open(url)
clock = FixedClock(datetime(2026, 3, 4, 9, 0, tzinfo=SITE_ZONE))
cfg = Config()
ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
ids = seed_demo(store, clock, cfg.site.id, 6)
sup = Actor("supervisor", Role.SUPERVISOR, 2)
ctx = build_context(cfg, store, clock, sup)
q = ctx.queue
tri = Actor("triage", Role.TRIAGE)
from services.day import DayService

DayService(store, clock, cfg.site.id, q).open_day(actor=sup)
mix = [UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.RECERTIFICATION, UpdateType.ROSTER, UpdateType.CYCLIC,
       UpdateType.SHOCK, UpdateType.ROSTER, UpdateType.MISSED_OUT, UpdateType.ROSTER, UpdateType.CYCLIC]
for i in range(34):
    q.issue_token(mix[i % len(mix)], actor=tri, priority=(i % 9 == 4), priority_reason="elderly" if i % 9 == 4 else None)
    clock.advance(60)
# serve a while
for r in range(3):
    for c in ids[:5]:
        t = q.call_next(c, actor=sup)
        if t:
            q.start(t.id, actor=sup)
    clock.advance(600)
    for c in ids[:5]:
        t = q.current_at(c)
        if t:
            q.complete(t.id, actor=sup)
# counter 4 started 40 min ago (red), counter 1 started 24 min ago (amber)
t4 = q.call_next(ids[3], actor=sup); q.start(t4.id, actor=sup)
clock.advance(16 * 60)
t1 = q.call_next(ids[0], actor=sup); q.start(t1.id, actor=sup)
clock.advance(18 * 60)
t5 = q.call_next(ids[4], actor=sup); q.start(t5.id, actor=sup)
clock.advance(5 * 60)
t2 = q.call_next(ids[1], actor=sup)
clock.advance(60)
t3 = q.call_next(ids[2], actor=sup)
q.recall(t3.id, actor=sup)
ctx.site.set_state(ids[5], CounterState.PAUSED, actor=sup)

from console.main_window import MainWindow

win = MainWindow(ctx)
win.resize(1500, 980)
win.show()
page = win.show_page("counters")
page.select(ids[2])

from console.board import BoardWindow
from console.speech import Announcer

board = BoardWindow(ctx, announcer=Announcer(None))
board.resize(1600, 900)
board.show()

def shoot():
    if ctx.tasks.pending or page.snapshot is None or board.loader.busy:
        QTimer.singleShot(200, shoot); return
    if urdu:
        win.show_page("queue")
        QTimer.singleShot(500, lambda: (win.grab().save(str(out / "queue-urdu.png")), app.quit()))
        return
    win.grab().save(str(out / "counters.png"))
    board.grab().save(str(out / "board.png"))
    app.quit()

QTimer.singleShot(1500, shoot)
app.exec()
board.shutdown()
ctx.events.stop(); ctx.tasks.shutdown()
print("saved")
