"""`motcua sync status|now`: a station's offline journal, its leases and the items waiting to reach the server."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.common import actor_for, officer_option, offline_station, read_officer_password, stamp
from app.cli.output import EXIT_STORE, CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the sync command."""
    sync = commands.add_parser("sync", help="làm việc khi mất kết nối: trạng thái, đồng bộ với máy chủ")
    ssub = sync.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    st = ssub.add_parser("status", help="chế độ, lần liên lạc cuối, số dự phòng đang giữ, số mục chờ đồng bộ")
    st.set_defaults(handler=sync_status, works_offline=True)
    now = ssub.add_parser("now", help="làm mới dữ liệu và số dự phòng, gửi các mục chờ lên máy chủ")
    now.set_defaults(handler=sync_now, works_offline=True)
    aside = ssub.add_parser("set-aside", help="gác lại một mục máy chủ không nhận (ghi lý do; báo lên máy chủ "
                                              "ở lần đồng bộ sau)")
    aside.add_argument("item", metavar="ITEM", help="mã của mục (hoặc ít nhất 6 ký tự đầu, như «sync status» in ra)")
    aside.add_argument("--reason", required=True, metavar="TEXT", help="lý do gác lại (ít nhất 10 ký tự)")
    officer_option(aside)
    aside.set_defaults(handler=sync_set_aside, works_offline=True)


def _require_server(args: argparse.Namespace, cfg: config.MachineConfig) -> None:
    if not config.resolve_database_url(args.db, cfg).startswith("postgresql"):
        raise CliError("máy này dùng cơ sở dữ liệu SQLite ngay trên máy: không có gì để đồng bộ "
                       "(đặt database_url của máy chủ PostgreSQL trong tệp cấu hình)")


def sync_status(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Print the journal's state (no contact with the server)."""
    _require_server(args, cfg)
    with offline_station(ctx, cfg) as station:
        state = station.status()
    emit(args.json, _status_text(state), state)
    return 0


def _status_text(state: dict[str, Any]) -> str:
    from datetime import datetime

    def when(text: str | None) -> str:
        return stamp(datetime.fromisoformat(text)) if text else "—"

    mode = "trực tuyến" if state["mode"] == "online" else f"mất kết nối từ {when(state['offline_since'])}"
    lines = [f"Chế độ: {mode}", f"Liên lạc cuối với máy chủ: {when(state['last_contact'])}",
             f"Dữ liệu danh mục làm mới lúc: {when(state['reference'])}",
             f"Mục chờ đồng bộ: {state['waiting']}", f"Số dự phòng đang giữ: {len(state['leases'])}"]
    lines += [f"  {x['kind']} {x['scope']} ngày {x['day']}: {x['first']}–{x['last']} (còn {x['left']})"
              for x in state["leases"]]
    if state.get("held_back"):
        lines.append(f"Mục máy chủ chưa nhận: {len(state['held_back'])}")
        lines += [f"  [{x['id']}] {x['kind']} {x['what']} ({x['attempts']} lần): {x['error']}"
                  for x in state["held_back"]]
    if state.get("set_aside"):
        lines.append(f"Mục đã gác lại: {len(state['set_aside'])}")
        lines += [f"  [{x['id']}] {x['kind']} {x['what']} — {x['reason']} ({x['officer']}; "
                  + ("đã báo máy chủ" if x["reported"] else "chưa báo máy chủ") + ")" for x in state["set_aside"]]
    return "\n".join(lines)


def sync_set_aside(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Set aside an outbox item the server keeps refusing; the officer signs in on the server, else through the
    journal (the server does not answer). Reported to the server at the next sync."""
    _require_server(args, cfg)
    if not args.officer:
        raise CliError("cần --officer LOGIN: gác lại một mục phải do cán bộ đã đăng nhập thực hiện")
    password = read_officer_password(args.officer)
    with offline_station(ctx, cfg) as station:
        actor = station.on_server(lambda: actor_for(ctx, cfg, args.officer, password))
        if actor is not None:
            station.remember_sign_in(args.officer, password)
        else:
            actor = station.sign_in(args.officer, password)
        item = station.set_aside(actor, args.item, args.reason)  # a refusal: one line, exit 1 (output.run)
        state = station.status()
    what = f"{item.kind} {item.payload.get('display') or item.payload.get('code') or item.id}"
    emit(args.json, f"Đã gác lại {what} [{str(item.id)[:8]}]; còn chờ {state['waiting']} mục; "
                    "báo lên máy chủ ở lần đồng bộ sau",
         {"id": str(item.id), "kind": item.kind, "payload": item.payload, "waiting": state["waiting"]})
    return 0


def sync_now(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Replay the outbox, refresh the journal and the leases; exit 3 when the server cannot be reached."""
    from app.services.offline import is_unreachable
    from app.store.engine import StoreUnavailable

    _require_server(args, cfg)
    with offline_station(ctx, cfg) as station:
        try:
            report = station.sync_now()
        except StoreUnavailable as exc:
            if is_unreachable(exc):
                raise CliError(f"không liên lạc được máy chủ; {station.waiting()} mục vẫn chờ đồng bộ",
                               EXIT_STORE) from exc
            raise
        waiting = station.waiting()
    text = (f"Đã gửi {report.replayed} mục (bỏ qua {report.skipped} mục đã có); còn chờ {waiting}"
            + (f" ({report.deferred} mục chờ phiếu số từ máy cấp số)" if report.deferred else "")
            + (f"; báo máy chủ {report.set_aside_reported} mục đã gác lại" if report.set_aside_reported else "")
            + "; "
            f"nhận {report.leases_taken} khối số dự phòng, trả {report.leases_released} khối "
            f"({report.given_back} số trả lại, {report.unused} số không dùng)")
    emit(args.json, text, {"replayed": report.replayed, "skipped": report.skipped, "failed": report.failed, "deferred": report.deferred,
                           "set_aside_reported": report.set_aside_reported, "waiting": waiting, "leases_taken": report.leases_taken,
                           "leases_released": report.leases_released, "given_back": report.given_back,
                           "unused": report.unused})
    if report.failed:
        raise CliError("một số mục máy chủ không nhận: " + "; ".join(report.failed))
    return 0
