"""Every page of the console rendered in Urdu: no English left on screen, and every CNIC, token
number and date kept left to right (isolated) inside the right-to-left lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from console.app import build_window
from console.context import AppContext
from db.models import Role, Staff, UpdateType
from services.quality import assess
from services.roles import SYSTEM, Actor
from tests.printing.conftest import refused_port
from tests.urdu_walk import unisolated, untranslated, visible_texts


def _busy_day(ctx: AppContext, counters: list[int]) -> None:
    """Tokens waiting, one called, one in service, one completed: every table and card has rows."""
    kinds = (UpdateType.ROSTER, UpdateType.ROSTER, UpdateType.SHOCK, UpdateType.CYCLIC, UpdateType.ROSTER)
    for i, t in enumerate(kinds):
        ctx.queue.issue_token(t, actor=SYSTEM, cnic=f"35202123456{i:02d}")
    done = ctx.queue.call_next(counters[0], actor=SYSTEM)
    assert done is not None
    ctx.queue.start(done.id, actor=SYSTEM)
    ctx.queue.complete(done.id, actor=SYSTEM)
    called = ctx.queue.call_next(counters[1], actor=SYSTEM)
    assert called is not None
    ctx.queue.start(called.id, actor=SYSTEM)
    ctx.queue.call_next(counters[2], actor=SYSTEM)


def _audit_trail(ctx: AppContext) -> None:
    """Several kinds of audit record: the day opened (first token), a cancellation, a refused sign-in,
    an identity override whose detail carries a CNIC, a settings change."""
    waiting = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM, cnic="3520212345699")
    ctx.queue.cancel(waiting.id, actor=SYSTEM, reason="left")
    with pytest.raises(Exception):  # noqa: B017 - whichever refusal, it is audited
        ctx.auth.authenticate("supervisor", "0000")
    ctx.audit.record("supervisor", "identity_override", cnic="35202-1234567-1", reason="card seen")
    ctx.audit.record("admin", "config_changed", sections=["printer"])


def flagged_surveys(deos: list[str]) -> list[dict[str, object]]:
    """A day of surveys with short, far, duplicate and thin-address ones: every kind of "why"."""
    from datetime import datetime, timedelta

    start = datetime(2026, 3, 4, 5, 0, tzinfo=UTC)
    out = []
    for i in range(8):
        minutes = (3 if i == 0 else 95 if i == 1 else 25 + i)
        out.append({"survey_id": f"S-{i:03d}", "deo": deos[i % 2], "cnic": f"35202123456{i % 7:02d}",
                    "phone": "03001234567" if i in (2, 3) else f"0300765432{i}",
                    "started_at": start + timedelta(minutes=40 * i),
                    "submitted_at": start + timedelta(minutes=40 * i + minutes),
                    "lat": 33.0 if i == 4 else 33.9, "lon": 73.4, "household_size": 1 if i < 6 else 0,
                    "address": {5: "Bagh", 7: "Near the big mosque by the main bazaar road"}.get(
                        i, "House 12, Street 4, Mohalla Qasim, UC 7, Bagh City"),
                    "region": "AJK", "assets": {"rooms": 0, "has_car": True, "has_ac": True} if i == 6 else {"rooms": 2}})
    return out

@pytest.mark.parametrize("role", [Role.ADMIN, Role.REGIONAL_MANAGER])
def test_every_page_in_urdu_has_no_english_and_isolated_numbers(
        urdu, qtbot, make_ctx: Callable[..., AppContext], site: list[int], role: Role) -> None:
    ctx = make_ctx(actor=Actor(role.value, role))
    _busy_day(ctx, site)
    _audit_trail(ctx)
    ctx.config.hub.url = f"http://127.0.0.1:{refused_port()}"  # the diagnostics find the hub down
    ctx.config.hub.connect_timeout = 1.0
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # Proper nouns and identifiers: the staff's names and usernames (the engine acts as "system"),
    # and the site's code.
    with ctx.store.read() as s:
        names = {w for n in s.scalars(select(Staff.full_name)) for w in (n or "").split()}
        names |= {u for u in s.scalars(select(Staff.username)) if u}
    allowed = frozenset(names | {ctx.site_id, SYSTEM.username})
    problems: dict[str, list[tuple[str, str]]] = {}
    reached: dict[str, object] = {}
    for key in list(window.pages):
        page = window.show_page(key)
        qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=20000)
        reached[key] = _reach(key, page, ctx, qtbot)
        qtbot.wait(50)
        QApplication.processEvents()
        texts = visible_texts(page)
        assert texts, key
        problems.update({f"{key} untranslated": untranslated(texts, allowed),
                         f"{key} not isolated": unisolated(texts)})
    texts = visible_texts(window.statusBar())
    problems.update({"status untranslated": untranslated(texts, allowed), "status not isolated": unisolated(texts)})
    problems = {k: v for k, v in problems.items() if v}
    expected = {"triage", "audit", "diagnostics", "quality"} if role is Role.ADMIN else {"quality"}
    assert {k for k, v in reached.items() if v} >= expected, reached
    assert problems == {}, "\n".join(f"{k}: {where} {text!r}" for k, v in problems.items() for where, text in v)


def test_dialogs_in_urdu_translate_qt_standard_buttons(urdu, qtbot, ctx: AppContext, site: list[int]) -> None:
    from console.close_day import CloseDayDialog
    from console.login import CreateAdminDialog, SignInDialog

    _busy_day(ctx, site)
    sign_in = SignInDialog(ctx.auth, ctx.tasks, "supervisor")
    admin = CreateAdminDialog(ctx.auth, ctx.tasks)
    close = CloseDayDialog(ctx)
    for dialog in (sign_in, admin, close):
        qtbot.addWidget(dialog)
        dialog.show()
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=10000)
    QApplication.processEvents()
    assert sign_in.cancel.text() == "منسوخ کریں"
    for dialog in (sign_in, admin, close):
        texts = visible_texts(dialog)
        assert ("QPushButton:", "منسوخ کریں") in texts
        assert untranslated(texts, frozenset({"supervisor"})) == [] and unisolated(texts) == []


def _reach(key: str, page: object, ctx: AppContext, qtbot: object) -> bool:
    """Bring the texts a quiet page hides onto it: a registry error, findings, actions, flagged surveys."""
    if key == "triage":  # no hub configured: the lookup fails with the registry's coded message
        page.lookup("35202-1234560-1")  # type: ignore[attr-defined]
        qtbot.waitUntil(page.offline_banner.isVisible, timeout=10000)  # type: ignore[attr-defined]
        return "\n" in page.offline_banner.text()  # type: ignore[attr-defined]
    if key == "diagnostics":
        qtbot.waitUntil(lambda: bool(page.results), timeout=30000)  # type: ignore[attr-defined]
        return any(r.fix for r in page.results)  # type: ignore[attr-defined]
    if key == "audit":
        qtbot.waitUntil(lambda: page.table.rowCount() >= 4, timeout=10000)  # type: ignore[attr-defined]
        return True
    if key == "quality":
        with ctx.store.read() as s:
            deos = sorted(u for u in s.scalars(select(Staff.username).where(Staff.role == Role.DEO)) if u)
        report = assess(flagged_surveys(deos), ctx.site_id, ctx.clock.now().date(), site_lat=33.9, site_lon=73.4)
        page.apply(report)  # type: ignore[attr-defined]
        page.show_surveys(None)  # type: ignore[attr-defined]
        return len({f.reason for f in report.flags}) >= 6
    return False
