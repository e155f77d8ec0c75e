"""The station roles of `motcua db roles` on a real PostgreSQL: each connects as its own login role and can do its
station's work and nothing more (app/store/roles.py, docs/security.md).

Roles are cluster-wide and other people's tests run beside these, so every test makes its roles under a prefix
of its own and drops them at the end."""

from __future__ import annotations

import ast
import uuid
from datetime import date
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.domain.dossier import IntakeDraft
from app.domain.errors import PermissionDenied
from app.services import (accounts, daily_review, dossier_csv, dossier_forms, dossiers, hall, lifecycle, queue,
                          ratings, settings, ticket_printing, workdays)
from app.services.accounts import SignInFailed
from app.services.context import Actor, Context
from app.store import roles
from app.store.engine import Store
from tests.services.test_dossier_csv import ROW, write

ROOT = Path(__file__).resolve().parents[2]
PROCEDURE = "DEMO.SXD.004"

pytestmark = pytest.mark.usefixtures("postgres_available")


def _draft() -> IntakeDraft:
    return IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                       address="Số 12, phường Tân Phong, Lai Châu", birth_year=1985, sex="female")


@pytest.fixture()
def owner(store_factories) -> Iterator[Context]:  # type: ignore[no-untyped-def]
    """The demo centre on PostgreSQL over the owner's connection."""
    store = Store(store_factories["postgresql"].url("demo"))
    yield Context(store)
    store.dispose()


@pytest.fixture()
def as_role(owner: Context) -> Iterator[Callable[[str], Context]]:
    """`as_role("counter")`: a context connected as that station's login role (made under a unique prefix)."""
    prefix = f"t{uuid.uuid4().hex[:10]}_"
    roles.apply_roles(owner.store, prefix)
    opened: list[Store] = []

    def connect(kind: str) -> Context:
        url = make_url(owner.store.url).set(username=roles.role_name(kind, prefix), password=None)
        store = Store(url.render_as_string(hide_password=False))
        opened.append(store)
        return Context(store)

    yield connect
    for store in opened:
        store.dispose()
    roles.drop_roles(owner.store, prefix)


def _refused(ctx: Context, sql: str) -> None:
    with pytest.raises(PermissionDenied, match="Vai trò cơ sở dữ liệu của máy trạm"):
        with ctx.store.write() as s:
            s.execute(text(sql))


def test_the_counter_role_works_the_queue_and_dossiers_but_never_writes_officers_or_rewrites_history(
        owner: Context, as_role: Callable[[str], Context], tmp_path: Path) -> None:
    counter = as_role("counter")
    assert not roles.is_maintenance(counter.store) and roles.is_maintenance(owner.store)
    officer = accounts.sign_in(counter, "canbo01", "canbo123")  # through the SECURITY DEFINER functions
    queue.issue_ticket(counter, "DD")
    called = queue.call_next(counter, officer, 1)
    assert called is not None
    queue.start_serving(counter, officer, 1)
    queue.finish(counter, officer, 1)
    assert ratings.record_vote(counter, 1, "1").kind == "vote"  # the counter's own keypad
    pid = dossiers.procedure_id_by_code(counter, PROCEDURE)
    code = dossiers.receive_dossier(counter, officer, pid, _draft()).code
    lifecycle.apply_action(counter, officer, code, "hand_over", unit="Sở Xây dựng")
    lifecycle.apply_action(counter, officer, code, "await_payment")
    lifecycle.record_payment(counter, officer, code, 10000, "cash", "BL-0001234")
    queue.issue_ticket(counter, "DD")
    moved = queue.transfer(counter, officer, queue.issue_ticket(counter, "DD").display_number, "TP")
    queue.cancel(counter, officer, moved.display_number, "Công dân ra về")
    dossier_forms.issue_not_received_form(counter, officer, "03", pid, ("Lê Văn Nam", "Lai Châu", ""),
                                          ["Không thuộc thẩm quyền"], "", tmp_path / "03.pdf")

    _refused(counter, "UPDATE officers SET role = 'admin' WHERE login = 'canbo01'")
    _refused(counter, "INSERT INTO officers (login, full_name, role, password_hash, failed_attempts, active, "
                      "created_at) VALUES ('x', 'X', 'admin', 'x', 0, true, now())")
    _refused(counter, "SELECT password_hash FROM officers")
    _refused(counter, "SELECT motcua_officer_set_password('quantri', 'x', now())")
    for table in ("ticket_events", "dossier_events", "ratings", "payments", "device_events"):
        _refused(counter, f"UPDATE {table} SET id = id")
        _refused(counter, f"DELETE FROM {table}")
    _refused(counter, "UPDATE procedures SET fee_vnd = 0")
    _refused(counter, "INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', now())")
    with pytest.raises(PermissionDenied):  # no maintenance account over a station's role
        Actor.maintenance(counter)
    with pytest.raises(PermissionDenied):
        accounts.maintenance_acting_as(counter, "quantri")


def test_the_kiosk_role_issues_tickets_but_cannot_receive_a_dossier(owner: Context,
                                                                    as_role: Callable[[str], Context]) -> None:
    kiosk = as_role("kiosk")
    first, second = queue.issue_ticket(kiosk, "DD"), queue.issue_ticket(kiosk, "DD")
    assert second.number == first.number + 1
    ticket_printing.record_outcome(kiosk, first.id, False, "hết giấy")  # its printer's outcome, on the ticket
    _refused(kiosk, "UPDATE tickets SET status = 'cancelled'")  # but nothing else of a ticket
    with pytest.raises(PermissionDenied):  # no sign-in at a kiosk
        accounts.sign_in(kiosk, "canbo01", "canbo123")
    officer = accounts.sign_in(owner, "canbo01", "canbo123")
    pid = dossiers.procedure_id_by_code(kiosk, PROCEDURE)
    with pytest.raises(PermissionDenied):
        dossiers.receive_dossier(kiosk, officer, pid, _draft())
    _refused(kiosk, "SELECT id_number FROM dossiers")
    with owner.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM dossiers")).scalar_one() == 0


def test_the_rating_role_stores_the_citizens_vote_and_nothing_else(owner: Context,
                                                                   as_role: Callable[[str], Context]) -> None:
    officer = accounts.sign_in(owner, "canbo01", "canbo123")
    queue.issue_ticket(owner, "DD")
    queue.call_next(owner, officer, 1)
    queue.finish(owner, officer, 1)
    rating = as_role("rating")
    assert ratings.record_vote(rating, 1, "9").kind == "stray"  # a stray press is logged
    vote = ratings.record_vote(rating, 1, "1")
    assert vote.kind == "vote" and vote.level == 1
    _refused(rating, "UPDATE ratings SET level = 3")
    _refused(rating, "SELECT applicant_name FROM dossiers")
    _refused(rating, "UPDATE tickets SET status = 'waiting'")
    with pytest.raises(PermissionDenied):  # no sign-in on the citizen's screen
        accounts.sign_in(rating, "canbo01", "canbo123")


def test_display_and_supervisor_roles_only_read(owner: Context, as_role: Callable[[str], Context]) -> None:
    queue.issue_ticket(owner, "DD")
    display, supervisor = as_role("display"), as_role("supervisor")
    assert queue.queue_status(display)
    _refused(display, "SELECT applicant_name FROM dossiers")
    _refused(display, "SELECT full_name FROM officers")
    with pytest.raises(PermissionDenied):
        queue.issue_ticket(display, "DD")
    boss = accounts.sign_in(supervisor, "giamsat", "giamsat123")
    assert daily_review.daily_review(supervisor, boss, owner.now().date()).total.count >= 0
    with pytest.raises(PermissionDenied):
        queue.issue_ticket(supervisor, "DD")
    _refused(supervisor, "UPDATE dossiers SET status = 'resolved'")


def test_the_admin_role_edits_accounts_only_through_the_functions(owner: Context, as_role: Callable[[str], Context],
                                                                  tmp_path: Path) -> None:
    admin_ctx = as_role("admin")
    admin = accounts.sign_in(admin_ctx, "quantri", "quantri123")
    view = accounts.add_user(admin_ctx, admin, "lan", "Nguyễn Thị Lan", "officer", "mat-khau-lan")
    accounts.update_user(admin_ctx, admin, view.id, "Nguyễn Thị Lan", "supervisor", True)
    accounts.set_password(admin_ctx, admin, "lan", "mat-khau-moi")
    assert accounts.sign_in(admin_ctx, "lan", "mat-khau-moi").role.value == "supervisor"
    workdays.save_override(admin_ctx, admin, date(2026, 12, 31), "off", "Nghỉ bù")  # the calendar
    settings.set_centre_settings(admin_ctx, admin, {"centre_name": "TTPVHCC Lai Châu"})
    services = [s.id for s in hall.list_services(admin_ctx)]
    hall.save_counter(admin_ctx, admin, None, 77, "Quầy 77", services[:2])  # the hall
    rows = [ROW | {"code": "", "received_at": "2023-10-27T10:00:00+07:00"}]
    assert dossier_csv.import_file(admin_ctx, admin, write(tmp_path / "hs.csv", rows)).imported == 1
    _refused(admin_ctx, "UPDATE officers SET role = 'admin'")
    _refused(admin_ctx, "DELETE FROM ticket_events")
    prefix = (make_url(admin_ctx.store.url).username or "")[: -len("admin")]
    assert roles.apply_roles(owner.store, prefix) == [roles.role_name(k, prefix) for k in roles.STATION_KINDS]
    assert accounts.sign_in(admin_ctx, "lan", "mat-khau-moi").login == "lan"  # run again: the same rights


def test_the_first_account_is_made_over_the_owner_connection_only(store_factories) -> None:  # type: ignore[no-untyped-def]
    store = Store(store_factories["postgresql"].url("migrated"))
    prefix = f"t{uuid.uuid4().hex[:10]}_"
    roles.apply_roles(store, prefix)
    url = make_url(store.url).set(username=roles.role_name("admin", prefix)).render_as_string(hide_password=False)
    station = Store(url)
    try:
        owner, admin_station = Context(store), Context(station)
        with pytest.raises(PermissionDenied):
            Actor.maintenance(admin_station)
        first = accounts.add_user(owner, Actor.maintenance(owner), "quantri", "Quản Trị", "admin", "quantri123")
        assert first.login == "quantri"
    finally:
        station.dispose()
        roles.drop_roles(store, prefix)
        store.dispose()


def test_a_deactivated_officer_is_stopped_at_the_next_action(owner: Context,
                                                             as_role: Callable[[str], Context]) -> None:
    counter = as_role("counter")
    officer = accounts.sign_in(counter, "canbo01", "canbo123")
    queue.issue_ticket(counter, "DD")
    queue.issue_ticket(counter, "DD")
    assert queue.call_next(counter, officer, 1) is not None
    admin = accounts.sign_in(owner, "quantri", "quantri123")
    me = next(u for u in accounts.list_users(owner, admin) if u.login == "canbo01")
    accounts.update_user(owner, admin, me.id, me.full_name, me.role, active=False)
    with pytest.raises(SignInFailed, match="ngừng hoạt động"):
        queue.skip(counter, officer, 1)


def test_the_grant_table_covers_every_table_and_history_is_never_updatable() -> None:
    from app.store.models import Base

    assert set(roles.EVERY_TABLE) == set(Base.metadata.tables) | {"alembic_version"}
    for kind, grants in roles.GRANTS.items():
        for table in roles.APPEND_ONLY:
            assert not {"UPDATE", "DELETE"} & set(grants.get(table, ())), (kind, table)
        assert "officers" not in grants or grants["officers"] == ("SELECT",), kind


def test_only_the_sign_in_path_makes_an_actor() -> None:
    """`signed_in_actor` (and the Actor constructor) are called by app/services/accounts.py and context.py only."""
    callers = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("signed_in_actor", "Actor"):
                    callers.add(path.relative_to(ROOT).as_posix())
    assert callers == {"app/services/accounts.py", "app/services/context.py"}


def test_the_table_in_docs_is_the_grant_table() -> None:
    def short(privilege: str) -> str:
        for word in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            privilege = privilege.replace(word, word[0])
        return privilege

    lines = ["| table | " + " | ".join(roles.STATION_KINDS) + " |", "|---|" + "---|" * len(roles.STATION_KINDS)]
    for table in roles.EVERY_TABLE:
        cells = [", ".join(short(p) for p in roles.GRANTS[kind].get(table, ())) or "—"
                 for kind in roles.STATION_KINDS]
        lines.append(f"| `{table}` | " + " | ".join(cells) + " |")
    doc = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    block = doc.split("<!-- grants-table:", 1)[1].split("<!-- /grants-table -->", 1)[0]
    assert block.strip().splitlines()[1:] == lines
