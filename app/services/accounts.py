"""Officer accounts: add, change password, list, sign in with lockout (argon2 password hashes)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, literal, or_, select, text, update
from sqlalchemy.orm import Session

from app.domain.accounts import Role, check_new_password, is_locked
from app.domain.errors import DomainError, FormErrors, NotFound, PermissionDenied, ValidationError
from app.domain.messages import Message, translate
from app.domain.text import nfc
from app.services.audit import record
from app.services.context import Actor, Context, signed_in_actor
from app.services.settings import centre_setting
from app.store.models import Officer
from app.store.roles import is_maintenance

_hasher = PasswordHasher()
LOGIN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


class SignInFailed(DomainError):
    """Wrong login or password, or a locked account: one message for all three, so it reveals neither which
    logins exist nor which are locked, yet tells the officer how to get back in."""


@dataclass(frozen=True)
class OfficerView:
    """An account as lists show it (never the hash)."""

    id: int
    login: str
    full_name: str
    role: str
    active: bool
    locked: bool


def hash_password(password: str) -> str:
    """An argon2id hash of a password."""
    return _hasher.hash(password)


def _validate_account(login: str, full_name: str, role: str) -> tuple[str, str, Role]:
    """Normalised login, name and role, or FormErrors naming each bad field."""
    errors = []
    login = login.strip().lower()
    if not 2 <= len(login) <= 64 or not set(login) <= LOGIN_CHARS:
        errors.append(ValidationError("login", translate("services.accounts", "Tên đăng nhập gồm 2–64 ký tự: chữ "
                                                                            "thường không dấu, số, . _ -")))
    name = nfc(full_name)
    if not 2 <= len(name) <= 200:
        errors.append(ValidationError("full_name", translate("services.accounts",
                                                             "Họ và tên phải có từ 2 đến 200 ký tự")))
    try:
        parsed_role = Role(role)
    except ValueError:
        errors.append(ValidationError("role", translate("services.accounts",
                                                        "Vai trò phải là officer, supervisor hoặc admin")))
        parsed_role = Role.OFFICER
    if errors:
        raise FormErrors(errors)
    return login, name, parsed_role


def add_user(ctx: Context, actor: Actor, login: str, full_name: str, role: str, password: str) -> OfficerView:
    """Create an account (admin only; the first account over the owner's connection only)."""
    actor.require(Role.ADMIN, translate("services.accounts", "thêm tài khoản"))
    login, name, parsed_role = _validate_account(login, full_name, role)
    check_new_password(password)
    with ctx.store.write() as s:
        if s.scalar(select(Officer.id).where(Officer.login == login)) is not None:
            raise FormErrors([ValidationError("login", translate("services.accounts", "Tên đăng nhập «%1» đã có")
                                              .arg(login))])
        record(s, ctx, actor, "user.add", f"tài khoản {login}", None,
               {"full_name": name, "role": parsed_role.value, "active": True})
        if _over_functions(s):  # PostgreSQL: station roles never write officers themselves
            if s.scalar(select(Officer.id).limit(1)) is None and not is_maintenance(ctx.store):
                raise PermissionDenied(translate("services.accounts", "Tài khoản đầu tiên chỉ được tạo bằng tài "
                                                 "khoản chủ cơ sở dữ liệu (tài khoản bảo trì)"))
            new_id = s.execute(text("SELECT motcua_officer_add(:login, :name, :role, :hash, :now)"),
                               {"login": login, "name": name, "role": parsed_role.value,
                                "hash": hash_password(password), "now": ctx.now()}).scalar_one()
            return _view_of(s, ctx, int(new_id))
        officer = Officer(login=login, full_name=name, role=parsed_role.value, password_hash=hash_password(password),
                          created_at=ctx.now(), password_changed_at=ctx.now(), failed_attempts=0, active=True)
        s.add(officer)
        s.flush()
        return _view(officer, ctx)


def update_user(ctx: Context, actor: Actor, officer_id: int, full_name: str, role: str, active: bool) -> OfficerView:
    """Change an account's name, role or active flag (admin only)."""
    actor.require(Role.ADMIN, translate("services.accounts", "sửa tài khoản"))
    with ctx.store.write() as s:
        officer = s.get(Officer, officer_id)
        if officer is None:
            raise NotFound(translate("services.accounts", "Không tìm thấy tài khoản"))
        _, name, parsed_role = _validate_account(officer.login, full_name, role)
        before = {"full_name": officer.full_name, "role": officer.role, "active": officer.active}
        after = {"full_name": name, "role": parsed_role.value, "active": active}
        record(s, ctx, actor, "user.update", f"tài khoản {officer.login}", before, after)
        if _over_functions(s):
            s.execute(text("SELECT motcua_officer_update(:id, :name, :role, :active)"),
                      {"id": officer_id, "name": name, "role": parsed_role.value, "active": active})
            s.expire(officer)
            return _view_of(s, ctx, officer_id)
        officer.full_name, officer.role, officer.active = name, parsed_role.value, active
        return _view(officer, ctx)


def set_password(ctx: Context, actor: Actor, login: str, password: str) -> None:
    """Set a password: admins for anyone, others only their own. Clears a lockout."""
    if actor.login != login:
        actor.require(Role.ADMIN, translate("services.accounts", "đổi mật khẩu của người khác"))
    else:
        actor.require(Role.OFFICER, translate("services.accounts", "đổi mật khẩu"))
    check_new_password(password)
    key = login.strip().lower()
    with ctx.store.write() as s:
        if _over_functions(s):
            found = s.execute(text("SELECT motcua_officer_set_password(:login, :hash, :now)"),
                              {"login": key, "hash": hash_password(password), "now": ctx.now()}).scalar_one()
        else:
            found = s.execute(update(Officer).where(Officer.login == key)
                              .values(password_hash=hash_password(password), password_changed_at=ctx.now(),
                                      failed_attempts=0, locked_until=None).returning(Officer.id)
                              .execution_options(synchronize_session=False)).first() is not None
        if not found:
            raise NotFound(translate("services.accounts", "Không có tài khoản «%1»").arg(login))
        record(s, ctx, actor, "user.passwd", f"tài khoản {key}", None, None)  # never the hash


def list_users(ctx: Context, actor: Actor) -> list[OfficerView]:
    """Every account, by login (supervisors and admins)."""
    actor.require(Role.SUPERVISOR, translate("services.accounts", "xem danh sách tài khoản"))
    with ctx.store.read() as s:
        return [_view(o, ctx) for o in s.scalars(select(Officer).order_by(Officer.login))]


def _view_of(s: Session, ctx: Context, officer_id: int) -> OfficerView:
    officer = s.get(Officer, officer_id, populate_existing=True)
    assert officer is not None
    return _view(officer, ctx)


def sign_in_refused(minutes: int) -> Message:
    """The one refusal of a sign-in (wrong login or password, or a locked account), marked for translation."""
    return translate("services.accounts", "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang tạm khóa do nhập sai "
                                          "nhiều lần: thử lại sau %1 phút hoặc nhờ quản trị viên đặt lại mật khẩu"
                     ).arg(minutes)


def sign_in(ctx: Context, login: str, password: str, *, hasher: PasswordHasher | None = None) -> Actor:
    """Check a password; the N-th wrong one in a row locks the account for M minutes (centre settings).

    Each attempt first takes its place in the count with one atomic UPDATE (`failed_attempts + 1`, and the lock
    when that reaches N), committed before the password is checked: parallel guesses each count, and only the
    first N of a round ever reach the account's hash. A right password then clears the count. An unknown,
    inactive or locked login verifies a dummy hash made with the same parameters, so it costs the same time, and
    every refusal has the same message. `hasher` is the argon2 hasher (tests pass one that counts its calls)."""
    hasher = hasher or _hasher
    dummy = dummy_hash(hasher)  # made on the first sign-in of the process, whoever signs in: no first-call tell
    key = login.strip().lower()
    with ctx.store.write() as s:
        minutes = int(centre_setting(s, "lockout_minutes"))
        row = _count_attempt(s, key, ctx.now())
    refused = SignInFailed(sign_in_refused(minutes))
    if row is None:  # unknown, inactive or locked: the same work and the same answer as a wrong password
        _verify(hasher, dummy, password)
        raise refused
    officer_id, login_, full_name, role, password_hash = row
    if not _verify(hasher, password_hash, password):
        raise refused  # already counted (and locked at the N-th) before the check
    new_hash = hasher.hash(password) if hasher.check_needs_rehash(password_hash) else None
    with ctx.store.write() as s:
        if _over_functions(s):
            s.execute(text("SELECT motcua_sign_in_succeeded(:id, :seen, :new)"),
                      {"id": officer_id, "seen": password_hash, "new": new_hash})
        else:
            values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
            if new_hash is not None:
                values["password_hash"] = new_hash
            s.execute(update(Officer).where(Officer.id == officer_id).values(**values)
                      .execution_options(synchronize_session=False))
    return signed_in_actor(officer_id, login_, full_name, Role(role), _rechecker(ctx, officer_id))


def _count_attempt(s: Session, key: str, now: datetime) -> tuple[int, str, str, str, str] | None:
    """Count one attempt at `key` (locking at the N-th) and return the account when it may sign in: (id, login,
    full name, role, hash), or None for an unknown, inactive or locked login. PostgreSQL: the same UPDATE inside
    the SECURITY DEFINER function motcua_sign_in_attempt (migration 20261207_0010), since station roles may not
    write officers."""
    if _over_functions(s):
        found = s.execute(text("SELECT * FROM motcua_sign_in_attempt(:login, :now)"),
                          {"login": key, "now": now}).one_or_none()
        return None if found is None else (int(found[0]), str(found[1]), str(found[2]), str(found[3]), str(found[4]))
    attempts = int(centre_setting(s, "lockout_attempts"))
    minutes = int(centre_setting(s, "lockout_minutes"))
    new_count = case((Officer.locked_until.is_(None), Officer.failed_attempts + 1), else_=1)  # expired: anew
    row = s.execute(
        update(Officer)
        .where(Officer.login == key, Officer.active.is_(True),
               or_(Officer.locked_until.is_(None), Officer.locked_until <= now))
        .values(failed_attempts=new_count,
                locked_until=case((new_count >= attempts,
                                   literal(now + timedelta(minutes=minutes), Officer.locked_until.type)),
                                  else_=None))
        .returning(Officer.id, Officer.login, Officer.full_name, Officer.role, Officer.password_hash)
        .execution_options(synchronize_session=False)).one_or_none()
    return None if row is None else (row.id, row.login, row.full_name, row.role, row.password_hash)


def _over_functions(s: Session) -> bool:
    """Whether accounts are written through the SECURITY DEFINER functions (PostgreSQL) or directly (SQLite)."""
    return s.get_bind().dialect.name == "postgresql"


def _rechecker(ctx: Context, officer_id: int) -> Callable[[], Role]:
    """What a signed-in actor runs before each action: its account's role now, or a refusal when the account
    was deactivated (or removed) since the sign-in."""

    def recheck() -> Role:
        with ctx.store.read() as s:
            row = s.execute(select(Officer.active, Officer.role).where(Officer.id == officer_id)).one_or_none()
        if row is None or not row.active:
            raise SignInFailed(translate("services.accounts", "Tài khoản đã bị ngừng hoạt động: phiên làm việc kết "
                                         "thúc, hãy đăng nhập lại bằng tài khoản đang hoạt động"))
        return Role(row.role)

    return recheck


def _verify(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    """Whether the password matches the hash (a malformed hash never matches)."""
    try:
        return bool(hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def dummy_hash(hasher: PasswordHasher) -> str:
    """A fixed hash of no one's password, made once per set of argon2 parameters, so checking a password
    against it costs what checking a real account's does."""
    params = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.salt_len,
              hasher.type)
    if params not in _DUMMY_HASHES:
        _DUMMY_HASHES[params] = hasher.hash("motcua: không phải mật khẩu của ai")
    return _DUMMY_HASHES[params]


_DUMMY_HASHES: dict[tuple[object, ...], str] = {}


def _view(officer: Officer, ctx: Context) -> OfficerView:
    return OfficerView(officer.id, officer.login, officer.full_name, officer.role, officer.active,
                       is_locked(officer.locked_until, ctx.now()))


def station_signed_in(officer: Mapping[str, Any], kept_hash: str | None, password: str, *,
                      hasher: PasswordHasher | None = None) -> Actor:
    """An officer signed in while the server does not answer, against the hash this station made of the password
    at the officer's last online sign-in here (docs/offline.md, docs/security.md): refused, with the one sign-in
    message, unless the password matches. `officer` is the journal's record (id, login, full_name, role); its role
    is the one the journal last saw."""
    hasher = hasher or _hasher
    ok = _verify(hasher, kept_hash or dummy_hash(hasher), password) and kept_hash is not None
    if not ok:
        raise SignInFailed(sign_in_refused(15))
    role = Role(officer["role"])
    return signed_in_actor(int(officer["id"]), str(officer["login"]), str(officer["full_name"]), role, lambda: role)


def replayed_actor(ctx: Context, officer_id: int) -> Actor:
    """The officer who did a piece of work offline that a station now replays: proven at the station by their
    password (`station_signed_in`); the work is theirs even if the account was deactivated since (it happened).
    A station's role may insert events in anyone's name anyway (docs/security.md), so this trusts no more."""
    with ctx.store.read() as s:
        officer = s.get(Officer, officer_id)
        if officer is None:
            raise NotFound(translate("services.accounts", "Không có tài khoản số %1").arg(officer_id))
        role = Role(officer.role)
        return signed_in_actor(officer.id, officer.login, officer.full_name, role, lambda: role)


def maintenance_acting_as(ctx: Context, login: str) -> Actor:
    """The actor of an existing active account without its password: only over the maintenance account (the
    database owner's connection or the embedded file's holder, who can change any row anyway), for seeding,
    tools and tests. Stations sign in (`sign_in`)."""
    Actor.maintenance(ctx)  # refuses over a station's database role
    with ctx.store.read() as s:
        officer = s.scalar(select(Officer).where(Officer.login == login.strip().lower()))
    if officer is None or not officer.active:
        raise NotFound(translate("services.accounts", "Không có tài khoản «%1» đang hoạt động").arg(login))
    return signed_in_actor(officer.id, officer.login, officer.full_name, Role(officer.role),
                           _rechecker(ctx, officer.id))
