"""Receiving dossiers on both backends: codes, register lines, due dates, events, tickets, nothing saved half."""

from __future__ import annotations

import multiprocessing as mp
import uuid
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.domain.dossier import DocumentReceived, IntakeDraft
from app.domain.errors import Conflict, FormErrors, NotFound
from app.services import accounts, dossiers, queue
from app.services.context import Actor, Context
from app.store.engine import Store
from app.store.models import Dossier, DossierDocument, DossierEvent
from app.store.sequences import peek

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FRIDAY_0932 = datetime(2023, 10, 27, 9, 32, tzinfo=VN)
SXD = "000.00.02.H33"  # Sở Xây dựng in the demo catalogue


def frozen_clock() -> datetime:
    """Friday 27/10/2023 09:32 local (module level, so spawned processes can use it)."""
    return FRIDAY_0932.astimezone(timezone.utc)


def _draft(**changes: object) -> IntakeDraft:
    draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912 345 678",
                        address="Số 12, phường Tân Phong, Lai Châu", birth_year=1985, sex="female")
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


@pytest.fixture()
def frozen(demo_ctx: Context) -> Context:
    """The demo centre with the clock stopped on Friday 27/10/2023 09:32."""
    demo_ctx.clock = frozen_clock
    return demo_ctx


def _receive(ctx: Context, procedure_code: str = "DEMO.SXD.004", **kwargs: object) -> dossiers.DossierView:
    pid = dossiers.procedure_id_by_code(ctx, procedure_code)
    return dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft(), **kwargs)  # type: ignore[arg-type]


def test_receive_stores_code_due_date_documents_and_event(frozen: Context) -> None:
    officer = accounts.maintenance_acting_as(frozen, "canbo01")
    pid = dossiers.procedure_id_by_code(frozen, "DEMO.SXD.004")  # 5 working days
    view = dossiers.receive_dossier(frozen, officer, pid, _draft(email="tuyet@example.vn"))
    assert view.code == f"{SXD}-231027-0001"
    assert view.due_at == datetime(2023, 11, 3, 17, 0, tzinfo=VN)  # Mon..Fri after the day of receipt
    assert view.original_due_at == view.due_at and view.received_at == FRIDAY_0932
    assert (view.status, view.status_label, view.rule_set) == ("received", "Đã tiếp nhận", "ND118-2025")
    assert view.register_line == 1 and view.fee_vnd == 10000 and view.agency_name == "Sở Xây dựng"
    assert view.phone == "0912345678" and view.received_by_name == "Lò Văn Minh"
    assert [d.name for d in view.documents] == ["Đơn đề nghị gia hạn giấy phép xây dựng",
                                                "Bản chính giấy phép xây dựng đã được cấp"]
    assert [(e.kind, e.to_status, e.officer_name) for e in view.events] == [("received", "received", "Lò Văn Minh")]
    assert dossiers.get_dossier(frozen, view.code) == view == dossiers.get_dossier(frozen, str(view.id))


def test_codes_are_consecutive_per_agency_and_day_and_lines_per_year(frozen: Context) -> None:
    codes = [_receive(frozen).code for _ in range(3)]
    assert codes == [f"{SXD}-231027-{n:04d}" for n in (1, 2, 3)]
    other = _receive(frozen, "DEMO.STP.012")
    assert other.code == "000.00.04.H33-231027-0001" and other.register_line == 4
    frozen.clock = lambda: datetime(2023, 10, 30, 1, 0, tzinfo=timezone.utc)  # Monday: a new day's numbers
    monday = _receive(frozen)
    assert monday.code == f"{SXD}-231030-0001" and monday.register_line == 5


def test_after_closing_the_clock_starts_next_working_morning(frozen: Context) -> None:
    frozen.clock = lambda: datetime(2023, 10, 27, 17, 30, tzinfo=VN).astimezone(timezone.utc)
    view = _receive(frozen)
    assert view.code == f"{SXD}-231027-0001"  # the code keeps the real day of receipt
    assert view.due_at == datetime(2023, 11, 6, 17, 0, tzinfo=VN)


def test_documents_typed_by_the_officer_are_kept(frozen: Context) -> None:
    pid = dossiers.procedure_id_by_code(frozen, "DEMO.SXD.004")
    docs = [DocumentReceived("Đơn đề nghị", 1, 0, 0), DocumentReceived("Giấy phép xây dựng", 0, 1, 2)]
    view = dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft(documents=docs, sets=2))
    assert [(d.name, d.originals, d.certified_copies, d.photocopies) for d in view.documents] == [
        ("Đơn đề nghị", 1, 0, 0), ("Giấy phép xây dựng", 0, 1, 2)]
    assert view.sets == 2


def test_ticket_is_linked(frozen: Context) -> None:
    ticket = queue.issue_ticket(frozen, "DD")
    tid = dossiers.ticket_id_by_number(frozen, ticket.display_number)
    view = _receive(frozen, ticket_id=tid)
    assert view.ticket_id == ticket.id and view.ticket_number == ticket.display_number
    with pytest.raises(NotFound):
        dossiers.ticket_id_by_number(frozen, "9999")


def test_bad_input_saves_nothing_and_takes_no_number(frozen: Context) -> None:
    pid = dossiers.procedure_id_by_code(frozen, "DEMO.SXD.004")
    with pytest.raises(FormErrors) as info:
        dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft(phone="123", address="", sets=0))
    assert set(info.value.by_field()) == {"phone", "address", "sets"}
    with pytest.raises(NotFound):
        dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft(), ticket_id=uuid.uuid4())
    with frozen.store.read() as s:
        for model in (Dossier, DossierDocument, DossierEvent):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        assert peek(s, "register", "centre", date(2023, 1, 1)) == 0
    assert _receive(frozen).code.endswith("-0001")


def test_on_the_spot_is_received_resolved_and_returned_at_once(frozen: Context) -> None:
    view = _receive(frozen, "DEMO.SLDTBXH.002", resolve_on_the_spot=True)
    assert view.status == "returned" and view.resolved_at == view.returned_at == FRIDAY_0932
    assert [e.kind for e in view.events] == ["received", "resolved", "returned"]
    assert view.due_at == datetime(2023, 10, 27, 17, 0, tzinfo=VN)  # same day
    with pytest.raises(FormErrors) as info:
        _receive(frozen, "DEMO.SXD.004", resolve_on_the_spot=True)
    assert "on_the_spot" in info.value.by_field()


def test_unknown_things_are_not_found(frozen: Context) -> None:
    with pytest.raises(NotFound, match="Không có thủ tục mã"):
        dossiers.procedure_id_by_code(frozen, "KHONG.CO")
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ"):
        dossiers.get_dossier(frozen, f"{SXD}-231027-0001")
    with pytest.raises(NotFound):
        dossiers.get_dossier(frozen, "rác")


def _receive_many(url: str, count: int, out: "mp.Queue[list[tuple[str, int]]]") -> None:
    store = Store(url)
    ctx = Context(store, clock=frozen_clock)
    pid = dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")
    taken = []
    for _ in range(count):
        view = dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft())
        taken.append((view.code, view.register_line or 0))
    store.dispose()
    out.put(taken)


def test_processes_receiving_at_once_get_unique_consecutive_codes(demo_url: str) -> None:
    spawn = mp.get_context("spawn")
    results: "mp.Queue[list[tuple[str, int]]]" = spawn.Queue()
    workers, each = 4, 15
    procs = [spawn.Process(target=_receive_many, args=(demo_url, each, results)) for _ in range(workers)]
    for p in procs:
        p.start()
    taken = [pair for _ in procs for pair in results.get(timeout=180)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sorted(code for code, _ in taken) == [f"{SXD}-231027-{n:04d}" for n in range(1, workers * each + 1)]
    assert sorted(line for _, line in taken) == list(range(1, workers * each + 1))


def test_owner_of_the_dossier_is_stored_checked_and_printed(frozen: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Filed for someone else: the owner's name and CCCD are their own fields (not a note), checked like the
    applicant's, shown by the view and printed on Mẫu 01."""
    import subprocess

    from app.services import dossier_forms

    pid = dossiers.procedure_id_by_code(frozen, "DEMO.SXD.004")
    with pytest.raises(FormErrors) as info:
        dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft(owner_name="", owner_id_number="001185012346"))
    assert set(info.value.by_field()) == {"owner_name"}
    with pytest.raises(FormErrors) as info:
        dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft(owner_name="Lò Thị Mai", owner_id_number="12345"))
    assert set(info.value.by_field()) == {"owner_id_number"}
    view = dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid,
                                    _draft(owner_name="  Lò   Thị Mai ", owner_id_number="012 190 012 345"))
    assert (view.owner_name, view.owner_id_number) == ("Lò Thị Mai", "012190012345")
    assert view.code.endswith("-0001")  # the refused drafts took no number
    out = dossier_forms.render_receipt(frozen, view.code, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Chủ hồ sơ: Lò Thị Mai — CCCD 012190012345" in " ".join(text.split())
    plain = dossiers.receive_dossier(frozen, Actor.maintenance(frozen), pid, _draft())
    assert plain.owner_name is None


def test_form_02_and_03_for_a_dossier_not_received_are_recorded_on_the_ticket(frozen: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from app.services import dossier_forms

    officer = accounts.maintenance_acting_as(frozen, "canbo01")
    ticket = queue.issue_ticket(frozen, "DD")
    tid = dossiers.ticket_id_by_number(frozen, ticket.display_number)
    pid = dossiers.procedure_id_by_code(frozen, "DEMO.SXD.004")
    applicant = ("Nguyễn Thị Ánh Tuyết", "Số 12, phường Tân Phong", "0912345678")
    with pytest.raises(FormErrors) as info:  # nothing to ask for, no reason: refused, nothing written or recorded
        dossier_forms.issue_not_received_form(frozen, officer, "02", pid, applicant, [" "], "", tmp_path / "a.pdf",
                                              tid)
    assert set(info.value.by_field()) == {"items", "reason"}
    assert not (tmp_path / "a.pdf").exists() and list(tmp_path.iterdir()) == []
    assert dossier_forms.forms_of_ticket(frozen, tid) == []
    out02 = dossier_forms.issue_not_received_form(
        frozen, officer, "02", pid, applicant, ["Bản chính giấy phép xây dựng đã được cấp"],
        "Thiếu bản chính giấy phép", tmp_path / "mau02.pdf", tid)
    out03 = dossier_forms.issue_not_received_form(
        frozen, officer, "03", pid, applicant, ["Không thuộc thẩm quyền của Sở Xây dựng", "Hồ sơ giả mạo"], "",
        tmp_path / "mau03.pdf", tid)
    issued = dossier_forms.forms_of_ticket(frozen, tid)
    assert [(f.number, f.officer_name, f.procedure_code, f.applicant_name) for f in issued] == [
        ("02", "Lò Văn Minh", "DEMO.SXD.004", "Nguyễn Thị Ánh Tuyết"),
        ("03", "Lò Văn Minh", "DEMO.SXD.004", "Nguyễn Thị Ánh Tuyết")]
    assert issued[0].items == ("Bản chính giấy phép xây dựng đã được cấp",)
    assert issued[0].reason == "Thiếu bản chính giấy phép" and issued[1].items[1] == "Hồ sơ giả mạo"
    assert (issued[0].file, issued[1].file) == ("mau02.pdf", "mau03.pdf")
    for out, words in ((out02, ("Bản chính giấy phép xây dựng đã được cấp", "Thiếu bản chính giấy phép")),
                       (out03, ("Không thuộc thẩm quyền của Sở Xây dựng", "Hồ sơ giả mạo"))):
        text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "Nguyễn Thị Ánh Tuyết" in text and "Chưa cấp" in text and all(w in text for w in words), text
    with frozen.store.read() as s:  # no dossier was received
        assert s.scalar(select(func.count()).select_from(Dossier)) == 0


# --- idempotent reception (a client-made request id) -------------------------------------------------------------

def _count(ctx: Context) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)


def test_the_same_request_id_twice_gives_one_dossier(frozen: Context) -> None:
    request = uuid.uuid4()
    first = _receive(frozen, request_id=request)
    again = _receive(frozen, request_id=request)  # the retry after a lost commit reply
    assert (again.id, again.code, again.register_line) == (first.id, first.code, first.register_line) \
        == (request, f"{SXD}-231027-0001", 1)
    assert _count(frozen) == 1
    with frozen.store.read() as s:
        assert peek(s, "dossier", f"agency:{first.agency_id}", date(2023, 10, 27)) == 1  # no number burnt
        assert s.scalar(select(func.count()).select_from(DossierEvent)) == 1
    other = _receive(frozen, request_id=uuid.uuid4())  # another form: another dossier, the next code
    assert other.code == f"{SXD}-231027-0002" and _count(frozen) == 2
    with pytest.raises(Conflict, match="thủ tục khác"):
        _receive(frozen, "DEMO.STP.012", request_id=request)  # the id of another form's procedure
    assert _count(frozen) == 2


def _receive_requests(url: str, requests: list[str], start: "mp.synchronize.Barrier",
                      out: "mp.Queue[dict[str, str]]") -> None:
    ctx = Context(Store(url), clock=frozen_clock)
    pid = dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004")
    start.wait(timeout=60)
    codes = {r: dossiers.receive_dossier(ctx, Actor.maintenance(ctx), pid, _draft(), request_id=uuid.UUID(r)).code
             for r in requests}
    ctx.store.dispose()
    out.put(codes)


def test_processes_sending_the_same_requests_at_once_get_one_dossier_each(demo_url: str) -> None:
    spawn = mp.get_context("spawn")
    out: "mp.Queue[dict[str, str]]" = spawn.Queue()
    requests = [str(uuid.uuid4()) for _ in range(12)]
    workers = 4
    start = spawn.Barrier(workers)
    procs = [spawn.Process(target=_receive_requests, args=(demo_url, requests, start, out)) for _ in range(workers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert all(r == results[0] for r in results), "every process got the same code for the same request"
    assert sorted(results[0].values()) == [f"{SXD}-231027-{n:04d}" for n in range(1, 13)]  # no gap, none twice
    ctx = Context(Store(demo_url))
    with ctx.store.read() as s:
        rows = dict(s.execute(select(Dossier.id, Dossier.code)).all())
    assert {str(k): v for k, v in rows.items()} == results[0]
    ctx.store.dispose()
