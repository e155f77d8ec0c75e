"""Log files and crash reports of a station or a CLI command, in the data folder; personal data masked.

`setup(station)` is called once by the composition root (app/main.py for CLI commands, app/ui/launch.py for a
window station), never at import time. It sends this process's log to `<data>/logs/<station>.log`, a rotating file
capped at LOG_BYTES × (BACKUPS + 1). Every line, exception text and traceback included, goes through
`app.domain.privacy.redact` on its way to the file, so ID numbers and phone numbers are masked and SQL parameters
dropped whoever logged them. `install_hooks()` catches uncaught exceptions of the main thread and of every other
thread (and, through sys.excepthook, of Qt slots): each is logged and written as a crash report
`<data>/logs/crash-YYYYMMDD-HHMMSS.txt` (traceback, version, station, OS, Python and Qt versions, time; masked),
and a window station is told through `notify` so it can show a message and keep running.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from app import __version__, config
from app.domain.privacy import redact

LOG_BYTES = 2_000_000  # per file
BACKUPS = 4  # rotated files kept beside the current one: at most 10 MB of log per station
CRASH_TAIL_LINES = 40  # the end of the log copied into a crash report (already masked)
REPEAT_SECONDS = 60.0  # the same bug again within this time is logged, not written as another report
LINE_FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"
# SQL statements and parameters never logged (sqlalchemy), nor the noise of plugins and image decoders
QUIET_LOGGERS = ("sqlalchemy", "alembic.runtime.plugins", "PIL", "asyncio")

Notify = Callable[[str, "Path | None"], None]  # (short description, crash report) → tell the user


class RedactingFormatter(logging.Formatter):
    """Formats a record like logging.Formatter, then masks ID and phone numbers and drops SQL parameters in the
    whole text: message, exception and stack."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


@dataclass
class _State:
    """What setup() decided for this process."""

    station: str
    log_file: Path
    handler: logging.Handler
    versions: dict[str, str] = field(default_factory=dict)  # added by the UI: Qt, PySide6
    notify: Notify | None = None
    recent: dict[str, float] = field(default_factory=dict)  # bug signature → last report time


_state: _State | None = None
_lock = threading.Lock()


def logs_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder of log files and crash reports: `<data>/logs`."""
    return config.data_dir(env) / "logs"


def station_name(kind: str, counter_number: int | None = None) -> str:
    """The name of a station's log file: "kiosk", "counter-3", "rating-3", "cli"."""
    return f"{kind}-{counter_number}" if counter_number else kind


def setup(station: str, *, folder: Path | None = None, max_bytes: int = LOG_BYTES,
          backups: int = BACKUPS) -> Path | None:
    """Log this process to `<folder or data>/logs/<station>.log` from now on (replacing an earlier target of ours);
    returns the file, or None when the folder cannot be written (the program then runs without a log file)."""
    global _state
    import logging.handlers

    target_dir = folder or logs_dir()
    log_file = target_dir / f"{station}.log"
    with _lock:
        if _state is not None and _state.log_file == log_file:
            return log_file
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=max_bytes, backupCount=backups,
                                                           encoding="utf-8")
        except OSError:
            return None
        handler.setFormatter(RedactingFormatter(LINE_FORMAT))
        root = logging.getLogger()
        old = _state
        if old is not None:
            root.removeHandler(old.handler)
            old.handler.close()
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        logging.raiseExceptions = False  # a log file that cannot be written never stops a station
        _state = _State(station, log_file, handler, dict(old.versions) if old else {},
                        old.notify if old else None)
    return log_file


def shutdown() -> None:
    """Stop logging to our file (the hooks stay); setup() may be called again."""
    global _state
    with _lock:
        if _state is not None:
            logging.getLogger().removeHandler(_state.handler)
            _state.handler.close()
            _state = None


def log_file() -> Path | None:
    """This process's log file (None before setup)."""
    return _state.log_file if _state else None


def add_versions(versions: Mapping[str, str]) -> None:
    """Versions only a higher layer can read (Qt, PySide6), written into crash reports from now on."""
    if _state is not None:
        _state.versions.update(versions)


def note_failure(message: str) -> None:
    """An expected failure a CLI command reported to its user, into the log (set up as "cli" if nothing is yet)."""
    if _state is None:
        setup("cli")
    logging.getLogger("motcua.cli").warning("%s", message)


def install_hooks(notify: Notify | None = None) -> None:
    """Catch uncaught exceptions of this process (main thread, other threads, Qt slots): log them, write a crash
    report, print the masked traceback on stderr and call `notify` (a window shows a message; it may be called on
    any thread). The program is not stopped by the hook itself."""
    if _state is not None:
        _state.notify = notify
    sys.excepthook = _on_uncaught
    threading.excepthook = _on_thread_exception


def _on_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    _handle(exc.with_traceback(tb), threading.current_thread().name)


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    _handle(args.exc_value.with_traceback(args.exc_traceback), name)


def mark_reported(exc: BaseException, path: Path | None) -> None:
    """Note that `exc` was logged and reported already (the hook then only prints it)."""
    exc.__dict__["_motcua_report"] = path


def _handle(exc: BaseException, thread_name: str) -> None:
    """Log, report, print and notify one uncaught exception; never raises."""
    try:
        if "_motcua_report" in exc.__dict__:
            path = exc.__dict__["_motcua_report"]
        else:
            logging.getLogger("motcua.crash").error("uncaught exception in thread %s", thread_name, exc_info=exc)
            path = write_crash_report(exc, f"ngoại lệ không được bắt trong luồng {thread_name}", thread_name)
        text = redact("".join(traceback.format_exception(exc)))
        print(text + (f"motcua: báo cáo lỗi: {path}\n" if path else ""), file=sys.stderr, end="")
        notify = _state.notify if _state else None
        if notify is not None:
            notify(redact(f"{type(exc).__name__}: {exc}"), path)
    except Exception:  # the hook must never raise: fall back to Python's own printout
        sys.__excepthook__(type(exc), exc, exc.__traceback__)


def write_crash_report(exc: BaseException, context: str = "", thread_name: str | None = None) -> Path | None:
    """Write a crash report beside the log (after setup); None before setup, when the folder cannot be written, or
    when the same bug was reported less than REPEAT_SECONDS ago (it is still logged)."""
    state = _state
    if state is None:
        return None
    signature = _signature(exc)
    now = time.monotonic()
    with _lock:
        last = state.recent.get(signature)
        if last is not None and now - last < REPEAT_SECONDS:
            return None
        state.recent[signature] = now
    text = crash_report_text(exc, context, state.station, state.versions, state.log_file,
                             thread_name or threading.current_thread().name)
    return _write_new(state.log_file.parent, text)


def crash_report_text(exc: BaseException, context: str, station: str, versions: Mapping[str, str],
                      log_path: Path | None, thread_name: str) -> str:
    """The text of a crash report, masked: what happened, where, which versions, the traceback and the log's end."""
    local = datetime.now().astimezone()
    lines = [
        "motcua — báo cáo lỗi phần mềm (crash report)",
        f"Thời điểm: {local:%Y-%m-%d %H:%M:%S %z} (UTC {local.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S})",
        f"Máy trạm: {station}",
        f"Ngữ cảnh: {context}" if context else "",
        f"Luồng: {thread_name}; tiến trình {os.getpid()}",
        f"motcua: {__version__}",
        f"Hệ điều hành: {platform.platform()}",
        f"Python: {platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        *(f"{name}: {value}" for name, value in sorted(versions.items())),
        f"Nhật ký: {log_path}" if log_path else "",
        "",
        "".join(traceback.format_exception(exc)).rstrip(),
        "",
        f"--- {CRASH_TAIL_LINES} dòng cuối của nhật ký ---",
        *_tail(log_path, CRASH_TAIL_LINES),
    ]
    return redact("\n".join(line for line in lines if line is not None) + "\n")


def _signature(exc: BaseException) -> str:
    """Type and innermost frame: the same bug raised again has the same signature."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__qualname__}@{where}"


def _tail(path: Path | None, count: int) -> list[str]:
    if path is None:
        return []
    try:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            return [line.rstrip("\n") for line in fh.readlines()[-count:]]
    except OSError:
        return []


def _write_new(folder: Path, text: str) -> Path | None:
    """A new file crash-YYYYMMDD-HHMMSS[-N].txt in `folder` (never overwriting one); None when it cannot be written."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        path = folder / (f"crash-{stamp}.txt" if n == 0 else f"crash-{stamp}-{n}.txt")
        try:
            with path.open("x", encoding="utf-8") as fh:
                fh.write(text)
            return path
        except FileExistsError:
            continue
        except OSError:
            return None
    return None
