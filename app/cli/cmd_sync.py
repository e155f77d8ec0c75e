"""`motcua sync status|now`: a station's offline journal, its leases and the items waiting to reach the server."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app import config
from app.cli.common import offline_station, stamp
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
        lines += [f"  {x['kind']} {x['what']} ({x['attempts']} lần): {x['error']}" for x in state["held_back"]]
    return "\n".join(lines)


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
            + (f" ({report.deferred} mục chờ phiếu số từ máy cấp số)" if report.deferred else "") + "; "
            f"nhận {report.leases_taken} khối số dự phòng, trả {report.leases_released} khối "
            f"({report.given_back} số trả lại, {report.unused} số không dùng)")
    emit(args.json, text, {"replayed": report.replayed, "skipped": report.skipped, "failed": report.failed, "deferred": report.deferred,
                           "waiting": waiting, "leases_taken": report.leases_taken,
                           "leases_released": report.leases_released, "given_back": report.given_back,
                           "unused": report.unused})
    if report.failed:
        raise CliError("một số mục máy chủ không nhận: " + "; ".join(report.failed))
    return 0
