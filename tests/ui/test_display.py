"""The queue display on both backends: a call made by another OS process shows within seconds and is announced;
announcements queue without cutting each other; the banner says when the store is lost.

The voice is an injected test double of our own SpeechEngine/ChimePlayer interfaces (no sound library mocked).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.services import accounts, queue
from app.services.context import Context
from app.ui.stations.announcer import Announcer, NoChime, NoSpeech, ProcessSpeech, default_announcer
from app.ui.stations.display import DisplayWindow, vietnamese_date

ROOT = Path(__file__).resolve().parents[2]
FIRST = "Mời công dân có số thứ tự một nghìn không trăm linh một đến quầy số một"
SECOND = "Mời công dân có số thứ tự một nghìn không trăm linh hai đến quầy số hai"


class FakeSpeech:
    """Speaks nothing: records the sentence and reports the end after a while, like a real voice."""

    description = "giọng giả lập"

    def __init__(self, log: list[tuple[str, str]], ms: int = 150) -> None:
        self.log, self.ms = log, ms

    def say(self, text: str, done) -> None:  # type: ignore[no-untyped-def]
        self.log.append(("start", text))

        def finish() -> None:
            self.log.append(("end", text))
            done()

        QTimer.singleShot(self.ms, finish)


class FakeChime:
    """Records each chime and ends it shortly after."""

    description = "chuông giả lập"

    def __init__(self, log: list[tuple[str, str]]) -> None:
        self.log = log

    def play(self, done) -> None:  # type: ignore[no-untyped-def]
        self.log.append(("chime", ""))
        QTimer.singleShot(30, done)


@pytest.fixture()
def heard() -> list[tuple[str, str]]:
    return []


@pytest.fixture()
def display(qtbot, demo_ctx: Context, heard) -> Iterator[DisplayWindow]:  # type: ignore[no-untyped-def]
    """The display on a fresh demo centre, shown, first load done."""
    window = DisplayWindow(demo_ctx, Announcer(FakeSpeech(heard), FakeChime(heard)), "Thông báo thử")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.loaded and not window.worker.busy, timeout=20_000)
    assert window.shown_ticket(1) == "—"
    yield window
    window.close()


def motcua(url: str, *args: str) -> str:
    """Run the CLI in another OS process (as another station would)."""
    done = subprocess.run([sys.executable, "-m", "app", "--db", url, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_call_made_in_another_process_shows_blinks_and_is_announced(qtbot, display, demo_url,  # type: ignore[no-untyped-def]
                                                                       heard) -> None:
    assert "1001" in motcua(demo_url, "ticket", "issue", "--service", "DD")
    motcua(demo_url, "queue", "call", "--counter", "1")
    qtbot.waitUntil(lambda: display.shown_ticket(1) == "1001", timeout=5_000)
    assert display.shown_calls() == ["1001 → Quầy 1"]
    assert display.blinking_counter == 1
    assert display.shown_ticket(2) == "—"
    qtbot.waitUntil(lambda: ("end", FIRST) in heard, timeout=5_000)
    assert heard == [("chime", ""), ("start", FIRST), ("end", FIRST)]


def test_announcements_queue_and_never_cut_each_other(qtbot, display, demo_ctx, heard) -> None:  # type: ignore[no-untyped-def]
    me = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    queue.issue_ticket(demo_ctx, "DD")
    queue.issue_ticket(demo_ctx, "DD")
    queue.call_next(demo_ctx, me, 1)
    queue.call_next(demo_ctx, me, 2)  # in quick succession: the first is still being spoken
    qtbot.waitUntil(lambda: len(heard) == 6, timeout=10_000)
    assert heard == [("chime", ""), ("start", FIRST), ("end", FIRST),
                     ("chime", ""), ("start", SECOND), ("end", SECOND)]
    assert display.shown_ticket(1) == "1001" and display.shown_ticket(2) == "1002"
    assert display.shown_calls() == ["1002 → Quầy 2", "1001 → Quầy 1"]


def test_the_banner_shows_while_the_store_is_lost(qtbot, display) -> None:  # type: ignore[no-untyped-def]
    assert not display.banner_shown
    display.live.status_changed.emit(False, "Mất kết nối tới máy chủ cơ sở dữ liệu")
    assert display.banner_shown and "Mất kết nối cơ sở dữ liệu" in display.banner.text()
    display.live.status_changed.emit(True, "Đã kết nối cơ sở dữ liệu")
    assert not display.banner_shown
    qtbot.waitUntil(lambda: not display.worker.busy, timeout=5_000)


# --- the announcer alone (no store) --------------------------------------------------------------------------

def test_announcer_plays_one_at_a_time_even_when_asked_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    heard: list[tuple[str, str]] = []
    announcer = Announcer(FakeSpeech(heard, ms=50), FakeChime(heard))
    for text in ("một", "hai", "ba"):
        announcer.announce(text)
    assert announcer.busy
    qtbot.waitUntil(lambda: not announcer.busy, timeout=5_000)
    assert heard == [step for t in ("một", "hai", "ba") for step in (("chime", ""), ("start", t), ("end", t))]


def test_announcer_goes_on_when_an_engine_never_reports_the_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    class SilentSpeech:
        description = "never ends"

        def __init__(self) -> None:
            self.said: list[str] = []

        def say(self, text: str, done) -> None:  # type: ignore[no-untyped-def]
            self.said.append(text)

    speech = SilentSpeech()
    announcer = Announcer(speech, NoChime(), watchdog_ms=100)
    announcer.announce("một")
    announcer.announce("hai")
    qtbot.waitUntil(lambda: speech.said == ["một", "hai"], timeout=5_000)


def test_without_voice_or_sound_the_announcer_still_runs_and_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    announcer = default_announcer(use_qt=False, find_program=lambda _name: None)
    assert isinstance(announcer.speech, NoSpeech) and "chỉ phát chuông" in announcer.description
    with qtbot.waitSignal(announcer.finished, timeout=5_000) as blocker:
        announcer.announce(FIRST)
    assert blocker.args == [FIRST]


def test_a_speech_program_is_run_without_waiting_for_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    ends: list[str] = []
    speech = ProcessSpeech(sys.executable, ["-c", "import sys; sys.exit(0)"], "python")
    speech.say("một", lambda: ends.append("ok"))
    assert ends == []  # say() returned at once
    qtbot.waitUntil(lambda: ends == ["ok"], timeout=10_000)
    missing = ProcessSpeech(str(ROOT / "no-such-program"), [], "missing")
    missing.say("hai", lambda: ends.append("failed to start"))
    qtbot.waitUntil(lambda: ends == ["ok", "failed to start"], timeout=10_000)


def test_vietnamese_date() -> None:
    from datetime import date

    assert vietnamese_date(date(2026, 11, 28)) == "Thứ Bảy, 28/11/2026"
    assert vietnamese_date(date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"
