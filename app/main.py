"""Composition root: arguments -> config -> store -> services -> a CLI command or a window.

Nothing here runs at import time; `main()` builds everything and passes it down.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app import config
from typing import TYPE_CHECKING

from app.cli.output import EXIT_USAGE, CliError, run_guarded
from app.cli.parser import build_parser

if TYPE_CHECKING:
    from app.store.engine import Store


def open_store(db_option: str | None, cfg: config.MachineConfig) -> "Store":
    """The store the options and config point at (PostgreSQL password from the keyring or a prompt)."""
    from app.store.engine import Store

    url = config.resolve_database_url(db_option, cfg)
    return Store(config.with_password(url))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `motcua` command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0

    def run() -> int:
        try:
            cfg = config.load_machine_config(args.config, must_exist=args.config is not None)
        except config.ConfigFileMissing as exc:  # a typo in --config: a usage error, never the default store
            raise CliError(str(exc), EXIT_USAGE) from exc
        lean = getattr(args, "lean_handler", None)  # a command with a path that needs no SQLAlchemy
        if lean is not None:
            done = lean(args, cfg)
            if done is not None:
                return int(done)
        if getattr(args, "needs_store", True) is False:
            return int(args.handler(args, None, cfg) or 0)
        from app.services.context import Context

        store = open_store(args.db, cfg)
        try:
            return int(args.handler(args, Context(store), cfg) or 0)
        finally:
            store.dispose()

    return run_guarded(run, json_mode=args.json)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["main", "open_store", "CliError"]
