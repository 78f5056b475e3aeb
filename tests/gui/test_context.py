"""The composition root: typed services built once, errors reach the status bar with their page."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication

from console.context import AppContext
from console.names import error_text
from console.pages.queue import QueuePage
from console.tasks import describe_error
from services.audit import AuditLog
from services.auth import AuthService
from services.day import CloseChoice, DayService
from services.metrics import MetricsService
from services.queue import QueueError
from services.roles import Actor, PermissionDenied
from services.triage import TriageService
from vocabulary import UpdateType


def test_every_feature_service_is_built_once_and_typed(ctx: AppContext) -> None:
    assert isinstance(ctx.auth, AuthService) and isinstance(ctx.day, DayService)
    assert isinstance(ctx.metrics, MetricsService) and isinstance(ctx.triage, TriageService)
    assert isinstance(ctx.audit, AuditLog)
    assert ctx.day.queue is ctx.queue and ctx.metrics.queue is ctx.queue
    # No hub configured: the registry and its sync are off, and triage offers manual choices only.
    assert ctx.registry is None and ctx.sync is None and ctx.triage.client is None
    assert ctx.printing is None and ctx.terminal is None and ctx.board is None
    assert "extras" not in {f.name for f in dataclasses.fields(AppContext)}


def test_a_background_failure_reaches_the_status_bar_with_its_page(qtbot, ctx: AppContext) -> None:
    def boom() -> None:
        raise QueueError("the store said no")

    with qtbot.waitSignal(ctx.status.sig_alert, timeout=5000) as alert:
        ctx.tasks.run_db(boom, source="Dashboard")
    assert alert.args == ["Dashboard: the store said no", "error"]


def test_a_page_names_itself_when_its_load_fails(qtbot, ctx: AppContext, site: list[int],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(page.cards) == 6 and page.loader.settled)

    def unreadable(*_args: object, **_kwargs: object) -> object:
        raise QueueError("Site PK10101-01 is not set up in this database")

    monkeypatch.setattr(ctx.site, "counters", unreadable)
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=5000) as alert:
        page.reload()
    assert alert.args == ["Queue: Site PK10101-01 is not set up in this database", "error"]


def test_a_failing_poll_for_other_consoles_changes_is_said_once(qtbot, ctx: AppContext,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    polls: list[int] = []
    real = ctx.queue.event_ids_after

    def locked(after_id: int, limit: int = 5000) -> list[int]:
        polls.append(after_id)
        if len(polls) <= 3:
            raise QueueError("database is locked")
        return real(after_id, limit)

    monkeypatch.setattr(ctx.queue, "event_ids_after", locked)
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=5000) as alert:
        pass
    assert alert.args == ["Changes from other consoles: database is locked", "error"]
    qtbot.waitUntil(lambda: len(polls) >= 5, timeout=10000)  # failed three times, then answered
    assert [text for _level, text in ctx.status.alerts] == ["Changes from other consoles: database is locked"]


def test_a_page_that_handles_its_error_is_not_repeated_in_the_status_bar(qtbot, ctx: AppContext,
                                                                        site: list[int]) -> None:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(page.cards) == 6 and page.loader.settled)
    ctx.site.assign(site[0], None, actor=ctx.actor)
    ctx.queue.issue_token(UpdateType.ROSTER, actor=ctx.actor)
    with qtbot.waitSignal(ctx.status.sig_alert, timeout=5000) as alert:
        page.counter_action(site[0], "call")
    assert alert.args == ["Counter 1 has no DEO; assign one before calling.", "warning"]
    qtbot.waitUntil(lambda: ctx.tasks.pending == 0)
    assert [text for _level, text in ctx.status.alerts] == ["Counter 1 has no DEO; assign one before calling."]


def test_domain_errors_are_shown_in_urdu(urdu, ctx: AppContext, site: list[int]) -> None:
    ctx.site.assign(site[0], None, actor=ctx.actor)
    with pytest.raises(QueueError) as err:
        ctx.queue.call_next(site[0], actor=ctx.actor)
    text = describe_error(err.value)
    assert text == QCoreApplication.translate("DomainError", "{counter} has no DEO; assign one before calling.").format(
        counter=QCoreApplication.translate("Counter", "Counter %1").replace("%1", "1"))
    assert "DEO" not in text and "ڈی ای او" in text and "کاؤنٹر" in text
    with pytest.raises(QueueError) as err:
        ctx.queue.issue_token(UpdateType.APPEAL, actor=ctx.actor)
    assert error_text(err.value) == "اہلیت کے فیصلے کے خلاف اپیلیں ابھی شروع نہیں ہوئیں؛ اپڈیٹ کی کوئی اور قسم منتخب کریں۔"


def test_closing_prints_the_slips_already_queued_and_stops_every_thread(make_ctx, tmp_path) -> None:
    """On exit (the app, the kiosk and the tests share close_context) a visitor's slip that was queued
    still reaches the printer, and no worker is left running."""
    import threading

    from console.context import close_context
    from console.printing_glue import install_printing
    from printing.worker import PrintRequest
    from services.config import Config
    from tests.printing.conftest import make_slip

    cfg = Config()
    cfg.hub.url = ""
    cfg.printer = dataclasses.replace(cfg.printer, backend="preview", preview_dir=str(tmp_path), qr_secret="s" * 32)
    ctx = make_ctx(cfg)
    install_printing(ctx)
    assert ctx.printing is not None
    for n in range(1, 4):
        ctx.printing.worker.submit(PrintRequest(n, make_slip(f"R-00{n}")))
    close_context(ctx)
    assert sorted(p.name.split("_")[1] for p in tmp_path.glob("*.png")) == ["R-001", "R-002", "R-003"]
    assert not any(t.name.startswith(("drc-printer", "drc-db", "drc-io")) and t.is_alive()
                   for t in threading.enumerate())


def test_a_refused_permission_has_a_code_and_is_shown_in_urdu(urdu, ctx: AppContext, site: list[int],
                                                               deo, triage_actor: Actor) -> None:
    token = ctx.queue.issue_token(UpdateType.ROSTER, actor=triage_actor)
    with pytest.raises(PermissionDenied) as err:
        ctx.queue.cancel(token.id, actor=triage_actor)
    assert err.value.code == "permission_denied"
    assert err.value.params == {"role": "triage", "permission": "cancel_token"}
    assert describe_error(err.value) == "آپ کا کردار ابتدائی جانچ کا عملہ ہے؛ آپ کو ٹوکن منسوخ کرنے کی اجازت نہیں۔"
    with pytest.raises(PermissionDenied) as err:
        ctx.queue.call_next(site[0], actor=deo(site[1]))
    assert err.value.code == "not_your_counter"
    text = describe_error(err.value)
    assert text.endswith("اس کاؤنٹر پر مقرر نہیں۔") and f"\u2066{deo(site[1]).username}\u2069" in text


def test_a_refused_permission_reads_in_english_without_a_translator(ctx: AppContext, triage_actor: Actor) -> None:
    with pytest.raises(PermissionDenied) as err:
        ctx.day.close_day(CloseChoice.CANCEL, actor=triage_actor)
    assert error_text(err.value) == "Signed in as Triage staff, you may not open or close the day."
    assert str(err.value) == "triage (triage) may not open close day"  # the log keeps the plain facts
