"""`motcua catalog import|export FILE` (CSV or XLSX, one row per procedure); `motcua catalog agency KEY` (who signs
Mẫu 04 / 05 for an agency)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, officer_option, require_current_schema
from app.cli.output import CliError, emit

if TYPE_CHECKING:
    from app.services.context import Context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the catalog commands."""
    cat = commands.add_parser("catalog", help="danh mục thủ tục: nhập, xuất (CSV/XLSX)")
    sub = cat.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="nhập danh mục từ tệp (tất cả hoặc không gì cả)")
    imp.add_argument("file", type=Path)
    officer_option(imp)
    imp.set_defaults(handler=catalog_import)
    exp = sub.add_parser("export", help="xuất toàn bộ danh mục ra tệp")
    exp.add_argument("file", type=Path)
    exp.set_defaults(handler=catalog_export)
    ag = sub.add_parser("agency", help="xem, ghi thủ trưởng cơ quan ký Mẫu 04, 05 (--head-name, --head-title)")
    ag.add_argument("key", metavar="KEY", help="mã cơ quan, vd. SXD")
    ag.add_argument("--head-name", metavar="HỌ_TÊN", help="họ tên thủ trưởng cơ quan giải quyết")
    ag.add_argument("--head-title", metavar="CHỨC_VỤ", help="chức vụ, vd. GIÁM ĐỐC")
    officer_option(ag)
    ag.set_defaults(handler=catalog_agency)


def catalog_import(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Import a catalogue file."""
    from app.services import catalog

    require_current_schema(ctx)
    summary = catalog.import_catalog(ctx, actor_for(ctx, cfg, args.officer), args.file)
    emit(args.json, f"Đã nhập {args.file}: thêm {summary.agencies_added} cơ quan, "
                    f"{summary.procedures_added} thủ tục mới, cập nhật {summary.procedures_updated} thủ tục", summary)
    return 0


def catalog_export(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Export the catalogue."""
    from app.services import catalog

    require_current_schema(ctx)
    count = catalog.export_catalog(ctx, args.file)
    emit(args.json, f"Đã xuất {count} thủ tục ra {args.file}", {"file": str(args.file), "procedures": count})
    return 0


def catalog_agency(args: argparse.Namespace, ctx: Context, cfg: config.MachineConfig) -> int:
    """Show an agency's signer of Mẫu 04 / 05, or set it when --head-name / --head-title are given."""
    from app.services import catalog

    require_current_schema(ctx)
    found = [a for a in catalog.list_agencies(ctx) if a.key == args.key.strip().upper()]
    if not found:
        raise CliError(f"Không có cơ quan mã «{args.key.strip()}»")
    view = found[0]
    if args.head_name is not None or args.head_title is not None:
        view = catalog.set_agency_head(ctx, actor_for(ctx, cfg, args.officer), view.key,
                                       view.head_name if args.head_name is None else args.head_name,
                                       view.head_title if args.head_title is None else args.head_title)
    head = f"{view.head_title} {view.head_name}".strip() or "(chưa ghi thủ trưởng cơ quan)"
    emit(args.json, f"{view.key} — {view.name}: {head}", view)
    return 0
