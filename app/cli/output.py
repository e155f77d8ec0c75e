"""How the CLI speaks: results as text or JSON on stdout, one clear line on stderr for bad input, exit codes."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from app.domain.errors import EnvironmentFault, FormErrors, MotcuaError, disk_fault
from app.domain.text import printable

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STORE, EXIT_SCHEMA = 0, 1, 2, 3, 4


class CliError(Exception):
    """A user-facing CLI failure with its exit code."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


def plain(value: Any) -> Any:
    """JSON-able form of dataclasses, dates, UUIDs and sets."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def emit(json_mode: bool, text: str, data: Any) -> None:
    """Print a result: `text` for people (control, bidi and invisible characters of the data escaped, so a stored
    ESC sequence never drives the terminal), or `data` as JSON with --json (JSON escapes controls itself)."""
    if json_mode:
        print(json.dumps(plain(data), ensure_ascii=False, indent=2))
    elif text:
        print(printable(text))


def write_output(body: str, out: Path | None) -> None:
    """A report body to a file (naming it on stderr) or to stdout."""
    if out is not None:
        out.write_text(body, encoding="utf-8")
        print(f"Đã ghi {out}", file=sys.stderr)
    else:  # on a terminal, escaped like every text result; into a pipe or file, the bytes as they are
        sys.stdout.write(printable(body) if sys.stdout.isatty() else body)


def fail(message: str) -> None:
    """One line on stderr (details, where there are several, on the following lines), and the same in the log;
    ID and phone numbers masked, database values dropped (a driver's message may quote a citizen's data), control
    and bidi characters shown escaped."""
    from app.domain.privacy import redact

    message = redact(message)
    print(f"motcua: lỗi: {printable(message)}", file=sys.stderr)
    from app import logs  # here, not at the top: a command that succeeds on the lean path never loads logging

    logs.note_failure(message)


def run_guarded(run: Callable[[], int], json_mode: bool = False) -> int:
    """Run a command, turning expected failures into one clear stderr line and an exit code (no traceback)."""
    try:
        return run()
    except KeyboardInterrupt:
        fail("đã dừng theo yêu cầu")
        return 130
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # classified below; anything not recognised is a bug and re-raised
        code = _explain(exc)
        if code is None:
            raise
        return code


def _explain(exc: Exception) -> int | None:
    """Print the message of an expected failure and return its exit code; None for a bug."""
    if isinstance(exc, CliError):
        fail(str(exc))
        return exc.code
    if isinstance(exc, FormErrors):  # each message names its field in Vietnamese («Số CCCD: …»), never its key
        from app.domain.validators import labelled

        fail("; ".join(labelled(e.field, e.message) for e in exc.errors))
        return EXIT_INPUT
    exc = disk_fault(exc) or exc  # type: ignore[assignment]
    if isinstance(exc, EnvironmentFault):  # the store, a device, the disk: exit 3 (4: the schema is behind)
        from app.store.lean_sqlite import SchemaNotCurrent

        fail(str(exc))
        return EXIT_SCHEMA if isinstance(exc, SchemaNotCurrent) else EXIT_STORE
    if isinstance(exc, MotcuaError):  # refused: bad input, not allowed, a wrong setting
        fail(str(exc))
        from app.domain.privacy import redact

        for problem in (getattr(exc, "problems", None) or [])[1:]:
            print(f"  {printable(redact(str(problem)))}", file=sys.stderr)
        return EXIT_INPUT
    return _explain_driver(exc)


def _explain_driver(exc: Exception) -> int | None:
    """Driver failures the store did not translate (sqlalchemy is imported only when one happened)."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError

    if isinstance(exc, DatabaseError) and "file is not a database" in str(exc.orig):
        fail("--db: tệp đã chỉ không phải cơ sở dữ liệu SQLite (kiểm tra lại đường dẫn; không ghi gì vào tệp)")
        return EXIT_USAGE
    if isinstance(exc, (OperationalError, InterfaceError)):
        first = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
        fail(f"không kết nối được cơ sở dữ liệu: {first}")
        return EXIT_STORE
    return None


def parse_day(text: str) -> date:
    """A date argument as 2026-11-30 or 30/11/2026, or argparse's one-line error."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text!r} (dạng 2026-11-30 hoặc 30/11/2026)")
