"""The PostgreSQL login role of each station kind and exactly what it may do (`motcua db roles`).

One table, `GRANTS`, says per station kind which privileges it has on which table; `SIGN_IN` and `FUNCTIONS` say
which SECURITY DEFINER functions (migration 20261207_0010) it may run. `apply_roles` makes the roles match it
(idempotent: a role's privileges are revoked and granted anew each run), over the owner's connection only. A
later feature adds its tables or functions here, and docs/security.md shows the same table. A station role never
sees `officers.password_hash` and never writes `officers`: sign-in and account changes go through the functions.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.domain.errors import PermissionDenied, ValidationError
from app.domain.messages import translate
from app.store.engine import Store, allow_long_work

S, I, U, D = "SELECT", "INSERT", "UPDATE", "DELETE"

STATION_KINDS = ("kiosk", "display", "counter", "rating", "supervisor", "admin")
DEFAULT_PREFIX = "motcua_"

# what every station reads: the catalogue, the hall, the calendar, the centre's settings, the schema's revision
CATALOGUE = ("agencies", "fields", "procedures", "procedure_documents", "services", "service_agencies", "counters",
             "counter_services", "holiday_overrides", "working_periods", "settings", "alembic_version")
# append-only history: INSERT and SELECT only, never UPDATE or DELETE, for every role
APPEND_ONLY = ("ticket_events", "dossier_events", "payments", "ratings", "device_events", "audit_events")
EVERY_TABLE = CATALOGUE + ("stations", "officers", "tickets", "dossiers", "dossier_documents", "sequences",
                           "number_leases", "chain_heads", *APPEND_ONLY)
# `officers` as stations may read it: every column but the password hash (the ORM defers that column)
OFFICER_COLUMNS = ("id", "login", "full_name", "role", "failed_attempts", "locked_until", "active", "agency_id",
                   "phone", "created_at", "password_changed_at")


def _read(*tables: str) -> dict[str, tuple[str, ...]]:
    return {t: (S,) for t in tables}


_ISSUE_TICKETS = {"tickets": (S, I, "UPDATE (printed)"), "ticket_events": (S, I), "sequences": (S, I, U)}
# the blocks of numbers a kiosk or a counter holds for working without the server (docs/offline.md)
_LEASES = {"number_leases": (S, I, U)}
_IMPORT_DOSSIERS = {"dossiers": (S, I), "dossier_documents": (S, I), "dossier_events": (S, I), "payments": (S, I),
                    "sequences": (S, I, U)}

# table -> privileges, per station kind ("officers" here means its columns above, read-only)
GRANTS: dict[str, dict[str, tuple[str, ...]]] = {
    # takes tickets for citizens (number, ticket, its event) and marks them printed (that column only); logs its
    # printer's faults
    "kiosk": {**_read(*CATALOGUE), **_ISSUE_TICKETS, **_LEASES, "device_events": (I,)},
    # shows the numbers called: tickets and their events, no dossier, no name
    "display": {**_read(*CATALOGUE, "tickets", "ticket_events")},
    # the citizen's vote on the ticket just served at its counter; logs its keypad's stray presses. A vote locks
    # its ticket (SELECT … FOR UPDATE), which PostgreSQL allows only with an UPDATE privilege: one column's; the
    # vote names the dossiers filed on that ticket: their ids, nothing of the citizen
    "rating": {**_read(*CATALOGUE, "ticket_events", "officers"), "tickets": (S, "UPDATE (printed)"),
               "dossiers": ("SELECT (id, ticket_id)",), "ratings": (S, I),
               "device_events": (I,)},
    # works the queue (call, serve, transfer: a new ticket), receives and follows dossiers, takes fees, stores
    # the votes of its keypad, pauses, reopens or closes its counter (the state columns only), and holds number
    # blocks for offline work. The replay of an offline keypad vote looks up by its id whether its stray press
    # («already_rated») was stored by an earlier replay: that column of device_events only; an outbox item an
    # officer set aside is reported as one audit event, inserted only, never read back (docs/offline.md)
    "counter": {**_read(*CATALOGUE, "officers"), **_ISSUE_TICKETS, **_IMPORT_DOSSIERS, **_LEASES,
                "counters": (S, "UPDATE (state, state_changed_at)"), "tickets": (S, I, U),
                "dossiers": (S, I, U), "ratings": (S, I), "device_events": ("SELECT (id)", I),
                "audit_events": (I,)},
    # reads everything for the live board and reports; changes nothing
    "supervisor": {**_read(*EVERY_TABLE)},
    # edits the catalogue, the hall, the calendar and the settings; accounts only through the functions; imports
    # dossiers from a file (supervisor officers and above)
    "admin": {**_read(*EVERY_TABLE),
              **{t: (S, I, U, D) for t in CATALOGUE if t != "alembic_version"},
              **_IMPORT_DOSSIERS, "device_events": (S, I), "audit_events": (S, I)},
}
SIGN_IN = ("motcua_sign_in_attempt(text, timestamptz)", "motcua_sign_in_succeeded(integer, text, text)")
ACCOUNTS = ("motcua_officer_add(text, text, text, text, timestamptz)",
            "motcua_officer_update(integer, text, text, boolean)",
            "motcua_officer_set_password(text, text, timestamptz)")
FUNCTIONS: dict[str, tuple[str, ...]] = {"kiosk": (), "display": (), "rating": (), "counter": SIGN_IN,
                                         "supervisor": SIGN_IN, "admin": SIGN_IN + ACCOUNTS}

_PREFIX = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def role_name(kind: str, prefix: str = DEFAULT_PREFIX) -> str:
    """The login role of a station kind: motcua_counter, …"""
    return f"{prefix}{kind}"


def check_prefix(prefix: str) -> str:
    """A role-name prefix: lower-case letters, digits and _ (it goes into SQL as an identifier)."""
    if not _PREFIX.match(prefix):
        raise ValidationError("prefix", translate("store.roles", "Tiền tố tên vai trò chỉ gồm chữ thường không "
                                                                 "dấu, số và _ (bắt đầu bằng chữ hoặc _, tối đa 41 "
                                                                 "ký tự)"))
    return prefix


_MAINTENANCE: weakref.WeakKeyDictionary[Store, bool] = weakref.WeakKeyDictionary()


def is_maintenance(store: Store) -> bool:
    """Whether this store's connection is the maintenance account: on PostgreSQL, the database's owner (or a
    member of the owner role, a superuser); the embedded SQLite file has no roles, so its holder is."""
    if store.backend != "postgresql":
        return True
    if store not in _MAINTENANCE:
        with store.engine.connect() as conn:
            _MAINTENANCE[store] = bool(conn.execute(text(
                "SELECT pg_has_role(session_user, d.datdba, 'MEMBER') FROM pg_database d "
                "WHERE d.datname = current_database()")).scalar_one())
    return _MAINTENANCE[store]


def require_maintenance(store: Store, what: str) -> None:
    """Refuse unless over the owner's connection (Vietnamese message naming what was asked)."""
    if not is_maintenance(store):
        raise PermissionDenied(translate("store.roles", "Chỉ tài khoản chủ cơ sở dữ liệu (tài khoản bảo trì) "
                                                        "được %1; máy trạm này kết nối bằng vai trò của máy trạm")
                               .arg(what))


def apply_roles(store: Store, prefix: str = DEFAULT_PREFIX, passwords: Mapping[str, str] | None = None) -> list[str]:
    """Create (when missing) the login role of every station kind and give it exactly its GRANTS; a password in
    `passwords` (by kind) is set, others are left as they are. Owner's connection only. The role names made."""
    if store.backend != "postgresql":
        raise ValidationError("db", translate("store.roles", "Vai trò cơ sở dữ liệu chỉ có trên PostgreSQL (tệp "
                                                             "SQLite trên một máy không có vai trò; xem "
                                                             "docs/security.md)"))
    check_prefix(prefix)
    require_maintenance(store, translate("store.roles", "tạo vai trò của máy trạm"))
    names = []
    with store.engine.begin() as conn:
        allow_long_work(conn)  # dozens of statements in one transaction on a busy server
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        for kind in STATION_KINDS:
            name = role_name(kind, prefix)
            names.append(name)
            _ensure_role(conn, name, (passwords or {}).get(kind))
            _grant(conn, name, str(database), GRANTS[kind], FUNCTIONS[kind])
    return names


def drop_roles(store: Store, prefix: str) -> None:
    """Remove the station roles of `prefix` (their privileges in this database first). Owner's connection only;
    a role that has privileges in another database stays until it is dropped there too."""
    check_prefix(prefix)
    require_maintenance(store, translate("store.roles", "xóa vai trò của máy trạm"))
    with store.engine.begin() as conn:
        allow_long_work(conn)
        for kind in STATION_KINDS:
            name = role_name(kind, prefix)
            if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE "{name}"')


def _ensure_role(conn: Connection, name: str, password: str | None) -> None:
    if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
        conn.exec_driver_sql(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT')
    if password:
        from psycopg import sql

        raw = conn.connection.driver_connection
        statement = sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(name), sql.Literal(password))
        conn.exec_driver_sql(statement.as_string(raw).replace("%", "%%"))


def _grant(conn: Connection, name: str, database: str, tables: Mapping[str, tuple[str, ...]],
           functions: tuple[str, ...]) -> None:
    role = f'"{name}"'
    for statement in (f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
                      f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}",
                      f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {role}",
                      f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
                      f"GRANT USAGE ON SCHEMA public TO {role}"):
        conn.exec_driver_sql(statement)
    for table, privileges in tables.items():
        if table == "officers":
            conn.exec_driver_sql(f"GRANT SELECT ({', '.join(OFFICER_COLUMNS)}) ON officers TO {role}")
            continue
        conn.exec_driver_sql(f"GRANT {', '.join(privileges)} ON {table} TO {role}")
        if I in privileges:
            serial = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar() \
                if _has_id(conn, table) else None
            if serial:
                conn.exec_driver_sql(f"GRANT USAGE, SELECT ON SEQUENCE {serial} TO {role}")
    for function in functions:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {role}")


def _has_id(conn: Connection, table: str) -> bool:
    return conn.execute(text("SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
                             "AND table_name = :t AND column_name = 'id'"), {"t": table}).first() is not None
