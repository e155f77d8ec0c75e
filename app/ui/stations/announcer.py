"""Voice announcements of the queue display: a queue of sentences, each one a chime then the spoken sentence.

One announcement never cuts another and nothing here blocks the GUI thread: engines report "done" through a
callback. Engines sit behind two tiny interfaces (SpeechEngine, ChimePlayer) so the display degrades gracefully
(Qt voice → espeak-ng → chime only) and tests inject their own.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from app.resources import resource

log = logging.getLogger(__name__)

Done = Callable[[], None]
WATCHDOG_MS = 30_000  # an engine that never reports "done" must not stall the queue forever
CHIME_MS = 900  # length of resources/sounds/chime.wav (for players that cannot report the end)


class SpeechEngine(Protocol):
    """Speaks one sentence and calls `done()` once when it has finished (or failed)."""

    @property
    def description(self) -> str: ...

    def say(self, text: str, done: Done) -> None: ...


class ChimePlayer(Protocol):
    """Plays the chime and calls `done()` once when it has finished (or failed)."""

    @property
    def description(self) -> str: ...

    def play(self, done: Done) -> None: ...


class Announcer(QObject):
    """A queue of sentences: chime, speak, next; `started(text)` / `finished(text)` follow each one.

    Without engines given it takes the best this PC has (see `best_speech`, `best_chime`)."""

    started = Signal(str)
    finished = Signal(str)

    def __init__(self, speech: SpeechEngine | None = None, chime: ChimePlayer | None = None,
                 watchdog_ms: int = WATCHDOG_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech: SpeechEngine = speech if speech is not None else best_speech(self)
        self.chime: ChimePlayer = chime if chime is not None else best_chime(self)
        if speech is None or chime is None:
            log.info("announcer: %s", self.description)
        self._queue: deque[str] = deque()
        self._current: str | None = None
        self._token = 0  # callbacks of an item the watchdog gave up on are ignored
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(watchdog_ms)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._kick = QTimer(self)  # starts the next item from the event loop, never from inside a callback
        self._kick.setSingleShot(True)
        self._kick.setInterval(0)
        self._kick.timeout.connect(self._next)

    @property
    def description(self) -> str:
        """What this announcer plays, for the station's status line."""
        return f"{self.speech.description} · {self.chime.description}"

    @property
    def busy(self) -> bool:
        """Whether an announcement is playing or waiting."""
        return self._current is not None or bool(self._queue)

    def announce(self, text: str) -> None:
        """Queue a sentence; it plays after every earlier one has finished."""
        self._queue.append(text)
        if self._current is None:
            self._kick.start()

    def clear(self) -> None:
        """Drop what has not started yet (the one playing finishes)."""
        self._queue.clear()

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        text = self._current = self._queue.popleft()
        self._token += 1
        token = self._token
        self.started.emit(text)
        self._watchdog.start()
        self.chime.play(lambda: self._after_chime(token, text))

    def _after_chime(self, token: int, text: str) -> None:
        if token == self._token:
            self.speech.say(text, lambda: self._after_speech(token, text))

    def _after_speech(self, token: int, text: str) -> None:
        if token != self._token:
            return
        self._token += 1
        self._watchdog.stop()
        self._current = None
        self.finished.emit(text)
        self._kick.start()

    def _on_watchdog_timeout(self) -> None:
        log.warning("announcer: no end reported within %d ms; going on with the next one", self._watchdog.interval())
        if self._current is not None:
            self._after_speech(self._token, self._current)


# --- speech engines -----------------------------------------------------------------------------------------

class QtSpeech(QObject):
    """Qt's text-to-speech with a Vietnamese voice (SAPI/WinRT on Windows, AVSpeech on macOS, speechd on Linux)."""

    def __init__(self, tts: QObject, description: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts, self.description = tts, description
        self._done: Done | None = None
        self._spoke = False
        tts.stateChanged.connect(self._on_state_changed)  # type: ignore[attr-defined]

    def say(self, text: str, done: Done) -> None:
        self._done, self._spoke = done, False
        self._tts.say(text)  # type: ignore[attr-defined]

    def _on_state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._spoke = True
        elif state == QTextToSpeech.State.Error or (state == QTextToSpeech.State.Ready and self._spoke):
            done, self._done = self._done, None
            if done is not None:
                done()


class ProcessSpeech(QObject):
    """A speech program run once per sentence, e.g. `espeak-ng -v vi TEXT` (finishes when the program exits)."""

    def __init__(self, program: str, args: list[str], description: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = _ProcessPlayer(program, self)
        self._args, self.description = args, description

    def say(self, text: str, done: Done) -> None:
        self._player.run([*self._args, text], done)

    def stop(self) -> None:
        self._player.stop()


class NoSpeech:
    """No Vietnamese voice on this PC: the chime alone calls attention, the screen shows the number."""

    @property
    def description(self) -> str:
        return QCoreApplication.translate("announcer", "Không có giọng đọc tiếng Việt: chỉ phát chuông")

    def say(self, text: str, done: Done) -> None:
        done()


# --- chime players ------------------------------------------------------------------------------------------

class SoundEffectChime(QObject):
    """The chime through QtMultimedia's QSoundEffect."""

    description = "Chuông: QSoundEffect"

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect

        super().__init__(parent)
        self._effect = QSoundEffect(self)
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.playingChanged.connect(self._on_playing_changed)
        self._done: Done | None = None

    def play(self, done: Done) -> None:
        self._done = done
        self._effect.play()

    def _on_playing_changed(self) -> None:
        if not self._effect.isPlaying() and self._done is not None:
            done, self._done = self._done, None
            done()


class ProcessChime(QObject):
    """The chime through a command-line player (`paplay`, `aplay -q`)."""

    def __init__(self, program: str, args: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = _ProcessPlayer(program, self)
        self._args = args
        self.description = f"Chuông: {Path(program).name}"

    def play(self, done: Done) -> None:
        self._player.run(self._args, done)

    def stop(self) -> None:
        self._player.stop()


class WinsoundChime(QObject):
    """The chime through Windows' own `winsound` (asynchronous; its end is known from the file's length)."""

    description = "Chuông: winsound"

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path

    def play(self, done: Done) -> None:
        import winsound  # type: ignore[import-not-found,unused-ignore]

        winsound.PlaySound(str(self._path), winsound.SND_FILENAME | winsound.SND_ASYNC)  # type: ignore[attr-defined,unused-ignore]
        QTimer.singleShot(CHIME_MS, self, done)


class NoChime:
    """No way to play sound on this PC."""

    @property
    def description(self) -> str:
        return QCoreApplication.translate("announcer", "Không phát được chuông")

    def play(self, done: Done) -> None:
        done()


class _ProcessPlayer(QObject):
    """Runs one program at a time without waiting for it; calls `done()` once when it exits or fails to start."""

    def __init__(self, program: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self._process: QProcess | None = None
        self._done: Done | None = None

    def run(self, args: list[str], done: Done) -> None:
        self._done = done
        process = self._process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.finished.connect(lambda *_: self._end(process))
        process.errorOccurred.connect(lambda error: self._on_error(process, error))
        process.start(self._program, args)

    def stop(self) -> None:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)

    def _on_error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # no `finished` will follow
            log.warning("announcer: %s did not start: %s", self._program, process.errorString())
            self._end(process)

    def _end(self, process: QProcess) -> None:
        if process is not self._process:  # a late signal of an earlier run
            return
        self._process = None
        QProcess.deleteLater(process)
        done, self._done = self._done, None
        if done is not None:
            done()


# --- choosing engines ---------------------------------------------------------------------------------------

def default_announcer(parent: QObject | None = None, *, use_qt: bool = True,
                      find_program: Callable[[str], str | None] = shutil.which) -> Announcer:
    """An announcer with the best engines this PC offers (`use_qt=False` skips Qt's optional modules)."""
    speech, chime = best_speech(parent, use_qt, find_program), best_chime(parent, use_qt, find_program)
    announcer = Announcer(speech, chime, parent=parent)
    log.info("announcer: %s", announcer.description)
    return announcer


def best_speech(parent: QObject | None = None, use_qt: bool = True,
                find_program: Callable[[str], str | None] = shutil.which) -> SpeechEngine:
    """A Qt Vietnamese voice, else espeak-ng, else none (the chime alone)."""
    qt = _qt_speech(parent) if use_qt else None
    if qt is not None:
        return qt
    espeak = find_program("espeak-ng")
    if espeak:
        return ProcessSpeech(espeak, ["-v", "vi", "-s", "150"], "Giọng đọc: espeak-ng (vi)", parent)
    return NoSpeech()


def _qt_speech(parent: QObject | None) -> QtSpeech | None:
    """A QTextToSpeech set to a Vietnamese voice, or None (no QtTextToSpeech, or no Vietnamese voice)."""
    try:
        from PySide6.QtCore import QLocale
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:  # PySide6-Addons missing, or its system libraries (libpulse) are
        log.info("announcer: QtTextToSpeech unavailable: %s", exc)
        return None
    for engine in QTextToSpeech.availableEngines():
        if engine == "mock":
            continue
        tts = QTextToSpeech(engine, parent)
        vietnamese = [loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.Vietnamese]
        if vietnamese:
            tts.setLocale(vietnamese[0])
            if tts.availableVoices():
                return QtSpeech(tts, f"Giọng đọc: Qt {engine} ({tts.voice().name()})", parent)
        tts.deleteLater()
    return None


def best_chime(parent: QObject | None = None, use_qt: bool = True,
               find_program: Callable[[str], str | None] = shutil.which) -> ChimePlayer:
    """QSoundEffect when QtMultimedia has an audio output, else paplay/aplay, else winsound, else nothing."""
    path = resource("sounds", "chime.wav")
    if use_qt:
        try:
            from PySide6.QtMultimedia import QMediaDevices

            if QMediaDevices.audioOutputs():
                return SoundEffectChime(path, parent)
        except ImportError as exc:
            log.info("announcer: QtMultimedia unavailable: %s", exc)
    for program, args in (("paplay", [str(path)]), ("aplay", ["-q", str(path)])):
        found = find_program(program)
        if found:
            return ProcessChime(found, args, parent)
    if sys.platform == "win32":
        return WinsoundChime(path, parent)
    return NoChime()
