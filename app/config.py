"""Typed settings, declared once; the one place that reads config files, the environment and the keyring.

Machine-local settings (which store, which station, which devices) live in one TOML file in the platform
config dir, saved atomically. Centre-wide settings (centre name, queue policy) live in the database and are
read and written by `app.services.settings`; only their declarations are here.
"""

from __future__ import annotations

import getpass
import os
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping

from app.domain.errors import MotcuaError
from app.domain.messages import translate

Scope = Literal["machine", "centre"]

APP_NAME = "motcua"
KEYRING_SERVICE = "motcua"
ENV_DATABASE_URL = "MOTCUA_DATABASE_URL"
ENV_CONFIG_DIR = "MOTCUA_CONFIG_DIR"
ENV_DATA_DIR = "MOTCUA_DATA_DIR"


class ConfigError(MotcuaError):
    """A setting or the config file is wrong; the message is for the user (Vietnamese)."""


class ConfigFileMissing(ConfigError):
    """A config file named explicitly (`--config`) does not exist: an error, never a fallback to the defaults."""


@dataclass(frozen=True)
class SettingSpec:
    """One setting: key, type, default and the Vietnamese label shown in the admin window."""

    key: str
    type: type
    default: Any
    label: str
    scope: Scope
    help: str = ""
    choices: tuple[Any, ...] = ()

    def coerce(self, value: Any) -> Any:
        """Convert a raw value (from TOML, the database or a form) to this setting's type, or raise ConfigError."""
        if value is None:
            return self.default
        try:
            if self.type is bool and isinstance(value, str):
                lowered = value.strip().lower()
                if lowered not in {"1", "0", "true", "false", "yes", "no", "có", "không"}:
                    raise ValueError(value)
                result: Any = lowered in {"1", "true", "yes", "có"}
            elif self.type is int and isinstance(value, bool):
                raise ValueError(value)
            else:
                result = self.type(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(translate("config", "Cài đặt «%1»: giá trị không hợp lệ: %2")
                              .arg(self.label, repr(value))) from exc
        if self.choices and result not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise ConfigError(translate("config", "Cài đặt «%1»: phải là một trong %2").arg(self.label, allowed))
        return result


SETTINGS: tuple[SettingSpec, ...] = (
    # machine-local: this PC
    SettingSpec("database_url", str, "",
                translate("config", "Địa chỉ cơ sở dữ liệu (để trống: SQLite trên máy này)"), "machine",
                "postgresql+psycopg://user@host/db — mật khẩu lấy từ keyring của hệ điều hành, không ghi vào tệp"),
    SettingSpec("station", str, "admin", translate("config", "Vai trò của máy trạm"), "machine",
                choices=("admin", "counter", "kiosk", "display", "rating", "supervisor")),
    SettingSpec("counter_number", int, 0, translate("config", "Số quầy của máy trạm (0: không gắn quầy)"),
                "machine"),
    SettingSpec("printer_url", str, "",
                translate("config", "Cổng máy in phiếu (vd. /dev/ttyUSB0, socket://10.0.0.5:9100)"), "machine"),
    SettingSpec("printer_profile", str, "80mm", translate("config", "Khổ giấy máy in phiếu"), "machine",
                choices=("58mm", "80mm")),
    SettingSpec("keypad_url", str, "", translate("config", "Cổng bàn phím đánh giá"), "machine"),
    SettingSpec("keypad_protocol", str, "ascii", translate("config", "Giao thức bàn phím đánh giá"), "machine",
                "ascii: mỗi phím một chữ số; framed: khung 0x01 <địa chỉ> <phím> 0x07, nhiều bàn phím trên một "
                "đường RS485", choices=("ascii", "framed")),
    SettingSpec("keypad_address", int, 1,
                translate("config", "Địa chỉ bàn phím của quầy trên đường RS485 (chế độ framed)"), "machine"),
    SettingSpec("keypad_keys", str, "",
                translate("config", "Phím của từng mức, tốt nhất trước (vd. 1,2,3; để trống: 1, 2, 3…)"), "machine"),
    SettingSpec("keypad_baud", int, 9600, translate("config", "Tốc độ cổng bàn phím (baud)"), "machine"),
    SettingSpec("keypad_frame_timeout_ms", int, 30,
                translate("config", "Thời gian im lặng kết thúc một lần bấm (ms)"), "machine"),
    SettingSpec("keypad_lamp_on", str, "",
                translate("config", "Lệnh bật đèn bàn phím khi chờ đánh giá (hex, vd. 4C; để trống: không)"),
                "machine"),
    SettingSpec("keypad_lamp_off", str, "", translate("config", "Lệnh tắt đèn bàn phím (hex)"), "machine"),
    SettingSpec("ui_language", str, "vi", translate("config", "Ngôn ngữ giao diện"), "machine", choices=("vi", "en")),
    # centre-wide: stored in the database
    SettingSpec("centre_name", str, "Trung tâm Phục vụ hành chính công tỉnh", translate("config", "Tên trung tâm"),
                "centre"),
    SettingSpec("province_committee", str, "UBND TỈNH",
                translate("config", "Cơ quan chủ quản (dòng đầu biểu mẫu)"), "centre"),
    SettingSpec("province_name", str, "", translate("config", "Tên tỉnh (địa danh trên biểu mẫu)"), "centre"),
    SettingSpec("priority_every", int, 3, translate("config", "Gọi 1 số ưu tiên sau mỗi N số thường"), "centre"),
    SettingSpec("number_words_variant", str, "north", translate("config", "Cách đọc số"), "centre",
                choices=("north", "south")),
    SettingSpec("rating_scale", int, 3, translate("config", "Số mức đánh giá hài lòng"), "centre",
                choices=(3, 4, 5)),
    SettingSpec("rating_timeout_s", int, 60, translate("config", "Thời gian chờ đánh giá (giây)"), "centre"),
    SettingSpec("lockout_attempts", int, 5, translate("config", "Số lần đăng nhập sai trước khi khóa"), "centre"),
    SettingSpec("lockout_minutes", int, 15, translate("config", "Thời gian khóa tài khoản (phút)"), "centre"),
    SettingSpec("result_return_service", str, "", translate("config", "Dịch vụ cấp số trả kết quả"), "centre",
                "mã dịch vụ của phiếu khi công dân quét giấy hẹn tại kiosk; để trống: dịch vụ nhận cơ quan của "
                "hồ sơ"),
    SettingSpec("offline_lease_minutes", int, 30,
                translate("config", "Số dự phòng khi mất kết nối: đủ dùng trong bao nhiêu phút"), "centre",
                "mỗi máy cấp số và mỗi quầy giữ sẵn một khối số theo nhịp của ngày (docs/offline.md)"),
    SettingSpec("offline_lease_floor", int, 10,
                translate("config", "Số dự phòng khi mất kết nối: ít nhất bao nhiêu số mỗi khối"), "centre"),
    SettingSpec("offline_agencies", str, "",
                translate("config", "Cơ quan quầy được tiếp nhận khi mất kết nối (mã, cách nhau dấu phẩy; "
                                    "để trống: mọi cơ quan)"), "centre"),
)

SPECS: dict[str, SettingSpec] = {s.key: s for s in SETTINGS}


def spec(key: str) -> SettingSpec:
    """The declaration of a setting by key."""
    try:
        return SPECS[key]
    except KeyError as exc:
        raise ConfigError(translate("config", "Không có cài đặt «%1»").arg(key)) from exc


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder of the machine-local config file (overridable by MOTCUA_CONFIG_DIR, as tests do)."""
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG_DIR):
        return Path(env[ENV_CONFIG_DIR])
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder of the embedded database, backups and printed files (MOTCUA_DATA_DIR overrides)."""
    env = os.environ if env is None else env
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR])
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file(env: Mapping[str, str] | None = None) -> Path:
    """Path of the machine-local TOML file."""
    return config_dir(env) / "motcua.toml"


@dataclass
class MachineConfig:
    """Machine-local settings loaded from the TOML file, defaults filled in."""

    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        """The value of a machine setting (its default when unset)."""
        s = spec(key)
        if s.scope != "machine":
            raise ConfigError(translate("config", "«%1» là cài đặt của cả trung tâm, lưu trong cơ sở dữ liệu").arg(key))
        return s.coerce(self.values.get(key))

    def set(self, key: str, value: Any) -> None:
        """Change a machine setting in memory (validated); `save` writes it."""
        s = spec(key)
        if s.scope != "machine":
            raise ConfigError(translate("config", "«%1» là cài đặt của cả trung tâm, lưu trong cơ sở dữ liệu").arg(key))
        coerced = s.coerce(value)
        if key == "database_url":
            _refuse_password_in_file(coerced)
        self.values[key] = coerced


def load_machine_config(path: Path | None = None, *, must_exist: bool = False) -> MachineConfig:
    """Read the TOML file; unknown keys or bad values raise ConfigError. A missing file means all defaults,
    unless `must_exist` (a path the user named, e.g. `--config`): then ConfigFileMissing, since falling back to
    the embedded store on a typo would make a second, separate numbering in the hall."""
    path = path or default_config_file()
    if not path.exists():
        if must_exist:
            raise ConfigFileMissing(translate("config", "Không có tệp cấu hình %1 (kiểm tra lại đường dẫn --config)")
                                    .arg(path))
        return MachineConfig({}, path)
    if must_exist and not path.is_file():
        raise ConfigFileMissing(translate("config", "Tệp cấu hình %1 không phải là một tệp (kiểm tra lại đường dẫn "
                                                    "--config)").arg(path))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(translate("config", "Tệp cấu hình %1 không phải văn bản TOML (UTF-8): byte lạ ở vị trí %2")
                          .arg(path, exc.start)) from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(translate("config", "Không đọc được tệp cấu hình %1: %2").arg(path, exc)) from exc
    cfg = MachineConfig({}, path)
    for key, value in raw.items():
        cfg.set(key, value)
    return cfg


def save_machine_config(cfg: MachineConfig, path: Path | None = None) -> Path:
    """Write the TOML file atomically (temp file in the same folder, fsync, rename)."""
    import tomli_w

    target = path or cfg.path or default_config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = tomli_w.dumps({k: v for k, v in sorted(cfg.values.items())})
    fd, tmp = tempfile.mkstemp(prefix=".motcua-", suffix=".toml", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _refuse_password_in_file(url: str) -> None:
    """A PostgreSQL password must never be written to a file."""
    if not url:
        return
    from sqlalchemy.engine import make_url

    if make_url(url).password:
        raise ConfigError(translate("config", "Không ghi mật khẩu cơ sở dữ liệu vào tệp cấu hình: hãy lưu nó vào "
                                              "keyring (motcua db password)"))


def default_sqlite_url(env: Mapping[str, str] | None = None) -> str:
    """The embedded store: one SQLite file in the platform data dir."""
    return f"sqlite:///{data_dir(env) / 'motcua.sqlite3'}"


def resolve_database_url(cli_url: str | None, cfg: MachineConfig | None,
                         env: Mapping[str, str] | None = None) -> str:
    """`--db URL` > env MOTCUA_DATABASE_URL > config file > the default SQLite file."""
    env = os.environ if env is None else env
    for candidate in (cli_url, env.get(ENV_DATABASE_URL), cfg.get("database_url") if cfg else ""):
        if candidate:
            return candidate
    return default_sqlite_url(env)


def password_on_command_line(cli_url: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """A warning (Vietnamese) when a database password is written in `--db URL` or MOTCUA_DATABASE_URL, where any
    user of the PC can read it (`ps` shows the command line, /proc the environment); None otherwise."""
    env = os.environ if env is None else env
    for where, url in (("--db", cli_url), (ENV_DATABASE_URL, env.get(ENV_DATABASE_URL))):
        if url and _url_password(url):
            return (f"mật khẩu cơ sở dữ liệu nằm trong {where}: người khác trên máy này xem được (lệnh «ps», biến "
                    "môi trường). Hãy bỏ mật khẩu khỏi địa chỉ và lưu nó vào keyring («motcua db password --url "
                    "…» hoặc «motcua setup … --password-stdin»)")
    return None


def _url_password(url: str) -> str | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password  # type: ignore[return-value]
    except ArgumentError:
        return None  # not a URL at all: the store says so


def keyring_account(url: str) -> str:
    """The keyring account name of a PostgreSQL URL: user@host:port/database."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return f"{u.username or ''}@{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def with_password(url: str, interactive: bool | None = None) -> str:
    """Add the PostgreSQL password from the OS keyring (or a prompt on a terminal); other URLs unchanged."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if not u.drivername.startswith("postgresql") or u.password or not u.username:
        return url
    password = read_password(url)
    if password is None:
        if interactive is None:
            interactive = sys.stdin is not None and sys.stdin.isatty()
        if not interactive:
            return url  # trust/peer auth, or the server will say what is missing
        password = getpass.getpass(f"Mật khẩu PostgreSQL cho {keyring_account(url)}: ")
    return u.set(password=password).render_as_string(hide_password=False)


def read_password(url: str) -> str | None:
    """The stored password of a PostgreSQL URL from the OS keyring, or None."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except KeyringError:
        return None


def store_password(url: str, password: str) -> None:
    """Save a PostgreSQL password in the OS keyring (service `motcua`)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except KeyringError as exc:
        raise ConfigError(translate("config", "Không lưu được mật khẩu vào keyring: %1").arg(exc)) from exc


def forget_password(url: str) -> None:
    """Remove the stored password of a PostgreSQL URL from the OS keyring (nothing stored is fine)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_account(url))
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise ConfigError(translate("config", "Không xóa được mật khẩu trong keyring: %1").arg(exc)) from exc


SESSION_SERVICE = "motcua-session"


def save_session(store_url: str, login: str, password: str, expires_at: float) -> None:
    """Keep an officer's sign-in for this store in the OS keyring until `expires_at` (a POSIX time): `motcua login`.
    The password is kept, not a token, so each command signs in anew with it (a deactivated account, a changed
    password or a lockout stop the session at once)."""
    import json

    import keyring
    from keyring.errors import KeyringError

    payload = json.dumps({"login": login, "password": password, "expires_at": expires_at})
    try:
        keyring.set_password(SESSION_SERVICE, safe_url(store_url), payload)
    except KeyringError as exc:
        raise ConfigError(translate("config", "Không lưu được phiên đăng nhập vào keyring: %1").arg(exc)) from exc


def read_session(store_url: str, now: float) -> tuple[str, str] | None:
    """(login, password) of the session kept for this store, or None (none, or expired: then it is removed)."""
    import json

    import keyring
    from keyring.errors import KeyringError

    try:
        raw = keyring.get_password(SESSION_SERVICE, safe_url(store_url))
    except KeyringError:
        return None
    if not raw:
        return None
    try:
        data = json.loads(raw)
        login, password, expires_at = str(data["login"]), str(data["password"]), float(data["expires_at"])
    except (ValueError, KeyError, TypeError):
        forget_session(store_url)
        return None
    if now >= expires_at:
        forget_session(store_url)
        return None
    return login, password


def forget_session(store_url: str) -> bool:
    """Remove the session kept for this store; whether there was one."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if keyring.get_password(SESSION_SERVICE, safe_url(store_url)) is None:
            return False
        keyring.delete_password(SESSION_SERVICE, safe_url(store_url))
        return True
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise ConfigError(translate("config", "Không xóa được phiên đăng nhập trong keyring: %1").arg(exc)) from exc


def keyring_problem() -> str | None:
    """Why the OS keyring cannot hold a password on this PC (Vietnamese), or None when it can."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return "máy này chưa có keyring của hệ điều hành (Linux: gnome-keyring hoặc KWallet)"
    return None


def keyring_name() -> str:
    """The name of the keyring backend in use, for the set-up to say where the password went."""
    import keyring

    backend = keyring.get_keyring()
    return str(getattr(backend, "name", type(backend).__name__))


def safe_url(url: str) -> str:
    """A URL fit for logs and messages: the password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def make_url_password(url: str) -> str | None:
    """The password written inside a URL, if any (to refuse it where it must not be)."""
    from sqlalchemy.engine import make_url

    return make_url(url).password  # type: ignore[return-value]
