"""Mẫu 04/05/06 (A5) and Mẫu 07 (A4 landscape) from dossiers followed through the service, checked with poppler."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.dossier import IntakeDraft
from app.domain.errors import FormErrors
from app.services import accounts, dossiers, lifecycle, lifecycle_forms
from app.services.context import Actor, Context
from tests.printing.test_receipt_pdf import pdf_info, pdf_text, run

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NAME = "Nguyễn Thị Ánh Tuyết"


@pytest.fixture()
def followed(demo_ctx: Context) -> tuple[Context, str, str]:
    """Two dossiers received Friday 27/10/2023: one handed over, apologised and resolved; one stopped."""
    moment = [datetime(2023, 10, 27, 9, 32, tzinfo=VN)]
    demo_ctx.clock = lambda: moment[0].astimezone(UTC)
    pid = dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004")
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo01")
    draft = IntakeDraft(applicant_name=NAME, id_number="001185012345", phone="0912345678",
                        address="Phường Tân Phong, Lai Châu", birth_year=1985, sex="female")
    a = dossiers.receive_dossier(demo_ctx, officer, pid, draft).code
    b = dossiers.receive_dossier(demo_ctx, officer, pid, draft).code
    lifecycle.apply_action(demo_ctx, officer, a, "hand_over", unit="Phòng Quản lý hoạt động xây dựng")
    moment[0] = datetime(2023, 11, 1, 14, 0, tzinfo=VN)
    lifecycle.apply_action(demo_ctx, officer, a, "apology", reason="Chờ ý kiến thẩm định của Sở Tài chính",
                           new_date=date(2023, 11, 10))
    lifecycle.apply_action(demo_ctx, officer, b, "stop", reason="Người nộp giả mạo giấy tờ")
    moment[0] = datetime(2023, 11, 8, 10, 0, tzinfo=VN)
    lifecycle.apply_action(demo_ctx, officer, a, "resolve")
    lifecycle.apply_action(demo_ctx, officer, a, "return_result", collector="Lò Thị Hoa")
    return demo_ctx, a, b


def test_apology_stop_and_control_slip(followed: tuple[Context, str, str], tmp_path: Path) -> None:
    ctx, a, b = followed
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    apology = lifecycle_forms.render_form(ctx, officer, "04", a, tmp_path / "04.pdf")
    text = pdf_text(apology)
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text and NAME in text and a in text
    # signed by the head of the resolving agency (the demo catalogue's), not the counter officer; "Nơi nhận"
    assert "GIÁM ĐỐC" in text and "Nguyễn Văn Quyết" in text and "Lò Văn Minh" not in text
    assert "Nơi nhận:" in text and "Lưu: VT, Sở Xây dựng." in text and "Số: ……/……" in text
    assert "17:00 03/11/2023" in text and "17:00 10/11/2023" in text and "Chờ ý kiến thẩm định" in text
    assert pdf_info(apology)["Page size"].startswith("419.528 x 595.276")  # A5
    stop = pdf_text(lifecycle_forms.render_form(ctx, officer, "05", b, tmp_path / "05.pdf"))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in stop and "Người nộp giả mạo giấy tờ" in stop
    assert "Đã tiếp nhận" in stop and "Chưa thu phí, lệ phí" in stop and "Đã thu" not in stop  # nobody paid
    assert "Nguyễn Văn Quyết" in stop and "Nơi nhận:" in stop and "Số: ……/……" in stop
    control = pdf_text(lifecycle_forms.render_form(ctx, officer, "06", a, tmp_path / "06.pdf"))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in control
    assert "Phòng Quản lý hoạt động xây dựng" in control and "Bộ phận tiếp nhận và trả kết quả" in control
    assert "Trước hạn" in control and "Lò Thị Hoa" in control
    # a signature column for each side of every hand-over, the officer who recorded it under the giver's
    # (the narrow columns wrap their headings, so pdftotext interleaves their lines)
    assert "Người giao" in control and "Người nhận" in control and control.count("(ký, ghi rõ") == 2
    assert "Lò Văn Minh" in control and "Số: 1/PKS" in control
    fonts = run("pdffonts", str(tmp_path / "06.pdf"))
    assert "DejaVuSans" in fonts and all(" yes " in line for line in fonts.splitlines()[2:])  # embedded
    with pytest.raises(FormErrors, match="chưa có xin lỗi"):
        lifecycle_forms.render_form(ctx, Actor.maintenance(ctx), "04", b, tmp_path / "x.pdf")


def test_register_is_a4_landscape_with_every_dossier(followed: tuple[Context, str, str], tmp_path: Path) -> None:
    ctx, a, b = followed
    out = lifecycle_forms.render_register(ctx, date(2023, 10, 1), date(2023, 10, 31), tmp_path / "07.pdf")
    size = pdf_info(out)["Page size"]
    width, height = (float(x) for x in size.split(" pts")[0].split(" x "))
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    text = pdf_text(out)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/10/2023 đến ngày 31/10/2023" in text
    compact = text.replace(" ", "")  # the narrow code column wraps inside the code
    assert a in compact and b in compact and NAME in text and "Lò Văn Minh" in text and "Dừng giải quyết" in text
    empty = pdf_text(lifecycle_forms.render_register(ctx, date(2024, 1, 1), date(2024, 1, 2), tmp_path / "e.pdf"))
    assert "Không có hồ sơ nào" in empty
