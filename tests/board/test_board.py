"""The now-serving board: calls reach it within one event-loop turn, and the call is spoken."""

from __future__ import annotations

import logging
import threading
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from console.board import BoardWindow
from console.context import AppContext
from console.speech import Announcer, _spoken_form, call_sentences, chime_wav, espeak_engine
from db.models import UpdateType
from services.queue import QueueService
from services.roles import SYSTEM


class RecordingVoice:
    """A fake speech engine at the edge: remembers what it was asked to say, and on which thread."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.threads: set[str] = set()

    def __call__(self, text: str, lang: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.said.append((text, lang))


def _board(qtbot, ctx: AppContext, voice: RecordingVoice, mode: str = "both") -> BoardWindow:
    board = BoardWindow(ctx, announcer=Announcer(voice, mode))
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    qtbot.waitUntil(lambda: not board.loader.busy and bool(board.view.waiting))
    return board


def test_a_call_reaches_the_board_within_one_event_loop_turn(qtbot, ctx: AppContext, site: list[int]) -> None:
    voice = RecordingVoice()
    board = _board(qtbot, ctx, voice)
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    # The call is made on the database worker, like every console action.
    future = ctx.tasks.run_db(lambda: ctx.queue.call_next(site[2], actor=ctx.actor))
    called = future.result(timeout=10)
    assert called is not None and board.view.newest_number.text() == "—"
    QCoreApplication.processEvents()  # one turn of the event loop
    assert board.view.newest_number.text() == "R-001"
    assert board.view.newest_counter_en.text() == "Counter 3"
    assert board.view.newest_counter_ur.text() == "کاؤنٹر نمبر \u20663\u2069"
    qtbot.waitUntil(lambda: len(voice.said) == 2)
    assert voice.said == [("Token R-001, counter 3", "en"), ("ٹوکن نمبر R-001، کاؤنٹر نمبر 3 پر تشریف لائیں", "ur")]
    assert voice.threads == {"drc-speech_0"}  # never on the GUI thread
    board.close()


def test_recall_moves_the_token_to_the_top_and_is_spoken_again(qtbot, ctx: AppContext, site: list[int]) -> None:
    voice = RecordingVoice()
    board = _board(qtbot, ctx, voice, mode="en")
    a = ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    ctx.queue.call_next(site[0], actor=ctx.actor)
    ctx.queue.call_next(site[1], actor=ctx.actor)
    QCoreApplication.processEvents()
    assert board.view.newest_number.text() == "R-002"
    assert board.view.history_rows[0][0].text() == "R-001"
    ctx.queue.recall(a.id, actor=ctx.actor)
    QCoreApplication.processEvents()
    assert board.view.newest_number.text() == "R-001"
    assert [r.number for r in board.view.calls] == ["R-001", "R-002"]
    qtbot.waitUntil(lambda: len(voice.said) == 3)
    assert voice.said[-1] == ("Token R-001, counter 1", "en")
    board.close()


def test_waiting_counts_follow_the_queue(qtbot, ctx: AppContext) -> None:
    board = _board(qtbot, ctx, RecordingVoice(), mode="off")
    counts = {r.label_en: r.count for r in board.view.waiting}
    assert counts["Roster update"] == 0 and "Appeal" not in counts  # no counter serves appeals
    for _ in range(3):
        ctx.queue.issue_token(UpdateType.ROSTER, actor=SYSTEM)
    qtbot.waitUntil(lambda: {r.label_en: r.count for r in board.view.waiting}["Roster update"] == 3)
    row = next(r for r in board.view.waiting if r.label_en == "Roster update")
    assert row.label_ur == "خاندانی کوائف میں تبدیلی"
    board.close()


def test_calls_from_another_process_arrive_by_polling(qtbot, ctx: AppContext, site: list[int]) -> None:
    board = _board(qtbot, ctx, RecordingVoice(), mode="off")
    other = QueueService(ctx.store, ctx.clock, ctx.site_id)  # e.g. a second console on the same file
    other.issue_token(UpdateType.SHOCK, actor=SYSTEM)
    other.call_next(site[3], actor=SYSTEM)
    qtbot.waitUntil(lambda: board.view.newest_number.text() == "S-001", timeout=5000)
    assert board.view.newest_counter_en.text() == "Counter 4"
    board.close()


def test_no_engine_is_silently_skipped_and_a_broken_one_is_harmless(qtbot, caplog: pytest.LogCaptureFixture) -> None:
    quiet = Announcer(None, "both")
    assert not quiet.active and quiet.announce("R-001", 1) == []

    tried: list[str] = []

    def broken(text: str, _lang: str) -> None:
        tried.append(text)
        raise OSError("no audio device")

    loud = Announcer(broken, "en")
    with caplog.at_level(logging.DEBUG, logger="console.speech"):
        assert loud.announce("R-001", 1) == [("Token R-001, counter 1", "en")]
        assert loud.announce("R-002", 2) == [("Token R-002, counter 2", "en")]
        # Each announcement reaches the engine, fails, and is only logged; the next one still runs.
        qtbot.waitUntil(lambda: len([r for r in caplog.records if r.name == "console.speech"]) == 2)
    loud.close()
    assert tried == ["Token R-001, counter 1", "Token R-002, counter 2"]
    skipped = [r.getMessage() for r in caplog.records if r.name == "console.speech"]
    assert skipped == ["announcement skipped: no audio device"] * 2


def test_sentences_and_spoken_form() -> None:
    assert call_sentences("V-042", 3, "off") == []
    assert call_sentences("V-042", 3, "ur") == [("ٹوکن نمبر V-042، کاؤنٹر نمبر 3 پر تشریف لائیں", "ur")]
    assert _spoken_form("Token R-042, counter 3") == "Token R 42, counter 3"


def test_espeak_engine_runs_the_program(tmp_path: Path) -> None:
    log = tmp_path / "args"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f"#!/bin/sh\necho \"$@\" > {log}\n")
    fake.chmod(0o755)
    speak = espeak_engine(str(fake))
    assert speak is not None
    speak("Token R-042, counter 3", "ur")
    assert log.read_text().strip() == "-v ur -s 140 Token R 42, counter 3"


def test_chime_is_a_real_wav(tmp_path: Path) -> None:
    with wave.open(str(chime_wav(tmp_path / "c.wav")), "rb") as w:
        assert w.getnchannels() == 1 and 0.8 < w.getnframes() / w.getframerate() < 1.0
