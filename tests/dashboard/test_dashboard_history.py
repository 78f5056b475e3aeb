"""The dashboard's history: any past day, 7/30-day trends, the network view, counter utilisation, the wait promise."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from console.context import AppContext
from console.pages.dashboard import DashboardPage
from db.engine import Store
from db.models import CounterState, UpdateType, Verification
from services.history import counter_utilisation, network_view, trends
from services.roles import Actor
from tests.benchmarks.metrics_bench import build_day

R = UpdateType.ROSTER


def _page(qtbot: QtBot, ctx: AppContext) -> DashboardPage:
    page = DashboardPage(ctx, throttle_ms=50)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.metrics is not None and page.history is not None, timeout=10_000)
    return page


def test_a_past_day_loads_off_the_gui_thread_with_its_figures_and_trends(qtbot: QtBot, ctx: AppContext,
                                                                         store: Store) -> None:
    today = ctx.clock.now().date()
    for back, n in ((1, 60), (2, 0), (8, 40)):  # yesterday busy, the day before closed, a week before quieter
        if n:
            build_day(store, today - timedelta(days=back), tokens=n, counters=6, seed=back)
    page = _page(qtbot, ctx)
    yesterday = today - timedelta(days=1)
    with qtbot.waitSignal(page.sig_history_applied, timeout=10_000):
        page.show_day(yesterday)
    qtbot.waitUntil(lambda: page.metrics is not None and page.metrics.day == yesterday, timeout=10_000)
    expected = ctx.metrics.day(yesterday)
    assert page.tile_served.value_text == str(expected.served) and expected.served > 0
    assert yesterday.strftime("%d %b %Y") in page.title.text()
    assert page.history is not None and page.history.day == yesterday
    t30 = page.history.trend_30
    assert len(t30) == 30 and t30[-1].day == yesterday and t30[-1].served == expected.served
    assert [t.issued for t in t30 if t.issued] == [40, 60]
    # The trend tab draws the chosen KPI over the chosen span.
    view = page.history_tabs.trend
    view.span.setCurrentIndex(view.span.findData(7))
    labels, values = view.values()
    assert len(labels) == 7 and values[-1] == expected.served and values[-2] == 0
    # Utilisation has one row per counter; nothing can be served longer than the counter was open.
    assert page.history_tabs.counters.rowCount() == 6
    for use in page.history.counters:
        assert use.serving_min >= 0 and use.idle_min >= 0
    # Back to today: live again.
    page.today_button.click()
    qtbot.waitUntil(lambda: page.metrics is not None and page.metrics.day == today, timeout=10_000)


def test_network_view_counts_tokens_issued_without_the_registry(ctx: AppContext, store: Store,
                                                                 triage_actor: Actor) -> None:
    ctx.queue.issue_token(R, actor=triage_actor, verification=Verification.UNVERIFIED)
    ctx.queue.issue_token(R, actor=triage_actor, verification=Verification.UNVERIFIED)
    ctx.clock.advance(3600)  # type: ignore[attr-defined]
    ctx.queue.issue_token(R, actor=triage_actor, verification=Verification.VERIFIED)
    hours = {h.hour: h for h in network_view(store, ctx.site_id, ctx.clock.now().date())}
    assert hours[10].unverified == 2 and hours[10].offline  # the clock starts at 10:00
    assert hours[11].unverified == 0 and not hours[11].offline


def test_utilisation_splits_serving_break_and_idle(ctx: AppContext, store: Store, site: list[int],
                                                    supervisor: Actor, triage_actor: Actor) -> None:
    t = ctx.queue.issue_token(R, actor=triage_actor)
    ctx.queue.call_next(site[0], actor=supervisor)
    ctx.queue.start(t.id, actor=supervisor)
    ctx.clock.advance(20 * 60)  # type: ignore[attr-defined]
    ctx.queue.complete(t.id, actor=supervisor)
    ctx.site.set_state(site[0], CounterState.PAUSED, actor=supervisor)
    ctx.clock.advance(15 * 60)  # type: ignore[attr-defined]
    ctx.site.set_state(site[0], CounterState.OPEN, actor=supervisor)
    ctx.clock.advance(25 * 60)  # type: ignore[attr-defined]
    ctx.queue.issue_token(R, actor=triage_actor)  # the day's last event: the window is 60 minutes
    first = next(u for u in counter_utilisation(store, ctx.site_id, ctx.clock.now().date(), now=ctx.clock.now())
                 if u.counter_id == site[0])
    assert (first.serving_min, first.break_min, first.idle_min) == (20.0, 15.0, 25.0)
    assert first.serving_share == 20 / 60


def test_trends_fill_closed_days_with_zeros(ctx: AppContext, store: Store) -> None:
    today = ctx.clock.now().date()
    build_day(store, today - timedelta(days=3), tokens=30, counters=6, seed=3)
    rows = trends(store, ctx.site_id, today, 7, now=ctx.clock.now())
    assert [r.issued for r in rows] == [0, 0, 0, 30, 0, 0, 0]
    assert rows[3].median_wait_min is not None and rows[0].median_wait_min is None


def test_wait_promise_tab_compares_the_slip_with_the_real_wait(qtbot: QtBot, ctx: AppContext, site: list[int],
                                                               supervisor: Actor, triage_actor: Actor) -> None:
    t = ctx.queue.issue_token(R, actor=triage_actor)
    assert t.estimated_wait is not None
    promised = t.estimated_wait.total_seconds() / 60
    ctx.clock.advance(12 * 60)  # type: ignore[attr-defined]
    ctx.queue.call_next(site[0], actor=supervisor)
    page = _page(qtbot, ctx)
    (roster,) = page.history.promise if page.history else []
    assert roster.tokens == 1 and abs(roster.median_abs_error_min - abs(12 - promised)) < 0.01  # type: ignore[operator]
    assert roster.longer_share == (1.0 if promised + 1 < 12 else 0.0)
    assert page.history_tabs.promise.rowCount() == 1
    assert page.history_tabs.promise.item(0, 1).text() == "1"
