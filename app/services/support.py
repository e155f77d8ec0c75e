"""The support bundle: one zip with what whoever maintains the centre's PCs needs to understand a problem.

It holds the station logs and crash reports of this PC (masked again on the way in), the machine config with any
password redacted, the versions of motcua, Python, Qt and the libraries, the OS, and the result of a database
check (schema revision against the code's head, or the error met on the way). Nothing secret goes in: no password,
no keyring entry, no database content.
"""

from __future__ import annotations

import importlib
import json
import platform
import re
import sys
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

from app import __version__, config
from app.domain.privacy import redact

# distributions whose version helps a diagnosis, with the module that carries it when the distribution's metadata is
# missing (a PyInstaller bundle keeps little of it); Qt comes from the caller (only app/ui may load PySide6)
DISTRIBUTIONS = {"SQLAlchemy": "sqlalchemy", "alembic": "alembic", "psycopg": "psycopg", "psycopg-binary": "",
                 "pyserial": "serial", "reportlab": "reportlab", "Pillow": "PIL", "keyring": "", "platformdirs":
                 "platformdirs", "holidays": "holidays", "openpyxl": "openpyxl", "argon2-cffi": "argon2",
                 "PySide6-Essentials": "", "shiboken6": ""}
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.\-]*://[^:/@\s\"']*:)[^@\s\"']*@", re.IGNORECASE)
_SECRET_LINE = re.compile(r"^(\s*[\w.\-]*(?:password|passwd|secret|token)[\w.\-]*\s*=\s*).*$",
                          re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class DbCheck:
    """The database this PC is set up for: its schema revision against the code's head, or why it failed."""

    url: str  # password hidden
    ok: bool
    current: str | None = None
    head: str | None = None
    error: str | None = None

    def describe(self) -> str:
        """One line, Vietnamese."""
        if self.error:
            return f"Không kiểm tra được cơ sở dữ liệu {self.url}: {self.error}"
        state = "đúng bản mới nhất" if self.ok else "CHƯA ở bản mới nhất (chạy «motcua db upgrade»)"
        return f"Cơ sở dữ liệu {self.url}: lược đồ {self.current or '(trống)'}; mới nhất {self.head}: {state}"


@dataclass(frozen=True)
class Bundle:
    """What went into the zip."""

    path: Path
    files: list[str] = field(default_factory=list)
    db_check: DbCheck | None = None


def redact_secrets(text: str) -> str:
    """Config text with the password of every URL and every password/secret/token value replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _SECRET_LINE.sub(r'\1"***"', text)


def check_database(url: str) -> DbCheck:
    """Open the store (password from the keyring, never a prompt) and compare its schema with the code's head."""
    from app.store.lean_sqlite import sqlite_file

    shown = redact_secrets(url)
    path = sqlite_file(url)
    if path is not None and not path.exists():  # looking must not create an empty database
        return DbCheck(shown, False, error=f"không có tệp cơ sở dữ liệu {path}")
    try:
        from app.store import migrate
        from app.store.engine import Store

        store = Store(config.with_password(url, interactive=False))
        try:
            current, head = migrate.current_revision(store), migrate.head_revision()
        finally:
            store.dispose()
    except Exception as exc:  # the bundle reports any failure: it is what the technician needs to see
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return DbCheck(shown, False, error=redact(redact_secrets(f"{type(exc).__name__}: {first}")))
    return DbCheck(shown, current == head, current, head)


def versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """motcua, Python, the OS, `extra` (Qt, PySide6) and each library's version ("—" when not found)."""
    found = {"motcua": __version__,
             "Python": f"{platform.python_version()} ({platform.python_implementation()})",
             "Python executable": sys.executable,
             "frozen bundle": "có" if getattr(sys, "frozen", False) else "không",
             "OS": platform.platform(),
             "machine": platform.machine()}
    found.update(extra or {"Qt": "—"})
    for name, module in DISTRIBUTIONS.items():
        found[name] = _version_of(name, module)
    return found


def _version_of(distribution: str, module: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        pass
    try:
        return str(getattr(importlib.import_module(module), "__version__", "—")) if module else "—"
    except ImportError:
        return "—"


def build_bundle(out: Path, database_url: str, config_file: Path | None, logs_folder: Path,
                 config_error: str | None = None, extra_versions: dict[str, str] | None = None) -> Bundle:
    """Write the zip at `out` (replacing it) and return what is in it; a database that cannot be reached or a
    config file that cannot be read is reported inside, never a reason to fail."""
    check = check_database(database_url)
    found = versions(extra_versions)
    summary = {
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "versions": found,
        "database": asdict(check),
        "config_file": str(config_file) if config_file else None,
        "config_error": redact_secrets(config_error) if config_error else None,
        "data_dir": str(config.data_dir()),
        "logs_dir": str(logs_folder),
    }
    names: list[str] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, text: str) -> None:
            zf.writestr(name, text)
            names.append(name)

        put("README.txt", _readme(check, found, redact_secrets(config_error) if config_error else None))
        put("summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        put("versions.txt", "".join(f"{k}: {v}\n" for k, v in found.items()))
        put("db-check.txt", check.describe() + "\n")
        if config_file is not None and config_file.is_file():
            put(f"config/{config_file.name}", redact_secrets(config_file.read_text(encoding="utf-8",
                                                                                  errors="replace")))
        for path in _log_files(logs_folder):
            put(f"logs/{path.name}", redact(path.read_text(encoding="utf-8", errors="replace")))
    return Bundle(out, names, check)


def _log_files(folder: Path) -> list[Path]:
    """Log files (rotated ones included) and crash reports, oldest name first."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and (".log" in p.name or p.name.startswith("crash-")))


def _readme(check: DbCheck, found: dict[str, str], config_error: str | None) -> str:
    return (f"Gói hỗ trợ kỹ thuật motcua {found['motcua']} — tạo lúc {datetime.now():%Y-%m-%d %H:%M}\n\n"
            f"{check.describe()}\n"
            + (f"Tệp cấu hình có lỗi: {config_error}\n" if config_error else "") +
            f"Hệ điều hành: {found['OS']}; Python {found['Python']}; Qt {found['Qt']}\n\n"
            "logs/: nhật ký của từng máy trạm (*.log) và báo cáo lỗi (crash-*.txt); số CCCD/CMND và số điện "
            "thoại đã được che.\nconfig/: cấu hình của máy này (mật khẩu đã được che).\n"
            "versions.txt, summary.json: phiên bản và thông tin máy.\n")
