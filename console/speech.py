"""Spoken calls and the chime for the now-serving board.

The engine is injected (a callable taking ``(text, lang)``), so tests record sentences with a
fake. Speaking runs on one background thread, in order, and never blocks the GUI; with no
engine installed the call is silently skipped. QtTextToSpeech and QtMultimedia are not part
of PySide6-Essentials, so the real engine is the ``espeak-ng`` program and the chime is played
with ``paplay``/``aplay``/``pw-play`` when one exists.
"""

from __future__ import annotations

import logging
import math
import re
import shutil
import struct
import subprocess
import tempfile
import wave
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

log = logging.getLogger(__name__)

SpeakFn = Callable[[str, str], None]
"""Say ``text`` in language ``lang`` ("en" or "ur"); may block (it runs off the GUI thread)."""

ChimeFn = Callable[[], None]


def call_sentences(number: str, counter: int | str, mode: str) -> list[tuple[str, str]]:
    """The sentences for one call in the configured ``mode`` (off | en | ur | both)."""
    en = (f"Token {number}, counter {counter}", "en")
    ur = (f"ٹوکن نمبر {number}، کاؤنٹر نمبر {counter} پر تشریف لائیں", "ur")
    return {"en": [en], "ur": [ur], "both": [en, ur]}.get(mode, [])


def _spoken_form(text: str) -> str:
    # "R-042" is read as "R minus zero forty-two"; "R 42" is what a caller would say.
    return re.sub(r"\b([A-Z])-0*(\d+)", r"\1 \2", text)


def espeak_engine(program: str | None = None) -> SpeakFn | None:
    """A speak function over espeak-ng (or espeak), or None when neither is installed."""
    exe = program or shutil.which("espeak-ng") or shutil.which("espeak")
    if not exe:
        return None

    def speak(text: str, lang: str) -> None:
        voice = "ur" if lang == "ur" else "en"
        subprocess.run([exe, "-v", voice, "-s", "140", _spoken_form(text)], check=False, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return speak


def chime_wav(path: Path, rate: int = 22050) -> Path:
    """Write a two-tone "ding-dong" (0.9 s) to ``path``."""
    frames = bytearray()
    for freq, dur in ((880.0, 0.4), (660.0, 0.5)):
        n = int(rate * dur)
        for i in range(n):
            env = math.exp(-3.0 * i / n)
            frames += struct.pack("<h", int(12000 * env * math.sin(2 * math.pi * freq * i / rate)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


def chime_player() -> ChimeFn | None:
    """A function that plays the chime through an installed player, or None when there is none."""
    player = next((p for p in ("paplay", "pw-play", "aplay") if shutil.which(p)), None)
    if player is None:
        return None
    wav = chime_wav(Path(tempfile.gettempdir()) / "drc-chime.wav")
    exe = shutil.which(player) or player

    def play() -> None:
        subprocess.run([exe, str(wav)], check=False, timeout=10,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return play


class Announcer:
    """Chimes and speaks calls on one background thread, in the order they were made."""

    def __init__(self, speak: SpeakFn | None, mode: str = "en", chime: ChimeFn | None = None) -> None:
        self.speak = speak
        self.mode = mode
        self.chime = chime
        self._pool: ThreadPoolExecutor | None = None
        if speak is not None or chime is not None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drc-speech")

    @property
    def active(self) -> bool:
        """True when something can be heard (an engine or a chime, and not closed)."""
        return self._pool is not None

    def announce(self, number: str, counter: int | str) -> list[tuple[str, str]]:
        """Queue the chime and the sentences for a call; returns the sentences (never blocks)."""
        sentences = call_sentences(number, counter, self.mode) if self.speak else []
        if self._pool is not None and (sentences or self.chime):
            self._pool.submit(self._run, sentences)
        return sentences

    def _run(self, sentences: list[tuple[str, str]]) -> None:
        try:
            if self.chime is not None:
                self.chime()
            for text, lang in sentences:
                if self.speak is not None:
                    self.speak(text, lang)
        except Exception as exc:  # a broken sound setup must never reach the board
            log.debug("announcement skipped: %s", exc)

    def close(self) -> None:
        """Drop queued announcements and wait for the one being spoken."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
