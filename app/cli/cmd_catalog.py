"""`motcua catalog import|export FILE` (CSV or XLSX, one row per procedure)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.cli.common import actor_for, officer_option, require_current_schema
from app.cli.output import emit

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
