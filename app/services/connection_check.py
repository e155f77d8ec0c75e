"""«Kiểm tra kết nối»: try the store a station is being set up for and say plainly, in Vietnamese, what failed.

A failed connection is classified from the driver's error: by its SQLSTATE when the driver carries one (28P01
wrong password, 28000 role refused, 3D000 no such database), else by libpq's message, which is all psycopg has
for a failure during the connection handshake (refused, timeout, no route, unknown host). A connection that
works is then checked for a schema at the head revision of this software's migrations.
"""

from __future__ import annotations

import enum
import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

from app.domain.messages import translate

if TYPE_CHECKING:
    from app.store.engine import Store


class Problem(str, enum.Enum):
    """What stands between this PC and a usable store."""

    WRONG_PASSWORD = "wrong_password"
    PASSWORD_MISSING = "password_missing"
    ROLE_REFUSED = "role_refused"
    NO_DATABASE = "no_database"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    NO_ROUTE = "no_route"
    UNKNOWN_HOST = "unknown_host"
    NO_FILE = "no_file"
    SCHEMA_EMPTY = "schema_empty"
    SCHEMA_BEHIND = "schema_behind"
    SCHEMA_AHEAD = "schema_ahead"
    TLS = "tls"
    OTHER = "other"


@dataclass(frozen=True)
class ServerTarget:
    """A PostgreSQL server as the set-up asks for it (the password separately, never in a URL kept anywhere)."""

    host: str
    port: int
    database: str
    user: str
    ssl_ca: str = ""  # the centre's CA certificate: TLS with the server's certificate and name checked

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (with the password only when given, for the connection attempt itself); with a CA
        file, `sslmode=verify-full`: encrypted, and the server must show a certificate of that CA for its name."""
        query = {"sslmode": "verify-full", "sslrootcert": self.ssl_ca} if self.ssl_ca else {}
        return URL.create("postgresql+psycopg", username=self.user, password=password or None, host=self.host,
                          port=self.port, database=self.database, query=query).render_as_string(hide_password=False)

    @property
    def where(self) -> str:
        """host:port, as the messages name the server."""
        return f"{self.host}:{self.port}"

    @classmethod
    def from_url(cls, url: str) -> ServerTarget:
        """The target of a postgresql URL (defaults: localhost, 5432)."""
        u = make_url(url)
        ca = u.query.get("sslrootcert", "") if u.query.get("sslmode") == "verify-full" else ""
        return cls(u.host or "localhost", u.port or 5432, u.database or "", u.username or "",
                   ca if isinstance(ca, str) else ca[0])


@dataclass(frozen=True)
class ConnectionReport:
    """The outcome of a connection test: ok, or the problem with its plain Vietnamese message."""

    ok: bool
    message: str
    problem: Problem | None = None
    revision: str | None = None


_SQLSTATES = {"28P01": Problem.WRONG_PASSWORD, "28000": Problem.ROLE_REFUSED, "3D000": Problem.NO_DATABASE}
_MESSAGES: tuple[tuple[str, Problem], ...] = (
    (r"password authentication failed", Problem.WRONG_PASSWORD),
    (r"no password supplied|password is required", Problem.PASSWORD_MISSING),
    (r"role \".*\" does not exist|no pg_hba\.conf entry|authentication failed|not permitted to log in",
     Problem.ROLE_REFUSED),
    (r"database \".*\" does not exist", Problem.NO_DATABASE),
    (r"ssl|certificate", Problem.TLS),
    (r"connection refused|10061", Problem.REFUSED),
    (r"timeout expired|timed out|10060", Problem.TIMEOUT),
    (r"no route to host|network is unreachable|host is unreachable|10065|10051", Problem.NO_ROUTE),
    (r"could not translate host name|name or service not known|failed to resolve host|nodename nor servname|"
     r"temporary failure in name resolution|no such host", Problem.UNKNOWN_HOST),
)
_ERRNOS = {errno.ECONNREFUSED: Problem.REFUSED, errno.ETIMEDOUT: Problem.TIMEOUT,
           errno.EHOSTUNREACH: Problem.NO_ROUTE, errno.ENETUNREACH: Problem.NO_ROUTE}


def classify(exc: BaseException) -> Problem:
    """The problem a failed connection attempt shows (a SQLAlchemy error is looked at through its driver error)."""
    chain = _chain(exc)
    for error in chain:
        state = getattr(error, "sqlstate", None) or getattr(getattr(error, "diag", None), "sqlstate", None)
        if isinstance(state, str) and state in _SQLSTATES:
            return _SQLSTATES[state]
        code = getattr(error, "errno", None)
        if isinstance(code, int) and code in _ERRNOS:
            return _ERRNOS[code]
    text = " ".join(str(error) for error in chain).lower()
    for pattern, problem in _MESSAGES:
        if re.search(pattern, text):
            return problem
    return Problem.OTHER


def _chain(exc: BaseException) -> list[BaseException]:
    """The error and the errors under it (the driver error of a SQLAlchemy error, causes)."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not e for e in found):
        found.append(current)
        current = getattr(current, "orig", None) or current.__cause__
    return found


def describe(problem: Problem, target: ServerTarget, detail: str = "") -> str:
    """The plain Vietnamese message of a failed connection to a server."""
    messages = {
        Problem.WRONG_PASSWORD: translate("services.connection_check", "Sai mật khẩu của người dùng «%1» trên máy "
                                          "chủ %2.").arg(target.user, target.where),
        Problem.PASSWORD_MISSING: translate("services.connection_check", "Máy chủ %1 yêu cầu mật khẩu cho «%2»: hãy "
                                            "nhập mật khẩu.").arg(target.where, target.user),
        Problem.ROLE_REFUSED: translate("services.connection_check", "Máy chủ %1 từ chối người dùng «%2» (không có "
                                        "tài khoản này, hoặc tài khoản không được phép kết nối từ máy này).")
        .arg(target.where, target.user),
        Problem.NO_DATABASE: translate("services.connection_check", "Máy chủ %1 không có cơ sở dữ liệu «%2».")
        .arg(target.where, target.database),
        Problem.TLS: translate("services.connection_check", "Không lập được kết nối mã hóa (TLS) với %1 theo chứng "
                               "chỉ CA «%2»: máy chủ chưa bật TLS, chứng chỉ của nó không do CA này cấp, hoặc không "
                               "mang tên «%3».").arg(target.where, target.ssl_ca, target.host),
        Problem.REFUSED: translate("services.connection_check", "Máy chủ %1 từ chối kết nối: PostgreSQL không chạy ở "
                                   "đó, hoặc sai cổng.").arg(target.where),
        Problem.TIMEOUT: translate("services.connection_check", "Không có phản hồi từ %1: sai địa chỉ, máy chủ đang "
                                   "tắt, hoặc tường lửa chặn cổng.").arg(target.where),
        Problem.NO_ROUTE: translate("services.connection_check", "Không có đường mạng tới %1: kiểm tra cáp mạng và "
                                    "địa chỉ máy chủ.").arg(target.host),
        Problem.UNKNOWN_HOST: translate("services.connection_check", "Không tìm thấy máy chủ tên «%1» trên mạng: kiểm "
                                        "tra lại tên hoặc dùng địa chỉ IP.").arg(target.host),
    }
    if problem in messages:
        return messages[problem]
    first = detail.strip().splitlines()[0] if detail.strip() else ""
    if first:
        return translate("services.connection_check", "Không kết nối được máy chủ %1: %2").arg(target.where, first)
    return translate("services.connection_check", "Không kết nối được máy chủ %1.").arg(target.where)


def check_server(target: ServerTarget, password: str | None) -> ConnectionReport:
    """Connect to the server as the station will, then check its schema revision."""
    from sqlalchemy.exc import DBAPIError

    from app.store.engine import Store, StoreUnavailable

    store = Store(target.url(password))
    try:
        try:
            with store.engine.connect():
                pass
        except (DBAPIError, StoreUnavailable) as exc:
            problem = classify(exc)
            detail = str(getattr(exc, "orig", None) or exc)
            return ConnectionReport(False, describe(problem, target, detail), problem)
        return _schema_report(store, translate("services.connection_check", "cơ sở dữ liệu «%1» trên %2")
                              .arg(target.database, target.where))
    except DBAPIError as exc:  # connected, but the revision could not be read (no right to, a broken table)
        first = str(exc.orig or exc).strip().splitlines()[0]
        return ConnectionReport(False, translate("services.connection_check", "Kết nối được %1 nhưng không đọc được "
                                                 "phiên bản lược đồ: %2").arg(target.where, first), Problem.OTHER)
    finally:
        store.dispose()


def check_embedded(path: Path) -> ConnectionReport:
    """Check this PC's embedded store (a SQLite file): present, and its schema at head. Never creates it."""
    from sqlalchemy.exc import DBAPIError

    from app.store.engine import Store

    if not path.exists():
        return ConnectionReport(False, translate("services.connection_check", "Chưa có cơ sở dữ liệu trên máy này "
                                                 "(%1): chạy «motcua db upgrade» để tạo, hoặc «motcua demo» để chạy "
                                                 "thử.").arg(path), Problem.NO_FILE)
    store = Store(f"sqlite:///{path}")
    try:
        return _schema_report(store, translate("services.connection_check", "cơ sở dữ liệu trên máy này (%1)")
                              .arg(path))
    except DBAPIError as exc:  # not a database, locked, no right to read it
        first = str(exc.orig or exc).strip().splitlines()[0]
        return ConnectionReport(False, translate("services.connection_check", "Không đọc được cơ sở dữ liệu trên máy "
                                                 "này (%1): %2").arg(path, first), Problem.OTHER)
    finally:
        store.dispose()


def _schema_report(store: Store, what: str) -> ConnectionReport:
    """Connected: is the schema at the head revision of this software's migrations?"""
    from app.store import migrate

    current, head = migrate.current_revision(store), migrate.head_revision()
    if current == head:
        return ConnectionReport(True, translate("services.connection_check", "Kết nối được %1; lược đồ ở bản mới "
                                                "nhất (%2).").arg(what, head), None, current)
    if current is None:
        return ConnectionReport(False, translate("services.connection_check", "Kết nối được, nhưng %1 còn trống "
                                                 "(chưa khởi tạo lược đồ): chạy «motcua db upgrade».").arg(what),
                                Problem.SCHEMA_EMPTY)
    known = {revision for revision, _ in migrate.revision_history()}
    if current in known:
        return ConnectionReport(False, translate("services.connection_check", "Kết nối được, nhưng lược đồ của %1 ở "
                                                 "bản %2, phần mềm cần bản %3: chạy «motcua db upgrade».")
                                .arg(what, current, head), Problem.SCHEMA_BEHIND, current)
    return ConnectionReport(False, translate("services.connection_check", "Kết nối được, nhưng %1 ở bản %2, mới hơn "
                                             "phần mềm trên máy này (bản %3): hãy cập nhật motcua.")
                            .arg(what, current, head), Problem.SCHEMA_AHEAD, current)
