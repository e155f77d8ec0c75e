"""First-run station set-up (cài đặt máy trạm): the answers, their checks, and writing them with nothing half-done.

The same answers come from the set-up window and from `motcua setup --station … --server-host …`. `apply()`
checks every answer first (FormErrors naming the fields, in Vietnamese), then writes the password to the OS
keyring, the autostart entry and the machine config file (atomically, last); when any step fails the steps
before it are undone, so a refused set-up leaves no config file, no keyring entry and no autostart entry.
"""

from __future__ import annotations

import ipaddress
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.engine import make_url

from app import config
from app.domain.errors import FormErrors, ValidationError
from app.domain.messages import translate
from app.services import autostart
from app.services.connection_check import (ConnectionReport, Problem, ServerTarget, check_embedded,
                                          check_server)

STATIONS: dict[str, str] = {  # windows show the names through app.ui.i18n.text_of
    "counter": translate("services.station_setup", "Quầy tiếp nhận và trả kết quả"),
    "kiosk": translate("services.station_setup", "Máy lấy số (kiosk)"),
    "display": translate("services.station_setup", "Màn hình hiển thị số thứ tự (TV)"),
    "rating": translate("services.station_setup", "Màn hình đánh giá hài lòng của quầy"),
    "supervisor": translate("services.station_setup", "Giám sát"),
    "admin": translate("services.station_setup", "Quản trị")}
NEEDS_COUNTER = frozenset({"counter", "rating"})
PRINTER_STATIONS = frozenset({"kiosk"})
KEYPAD_STATIONS = frozenset({"counter"})
PRINTER_PORT = 9100
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$.\-]{0,62}$")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*$")
_COM = re.compile(r"^(?:\\\\\.\\)?COM(\d{1,3})$", re.IGNORECASE)
_NET_URL = re.compile(r"^(socket|rfc2217)://(\[[0-9A-Fa-f:.]+\]|[^:/\s]+):(\d{1,5})/?$")
_BARE_ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(?::(\d{1,5}))?$")


@dataclass
class SetupAnswers:
    """What the set-up asks: the station, the store (this PC's file or a server), devices, autostart."""

    station: str = "counter"
    counter_number: int | None = None
    store: str = "embedded"  # "embedded": this PC's SQLite file; "server": the centre's PostgreSQL
    host: str = ""
    port: int | str = 5432
    database: str = "motcua"
    user: str = ""
    password: str = ""
    ssl_ca: str = ""  # CA certificate file: the connection is TLS with sslmode=verify-full
    printer_url: str = ""
    printer_profile: str = "80mm"
    keypad_url: str = ""
    keypad_protocol: str = "ascii"
    keypad_address: int | str = 1
    autostart: bool = False

    def target(self) -> ServerTarget:
        """The server of these (checked) answers."""
        return ServerTarget(self.host, int(self.port), self.database, self.user, self.ssl_ca)

    def database_url(self) -> str:
        """The URL written to the config: empty for this PC's file, no password ever."""
        return self.target().url() if self.store == "server" else ""


@dataclass(frozen=True)
class SetupResult:
    """What the set-up wrote, to say so plainly."""

    config_path: Path
    answers: SetupAnswers
    password_note: str
    autostart_path: Path | None
    removed_autostart: list[Path] = field(default_factory=list)

    def summary(self) -> list[str]:
        """The lines the window and the CLI show after saving."""
        station = STATIONS[self.answers.station]
        if self.answers.station in NEEDS_COUNTER:
            station += f" — quầy {self.answers.counter_number}"
        store = (f"máy chủ {self.answers.target().where}, cơ sở dữ liệu «{self.answers.database}», người dùng "
                 f"«{self.answers.user}»" if self.answers.store == "server" else "tệp trên máy này")
        lines = [f"Đã lưu cấu hình máy trạm: {self.config_path}", f"Máy trạm: {station}", f"Dữ liệu: {store}"]
        if self.password_note:
            lines.append(self.password_note)
        if self.autostart_path is not None:
            lines.append(f"Tự mở toàn màn hình khi máy tính khởi động: {self.autostart_path}")
        else:
            lines.append("Không tự mở khi máy tính khởi động"
                         + (f" (đã xóa {', '.join(str(p) for p in self.removed_autostart)})"
                            if self.removed_autostart else ""))
        return lines


def answers_from_config(cfg: config.MachineConfig) -> SetupAnswers:
    """The answers a machine config holds (to re-run the set-up with them filled in)."""
    answers = SetupAnswers(station=cfg.get("station"), counter_number=cfg.get("counter_number") or None,
                           printer_url=cfg.get("printer_url"), printer_profile=cfg.get("printer_profile"),
                           keypad_url=cfg.get("keypad_url"), keypad_protocol=cfg.get("keypad_protocol"),
                           keypad_address=cfg.get("keypad_address"))
    url = cfg.get("database_url")
    if url and make_url(url).get_backend_name() == "postgresql":
        t = ServerTarget.from_url(url)
        answers = replace(answers, store="server", host=t.host, port=t.port, database=t.database, user=t.user,
                          ssl_ca=t.ssl_ca)
    return answers


# --- checking the answers ------------------------------------------------------------------------------------

def check_store_answers(answers: SetupAnswers) -> SetupAnswers:
    """The store answers cleaned (stripped, port as a number), or FormErrors at the store fields."""
    errors: list[ValidationError] = []
    clean = replace(answers, host=answers.host.strip(), database=answers.database.strip(),
                    user=answers.user.strip(), ssl_ca=answers.ssl_ca.strip())
    if clean.store not in ("embedded", "server"):
        errors.append(ValidationError("store", translate("services.station_setup", "Chọn nơi lưu dữ liệu: tệp trên "
                                                                   "máy này, hoặc máy chủ của trung tâm")))
    elif clean.store == "server":
        if not clean.host:
            errors.append(ValidationError("host", translate("services.station_setup", "Nhập địa chỉ máy chủ (vd. "
                                                                      "10.0.0.2 hoặc may-chu.local)")))
        elif not _valid_host(clean.host):
            errors.append(ValidationError("host", translate("services.station_setup", "Địa chỉ máy chủ «%1» không hợp "
                                                                      "lệ (dùng địa chỉ IP hoặc tên máy)")
                                          .arg(clean.host)))
        port = _int_or_none(clean.port)
        if port is None or not 1 <= port <= 65535:
            errors.append(ValidationError("port", translate("services.station_setup", "Cổng phải là số từ 1 đến 65535 "
                                                                      "(PostgreSQL: 5432)")))
        else:
            clean.port = port
        for name, missing, invalid in (
                ("database", translate("services.station_setup", "Nhập tên cơ sở dữ liệu"),
                 translate("services.station_setup", "Tên cơ sở dữ liệu «%1» không hợp lệ: chỉ chữ không dấu, số, "
                                                     "_ . - (bắt đầu bằng chữ, tối đa 63 ký tự)")),
                ("user", translate("services.station_setup", "Nhập người dùng"),
                 translate("services.station_setup", "Người dùng «%1» không hợp lệ: chỉ chữ không dấu, số, _ . - "
                                                     "(bắt đầu bằng chữ, tối đa 63 ký tự)"))):
            value = getattr(clean, name)
            if not value:
                errors.append(ValidationError(name, missing))
            elif not _NAME.match(value):
                errors.append(ValidationError(name, invalid.arg(value)))
        if clean.ssl_ca:
            ca = Path(clean.ssl_ca).expanduser()
            if not ca.is_file():
                errors.append(ValidationError("ssl_ca", translate("services.station_setup", "Không có tệp chứng chỉ "
                                                                            "CA «%1»").arg(clean.ssl_ca)))
            else:
                clean.ssl_ca = str(ca.resolve())
        if any(c in clean.password for c in "\r\n\x00"):
            errors.append(ValidationError("password", translate("services.station_setup",
                                                                "Mật khẩu không được có xuống dòng")))
    if errors:
        raise FormErrors(errors)
    return clean


def check_answers(answers: SetupAnswers) -> SetupAnswers:
    """Every answer cleaned, or FormErrors with a Vietnamese message at each wrong field (all at once)."""
    errors: list[ValidationError] = []
    try:
        clean = check_store_answers(answers)
    except FormErrors as exc:
        errors += exc.errors
        clean = replace(answers)
    if clean.station not in STATIONS:
        errors.append(ValidationError("station", translate("services.station_setup", "Chọn vai trò của máy trạm: %1")
                                      .arg(", ".join(STATIONS))))
    number = _int_or_none(clean.counter_number) if clean.counter_number not in (None, "") else None
    if clean.station in NEEDS_COUNTER:
        if number is None or not 1 <= number <= 999:
            errors.append(ValidationError("counter_number", translate("services.station_setup",
                                                                      "Nhập số quầy của máy này (1–999)")))
        clean.counter_number = number
    else:
        clean.counter_number = None
    errors += _check_printer(clean) + _check_keypad(clean)
    if clean.password and clean.store == "server":
        problem = config.keyring_problem()
        if problem:
            errors.append(ValidationError("password", translate("services.station_setup", "Không lưu được mật khẩu: "
                                                                "%1. Cài keyring rồi làm lại, hoặc để trống nếu máy "
                                                                "chủ không cần mật khẩu.").arg(problem)))
    if errors:
        raise FormErrors(errors)
    return clean


def _check_printer(clean: SetupAnswers) -> list[ValidationError]:
    """The ticket printer's port and paper width (kiosk only)."""
    clean.printer_url = clean.printer_url.strip()
    if clean.printer_profile not in ("80mm", "58mm"):
        return [ValidationError("printer_profile", translate("services.station_setup",
                                                             "Khổ giấy máy in phải là 80mm hoặc 58mm"))]
    if not clean.printer_url:
        return []
    if clean.station not in PRINTER_STATIONS:
        return [ValidationError("printer_url", translate("services.station_setup",
                                                         "Chỉ máy lấy số (kiosk) dùng máy in phiếu: để trống ô này"))]
    url, problem = normalise_port(clean.printer_url, PRINTER_PORT)
    if problem:
        return [ValidationError("printer_url", translate("services.station_setup", "Cổng máy in: %1").arg(problem))]
    clean.printer_url = url
    return []


def _check_keypad(clean: SetupAnswers) -> list[ValidationError]:
    """The rating keypad's port, protocol and bus address (counter only)."""
    clean.keypad_url = clean.keypad_url.strip()
    if not clean.keypad_url:
        return []
    if clean.station not in KEYPAD_STATIONS:
        return [ValidationError("keypad_url", translate("services.station_setup",
                                                        "Chỉ máy quầy dùng bàn phím đánh giá: để trống ô này"))]
    errors = []
    url, problem = normalise_port(clean.keypad_url, None)
    if problem:
        errors.append(ValidationError("keypad_url", translate("services.station_setup", "Cổng bàn phím: %1")
                                      .arg(problem)))
    clean.keypad_url = url
    if clean.keypad_protocol not in ("ascii", "framed"):
        errors.append(ValidationError("keypad_protocol", translate("services.station_setup",
                                                                   "Giao thức bàn phím phải là ascii hoặc framed")))
    address = _int_or_none(clean.keypad_address)
    if clean.keypad_protocol == "framed" and (address is None or not 0 <= address <= 255):
        errors.append(ValidationError("keypad_address", translate("services.station_setup", "Địa chỉ bàn phím trên "
                                                                  "đường RS485 phải là số 0–255")))
    clean.keypad_address = address if address is not None else 1
    return errors


def normalise_port(text: str, default_port: int | None) -> tuple[str, str | None]:
    """A device port as pyserial opens it: /dev/…, COMn, socket://host:port (a bare printer address gets
    `default_port`), rfc2217://, loop://. Returns (url, None) or (text, the Vietnamese problem)."""
    text = text.strip()
    if text.startswith("/") or text == "loop://":
        return text, None
    com = _COM.match(text)
    if com:
        return f"COM{int(com.group(1))}", None
    net = _NET_URL.match(text)
    if net:
        return (text, None) if _valid_host(net.group(2)) and 1 <= int(net.group(3)) <= 65535 \
            else (text, translate("services.station_setup", "địa chỉ mạng «%1» không hợp lệ").arg(text))
    bare = _BARE_ADDRESS.match(text)
    if bare and default_port is not None and ("." in bare.group(1) or bare.group(1).startswith("[")) \
            and _valid_host(bare.group(1)):
        port = int(bare.group(2) or default_port)
        if 1 <= port <= 65535:
            return f"socket://{bare.group(1)}:{port}", None
    if default_port:
        return text, translate("services.station_setup", "«%1» không phải cổng hợp lệ (vd. /dev/ttyUSB0, COM3 hoặc "
                                                         "socket://10.0.0.5:9100)").arg(text)
    return text, translate("services.station_setup", "«%1» không phải cổng hợp lệ (vd. /dev/ttyUSB0, COM4 hoặc "
                                                     "socket://10.0.0.6:4001)").arg(text)


def _valid_host(host: str) -> bool:
    """An IP address (IPv6 maybe in brackets) or a host name."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return bool(_HOSTNAME.match(host))


def _int_or_none(value: Any) -> int | None:
    """An integer typed in a form or on the command line, None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None


# --- trying the store ----------------------------------------------------------------------------------------

def check_connection(answers: SetupAnswers, env: Mapping[str, str] | None = None) -> ConnectionReport:
    """«Kiểm tra kết nối»: FormErrors for store answers that cannot be tried, else what trying them showed."""
    clean = check_store_answers(answers)
    if clean.store == "embedded":
        return check_embedded(embedded_path(env))
    return check_server(clean.target(), clean.password or config.read_password(clean.target().url()))


def embedded_path(env: Mapping[str, str] | None = None) -> Path:
    """This PC's embedded store file."""
    return Path(make_url(config.default_sqlite_url(env)).database or "")


EMBEDDED_PREPARABLE = frozenset({Problem.NO_FILE, Problem.SCHEMA_EMPTY, Problem.SCHEMA_BEHIND})


def prepare_embedded(env: Mapping[str, str] | None = None) -> ConnectionReport:
    """Create this PC's embedded store, or bring its schema to head (a file with data is backed up first, as
    `motcua db upgrade` does); then check it again."""
    from app.store import migrate
    from app.store.engine import Store

    path = embedded_path(env)
    store = Store(f"sqlite:///{path}")
    try:
        migrate.upgrade(store)
    finally:
        store.dispose()
    return check_embedded(path)


# --- writing it all ------------------------------------------------------------------------------------------

def station_command(config_path: Path, platform: str | None = None) -> list[str]:
    """The command an autostart entry runs: this installation's motcua, this config file, `station`."""
    platform = sys.platform if platform is None else platform
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: prefer its windowed launcher on Windows
        windowed = exe.with_name("motcua-station.exe")
        program = [str(windowed if autostart.is_windows(platform) and windowed.exists() else exe)]
    else:
        script = exe.with_name("motcua.exe" if autostart.is_windows(platform) else "motcua")
        program = [str(script)] if script.exists() else [str(exe), "-m", "app"]
    return [*program, "--config", str(config_path), "station"]


def apply(answers: SetupAnswers, config_path: Path, *, platform: str | None = None,
          env: Mapping[str, str] | None = None, command: list[str] | None = None) -> SetupResult:
    """Check every answer, then write the keyring password, the autostart entry and the config file (last,
    atomically); a failing step undoes the ones before it. FormErrors / ConfigError say what is wrong."""
    clean = check_answers(answers)
    cfg = _machine_config(clean, config_path)
    title = f"motcua — {STATIONS[clean.station]}" + (f" {clean.counter_number}" if clean.counter_number else "")
    try:
        entry = autostart.entry_for(clean.station, command or station_command(config_path, platform), title,
                                    platform, env) if clean.autostart else None
    except ValidationError as exc:  # no autostart folder on this OS or for this user
        raise FormErrors([exc]) from exc
    undo: list[Callable[[], None]] = []
    try:
        note = _save_password(clean, undo)
        removed = _replace_autostart(entry, platform, env, undo)
        try:
            config.save_machine_config(cfg, config_path)
        except OSError as exc:
            raise config.ConfigError(translate("services.station_setup", "Không ghi được tệp cấu hình %1: %2")
                                     .arg(config_path, exc.strerror or str(exc))) from exc
    except BaseException:
        for step in reversed(undo):
            try:
                step()
            except Exception:  # undo what can be undone; the first failure is what the user must see
                pass
        raise
    return SetupResult(config_path, clean, note, entry.path if entry else None, removed)


def _machine_config(clean: SetupAnswers, path: Path) -> config.MachineConfig:
    """The config to write: the existing file's other settings kept, the answered ones set, the ones that no
    longer apply to this station removed."""
    try:
        cfg = config.load_machine_config(path)
    except config.ConfigError:
        cfg = config.MachineConfig({}, path)  # a broken file is what the set-up replaces
    cfg.path = path
    cfg.set("station", clean.station)
    values: dict[str, Any] = {
        "counter_number": clean.counter_number, "database_url": clean.database_url() or None,
        "printer_url": clean.printer_url or None,
        "printer_profile": clean.printer_profile if clean.station in PRINTER_STATIONS else None,
        "keypad_url": clean.keypad_url or None,
        "keypad_protocol": clean.keypad_protocol if clean.keypad_url else None,
        "keypad_address": clean.keypad_address if clean.keypad_url and clean.keypad_protocol == "framed" else None}
    for key, value in values.items():
        if value is None:
            cfg.values.pop(key, None)
        else:
            cfg.set(key, value)
    if not clean.keypad_url:
        for key in [k for k in cfg.values if k.startswith("keypad_")]:
            cfg.values.pop(key)
    return cfg


def _save_password(clean: SetupAnswers, undo: list[Callable[[], None]]) -> str:
    """Put a typed password in the keyring (undoable); returns what to tell the user about the password."""
    if clean.store != "server":
        return ""
    url = clean.database_url()
    account = config.keyring_account(url)
    if not clean.password:
        if config.read_password(url) is not None:
            return f"Mật khẩu: dùng mật khẩu đã lưu trong keyring ({account})"
        return ("Mật khẩu: không lưu (máy chủ không cần mật khẩu; nếu cần, trạm chỉ hỏi được khi mở từ cửa sổ "
                "dòng lệnh)")
    previous = config.read_password(url)
    try:
        config.store_password(url, clean.password)
    except config.ConfigError as exc:
        raise FormErrors([ValidationError("password", str(exc))]) from exc
    undo.append(lambda: config.store_password(url, previous) if previous is not None
                else config.forget_password(url))
    return f"Mật khẩu: đã lưu vào keyring của hệ điều hành ({config.keyring_name()}, tài khoản {account})"


def _replace_autostart(entry: autostart.AutostartEntry | None, platform: str | None,
                       env: Mapping[str, str] | None, undo: list[Callable[[], None]]) -> list[Path]:
    """Remove this PC's other motcua autostart entries and write the new one (undoable); returns the removed."""
    try:
        existing = {p: p.read_bytes() for p in autostart.existing_entries(platform, env)}
    except ValidationError:
        if entry is not None:
            raise
        existing = {}  # no autostart folder on this OS: nothing to remove

    def restore() -> None:
        if entry is not None and entry.path not in existing:
            entry.path.unlink(missing_ok=True)
        for path, content in existing.items():
            path.write_bytes(content)

    undo.append(restore)
    try:
        for path in existing:
            if entry is None or path != entry.path:
                path.unlink()
        if entry is not None:
            autostart.write_entry(entry)
    except OSError as exc:
        where = entry.path if entry is not None else next(iter(existing), Path())
        message = translate("services.station_setup", "Không ghi được mục tự khởi động %1: %2")
        raise FormErrors([ValidationError("autostart", message.arg(where, exc.strerror or str(exc)))]) from exc
    return [p for p in existing if entry is None or p != entry.path]

