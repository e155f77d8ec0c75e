"""Composition root: arguments -> config -> log -> store -> services -> a CLI command or a window.

Nothing here runs at import time; `main()` builds everything and passes it down. A CLI command logs to
`<data>/logs/cli.log` (a window station switches to its own log when it opens); the lean `ticket issue` path
sets no log up unless it fails, so it stays as fast as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from collections.abc import Sequence

from app import __version__, config
from typing import TYPE_CHECKING, Any

from app.cli.output import EXIT_USAGE, CliError, run_guarded
from app.cli.parser import build_parser

if TYPE_CHECKING:
    from app.store.engine import Store


STATION_PROGRAM = "motcua-station"


def open_store(db_option: str | None, cfg: config.MachineConfig, works_offline: bool = False) -> "Store":
    """The store the options and config point at (PostgreSQL password from the keyring or a prompt). A command that
    works offline on a station of a central server (not `--db`) gives up on the server within about 2 s and works
    from the station's journal (docs/offline.md); every other command keeps the ordinary timeouts."""
    from app.store.engine import Store

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = config.resolve_database_url(db_option, cfg)
    try:
        make_url(url)
    except ArgumentError:
        where = "--db" if db_option else f"{config.ENV_DATABASE_URL} hoặc database_url của tệp cấu hình"
        raise CliError(f"{where}: «{url[:80]}» không phải địa chỉ cơ sở dữ liệu (dạng sqlite:///tệp hoặc "
                       "postgresql+psycopg://người_dùng@máy/csdl)", EXIT_USAGE) from None
    warning = config.password_on_command_line(db_option, os.environ)
    if warning:
        print(f"motcua: cảnh báo: {warning}", file=sys.stderr)
    if works_offline and db_option is None and url.startswith("postgresql"):
        from app.services.offline import STATION_TIMEOUTS

        return Store(config.with_password(url), timeouts=STATION_TIMEOUTS)
    return Store(config.with_password(url))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `motcua` command; returns the process exit code."""
    parser = build_parser()
    if argv is None and len(sys.argv) == 1 and Path(sys.argv[0]).stem.lower() == STATION_PROGRAM:
        argv = ["station"]  # the windowed launcher of the bundle, started from a shortcut or at log-on
    args = parser.parse_args(argv)
    undecodable = _not_utf8(args)
    if undecodable:
        print(f"motcua: lỗi: {undecodable}: có byte không phải UTF-8 (kiểm tra bảng mã của dòng lệnh)",
              file=sys.stderr)
        return EXIT_USAGE
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0

    def run() -> int:
        cfg = _machine_config(args)
        lean = getattr(args, "lean_handler", None)  # a command with a path that needs no SQLAlchemy
        if lean is not None:
            done = lean(args, cfg)
            if done is not None:
                return int(done)
        _start_log(argv)
        if getattr(args, "needs_store", True) is False:
            return int(args.handler(args, None, cfg) or 0)
        from app.services.context import Context

        store = open_store(args.db, cfg, getattr(args, "works_offline", False))
        try:
            return int(args.handler(args, Context(store), cfg) or 0)
        finally:
            store.dispose()

    try:
        code = run_guarded(run, json_mode=args.json)
    except Exception as exc:  # our bug: logged and reported, then Python prints the (masked) traceback
        _report_bug(exc)
        raise
    return code


def _machine_config(args: Any) -> config.MachineConfig:
    """The machine config; a command that must work on a broken one (`support bundle`) gets the defaults and the
    error in `args.config_error`."""
    replaces = getattr(args, "replaces_config", False)
    try:
        return config.load_machine_config(args.config, must_exist=args.config is not None and not replaces)
    except config.ConfigFileMissing as exc:  # a typo in --config: a usage error, never the default store
        raise CliError(str(exc), EXIT_USAGE) from exc
    except config.ConfigError as exc:
        if replaces:
            return config.MachineConfig({}, args.config)  # `motcua setup` is how a broken config gets fixed
        if not getattr(args, "tolerates_bad_config", False):
            raise
        args.config_error = str(exc)
        return config.MachineConfig({}, args.config or config.default_config_file())


def _not_utf8(args: Any) -> str | None:
    """The option (as typed: --address) whose value held bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no file, database or terminal can take), or None."""
    for name, value in vars(args).items():
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, (str, Path)) and any("\ud800" <= ch <= "\udfff" for ch in str(item)):
                return "--" + name.replace("_", "-")
    return None


def _start_log(argv: Sequence[str] | None) -> None:
    """Log this command to cli.log (the command words only: values may be personal) and catch uncaught errors."""
    import logging

    from app import logs

    logs.setup("cli")
    logs.install_hooks()
    words = _command_words(list(sys.argv[1:] if argv is None else argv))
    logging.getLogger("motcua.cli").info("motcua %s (motcua %s)", " ".join(words), __version__)


def _report_bug(exc: BaseException) -> None:
    """A bug that escaped a command: into cli.log and a crash report; the path on stderr."""
    import logging

    from app import logs

    if logs.log_file() is None:
        logs.setup("cli")
    logs.install_hooks()
    logging.getLogger("motcua.cli").error("bug", exc_info=exc)
    path = logs.write_crash_report(exc, "lỗi phần mềm trong một lệnh motcua")
    logs.mark_reported(exc, path)  # the hook prints the masked traceback and this path when it reaches the top


def _command_words(argv: list[str]) -> list[str]:
    """`--db URL dossier receive --name …` → ["dossier", "receive"]: the command, never its values."""
    words: list[str] = []
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in ("--db", "--config"):
            skip = True
        elif token.startswith("-"):
            if words:
                break
        else:
            words.append(token)
            if len(words) == 2:
                break
    return words


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["main", "open_store", "CliError"]
