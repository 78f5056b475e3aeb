"""``drc-console selftest``: proves an installed copy (a source install or the bundle) works end to end.

On a throw-away database it migrates the schema, opens the main window, issues one token through
the queue engine, prints its slip to the preview printer (PNG + ESC/POS), waits for the printed
event to be committed, and closes the window. No display is needed (Qt offscreen), nothing of the
site's own data or settings is touched. Exit 0 when the slip printed, 1 otherwise.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def run_selftest(out: Path, *, timeout_s: float = 60.0) -> int:
    """Run the check with its files under ``out``; prints what happened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    from PySide6.QtCore import QEventLoop, QTimer

    from console.app import build_window, make_application
    from console.context import build_context
    from console.printing_glue import install_printing
    from db.engine import Store
    from db.migrate import upgrade
    from db.models import Role, UpdateType
    from services.clock import SystemClock
    from services.config import Config
    from services.provision import ensure_site, seed_demo
    from services.queue import TokenView
    from services.roles import Actor

    out.mkdir(parents=True, exist_ok=True)
    cfg = Config()
    cfg.database.url = f"sqlite:///{out / 'selftest.sqlite3'}"
    cfg.hub.url = ""  # no hub: the check must not depend on the network (an offline console)
    cfg.printer.backend = "preview"
    cfg.printer.preview_dir = str(out / "slips")
    cfg.printer.qr_secret = "selftest-only"
    make_application()
    upgrade(cfg.database.url)
    store = Store.open(cfg.database.url)
    clock = SystemClock()
    ensure_site(store, cfg.site.id, cfg.site.name, cfg.site.name_ur)
    seed_demo(store, clock, cfg.site.id, 2)
    ctx = build_context(cfg, store, clock, Actor("selftest", Role.SUPERVISOR))
    outcome: dict[str, str] = {}
    loop = QEventLoop()
    deadline = QTimer()
    deadline.setSingleShot(True)

    def finish(result: str) -> None:
        outcome.setdefault("result", result)
        loop.quit()

    try:
        service = install_printing(ctx)
        window = build_window(ctx)
        window.show()
        service.sig_recorded.connect(lambda _tid, kind: finish(kind))
        service.sig_failed.connect(lambda _tid, reason: finish(f"failed: {reason}"))
        ctx.tasks.sig_error.connect(lambda text: finish(f"error: {text}"))

        def issue() -> TokenView:
            view = ctx.queue.issue_token(UpdateType.ROSTER, actor=Actor("selftest", Role.TRIAGE))
            outcome["token"] = view.number
            return view

        deadline.timeout.connect(lambda: finish("timed out"))
        deadline.start(int(timeout_s * 1000))
        ctx.tasks.run_db(issue)  # the print service hears of the token through the adapter's sig_issued
        loop.exec()
        deadline.stop()
        window.close()
        service.shutdown()
    finally:
        ctx.events.stop()
        ctx.tasks.shutdown()
        store.dispose()
    slips = sorted((out / "slips").glob("*.png"))
    ok = outcome.get("result") == "printed" and bool(slips)
    print(f"selftest {'ok' if ok else 'FAILED'}: token {outcome.get('token', '-')} {outcome.get('result', '-')}, "
          f"slip {slips[-1] if slips else '(none)'}, {time.monotonic() - started:.1f} s")
    return 0 if ok else 1
