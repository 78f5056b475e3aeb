"""Every page of the console rendered in Urdu: no English left on screen, and every CNIC, token
number and date kept left to right (isolated) inside the right-to-left lines."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from console.app import build_window, install_translations
from console.context import AppContext
from db.models import Role, Staff, UpdateType
from services.roles import SYSTEM, Actor
from tests.urdu_walk import unisolated, untranslated, visible_texts


@pytest.fixture
def urdu(qapp):
    tr = install_translations(qapp, "ur")
    assert tr is not None
    yield tr
    qapp.removeTranslator(tr)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


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


@pytest.mark.parametrize("role", [Role.ADMIN, Role.REGIONAL_MANAGER])
def test_every_page_in_urdu_has_no_english_and_isolated_numbers(
        urdu, qtbot, make_ctx: Callable[..., AppContext], site: list[int], role: Role) -> None:
    ctx = make_ctx(actor=Actor(role.value, role))
    _busy_day(ctx, site)
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
    for key in list(window.pages):
        page = window.show_page(key)
        qtbot.waitUntil(lambda: ctx.tasks.pending == 0, timeout=10000)
        qtbot.wait(50)
        QApplication.processEvents()
        texts = visible_texts(page)
        assert texts, key
        if key == "diagnostics":  # the checks' findings are for the help desk, in English (see README)
            texts = [(w, t) for w, t in texts if not w.endswith((",2]", ",3]"))]
        if key == "audit":  # the trail's action codes and JSON details are records, shown as stored
            texts = [(w, t) for w, t in texts if not w.endswith((",2]", ",3]"))]
        problems.update({f"{key} untranslated": untranslated(texts, allowed),
                         f"{key} not isolated": unisolated(texts)})
    texts = visible_texts(window.statusBar())
    problems.update({"status untranslated": untranslated(texts, allowed), "status not isolated": unisolated(texts)})
    problems = {k: v for k, v in problems.items() if v}
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
