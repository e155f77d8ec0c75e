"""`motcua dossier receive|show` and `motcua print receipt|form` on the demo centre (both backends).

The commands run through `app.main.main` in this process, with `cmd_dossier` added to the parser when
`app/cli/parser.py` does not register it yet; the whole-process test runs once it does.
"""

from __future__ import annotations

import io
import sys

import json
import re
import subprocess
from pathlib import Path

import pytest

from app import main as app_main
from app.cli import cmd_dossier
from app.cli.parser import build_parser
from tests.tooling import require_tool

SXD_CODE = re.compile(r"^000\.00\.02\.H33-\d{6}-(\d{4})$")
APPLICANT = ["--name", "Nguyễn Thị Ánh Tuyết", "--id-number", "001185012345", "--phone", "0912345678",
             "--address", "Tân Phong, Lai Châu", "--birth-year", "1985", "--sex", "female"]


def _registered(parser: object) -> bool:
    return "dossier" in parser._subparsers._group_actions[0].choices  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def with_dossier_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real parser, plus the dossier and print commands if the lead has not registered them yet."""
    def build():  # type: ignore[no-untyped-def]
        parser = build_parser()
        if not _registered(parser):
            cmd_dossier.register(parser._subparsers._group_actions[0])  # type: ignore[union-attr]
        return parser

    monkeypatch.setattr(app_main, "build_parser", build)


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """One command in this process; `stdin` is what it reads (the --officer's password on its first line)."""
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = app_main.main(list(args))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def test_receive_show_and_print(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004",
                         *APPLICANT, "--officer", "canbo01", "--receipt", str(tmp_path / "r0.pdf"),
                         stdin="canbo123\n")
    assert code == 0, err
    first = out.strip()
    assert SXD_CODE.match(first) and SXD_CODE.match(first).group(1) == "0001"  # type: ignore[union-attr]
    assert (tmp_path / "r0.pdf").stat().st_size > 1000
    code, out, err = run(capsys, "--db", demo_url, "--json", "dossier", "receive", "--procedure", "DEMO.SXD.004",
                         *APPLICANT, "--email", "tuyet@example.vn", "--sets", "2")
    data = json.loads(out)
    assert code == 0 and data["code"].endswith("-0002") and data["sets"] == 2 and data["register_line"] == 2
    assert data["events"][0]["kind"] == "received" and isinstance(data["id"], str)

    code, out, _ = run(capsys, "--db", demo_url, "dossier", "show", first)
    assert code == 0 and f"Hồ sơ {first} — Đã tiếp nhận" in out and "Lò Văn Minh" in out
    assert "Đơn đề nghị gia hạn giấy phép xây dựng" in out
    assert "phí, lệ phí: 10.000 đồng; chưa thu" in out  # the catalogue fee is owed, nobody paid it
    code, _, err = run(capsys, "--db", demo_url, "dossier", "paid", first, "--amount", "10000", "--receipt-no",
                       "BL-0001")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", demo_url, "dossier", "show", first)
    assert "phí, lệ phí: 10.000 đồng; đã thu 10.000 đồng" in out
    code, out, _ = run(capsys, "--db", demo_url, "--json", "dossier", "show", first)
    assert json.loads(out)["paid_vnd"] == 10_000

    code, out, err = run(capsys, "--db", demo_url, "dossier", "request-supplement", first, "--missing",
                         "Bản vẽ:sao:2;Đơn", "--reason", "Thiếu bản vẽ", "--out", str(tmp_path / "02.pdf"))
    assert code == 0, err
    assert (tmp_path / "02.pdf").read_bytes().startswith(b"%PDF")
    for args in (["print", "receipt", first], ["print", "form", "02", first]):
        pdf = tmp_path / f"{args[1]}{len(args)}.pdf"
        code, out, err = run(capsys, "--db", demo_url, *args, "--out", str(pdf))
        assert code == 0, err
        assert out.strip() == str(pdf) and pdf.read_bytes().startswith(b"%PDF")


def test_bad_input_is_one_clear_line_and_saves_nothing(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004",
                         "--name", "Lan", "--id-number", "001185012345", "--phone", "123", "--birth-year", "1990")
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.startswith("motcua: lỗi: ") and len(err.strip().splitlines()) == 1
    for label in ("Số CCCD", "Số điện thoại", "Địa chỉ"):  # each field by its Vietnamese name, never its key
        assert label in err
    for key in ("id_number", "phone", "address"):
        assert f"{key}:" not in err
    code, _, err = run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "KHONG.CO", *APPLICANT)
    assert code == 1 and "KHONG.CO" in err
    code, _, err = run(capsys, "--db", demo_url, "dossier", "show", "000.00.02.H33-231027-0001")
    assert code == 1 and "Không tìm thấy hồ sơ" in err
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "02", "000.00.02.H33-231027-0001",
                       "--out", "/tmp/never-written.pdf")
    assert code == 1 and "Không tìm thấy hồ sơ" in err


def test_form_02_needs_documents_and_reason(demo_url: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004", *APPLICANT)
    code, _, err = run(capsys, "--db", demo_url, "dossier", "request-supplement", out.strip(), "--missing", " ; ",
                       "--out", str(tmp_path / "a.pdf"))
    assert code == 1 and "Ghi ít nhất một giấy tờ" in err and "lý do" in err.lower()
    assert "missing:" not in err and "reason:" not in err and "items:" not in err  # fields named in Vietnamese
    assert not (tmp_path / "a.pdf").exists()
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "02", out.strip(), "--out", str(tmp_path / "b.pdf"))
    assert code == 1 and "chưa có yêu cầu bổ sung" in err and not (tmp_path / "b.pdf").exists()
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "02", out.strip(), "--missing", "Tờ khai",
                       "--reason", "Thiếu", "--out", str(tmp_path / "c.pdf"))
    assert code == 1 and "in lại đúng nội dung đã ghi nhận" in err and not (tmp_path / "c.pdf").exists()
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "03", out.strip(), "--out", str(tmp_path / "d.pdf"))
    assert code == 1 and "Mẫu 03 chỉ dành cho hồ sơ bị từ chối tiếp nhận" in err and not (tmp_path / "d.pdf").exists()


def test_whole_process_once_registered(demo_url: str, tmp_path: Path) -> None:
    if not _registered(build_parser()):
        pytest.skip("cmd_dossier is not registered in app/cli/parser.py yet")
    from test_cli import motcua

    result = motcua("--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004", *APPLICANT)
    assert result.returncode == 0, result.stderr
    assert SXD_CODE.match(result.stdout.strip())
    printed = motcua("--db", demo_url, "print", "receipt", result.stdout.strip(), "--out", str(tmp_path / "r.pdf"))
    assert printed.returncode == 0, printed.stderr
    info = subprocess.run([require_tool("pdfinfo"), str(tmp_path / "r.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M)


def test_not_received_forms_owner_and_every_form_number(demo_url: str, demo_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Mẫu 03 for a dossier not received, recorded on the visit's ticket; the owner flags; Mẫu 06 and 07 through
    `print form` as well."""
    from app.services import dossier_forms, dossiers, queue

    ticket = queue.issue_ticket(demo_ctx, "DD")
    code, out, err = run(capsys, "--db", demo_url, "print", "form", "03", "--procedure", "DEMO.SXD.004",
                         "--applicant", "Lê Văn Nam", "--ticket", ticket.display_number, "--officer", "canbo01",
                         "--reason", "Không thuộc thẩm quyền; Hồ sơ giả mạo", "--out", str(tmp_path / "tu-choi.pdf"),
                         stdin="canbo123\n")
    assert code == 0, err
    issued = dossier_forms.forms_of_ticket(demo_ctx, ticket.id)
    assert [(f.number, f.items, f.officer_name) for f in issued] == [
        ("03", ("Không thuộc thẩm quyền", "Hồ sơ giả mạo"), "Lò Văn Minh")]
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "03", "--applicant", "Lê Văn Nam",
                       "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "--procedure" in err and not (tmp_path / "x.pdf").exists()

    code, out, err = run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004", *APPLICANT,
                         "--owner", "Lò Thị Mai", "--owner-id", "012190012345")
    assert code == 0, err
    received = out.strip()
    assert dossiers.get_dossier(demo_ctx, received).owner_name == "Lò Thị Mai"
    code, out, _ = run(capsys, "--db", demo_url, "dossier", "show", received)
    assert "Chủ hồ sơ: Lò Thị Mai (CCCD 012190012345)" in out
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "06", received, "--out", str(tmp_path / "06.pdf"))
    assert code == 0, err
    today = demo_ctx.now().astimezone(dossiers.LOCAL_TZ).date().isoformat()
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "07", "--from", today, "--to", today,
                       "--out", str(tmp_path / "07.pdf"))
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(tmp_path / "07.pdf"), "-"], capture_output=True, text=True).stdout
    assert received in "".join(text.split()), text  # the code wraps inside its narrow column
    code, _, err = run(capsys, "--db", demo_url, "print", "form", "07", "--out", str(tmp_path / "n.pdf"))
    assert code == 1 and "--from" in err


def test_receive_with_a_request_id_twice_gives_the_same_dossier(demo_url: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    request = "6f1c2a9e-3b7d-4c1e-9a51-0d2f8e4b7c10"
    args = ["--db", demo_url, "--json", "dossier", "receive", "--procedure", "DEMO.SXD.004", *APPLICANT,
            "--officer", "canbo01", "--request-id", request]
    first, again = run(capsys, *args, stdin="canbo123\n"), run(capsys, *args, stdin="canbo123\n")  # a retry
    assert first[0] == again[0] == 0, (first[2], again[2])
    one, two = json.loads(first[1]), json.loads(again[1])
    assert one["code"] == two["code"] and one["id"] == two["id"] == request
    code, out, err = run(capsys, "--db", demo_url, "--json", "dossier", "receive", "--procedure", "DEMO.SXD.004",
                         *APPLICANT, "--officer", "canbo01", stdin="canbo123\n")
    assert code == 0 and SXD_CODE.match(json.loads(out)["code"]).group(1) == "0002"  # type: ignore[union-attr]
    with pytest.raises(SystemExit) as usage:
        run(capsys, "--db", demo_url, "dossier", "receive", "--procedure", "DEMO.SXD.004", *APPLICANT,
            "--request-id", "khong-phai-uuid")
    assert usage.value.code == 2 and "--request-id: «khong-phai-uuid» không phải UUID" in capsys.readouterr().err


def test_catalog_agency_shows_and_sets_who_signs_mau_04_and_05(demo_url: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", demo_url, "catalog", "agency", "sxd")
    assert code == 0 and out.strip() == "SXD — Sở Xây dựng: GIÁM ĐỐC Nguyễn Văn Quyết"
    code, out, err = run(capsys, "--db", demo_url, "catalog", "agency", "SXD", "--head-title", "PHÓ GIÁM ĐỐC")
    assert code == 0, err
    assert out.strip() == "SXD — Sở Xây dựng: PHÓ GIÁM ĐỐC Nguyễn Văn Quyết"  # the name kept
    code, _, err = run(capsys, "--db", demo_url, "catalog", "agency", "KHONGCO", "--head-name", "A")
    assert code == 1 and "Không có cơ quan mã «KHONGCO»" in err and "Traceback" not in err
