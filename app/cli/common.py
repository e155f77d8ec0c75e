"""Helpers every command shares: the schema check, the officer behind `--officer`, writing files, JSON of views,
local time stamps, the printer options and this machine's keypad settings."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.output import EXIT_SCHEMA, CliError, plain

if TYPE_CHECKING:
    from app.devices.keypad import KeypadConfig
    from app.services.context import Actor, Context
    from app.services.offline import OfflineStation
    from app.services.queue_views import TicketView


def require_current_schema(ctx: Context) -> None:
    """Refuse to work on a database whose schema is not at head (one query; Alembic is not imported)."""
    from app.store import schema

    if not schema.is_current(ctx.store):
        raise CliError("cơ sở dữ liệu chưa được khởi tạo hoặc chưa nâng cấp; chạy «motcua db upgrade»",
                       EXIT_SCHEMA)


def require_current_schema_or_offline(ctx: Context, station: OfflineStation) -> None:
    """The schema check of a station that may be offline: skipped when the server is not to be tried now, and an
    unreachable server is not an error here (the station's own offline path follows)."""
    from app.services.offline import is_unreachable
    from app.store.engine import StoreUnavailable

    if not station.should_try_server():
        return
    try:
        require_current_schema(ctx)
    except StoreUnavailable as exc:
        if not is_unreachable(exc):
            raise
        station.went_offline()


def actor_for(ctx: Context, cfg: config.MachineConfig, login: str | None, password: str | None = None) -> Actor:
    """Who does a command's work. `--officer LOGIN` signs in with that officer's password (asked on a terminal,
    else read as the first line of stdin); a wrong or missing one is refused (exit 1). With no `--officer`: the
    officer of the session `motcua login` kept for this store (signed in again), else the maintenance account
    where this connection is one — the PostgreSQL database owner, or the embedded SQLite file on a PC whose
    machine config names the admin station — and otherwise a refusal: over a station's role every change needs a
    signed-in officer (docs/security.md)."""
    import time

    from app.services import accounts
    from app.services.context import Actor
    from app.store.roles import is_maintenance

    if login:
        return accounts.sign_in(ctx, login, password or read_officer_password(login))
    session = config.read_session(ctx.store.url, time.time())
    if session is not None:  # `motcua login`: signed in anew with the kept password, so every check applies
        return accounts.sign_in(ctx, *session)
    if is_maintenance(ctx.store) and (ctx.store.backend == "postgresql" or cfg.get("station") == "admin"):
        return Actor.maintenance(ctx)
    raise CliError("cần --officer LOGIN (hoặc «motcua login LOGIN» trước): trên máy trạm, việc này phải do một cán "
                   "bộ đã đăng nhập thực hiện (mật khẩu hỏi khi chạy, hoặc đọc từ dòng đầu của stdin)")


def officer_option(parser: argparse.ArgumentParser, help: str = "cán bộ thực hiện (mật khẩu hỏi khi chạy, hoặc "
                                                                "dòng đầu của stdin)") -> None:
    """`--officer LOGIN`, as every command that changes data (or needs a role) takes it."""
    parser.add_argument("--officer", metavar="LOGIN", help=help)


def read_officer_password(login: str) -> str:
    """The password of `--officer LOGIN`: asked on a terminal (not shown), else the first line of stdin."""
    import getpass
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(f"Mật khẩu của {login}: ")
    else:
        password = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not password:
        raise CliError(f"--officer {login}: thiếu mật khẩu (nhập khi được hỏi, hoặc dòng đầu của stdin)")
    return password


@contextmanager
def writing(out: Path, prefix: str = "") -> Iterator[None]:
    """Turn a failure to write a file (no such folder, no permission, disk full) into one clear line."""
    try:
        yield
    except OSError as exc:
        raise CliError(f"{prefix}không ghi được tệp {out}: {exc.strerror or exc}") from exc


def stamp(moment: datetime | None) -> str:
    """A moment as the centre's local «HH:MM dd/mm/yyyy», or «—» when there is none."""
    from app.domain.calendar import LOCAL_TZ

    return f"{moment.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}" if moment else "—"


def ticket_json(view: TicketView) -> dict[str, Any]:
    """A ticket view as the JSON the ticket and queue commands print."""
    return dict(plain(view))


def status_label(status: str) -> str:
    """The Vietnamese label of a ticket status."""
    from app.domain.queue import TicketStatus

    return TicketStatus(status).label


def printer_options(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """`--printer URL` and `--profile 80mm|58mm`, as every printing command takes them."""
    parser.add_argument("--printer", metavar="URL", required=required,
                        help="cổng máy in (/dev/ttyUSB0, socket://host:9100, đường dẫn pty)")
    parser.add_argument("--profile", choices=("80mm", "58mm"), help="khổ giấy (mặc định theo cấu hình máy)")


def keypad_setup(cfg: config.MachineConfig, url: str | None = None, **overrides: Any) -> KeypadConfig:
    """This machine's keypad from its settings (keypad_*), with command-line values (not None) taking precedence;
    a setting that cannot work is one clear error naming it."""
    from app.devices.keypad import KeypadConfig, KeypadConfigError, parse_hex

    values: dict[str, Any] = {
        "url": url if url is not None else cfg.get("keypad_url"), "mode": cfg.get("keypad_protocol"),
        "address": cfg.get("keypad_address"), "keys": cfg.get("keypad_keys").strip(),
        "baudrate": cfg.get("keypad_baud"), "frame_timeout_ms": cfg.get("keypad_frame_timeout_ms")}
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        lamp_on = parse_hex(cfg.get("keypad_lamp_on"), "keypad_lamp_on")
        lamp_off = parse_hex(cfg.get("keypad_lamp_off"), "keypad_lamp_off")
        return KeypadConfig(lamp_on=lamp_on, lamp_off=lamp_off, **values)
    except KeypadConfigError as exc:
        raise CliError(str(exc)) from exc


def offline_capable(args: argparse.Namespace, cfg: config.MachineConfig) -> bool:
    """Whether this command may work offline: the store is the central PostgreSQL named by the machine config
    (or the environment), not one given with `--db` (which is talked to directly, as always)."""
    if getattr(args, "db", None):
        return False
    return config.resolve_database_url(None, cfg).startswith("postgresql")


@contextmanager
def offline_station(ctx: Context, cfg: config.MachineConfig) -> Iterator[OfflineStation]:
    """This station's journal joined to its central store (docs/offline.md)."""
    from app.services.offline import OfflineStation

    station = OfflineStation(ctx, config.data_dir(), cfg.get("station"), cfg.get("counter_number"))
    try:
        yield station
    finally:
        station.close()


def saved_locally(station: OfflineStation) -> None:
    """The one stderr line of work saved in the journal while the server does not answer."""
    import sys

    print(f"đã lưu tại máy, {station.waiting()} mục chờ đồng bộ", file=sys.stderr)


def replay_quietly(station: OfflineStation) -> None:
    """After an online command: replay what waits from an outage (a failure leaves it for the next time)."""
    import logging

    from app.domain.errors import MotcuaError

    station.went_online()
    if not station.waiting():
        return
    try:
        station.replay()
    except MotcuaError as exc:
        logging.getLogger("motcua.sync").warning("replay after an online command failed: %s", exc)
