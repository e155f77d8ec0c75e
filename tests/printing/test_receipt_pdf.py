"""Mẫu 01/02/03 as PDFs, checked with poppler (pdfinfo, pdffonts, pdftotext, pdftoppm) and zbarimg.

Under CI=true a missing tool fails the run; elsewhere the test skips and says which tool is missing.
"""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.printing.forms import (FormHeader, ReceiptData, ReceiptDocument, RefusalData, SupplementData,
                                SupplementItem, render_receipt, render_refusal, render_supplement)
from tests.tooling import require_tool

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CODE = "000.00.02.H33-231027-0001"
NAME = "Nguyễn Thị Ánh Tuyết"
PROCEDURE = "Gia hạn giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II"
HEADER = FormHeader("UBND TỈNH LAI CHÂU", "Trung tâm Phục vụ hành chính công tỉnh Lai Châu", "Lai Châu",
                    date(2023, 10, 27), "1/TNHS")


tool = require_tool  # the path of a command-line tool, or skip (fail under CI=true) when it is not installed


def run(*args: str) -> str:
    result = subprocess.run([tool(args[0]), *args[1:]], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields, e.g. {"Pages": "2", "Page size": "419.528 x 595.276 pts (A5)"}."""
    pairs = (line.split(":", 1) for line in run("pdfinfo", str(pdf)).splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def pdf_text(pdf: Path) -> str:
    """The PDF's text, NFC, with line breaks turned into spaces (long values wrap)."""
    return " ".join(unicodedata.normalize("NFC", run("pdftotext", str(pdf), "-")).split())


def receipt(**changes: object) -> ReceiptData:
    data = dict(header=HEADER, code=CODE, receiving_unit="Trung tâm Phục vụ hành chính công tỉnh Lai Châu — Sở Xây dựng",
                applicant_name=NAME, address="Số 12, đường Trần Hưng Đạo, phường Tân Phong, thành phố Lai Châu",
                phone="0912345678", email="tuyet@example.vn", id_label="Số CCCD/định danh cá nhân",
                id_number="001185012345", request=PROCEDURE,
                documents=(ReceiptDocument("Đơn đề nghị gia hạn giấy phép xây dựng", 1, 0, 0),
                           ReceiptDocument("Bản sao giấy chứng nhận quyền sử dụng đất", 0, 1, 1)),
                sets=1, processing_time="5 ngày làm việc", received_at=datetime(2023, 10, 27, 9, 32, tzinfo=VN),
                due_at=datetime(2023, 11, 3, 17, 0, tzinfo=VN), result_place="Bộ phận tiếp nhận và trả kết quả",
                fee_vnd=1_200_000, register_book="2023", register_line=1, officer_name="Lò Văn Minh")
    data.update(changes)
    return ReceiptData(**data)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def receipt_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_receipt(receipt(), tmp_path_factory.mktemp("receipt") / "receipt.pdf")


def test_receipt_is_two_a5_pages_with_embedded_fonts(receipt_pdf: Path) -> None:
    info = pdf_info(receipt_pdf)
    assert info["Pages"] == "2"
    assert info["Page size"].startswith("419.528 x 595.276 pts")  # A5 portrait
    fonts = run("pdffonts", str(receipt_pdf)).splitlines()[2:]
    assert fonts, "the PDF names no font"
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded (emb column)


def test_receipt_text_has_every_field_with_diacritics(receipt_pdf: Path) -> None:
    text = pdf_text(receipt_pdf)
    for expected in ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 27 tháng 10 năm 2023", f"Mã hồ sơ: {CODE}",
                     "Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ", f"Tiếp nhận hồ sơ của: {NAME}", PROCEDURE,
                     "Số điện thoại: 0912345678", "tuyet@example.vn", "001185012345", "Bản sao chứng thực",
                     "Bản sao giấy chứng nhận quyền sử dụng đất", "2. Số lượng hồ sơ: 01 (bộ)", "5 ngày làm việc",
                     "4. Thời gian nhận hồ sơ: 09:32 27/10/2023",
                     "5. Thời gian trả kết quả giải quyết hồ sơ: 17:00 03/11/2023", "1.200.000 đồng",
                     "quyển số: 2023, số thứ tự: 1", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lò Văn Minh"):
        assert expected in text, expected


def test_receipt_barcode_and_qr_decode_to_the_code(receipt_pdf: Path, tmp_path: Path) -> None:
    run("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(receipt_pdf), str(tmp_path / "page"))
    png = next(tmp_path.glob("page*.png"))
    symbols = set(run("zbarimg", "-q", str(png)).split())
    assert symbols == {f"CODE-128:{CODE}", f"QR-Code:{CODE}"}


def test_long_document_list_still_fits_one_page_per_copy(tmp_path: Path) -> None:
    docs = tuple(ReceiptDocument(f"Giấy tờ số {i}: bản vẽ thiết kế, thuyết minh biện pháp thi công kèm theo", 1, 1, 0)
                 for i in range(1, 25))
    pdf = render_receipt(receipt(documents=docs), tmp_path / "long.pdf")
    assert pdf_info(pdf)["Pages"] == "2"


def test_supplement_and_refusal_forms(tmp_path: Path) -> None:
    common = dict(header=HEADER, code=CODE, receiving_unit="Trung tâm", applicant_name=NAME, address="Lai Châu",
                  phone="0912345678", request=PROCEDURE)
    documents = (SupplementItem("Bản vẽ mặt bằng công trình", "Bản sao chứng thực", 2),)
    supplement = render_supplement(SupplementData(**common, documents=documents,  # type: ignore[arg-type]
                                                  reason="Thiếu bản vẽ", officer_name="Lò Văn Minh",
                                                  officer_phone="0214 3876 543"), tmp_path / "m02.pdf")
    refusal = render_refusal(RefusalData(**common, reasons=("Không thuộc thẩm quyền", "Hồ sơ giả mạo"),  # type: ignore[arg-type]
                                         officer_name="Lò Văn Minh"), tmp_path / "m03.pdf")
    text02, text03 = pdf_text(supplement), pdf_text(refusal)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text02 and "Bản vẽ mặt bằng công trình" in text02
    assert "Bản sao chứng thực" in text02 and "Số lượng" in text02 and "BẢN SAO" not in text02
    assert "Lý do: Thiếu bản vẽ" in text02 and "NGƯỜI HƯỚNG DẪN" in text02 and "0214 3876 543" in text02
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text03 and "2. Hồ sơ giả mạo" in text03
    for pdf in (supplement, refusal):
        info = pdf_info(pdf)
        assert info["Page size"].startswith("419.528 x 595.276 pts") and info["Pages"] == "1"


def test_receipt_of_a_stored_dossier(demo_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The service builds the receipt from the store (both backends) with the centre's own header."""
    from app.domain.dossier import IntakeDraft
    from app.services import accounts, dossier_forms, dossiers

    demo_ctx.clock = lambda: datetime(2023, 10, 27, 2, 32, tzinfo=timezone.utc)
    officer = accounts.maintenance_acting_as(demo_ctx, "canbo02")
    view = dossiers.receive_dossier(demo_ctx, officer, dossiers.procedure_id_by_code(demo_ctx, "DEMO.SXD.004"),
                                    IntakeDraft(NAME, "001185012345", "0912345678", "Tân Phong, Lai Châu"))
    pdf = dossier_forms.render_receipt(demo_ctx, view.code, tmp_path / "r.pdf")
    text = pdf_text(pdf)
    for expected in ("UBND TỈNH LAI CHÂU", "Lai Châu, ngày 27 tháng 10 năm 2023", NAME, PROCEDURE,
                     "17:00 03/11/2023", "10.000 đồng", "Nguyễn Thị Hương", "Số: 1/TNHS", view.code):
        assert expected in text, expected
    assert pdf_info(pdf)["Pages"] == "2"
