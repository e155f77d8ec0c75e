"""Officer accounts: add, change password, list, sign in with lockout (argon2 password hashes)."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.domain.accounts import Role, after_failed_sign_in, check_new_password, is_locked
from app.domain.errors import DomainError, FormErrors, NotFound, ValidationError
from app.domain.text import nfc
from app.services.context import Actor, Context
from app.services.settings import centre_setting
from app.store.models import Officer

_hasher = PasswordHasher()
LOGIN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


class SignInFailed(DomainError):
    """Wrong login or password, or a locked account (message says which, without revealing which login exists)."""


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
        errors.append(ValidationError("login", "Tên đăng nhập gồm 2–64 ký tự: chữ thường không dấu, số, . _ -"))
    name = nfc(full_name)
    if not 2 <= len(name) <= 200:
        errors.append(ValidationError("full_name", "Họ và tên phải có từ 2 đến 200 ký tự"))
    try:
        parsed_role = Role(role)
    except ValueError:
        errors.append(ValidationError("role", "Vai trò phải là officer, supervisor hoặc admin"))
        parsed_role = Role.OFFICER
    if errors:
        raise FormErrors(errors)
    return login, name, parsed_role


def add_user(ctx: Context, actor: Actor, login: str, full_name: str, role: str, password: str) -> OfficerView:
    """Create an account (admin only)."""
    actor.require(Role.ADMIN, "thêm tài khoản")
    login, name, parsed_role = _validate_account(login, full_name, role)
    check_new_password(password)
    with ctx.store.write() as s:
        if s.scalar(select(Officer.id).where(Officer.login == login)) is not None:
            raise FormErrors([ValidationError("login", f"Tên đăng nhập «{login}» đã có")])
        officer = Officer(login=login, full_name=name, role=parsed_role.value, password_hash=hash_password(password),
                          created_at=ctx.now(), password_changed_at=ctx.now(), failed_attempts=0, active=True)
        s.add(officer)
        s.flush()
        return _view(officer, ctx)


def update_user(ctx: Context, actor: Actor, officer_id: int, full_name: str, role: str, active: bool) -> OfficerView:
    """Change an account's name, role or active flag (admin only)."""
    actor.require(Role.ADMIN, "sửa tài khoản")
    with ctx.store.write() as s:
        officer = s.get(Officer, officer_id)
        if officer is None:
            raise NotFound("Không tìm thấy tài khoản")
        _, name, parsed_role = _validate_account(officer.login, full_name, role)
        officer.full_name, officer.role, officer.active = name, parsed_role.value, active
        return _view(officer, ctx)


def set_password(ctx: Context, actor: Actor, login: str, password: str) -> None:
    """Set a password: admins for anyone, others only their own. Clears a lockout."""
    if actor.login != login:
        actor.require(Role.ADMIN, "đổi mật khẩu của người khác")
    check_new_password(password)
    with ctx.store.write() as s:
        officer = s.scalar(select(Officer).where(Officer.login == login.strip().lower()))
        if officer is None:
            raise NotFound(f"Không có tài khoản «{login}»")
        officer.password_hash = hash_password(password)
        officer.password_changed_at = ctx.now()
        officer.failed_attempts, officer.locked_until = 0, None


def list_users(ctx: Context, actor: Actor) -> list[OfficerView]:
    """Every account, by login (supervisors and admins)."""
    actor.require(Role.SUPERVISOR, "xem danh sách tài khoản")
    with ctx.store.read() as s:
        return [_view(o, ctx) for o in s.scalars(select(Officer).order_by(Officer.login))]


def sign_in(ctx: Context, login: str, password: str) -> Actor:
    """Check a password; the N-th wrong one locks the account for M minutes (centre settings)."""
    with ctx.store.write() as s:
        officer = s.scalar(select(Officer).where(Officer.login == login.strip().lower()))
        if officer is None or not officer.active:
            raise SignInFailed("Sai tên đăng nhập hoặc mật khẩu")
        now = ctx.now()
        if is_locked(officer.locked_until, now):
            raise SignInFailed("Tài khoản đang bị khóa tạm thời do đăng nhập sai nhiều lần; "
                               "hãy thử lại sau hoặc nhờ quản trị đặt lại mật khẩu")
        try:
            _hasher.verify(officer.password_hash, password)
        except (VerificationError, InvalidHashError):
            attempts = int(centre_setting(s, "lockout_attempts"))
            minutes = int(centre_setting(s, "lockout_minutes"))
            officer.failed_attempts, officer.locked_until = after_failed_sign_in(
                officer.failed_attempts, now, attempts, minutes)
            failure = SignInFailed("Sai tên đăng nhập hoặc mật khẩu")
        else:
            officer.failed_attempts, officer.locked_until = 0, None
            if _hasher.check_needs_rehash(officer.password_hash):
                officer.password_hash = hash_password(password)
            return Actor(officer.id, officer.login, officer.full_name, Role(officer.role))
    raise failure  # raised after the commit, so the failure count is kept


def _view(officer: Officer, ctx: Context) -> OfficerView:
    return OfficerView(officer.id, officer.login, officer.full_name, officer.role, officer.active,
                       is_locked(officer.locked_until, ctx.now()))


def actor_for_login(ctx: Context, login: str) -> Actor:
    """The actor of an existing active account, for the trusted CLI (`--officer LOGIN` attributes the work)."""
    with ctx.store.read() as s:
        officer = s.scalar(select(Officer).where(Officer.login == login.strip().lower()))
    if officer is None or not officer.active:
        raise NotFound(f"Không có tài khoản «{login}» đang hoạt động")
    return Actor(officer.id, officer.login, officer.full_name, Role(officer.role))
