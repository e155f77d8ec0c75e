"""Accounts: argon2 hashes, sign-in with lockout, roles enforced in the services."""

from __future__ import annotations

import multiprocessing as mp
from datetime import datetime, timedelta, timezone
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.domain.accounts import Role
from app.domain.errors import FormErrors, PermissionDenied, ValidationError
from app.services import accounts, catalog, settings
from app.services.accounts import SignInFailed
from app.services.context import Actor, Context
from app.store.engine import Store
from app.store.models import Officer


def test_password_is_stored_as_argon2_hash(ctx: Context) -> None:
    accounts.add_user(ctx, Actor.maintenance(ctx), "Lan.Nguyen", "Nguyễn  Thị Lan ", "officer", "mat-khau-1")
    with ctx.store.read() as s:
        officer = s.scalar(select(Officer))
        password_hash = s.scalar(select(Officer.password_hash))
    assert officer.login == "lan.nguyen" and officer.full_name == "Nguyễn Thị Lan"
    assert password_hash.startswith("$argon2id$")
    assert "mat-khau-1" not in password_hash
    actor = accounts.sign_in(ctx, "lan.nguyen", "mat-khau-1")
    assert actor.role is Role.OFFICER and actor.full_name == "Nguyễn Thị Lan"


def test_bad_account_fields_are_all_reported(ctx: Context) -> None:
    with pytest.raises(FormErrors) as info:
        accounts.add_user(ctx, Actor.maintenance(ctx), "Tên có dấu", "", "boss", "12345678")
    assert set(info.value.by_field()) == {"login", "full_name", "role"}
    with pytest.raises(ValidationError, match="ít nhất 8"):
        accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "short")
    with ctx.store.read() as s:
        assert s.scalar(select(Officer)) is None


def test_duplicate_login_is_refused(ctx: Context) -> None:
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "12345678")
    with pytest.raises(FormErrors) as info:
        accounts.add_user(ctx, Actor.maintenance(ctx), "AN", "Lê Bình An", "officer", "12345678")
    assert "đã có" in info.value.by_field()["login"]


def test_lockout_after_repeated_failures(ctx: Context) -> None:
    clock = [datetime(2026, 11, 28, 1, 0, tzinfo=timezone.utc)]
    ctx.clock = lambda: clock[0]
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "dung-mat-khau")
    for _ in range(4):
        with pytest.raises(SignInFailed, match="Sai tên đăng nhập"):
            accounts.sign_in(ctx, "an", "sai")
    assert accounts.sign_in(ctx, "an", "dung-mat-khau").login == "an"  # success resets the count
    for _ in range(5):
        with pytest.raises(SignInFailed):
            accounts.sign_in(ctx, "an", "sai")
    with pytest.raises(SignInFailed, match="khóa"):
        accounts.sign_in(ctx, "an", "dung-mat-khau")  # even the right password is refused while locked
    assert [u.locked for u in accounts.list_users(ctx, Actor.maintenance(ctx))] == [True]
    clock[0] += timedelta(minutes=16)
    assert accounts.sign_in(ctx, "an", "dung-mat-khau").login == "an"


def test_lockout_follows_centre_settings(ctx: Context) -> None:
    settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"lockout_attempts": 2})
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "dung-mat-khau")
    for _ in range(2):
        with pytest.raises(SignInFailed):
            accounts.sign_in(ctx, "an", "sai")
    with pytest.raises(SignInFailed, match="khóa"):
        accounts.sign_in(ctx, "an", "dung-mat-khau")
    accounts.set_password(ctx, Actor.maintenance(ctx), "an", "mat-khau-moi")  # an admin reset unlocks
    assert accounts.sign_in(ctx, "an", "mat-khau-moi").login == "an"


def test_unknown_login_and_inactive_account(ctx: Context) -> None:
    view = accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "12345678")
    with pytest.raises(SignInFailed):
        accounts.sign_in(ctx, "khong-co", "12345678")
    accounts.update_user(ctx, Actor.maintenance(ctx), view.id, "Lê An", "officer", active=False)
    with pytest.raises(SignInFailed):
        accounts.sign_in(ctx, "an", "12345678")


class CountingHasher(PasswordHasher):
    """argon2's own hasher, noting the hash each verification was made against."""

    def __init__(self) -> None:
        super().__init__()
        self.verified: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:  # noqa: A002 (argon2's name)
        self.verified.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


def _hash_of(ctx: Context, login: str) -> str:
    with ctx.store.read() as s:
        return str(s.scalar(select(Officer.password_hash).where(Officer.login == login)))


def test_unknown_inactive_and_locked_cost_a_hash_check_and_read_the_same(ctx: Context) -> None:
    settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"lockout_attempts": 2})
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "dung-mat-khau")
    view = accounts.add_user(ctx, Actor.maintenance(ctx), "binh", "Trần Bình", "officer", "dung-mat-khau")
    accounts.update_user(ctx, Actor.maintenance(ctx), view.id, "Trần Bình", "officer", active=False)
    real = _hash_of(ctx, "an")
    messages = {}
    for case, login, password in [("wrong", "an", "sai-mat-khau"), ("locking", "an", "sai-mat-khau"),
                                  ("locked", "an", "dung-mat-khau"), ("unknown", "khong-co", "dung-mat-khau"),
                                  ("inactive", "binh", "dung-mat-khau")]:
        hasher = CountingHasher()
        with pytest.raises(SignInFailed) as refused:
            accounts.sign_in(ctx, login, password, hasher=hasher)
        messages[case] = str(refused.value)
        assert len(hasher.verified) == 1, f"{case}: exactly one argon2 verification"
        checked = hasher.verified[0]
        if case in ("wrong", "locking"):
            assert checked == real
        else:  # a dummy hash, never an account's, made with the very parameters of the real ones
            assert checked not in (real, _hash_of(ctx, "binh"))
            assert checked.rsplit("$", 2)[0] == real.rsplit("$", 2)[0], "same argon2 variant, version, m, t, p"
    assert len(set(messages.values())) == 1, messages  # nothing tells a locked or unknown login apart
    assert "tạm khóa" in messages["unknown"] and "15 phút" in messages["unknown"]
    assert "đặt lại mật khẩu" in messages["unknown"]


def _guess(url: str, login: str, guesses: int, start: "mp.synchronize.Barrier", out: "mp.Queue[tuple]") -> None:
    """A process guessing passwords in a loop: (guesses refused, checked against the account's hash, verifies)."""
    ctx = Context(Store(url))
    real = _hash_of(ctx, login)
    hasher = CountingHasher()
    refused = 0
    start.wait(timeout=60)
    for i in range(guesses):
        try:
            accounts.sign_in(ctx, login, f"doan-sai-{i}", hasher=hasher)
        except SignInFailed:
            refused += 1
    ctx.store.dispose()
    out.put((refused, sum(h == real for h in hasher.verified), len(hasher.verified)))


def _parallel_guesses(url: str, workers: int, each: int) -> list[tuple[int, int, int]]:
    spawn = mp.get_context("spawn")
    out: "mp.Queue[tuple[int, int, int]]" = spawn.Queue()
    start = spawn.Barrier(workers)
    procs = [spawn.Process(target=_guess, args=(url, "an", each, start, out)) for _ in range(workers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def test_parallel_wrong_guesses_stop_at_exactly_the_lockout_count(store_url: str) -> None:
    ctx = Context(Store(store_url))
    settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"lockout_attempts": 5})
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "dung-mat-khau")
    results = _parallel_guesses(store_url, workers=8, each=4)
    assert sum(r[0] for r in results) == 32  # every guess refused
    assert sum(r[1] for r in results) == 5, results  # exactly 5 ever reached the account's hash
    assert sum(r[2] for r in results) == 32  # and every one of the 32 cost an argon2 verification
    assert [u.locked for u in accounts.list_users(ctx, Actor.maintenance(ctx))] == [True]
    with pytest.raises(SignInFailed):
        accounts.sign_in(ctx, "an", "dung-mat-khau")  # the lock holds, even for the right password
    ctx.store.dispose()


def test_parallel_wrong_guesses_are_each_counted(store_url: str) -> None:
    ctx = Context(Store(store_url))
    settings.set_centre_settings(ctx, Actor.maintenance(ctx), {"lockout_attempts": 100})
    accounts.add_user(ctx, Actor.maintenance(ctx), "an", "Lê An", "officer", "dung-mat-khau")
    results = _parallel_guesses(store_url, workers=8, each=3)
    assert sum(r[1] for r in results) == 24  # below the limit: all checked
    with ctx.store.read() as s:
        assert s.scalar(select(Officer.failed_attempts)) == 24, "no lost update: 24 parallel guesses count 24"
    assert accounts.sign_in(ctx, "an", "dung-mat-khau").login == "an"  # then the right password clears it
    with ctx.store.read() as s:
        assert s.scalar(select(Officer.failed_attempts)) == 0
    ctx.store.dispose()


def test_roles_are_enforced_in_services(ctx: Context) -> None:
    accounts.add_user(ctx, Actor.maintenance(ctx), "canbo", "Cán Bộ", "officer", "12345678")
    accounts.add_user(ctx, Actor.maintenance(ctx), "giamsat", "Giám Sát", "supervisor", "12345678")
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
