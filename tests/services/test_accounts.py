"""Accounts: argon2 hashes, sign-in with lockout, roles enforced in the services."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.domain.accounts import Role
from app.domain.errors import FormErrors, PermissionDenied, ValidationError
from app.services import accounts, catalog, settings
from app.services.accounts import SignInFailed
from app.services.context import Actor, Context
from app.store.models import Officer

ADMIN = Actor.system()


def test_password_is_stored_as_argon2_hash(ctx: Context) -> None:
    accounts.add_user(ctx, ADMIN, "Lan.Nguyen", "Nguyễn  Thị Lan ", "officer", "mat-khau-1")
    with ctx.store.read() as s:
        officer = s.scalar(select(Officer))
    assert officer.login == "lan.nguyen" and officer.full_name == "Nguyễn Thị Lan"
    assert officer.password_hash.startswith("$argon2id$")
    assert "mat-khau-1" not in officer.password_hash
    actor = accounts.sign_in(ctx, "lan.nguyen", "mat-khau-1")
    assert actor.role is Role.OFFICER and actor.full_name == "Nguyễn Thị Lan"


def test_bad_account_fields_are_all_reported(ctx: Context) -> None:
    with pytest.raises(FormErrors) as info:
        accounts.add_user(ctx, ADMIN, "Tên có dấu", "", "boss", "12345678")
    assert set(info.value.by_field()) == {"login", "full_name", "role"}
    with pytest.raises(ValidationError, match="ít nhất 8"):
        accounts.add_user(ctx, ADMIN, "an", "Lê An", "officer", "short")
    with ctx.store.read() as s:
        assert s.scalar(select(Officer)) is None


def test_duplicate_login_is_refused(ctx: Context) -> None:
    accounts.add_user(ctx, ADMIN, "an", "Lê An", "officer", "12345678")
    with pytest.raises(FormErrors) as info:
        accounts.add_user(ctx, ADMIN, "AN", "Lê Bình An", "officer", "12345678")
    assert "đã có" in info.value.by_field()["login"]


def test_lockout_after_repeated_failures(ctx: Context) -> None:
    clock = [datetime(2026, 11, 28, 1, 0, tzinfo=timezone.utc)]
    ctx.clock = lambda: clock[0]
    accounts.add_user(ctx, ADMIN, "an", "Lê An", "officer", "dung-mat-khau")
    for _ in range(4):
        with pytest.raises(SignInFailed, match="Sai tên đăng nhập"):
            accounts.sign_in(ctx, "an", "sai")
    assert accounts.sign_in(ctx, "an", "dung-mat-khau").login == "an"  # success resets the count
    for _ in range(5):
        with pytest.raises(SignInFailed):
            accounts.sign_in(ctx, "an", "sai")
    with pytest.raises(SignInFailed, match="khóa"):
        accounts.sign_in(ctx, "an", "dung-mat-khau")  # even the right password is refused while locked
    assert [u.locked for u in accounts.list_users(ctx, ADMIN)] == [True]
    clock[0] += timedelta(minutes=16)
    assert accounts.sign_in(ctx, "an", "dung-mat-khau").login == "an"


def test_lockout_follows_centre_settings(ctx: Context) -> None:
    settings.set_centre_settings(ctx, ADMIN, {"lockout_attempts": 2})
    accounts.add_user(ctx, ADMIN, "an", "Lê An", "officer", "dung-mat-khau")
    for _ in range(2):
        with pytest.raises(SignInFailed):
            accounts.sign_in(ctx, "an", "sai")
    with pytest.raises(SignInFailed, match="khóa"):
        accounts.sign_in(ctx, "an", "dung-mat-khau")
    accounts.set_password(ctx, ADMIN, "an", "mat-khau-moi")  # an admin reset unlocks
    assert accounts.sign_in(ctx, "an", "mat-khau-moi").login == "an"


def test_unknown_login_and_inactive_account(ctx: Context) -> None:
    view = accounts.add_user(ctx, ADMIN, "an", "Lê An", "officer", "12345678")
    with pytest.raises(SignInFailed):
        accounts.sign_in(ctx, "khong-co", "12345678")
    accounts.update_user(ctx, ADMIN, view.id, "Lê An", "officer", active=False)
    with pytest.raises(SignInFailed):
        accounts.sign_in(ctx, "an", "12345678")


def test_roles_are_enforced_in_services(ctx: Context) -> None:
    accounts.add_user(ctx, ADMIN, "canbo", "Cán Bộ", "officer", "12345678")
    accounts.add_user(ctx, ADMIN, "giamsat", "Giám Sát", "supervisor", "12345678")
    officer = accounts.sign_in(ctx, "canbo", "12345678")
    supervisor = accounts.sign_in(ctx, "giamsat", "12345678")
    with pytest.raises(PermissionDenied, match="cần quyền giám sát"):
        accounts.list_users(ctx, officer)  # supervisor-only
    assert len(accounts.list_users(ctx, supervisor)) == 2
    with pytest.raises(PermissionDenied):
        accounts.add_user(ctx, supervisor, "x1", "X Một", "admin", "12345678")
    with pytest.raises(PermissionDenied):
        catalog.save_agency(ctx, officer, None, "SYT", "Sở Y tế", "000.00.15.H33")
    with pytest.raises(PermissionDenied):
        accounts.set_password(ctx, officer, "giamsat", "hacked-123")
    accounts.set_password(ctx, officer, "canbo", "mat-khau-cua-toi")  # one's own password is fine
    assert accounts.sign_in(ctx, "canbo", "mat-khau-cua-toi").login == "canbo"
