"""The CLI over a station's database role (real PostgreSQL, whole processes): `db roles`, a signed-in officer
behind every change, the maintenance account's own commands refused; and the embedded store by its machine config.
Roles are cluster-wide: each test uses a prefix of its own and drops its roles at the end."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.cli import output
from app.store import roles
from app.store.engine import Store
from test_cli import assert_one_clear_line, motcua

CCCD = "001185012345"


@pytest.fixture()
def station(store_factories) -> Iterator[tuple[str, Callable[[str], str]]]:  # type: ignore[no-untyped-def]
    """(the owner's URL of a demo centre on PostgreSQL, kind → the URL of that station's role); roles made by
    `motcua db roles --prefix …` and dropped at the end."""
    from tests.conftest import require_pg

    require_pg()
    owner_url = store_factories["postgresql"].url("demo")
    prefix = f"t{uuid.uuid4().hex[:10]}_"
    made = motcua("--db", owner_url, "--json", "db", "roles", "--prefix", prefix, "--password-stdin",
                  stdin="counter=mat-khau-quay\nkiosk=mat-khau-kiosk\n")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["roles"] == [f"{prefix}{k}" for k in roles.STATION_KINDS]
    again = motcua("--db", owner_url, "db", "roles", "--prefix", prefix)  # idempotent
    assert again.returncode == 0, again.stderr

    def url(kind: str) -> str:
        return make_url(owner_url).set(username=f"{prefix}{kind}").render_as_string(hide_password=False)

    yield owner_url, url
    owner = Store(owner_url)
    roles.drop_roles(owner, prefix)
    owner.dispose()


def test_over_the_counter_role_a_change_needs_a_signed_in_officer(
        station: tuple[str, Callable[[str], str]]) -> None:
    owner_url, url = station
    counter, kiosk = url("counter"), url("kiosk")
    assert motcua("--db", kiosk, "ticket", "issue", "--service", "DD").returncode == 0  # a citizen's act: no one
    assert motcua("--db", kiosk, "ticket", "issue", "--service", "DD").returncode == 0
    assert_one_clear_line(motcua("--db", counter, "queue", "call", "--counter", "1"), 1, "--officer")
    assert_one_clear_line(motcua("--db", counter, "queue", "call", "--counter", "1", "--officer", "canbo01"),
                          1, "thiếu mật khẩu")
    assert_one_clear_line(motcua("--db", counter, "queue", "call", "--counter", "1", "--officer", "canbo01",
                                 stdin="sai-mat-khau\n"), 1, "Sai tên đăng nhập hoặc mật khẩu")
    called = motcua("--db", counter, "--json", "queue", "call", "--counter", "1", "--officer", "canbo01",
                    stdin="canbo123\n")
    assert called.returncode == 0, called.stderr
    assert json.loads(called.stdout)["ticket"]["display_number"] == "1001"

    # what only the maintenance account (the owner's connection) does, refused over a station's role
    for args in (["db", "upgrade"], ["db", "roles", "--prefix", "x_"], ["seed", "demo"],
                 ["user", "add", "ke-gian", "--name", "Kẻ Gian", "--role", "admin"]):
        assert_one_clear_line(motcua("--db", counter, *args, stdin="mat-khau-moi\n"), 1)
    assert_one_clear_line(motcua("--db", counter, "user", "add", "ke-gian", "--name", "Kẻ Gian", "--role", "admin",
                                 "--officer", "quantri", stdin="quantri123\nmat-khau-moi\n"), 1, "Vai trò")
    assert_one_clear_line(motcua("--db", kiosk, "dossier", "receive", "--procedure", "DEMO.SXD.004",
                                 "--name", "Nguyễn Thị Ánh Tuyết", "--id-number", CCCD, "--phone", "0912345678",
                                 "--address", "Lai Châu", "--officer", "canbo01", stdin="canbo123\n"), 1)

    # a deactivated officer is refused at the next command
    admin_ctx_url = url("admin")
    listed = motcua("--db", admin_ctx_url, "--json", "user", "list", "--officer", "quantri", stdin="quantri123\n")
    assert listed.returncode == 0, listed.stderr
    from app.services import accounts
    from app.services.context import Context

    owner = Store(owner_url)
    try:
        ctx = Context(owner)
        admin = accounts.sign_in(ctx, "quantri", "quantri123")
        me = next(u for u in accounts.list_users(ctx, admin) if u.login == "canbo01")
        accounts.update_user(ctx, admin, me.id, me.full_name, me.role, active=False)
    finally:
        owner.dispose()
    assert_one_clear_line(motcua("--db", counter, "queue", "finish", "--counter", "1", "--officer", "canbo01",
                                 stdin="canbo123\n"), 1, "Sai tên đăng nhập hoặc mật khẩu")


def test_the_embedded_store_follows_the_machine_config(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'motcua.sqlite3'}"
    assert motcua("--db", db, "db", "upgrade").returncode == 0
    assert motcua("--db", db, "seed", "demo").returncode == 0  # this PC is the admin station (the default)
    assert (tmp_path / "motcua.sqlite3").stat().st_mode & 0o777 == 0o600  # citizens' data: this OS user only
    counter_config = tmp_path / "counter.toml"
    counter_config.write_text('station = "counter"\ncounter_number = 1\n', encoding="utf-8")
    assert motcua("--db", db, "ticket", "issue", "--service", "DD").returncode == 0
    assert_one_clear_line(motcua("--config", str(counter_config), "--db", db, "queue", "call", "--counter", "1"),
                          1, "--officer")
    called = motcua("--config", str(counter_config), "--db", db, "queue", "call", "--counter", "1", "--officer",
                    "canbo01", stdin="canbo123\n")
    assert called.returncode == 0, called.stderr


def test_a_password_in_the_url_draws_a_warning(tmp_path: Path) -> None:
    url = "postgresql+psycopg://motcua_counter:bi-mat@127.0.0.1:1/khong_co"
    result = motcua("--db", url, "queue", "status")
    assert "cảnh báo: mật khẩu cơ sở dữ liệu nằm trong --db" in result.stderr and "keyring" in result.stderr
    from_env = motcua("queue", "status", env={"MOTCUA_DATABASE_URL": url})
    assert "nằm trong MOTCUA_DATABASE_URL" in from_env.stderr
    assert "bi-mat" not in result.stderr + from_env.stderr
    plain = motcua("--db", "postgresql+psycopg://motcua_counter@127.0.0.1:1/khong_co", "queue", "status")
    assert "cảnh báo" not in plain.stderr


def test_cli_errors_never_show_an_id_or_phone_number(capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy.exc import OperationalError

    def driver_failure() -> int:  # PostgreSQL quotes a bad value in its message's first line
        raise OperationalError("SELECT 1", {}, Exception(f'invalid input syntax for type integer: "{CCCD}"'))

    def refusal() -> int:
        raise output.CliError(f"Số CCCD {CCCD}, số điện thoại 0912 345 678")

    assert output.run_guarded(driver_failure) == output.EXIT_STORE
    assert output.run_guarded(refusal) == output.EXIT_INPUT
    err = capsys.readouterr().err
    assert CCCD not in err and "0912 345 678" not in err and err.count("0011******45") == 2


def test_a_login_session_signs_the_next_commands_until_logout_or_expiry(
        tmp_path: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    """`motcua login` keeps the sign-in in the OS keyring (here the tests' in-memory one, so in-process): the next
    commands need no --officer; each signs in anew, so a deactivated account stops it; logout and expiry end it."""
    import io
    import sys
    import time

    from app import config
    from app import main as app_main

    db = f"sqlite:///{tmp_path / 'motcua.sqlite3'}"
    counter_config = tmp_path / "counter.toml"
    counter_config.write_text('station = "counter"\ncounter_number = 1\n', encoding="utf-8")

    def run(*args: str, stdin: str = "") -> tuple[int, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = app_main.main(["--config", str(counter_config), "--db", db, *args])
        return code, capsys.readouterr().err

    assert app_main.main(["--db", db, "db", "upgrade"]) == 0 and app_main.main(["--db", db, "seed", "demo"]) == 0
    for _ in range(3):
        assert run("ticket", "issue", "--service", "DD")[0] == 0
    assert run("login", "canbo01", stdin="sai-mat-khau\n")[0] == 1  # checked at once: nothing kept
    assert run("queue", "call", "--counter", "1")[0] == 1
    assert run("login", "canbo01", "--minutes", "30", stdin="canbo123\n")[0] == 0
    assert "canbo123" not in str(memory_keyring.secrets.keys())  # the store's URL names the entry, not the secret
    assert run("queue", "call", "--counter", "1")[0] == 0  # the session signs it
    assert run("logout")[0] == 0
    code, err = run("queue", "skip", "--counter", "1")
    assert code == 1 and "motcua login" in err

    assert run("login", "canbo01", stdin="canbo123\n")[0] == 0
    store = next(iter(memory_keyring.secrets))[1]
    assert config.read_session(store, time.time() + 3601) is None  # past its hour: gone
    assert run("queue", "skip", "--counter", "1")[0] == 1

    assert run("login", "canbo01", stdin="canbo123\n")[0] == 0
    from app.services import accounts
    from app.services.context import Actor, Context
    from app.store.engine import Store

    owner = Store(db)
    ctx = Context(owner)
    me = next(u for u in accounts.list_users(ctx, Actor.maintenance(ctx)) if u.login == "canbo01")
    accounts.update_user(ctx, Actor.maintenance(ctx), me.id, me.full_name, me.role, active=False)
    owner.dispose()
    code, err = run("queue", "skip", "--counter", "1")
    assert code == 1 and "Sai tên đăng nhập hoặc mật khẩu" in err  # deactivated: the session stops
