"""Append-only, hash-chained history: the SQL of the triggers and of the verification (docs/audit.md).

Five tables are history nobody rewrites: ticket_events, dossier_events, payments, ratings and audit_events. On
each of them the database itself

- refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) by a trigger, even for the owner;
- chains every inserted row: the row gets its writer (the station id that wrote it, ``cli`` when none), its
  chain day (the local date of its time), its place in that (table, writer, day) chain and
  ``row_hash = sha256(previous row_hash + canonical text of the row)``, hex. The chain's last place and hash are
  kept in ``chain_heads``, whose row is locked by the insert until commit, so only writes of one station on one
  day wait for each other.

The triggers compute the hash, so every way a row is written (ORM, Core, COPY, the lean sqlite3 path, one
statement on PostgreSQL) is chained alike. On SQLite the hash is the application function ``motcua_sha256``
(Python's hashlib), registered on every connection by `register_sqlite_functions`; on PostgreSQL the built-in
``sha256``. Both hash the UTF-8 bytes of the same text.

Canonical text of a row: the table name and ``;``, then the fields of `STREAMS` in order, separated by ``,``, each
``NULL`` or its value SQL-quoted (in single quotes, a quote inside doubled; PostgreSQL writes a value holding a
backslash as ``E'…'`` with the backslash doubled). Values: text as stored; integers in decimal; JSON as its
stored text; on SQLite, UUIDs, times and dates as stored (32 hex digits; UTC ``YYYY-MM-DD HH:MM:SS.ffffff``;
``YYYY-MM-DD``); on PostgreSQL, UUIDs in their hyphenated form, times as seconds since 1970-01-01 UTC with six
decimals (``extract(epoch …)``), dates as days since 1970-01-01 (independent of the session's settings). The
chain fields (writer, chain_day, chain_seq) end the list, so a row moved to another chain or place no longer
matches its hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

CHAIN_HEADS = "chain_heads"
CLI_WRITER = "cli"
APPEND_ONLY_MESSAGE = "motcua: append-only history"
LOCAL_OFFSET_HOURS = 7  # Asia/Ho_Chi_Minh, no daylight saving


@dataclass(frozen=True)
class Stream:
    """One chained table: its fields in canonical order (name, kind), and the column giving its time."""

    table: str
    time_column: str
    fields: tuple[tuple[str, str], ...]

    @property
    def all_fields(self) -> tuple[tuple[str, str], ...]:
        return self.fields + (("writer", "text"), ("chain_day", "date"), ("chain_seq", "int"))


STREAMS: tuple[Stream, ...] = (
    Stream("ticket_events", "at", (
        ("id", "uuid"), ("ticket_id", "uuid"), ("kind", "text"), ("at", "ts"), ("station_id", "uuid"),
        ("officer_id", "int"), ("counter_id", "int"), ("from_status", "text"), ("to_status", "text"),
        ("reason", "text"), ("data", "json"))),
    Stream("dossier_events", "at", (
        ("id", "uuid"), ("dossier_id", "uuid"), ("kind", "text"), ("at", "ts"), ("officer_id", "int"),
        ("station_id", "uuid"), ("from_status", "text"), ("to_status", "text"), ("reason", "text"),
        ("data", "json"))),
    Stream("payments", "paid_at", (
        ("id", "uuid"), ("dossier_id", "uuid"), ("amount_vnd", "int"), ("method", "text"), ("receipt_no", "text"),
        ("officer_id", "int"), ("paid_at", "ts"), ("station_id", "uuid"))),
    Stream("ratings", "at", (
        ("id", "uuid"), ("ticket_id", "uuid"), ("counter_id", "int"), ("officer_id", "int"), ("service_id", "int"),
        ("level", "int"), ("scale", "int"), ("raw_key", "text"), ("at", "ts"), ("station_id", "uuid"))),
    Stream("audit_events", "at", (
        ("id", "uuid"), ("at", "ts"), ("station_id", "uuid"), ("officer_id", "int"), ("actor", "text"),
        ("action", "text"), ("target", "text"), ("before", "json"), ("after", "json"))),
)
STREAM_BY_TABLE = {s.table: s for s in STREAMS}


def sha256_hex(text: str) -> str:
    """The hash of the chain: sha256 of the UTF-8 bytes, lower-case hex (SQLite's ``motcua_sha256``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register_sqlite_functions(dbapi_connection: Any) -> None:
    """Give a sqlite3 connection the function its chain triggers call."""
    dbapi_connection.create_function("motcua_sha256", 1, lambda t: None if t is None else sha256_hex(str(t)),
                                     deterministic=True)


# --- canonical text ----------------------------------------------------------------------------------------------

def _pg_value(expr: str, kind: str) -> str:
    # cheap, and independent of the session's DateStyle and TimeZone
    return {"text": expr, "int": f"({expr})::text", "uuid": f"({expr})::text",
            "ts": f"extract(epoch FROM {expr})::text", "json": f"({expr})::text",
            "date": f"({expr} - DATE '1970-01-01')::text"}[kind]


def _sqlite_value(expr: str, kind: str) -> str:
    return f"CAST({expr} AS TEXT)"  # the SQLAlchemy types already store every kind as the canonical text


def canonical_sql(stream: Stream, dialect: str, ref: dict[str, str] | None = None, prefix: str = "") -> str:
    """The SQL expression of a row's canonical text; `ref` replaces some fields' expressions (the trigger's
    computed chain fields), `prefix` qualifies the others (``NEW.``). Each value is written once, SQL-quoted
    (PostgreSQL ``quote_nullable``, SQLite ``quote``), so the text stays unambiguous and cheap to compute."""
    if dialect == "postgresql":
        values = [f"quote_nullable({_pg_value((ref or {}).get(n, f'{prefix}{n}'), k)})" for n, k in stream.all_fields]
        return f"'{stream.table};' || concat_ws(',', {', '.join(values)})"
    values = [f"quote({_sqlite_value((ref or {}).get(n, f'{prefix}{n}'), k)})" for n, k in stream.all_fields]
    return f"'{stream.table};' || " + " || ',' || ".join(values)


# --- triggers ------------------------------------------------------------------------------------------------------

def _pg_chain_function(stream: Stream) -> str:
    t = stream.table
    canon = canonical_sql(stream, "postgresql", prefix="NEW.")
    return f"""
CREATE OR REPLACE FUNCTION motcua_chain_{t}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    prev text;
    place bigint;
BEGIN
    NEW.writer := coalesce(replace(NEW.station_id::text, '-', ''), '{CLI_WRITER}');
    NEW.chain_day := (NEW.{stream.time_column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
    INSERT INTO {CHAIN_HEADS} AS h (stream, writer, day, seq, head) VALUES ('{t}', NEW.writer, NEW.chain_day, 1, '')
    ON CONFLICT (stream, writer, day) DO UPDATE SET seq = h.seq + 1
    RETURNING h.seq, h.head INTO place, prev;
    NEW.chain_seq := place;
    NEW.row_hash := encode(sha256(convert_to(prev || {canon}, 'UTF8')), 'hex');
    UPDATE {CHAIN_HEADS} SET head = NEW.row_hash
     WHERE stream = '{t}' AND writer = NEW.writer AND day = NEW.chain_day;
    RETURN NEW;
END $$"""


PG_APPEND_ONLY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'P0001',
        MESSAGE = '{APPEND_ONLY_MESSAGE}: ' || TG_OP || ' of ' || TG_TABLE_NAME;
END $$"""


def postgresql_install() -> list[str]:
    """Statements creating the PostgreSQL triggers of every stream."""
    out = [PG_APPEND_ONLY_FUNCTION]
    for s in STREAMS:
        t = s.table
        out += [_pg_chain_function(s),
                f"CREATE TRIGGER chain BEFORE INSERT ON {t} FOR EACH ROW EXECUTE FUNCTION motcua_chain_{t}()",
                f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW "
                f"EXECUTE FUNCTION motcua_append_only()",
                f"CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON {t} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION motcua_append_only()"]
    return out


def postgresql_uninstall() -> list[str]:
    out = []
    for s in STREAMS:
        out += [f"DROP TRIGGER IF EXISTS {name} ON {s.table}" for name in ("chain", "append_only",
                                                                          "append_only_truncate")]
        out.append(f"DROP FUNCTION IF EXISTS motcua_chain_{s.table}()")
    return out + ["DROP FUNCTION IF EXISTS motcua_append_only()"]


def _sqlite_chain_trigger(stream: Stream) -> str:
    t = stream.table
    writer = f"coalesce(NEW.station_id, '{CLI_WRITER}')"
    day = f"date(NEW.{stream.time_column}, '+{LOCAL_OFFSET_HOURS} hours')"
    head = f"FROM {CHAIN_HEADS} WHERE stream = '{t}' AND writer = {writer} AND day = {day}"
    place = f"(SELECT seq + 1 {head})"
    canon = canonical_sql(stream, "sqlite", {"writer": writer, "chain_day": day, "chain_seq": place}, "NEW.")
    return f"""
CREATE TRIGGER chain_{t} AFTER INSERT ON {t} FOR EACH ROW
BEGIN
    INSERT INTO {CHAIN_HEADS} (stream, writer, day, seq, head) VALUES ('{t}', {writer}, {day}, 0, '')
    ON CONFLICT (stream, writer, day) DO NOTHING;
    UPDATE {t} SET writer = {writer}, chain_day = {day}, chain_seq = {place},
                   row_hash = motcua_sha256((SELECT head {head}) || {canon})
     WHERE rowid = NEW.rowid;
    UPDATE {CHAIN_HEADS} SET seq = seq + 1, head = (SELECT row_hash FROM {t} WHERE rowid = NEW.rowid)
     WHERE stream = '{t}' AND writer = {writer} AND day = {day};
END"""


def sqlite_install() -> list[str]:
    """Statements creating the SQLite triggers of every stream (the chain trigger's own UPDATE fills a row whose
    hash is still empty, the only UPDATE the append-only trigger lets through)."""
    out = []
    for s in STREAMS:
        t = s.table
        out += [_sqlite_chain_trigger(s),
                f"CREATE TRIGGER append_only_update_{t} BEFORE UPDATE ON {t} FOR EACH ROW "
                f"WHEN OLD.row_hash IS NOT NULL BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: UPDATE of {t}'); END",
                f"CREATE TRIGGER append_only_delete_{t} BEFORE DELETE ON {t} FOR EACH ROW "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}: DELETE of {t}'); END"]
    return out


def sqlite_uninstall() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}_{s.table}" for s in STREAMS
            for name in ("chain", "append_only_update", "append_only_delete")]


def install(dialect: str) -> list[str]:
    return postgresql_install() if dialect == "postgresql" else sqlite_install()


def uninstall(dialect: str) -> list[str]:
    return postgresql_uninstall() if dialect == "postgresql" else sqlite_uninstall()


# --- chaining rows written before the triggers existed ----------------------------------------------------------

def _writer_day_sql(stream: Stream, dialect: str) -> tuple[str, str]:
    if dialect == "postgresql":
        return (f"coalesce(replace(station_id::text, '-', ''), '{CLI_WRITER}')",
                f"({stream.time_column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date")
    return f"coalesce(station_id, '{CLI_WRITER}')", f"date({stream.time_column}, '+{LOCAL_OFFSET_HOURS} hours')"


def backfill(conn: Any, dialect: str, chunk: int = 5000) -> None:
    """Chain the rows already stored (before the triggers are created): places by time then id within each
    (writer, day), hashes computed here with hashlib, heads recorded. `conn` is a SQLAlchemy Connection."""
    from sqlalchemy import text

    for s in STREAMS:
        t = s.table
        writer, day = _writer_day_sql(s, dialect)
        conn.execute(text(f"UPDATE {t} SET writer = {writer}, chain_day = {day}"))
        conn.execute(text(f"UPDATE {t} SET chain_seq = r.n FROM (SELECT id, row_number() OVER "
                          f"(PARTITION BY writer, chain_day ORDER BY {s.time_column}, id) AS n FROM {t}) AS r "
                          f"WHERE {t}.id = r.id"))
        rows = conn.execute(text(f"SELECT id, writer, chain_day, chain_seq, {canonical_sql(s, dialect)} FROM {t} "
                                 f"ORDER BY writer, chain_day, chain_seq")).all()
        hashes, heads = [], {}
        prev_key, prev = None, ""
        for row_id, w, d, place, canon in rows:
            if (w, d) != prev_key:
                prev_key, prev = (w, d), ""
            prev = sha256_hex(prev + canon)
            hashes.append({"i": row_id, "h": prev})
            heads[(w, d)] = (place, prev)
        for i in range(0, len(hashes), chunk):
            conn.execute(text(f"UPDATE {t} SET row_hash = :h WHERE id = :i"), hashes[i:i + chunk])
        if heads:
            conn.execute(text(f"INSERT INTO {CHAIN_HEADS} (stream, writer, day, seq, head) "
                              f"VALUES (:s, :w, :d, :n, :h)"),
                         [{"s": t, "w": w, "d": d, "n": n, "h": h} for (w, d), (n, h) in heads.items()])


@contextmanager
def triggers_off(conn: Any) -> Iterator[None]:
    """The one maintenance path: the history triggers off for the rest of `conn`'s transaction (a SQLAlchemy
    Connection of the database owner, PostgreSQL superuser for ``session_replication_role``). Rows inserted
    meanwhile are not chained and rows deleted leave holes: `motcua audit verify` names both. Tests use it to
    reset a scratch database; nothing in the application does."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        yield
        conn.exec_driver_sql("SET LOCAL session_replication_role = origin")
        return
    for statement in sqlite_uninstall():
        conn.exec_driver_sql(statement)
    yield
    for statement in sqlite_install():
        conn.exec_driver_sql(statement)
