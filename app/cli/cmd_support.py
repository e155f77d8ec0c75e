"""`motcua support bundle --out FILE.zip`: logs, crash reports, config (no secrets), versions and `db check` in one
zip for whoever maintains the centre's PCs."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import config
from app.cli.output import emit


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the support command."""
    support = commands.add_parser("support", help="hỗ trợ kỹ thuật: gói nhật ký, cấu hình, phiên bản")
    sub = support.add_subparsers(title="lệnh", metavar="ACTION", required=True)
    bundle = sub.add_parser("bundle", help="gom nhật ký, báo cáo lỗi, cấu hình (không mật khẩu), phiên bản và "
                                           "kết quả kiểm tra cơ sở dữ liệu vào một tệp zip")
    bundle.add_argument("--out", type=Path, required=True, metavar="FILE.zip", help="tệp zip sẽ ghi")
    bundle.set_defaults(handler=support_bundle, needs_store=False, tolerates_bad_config=True)


def support_bundle(args: argparse.Namespace, ctx: None, cfg: config.MachineConfig) -> int:
    """Write the support bundle; a database that cannot be reached is reported inside it (exit 0)."""
    from app import logs
    from app.services import support

    url = config.resolve_database_url(args.db, cfg)
    config_error = getattr(args, "config_error", None)  # the bundle is most needed when the config is broken
    bundle = support.build_bundle(args.out, url, cfg.path, logs.logs_dir(), config_error, _qt_versions())
    assert bundle.db_check is not None
    lines = [f"Đã ghi {bundle.path} ({len(bundle.files)} tệp)", bundle.db_check.describe()]
    if config_error:
        lines.append(f"Tệp cấu hình có lỗi (đã ghi vào gói): {config_error}")
    emit(args.json, "\n".join(lines), {"path": str(bundle.path), "files": bundle.files,
                                       "database": bundle.db_check, "config_error": config_error})
    return 0


def _qt_versions() -> dict[str, str]:
    """Qt and PySide6 as loaded (QtCore needs no display); why not, when they cannot be loaded."""
    try:
        from app.ui.qt_versions import qt_versions

        return qt_versions()
    except Exception as exc:  # a PC without a working Qt is exactly what the technician must learn from the bundle
        return {"Qt": f"không nạp được: {type(exc).__name__}: {exc}"}
