"""Dossier forms as A5 PDFs with the embedded DejaVu fonts: Mẫu 01 (receipt and appointment, two copies),
Mẫu 02 (supplement request) and Mẫu 03 (refusal). Data comes in as plain dataclasses built by the services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Flowable, HRFlowable, KeepInFrame, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from app.domain.text import dong
from app.printing import barcodes
from app.printing.fonts import font_path

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 10 * mm
WIDTH, HEIGHT = A5
FRAME_W, FRAME_H = WIDTH - 2 * MARGIN - 12, HEIGHT - 2 * MARGIN - 12  # less the frame's own 6 pt padding
RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
COPIES = ("Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ")
COPY_MARK = "BẢN SAO"  # a form printed again (Mẫu 02 after its request, Mẫu 03 after the refusal)
BLANK_NUMBER = "……/……"  # the "Số:" of a form its issuer numbers by hand (văn thư)


@dataclass(frozen=True)
class FormHeader:
    """The top of every form: committee and centre (left), national motto (right), number, place and date."""

    committee: str
    centre_name: str
    place: str
    day: date
    number: str = ""


@dataclass(frozen=True)
class ReceiptDocument:
    """One row of the documents table: name and counts of originals, certified copies, photocopies."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything Mẫu 01 shows; times are local (Asia/Ho_Chi_Minh)."""

    header: FormHeader
    code: str
    receiving_unit: str
    applicant_name: str
    address: str
    phone: str
    email: str
    id_label: str
    id_number: str
    request: str
    documents: tuple[ReceiptDocument, ...]
    sets: int
    processing_time: str
    received_at: datetime
    due_at: datetime
    result_place: str
    fee_vnd: int
    register_book: str
    register_line: int | None
    officer_name: str
    owner: str = ""  # "name (CCCD …)" of the dossier's owner when not the applicant


@dataclass(frozen=True)
class SupplementItem:
    """One row of Mẫu 02's table: a document to supplement, in which form (original, certified copy, photocopy:
    app.domain.catalog.DocumentKind's label) and how many."""

    name: str
    kind_label: str
    count: int


@dataclass(frozen=True)
class SupplementData:
    """Everything Mẫu 02 shows: what to supplement, why, and whom to ask; `copy` marks a reprint ("Bản sao")."""

    header: FormHeader
    code: str
    receiving_unit: str
    applicant_name: str
    address: str
    phone: str
    request: str
    documents: tuple[SupplementItem, ...]
    reason: str
    officer_name: str
    officer_phone: str
    copy: bool = False


@dataclass(frozen=True)
class RefusalData:
    """Everything Mẫu 03 shows: the request and the specific reasons for refusing it."""

    header: FormHeader
    code: str
    receiving_unit: str
    applicant_name: str
    address: str
    phone: str
    request: str
    reasons: tuple[str, ...]
    officer_name: str
    copy: bool = False


def register_fonts() -> None:
    """Register the bundled DejaVu TTFs with reportlab once (they are embedded, subsetted, in every PDF)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_path(bold=True))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _style(size: float = 8.5, bold: bool = False, align: int = 0, leading: float | None = None,
           after: float = 0) -> ParagraphStyle:
    return ParagraphStyle("f", fontName=FONT_BOLD if bold else FONT, fontSize=size,
                          leading=leading or size * 1.3, alignment=align, spaceAfter=after)


BODY, SMALL = _style(), _style(7.5)
CENTER, CENTER_BOLD = _style(7.5, align=TA_CENTER), _style(7.5, True, TA_CENTER)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of reportlab markup (callers escape what users typed)."""
    return Paragraph(text, style)


def _field(label: str, value: str) -> Paragraph:
    """`Label: value` with the value in bold."""
    return _p(f"{escape(label)}: <b>{escape(value) if value else '…'}</b>")


def _rule(width: str) -> HRFlowable:
    """The short centred line under a header block (an underline would hide the dots below ạ, ộ)."""
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=3, spaceAfter=2)


def _header(h: FormHeader) -> list[Flowable]:
    """Committee and centre left, motto right, then place and date right-aligned."""
    left = [_p(escape(h.committee.upper()), CENTER), _p(f"<b>{escape(h.centre_name.upper())}</b>", CENTER),
            _rule("35%")]
    if h.number:
        left.append(_p(f"Số: {escape(h.number)}", CENTER))
    right = [_p("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", CENTER),
             _p("<b>Độc lập - Tự do - Hạnh phúc</b>", CENTER), _rule("62%")]
    table = Table([[left, right]], colWidths=[FRAME_W * 0.44, FRAME_W * 0.56])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    place = f"{h.place}, ngày" if h.place else "Ngày"
    dated = f"{place} {h.day.day:02d} tháng {h.day.month:02d} năm {h.day.year}"
    return [table, Spacer(0, 3), _p(escape(dated), _style(7.5, align=TA_RIGHT))]


def _title(text: str) -> Paragraph:
    return _p(f"<b>{escape(text)}</b>", _style(10.5, True, TA_CENTER, after=2))


def _copy_mark(copy: bool) -> list[Flowable]:
    """"BẢN SAO" under the title of a form printed again (the original was given when it was issued)."""
    return [_p(f"<b>({COPY_MARK})</b>", _style(9, True, TA_CENTER, after=2))] if copy else []


def _code_block(code: str, copy_line: str | None) -> list[Flowable]:
    """Dossier code in words with the QR to its right, then a full-width Code 128 (≥ 1 pt bars scan best)."""
    qr_size = 56.0
    left: list[Flowable] = [_p(f"Mã hồ sơ: <b>{escape(code)}</b>", _style(10))]
    if copy_line:
        left.append(_p(f"({escape(copy_line)})", _style(8.5)))
    table = Table([[left, barcodes.qr(code, qr_size)]], colWidths=[FRAME_W - qr_size, qr_size])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    bar = barcodes.code128(code, FRAME_W)
    bar.hAlign = "CENTER"
    return [table, bar, Spacer(0, 4)]


def _signatures(left: tuple[str, str], right: tuple[str, str]) -> Table:
    """Two signature blocks: title, '(Ký và ghi rõ họ tên)', room to sign, the printed name."""
    def block(title: str, name: str) -> list[Flowable]:
        return [_p(f"<b>{escape(title)}</b>", CENTER_BOLD), _p("(Ký và ghi rõ họ tên)", CENTER), Spacer(0, 30),
                _p(f"<b>{escape(name)}</b>", CENTER)]

    table = Table([[block(*left), block(*right)]], colWidths=[FRAME_W / 2] * 2)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _documents_table(docs: Sequence[ReceiptDocument]) -> Table:
    """The documents received: name and the three counts."""
    head = [_p(f"<b>{t}</b>", CENTER) for t in ("TT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo")]
    rows: list[list[object]] = [head]
    for i, d in enumerate(docs, start=1):
        rows.append([_p(str(i), CENTER), _p(escape(d.name), SMALL),
                     *[_p(str(n) if n else "", CENTER) for n in (d.originals, d.certified_copies, d.photocopies)]])
    widths = [22.0, 0.0, 40.0, 52.0, 40.0]
    widths[1] = FRAME_W - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def stamp(moment: datetime) -> str:
    """`hh:mm dd/mm/yyyy`, the form's way of writing a moment."""
    return f"{moment:%H:%M %d/%m/%Y}"


money = dong  # integer đồng with dots between thousands: 1.200.000 đồng


def _receipt_copy(d: ReceiptData, copy_line: str) -> list[Flowable]:
    """One copy (one page) of Mẫu 01."""
    fee = f"Phí, lệ phí: <b>{money(d.fee_vnd)}</b>" if d.fee_vnd else "Phí, lệ phí: <b>không thu</b>"
    line = str(d.register_line) if d.register_line is not None else "…"
    story: list[Flowable] = [*_header(d.header), Spacer(0, 4), _title(RECEIPT_TITLE), *_code_block(d.code, copy_line),
                             Spacer(0, 3), _field("Bộ phận tiếp nhận và trả kết quả", d.receiving_unit),
                             _field("Tiếp nhận hồ sơ của", d.applicant_name),
                             *([_field("Chủ hồ sơ", d.owner)] if d.owner else []), _field("Địa chỉ", d.address),
                             _p(f"Số điện thoại: <b>{escape(d.phone) or '…'}</b>&nbsp;&nbsp;&nbsp;"
                                f"Thư điện tử: <b>{escape(d.email) or '…'}</b>"),
                             _field(d.id_label, d.id_number), _field("Nội dung yêu cầu giải quyết", d.request),
                             _p("1. Thành phần hồ sơ nộp gồm:"), _documents_table(d.documents), Spacer(0, 2),
                             _p(f"2. Số lượng hồ sơ: <b>{d.sets:02d}</b> (bộ)"),
                             _p(f"3. Thời gian giải quyết hồ sơ theo quy định là: <b>{escape(d.processing_time)}</b>"),
                             _p(f"4. Thời gian nhận hồ sơ: <b>{stamp(d.received_at)}</b>"),
                             _p(f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{stamp(d.due_at)}</b>"),
                             _p(f"6. Đăng ký nhận kết quả tại: <b>{escape(d.result_place)}</b>"), _p(fee),
                             _p(f"Vào Sổ theo dõi hồ sơ, quyển số: <b>{escape(d.register_book)}</b>, "
                                f"số thứ tự: <b>{line}</b>"), Spacer(0, 4),
                             _signatures(("NGƯỜI NỘP HỒ SƠ", d.applicant_name),
                                         ("NGƯỜI TIẾP NHẬN HỒ SƠ", d.officer_name))]
    return [KeepInFrame(FRAME_W, FRAME_H, story, mode="shrink")]


def _build(out: Path, pages: list[list[Flowable]], title: str, subject: str) -> Path:
    """Write the pages (each already fitted to one A5 page) to `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    story: list[Flowable] = []
    for i, page in enumerate(pages):
        story += ([PageBreak()] if i else []) + page
    doc = SimpleDocTemplate(str(out), pagesize=A5, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=title, subject=subject, author="motcua", creator="motcua",
                            initialFontName=FONT)  # else the page preamble pulls in an unembedded Helvetica
    doc.build(story)
    return out


def render_receipt(data: ReceiptData, out: Path) -> Path:
    """Mẫu 01 as an A5 PDF of two pages: Liên 1 (kept) and Liên 2 (given to the applicant)."""
    register_fonts()
    return _build(out, [_receipt_copy(data, c) for c in COPIES], RECEIPT_TITLE, data.code)


def _applicant_lines(receiving_unit: str, name: str, address: str, phone: str, request: str) -> list[Flowable]:
    """Who handed the dossier in and what they asked for (shared by Mẫu 02 and 03)."""
    return [_field("Bộ phận tiếp nhận và trả kết quả", receiving_unit), _field("Tiếp nhận hồ sơ của", name),
            _field("Địa chỉ", address), _field("Số điện thoại", phone), _field("Nội dung yêu cầu giải quyết", request)]


def _numbered(items: Sequence[str]) -> list[Flowable]:
    return [_p(f"{i}. {escape(text)}", _style(8.5, leading=11)) for i, text in enumerate(items, start=1)]


def _supplement_table(items: Sequence[SupplementItem]) -> Table:
    """Mẫu 02's documents to supplement: name, form (original / certified copy / photocopy), quantity."""
    head = [_p(f"<b>{t}</b>", CENTER) for t in ("TT", "Tên giấy tờ cần bổ sung, hoàn thiện", "Loại bản", "Số lượng")]
    rows: list[list[object]] = [head]
    for i, item in enumerate(items, start=1):
        rows.append([_p(str(i), CENTER), _p(escape(item.name), SMALL), _p(escape(item.kind_label), CENTER),
                     _p(str(item.count), CENTER)])
    widths = [20.0, 0.0, 86.0, 40.0]
    widths[1] = FRAME_W - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def render_supplement(data: SupplementData, out: Path) -> Path:
    """Mẫu 02: what the applicant must supplement, why, and whom to ask (signed NGƯỜI HƯỚNG DẪN)."""
    register_fonts()
    contact = f"{data.officer_name}" + (f", số điện thoại {data.officer_phone}" if data.officer_phone else "")
    story: list[Flowable] = [*_header(data.header), Spacer(0, 6), _title(SUPPLEMENT_TITLE), *_copy_mark(data.copy),
                             _p(f"Mã hồ sơ: <b>{escape(data.code)}</b>", _style(9, align=TA_CENTER, after=4)),
                             *_applicant_lines(data.receiving_unit, data.applicant_name, data.address, data.phone,
                                               data.request), Spacer(0, 3),
                             _p("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
                             _supplement_table(data.documents), Spacer(0, 3), _field("Lý do", data.reason),
                             Spacer(0, 3),
                             _p("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với "
                                f"<b>{escape(contact)}</b> để được hướng dẫn."),
                             Spacer(0, 10), _signatures(("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
                                                        ("NGƯỜI HƯỚNG DẪN", data.officer_name))]
    return _build(out, [[KeepInFrame(FRAME_W, FRAME_H, story, mode="shrink")]], SUPPLEMENT_TITLE, data.code)


def render_refusal(data: RefusalData, out: Path) -> Path:
    """Mẫu 03: the refusal to receive and resolve a dossier, with its specific reasons."""
    register_fonts()
    story: list[Flowable] = [*_header(data.header), Spacer(0, 6), _title(REFUSAL_TITLE), *_copy_mark(data.copy),
                             _p(f"Mã hồ sơ: <b>{escape(data.code)}</b>", _style(9, align=TA_CENTER, after=4)),
                             *_applicant_lines(data.receiving_unit, data.applicant_name, data.address, data.phone,
                                               data.request), Spacer(0, 3),
                             _p("Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này "
                                "với lý do cụ thể như sau:"),
                             *_numbered(data.reasons), Spacer(0, 3),
                             _p("Xin thông báo để ông/bà được biết và thực hiện./."), Spacer(0, 10),
                             _signatures(("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
                                         ("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name))]
    return _build(out, [[KeepInFrame(FRAME_W, FRAME_H, story, mode="shrink")]], REFUSAL_TITLE, data.code)
