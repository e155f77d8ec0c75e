"""Forms of a dossier's life as PDFs with the embedded DejaVu fonts: Mẫu 04 (apology and new date), 05 (notice of
stopping), 06 (control slip with its hand-over table), all A5; and Mẫu 07 (register of dossiers), A4 landscape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.printing.forms import (
    CENTER,
    CENTER_BOLD,
    FONT,
    FRAME_H,
    FRAME_W,
    SMALL,
    FormHeader,
    _build,
    _field,
    _header,
    _p,
    _style,
    _title,
    register_fonts,
    stamp,
)

APOLOGY_TITLE = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"  # Circular 03/2025, Mẫu 04
STOP_TITLE = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
CONTROL_TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
REGISTER_TITLE = "SỔ THEO DÕI HỒ SƠ"
COUNTER_NAME = "Bộ phận Tiếp nhận và Trả kết quả"


@dataclass(frozen=True)
class Signer:
    """Who signs Mẫu 04 / 05: the head of the resolving agency (name, title), and the agency for "Nơi nhận"."""

    name: str
    title: str
    agency_name: str


@dataclass(frozen=True)
class ApologyData:
    """Mẫu 04: to the applicant, dossier, received, original appointment, reason for the delay, new date."""

    header: FormHeader
    code: str
    agency_name: str
    applicant_name: str
    request: str
    received_at: datetime
    original_due_at: datetime
    new_due_at: datetime
    reason: str
    signer: Signer


@dataclass(frozen=True)
class StopData:
    """Mẫu 05: dossier, reason for stopping, the stage it had reached, what happens to the fees."""

    header: FormHeader
    code: str
    agency_name: str
    applicant_name: str
    request: str
    received_at: datetime
    reason: str
    stage: str
    fee_note: str
    signer: Signer


@dataclass(frozen=True)
class HandOver:
    """One row of Mẫu 06: who handed to whom, when, how it stood against the due date, a note."""

    from_unit: str
    to_unit: str
    at: datetime
    result: str
    note: str
    giver: str = ""  # the officer who recorded the hand-over (printed under the giver's signature)


@dataclass(frozen=True)
class ControlData:
    """Mẫu 06: the dossier and its table of hand-overs."""

    header: FormHeader
    code: str
    applicant_name: str
    request: str
    received_at: datetime
    due_at: datetime
    hand_overs: tuple[HandOver, ...]


@dataclass(frozen=True)
class RegisterLine:
    """One line of Mẫu 07, already formatted for print."""

    line: str
    code: str
    procedure: str
    sets: str
    applicant: str
    address: str
    phone: str
    received: str
    due: str
    sent_to_agency: str
    result_ready: str
    returned: str
    officer: str
    note: str


@dataclass(frozen=True)
class RegisterData:
    """Mẫu 07 for a date range."""

    header: FormHeader
    period: str
    lines: tuple[RegisterLine, ...]


def _one_page(story: list[Flowable]) -> list[list[Flowable]]:
    return [[KeepInFrame(FRAME_W, FRAME_H, story, mode="shrink")]]


def _signed_by_head(s: Signer) -> Table:
    """"Nơi nhận" on the left; on the right the head of the resolving agency: title, room to sign and seal, name."""
    recipients = [_p("<b><i>Nơi nhận:</i></b>", _style(7.5, True)), _p("- Như trên;", SMALL),
                  _p(f"- {escape(COUNTER_NAME)} (để theo dõi);", SMALL), _p(f"- Lưu: VT, {escape(s.agency_name)}.",
                                                                               SMALL)]
    block = [_p(f"<b>{escape(s.title.upper())}</b>", CENTER_BOLD), _p("(Ký, ghi rõ họ tên và đóng dấu)", CENTER),
             Spacer(0, 30), _p(f"<b>{escape(s.name)}</b>", CENTER)]
    table = Table([[recipients, block]], colWidths=[FRAME_W / 2] * 2)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def render_apology(d: ApologyData, out: Path) -> Path:
    """Mẫu 04: the agency apologises for the delay and sets a new date (moved once)."""
    register_fonts()
    story: list[Flowable] = [
        *_header(d.header), Spacer(0, 6), _title(APOLOGY_TITLE),
        _p(f"Kính gửi: <b>{escape(d.applicant_name)}</b>", _style(9, align=TA_CENTER, after=4)),
        _p(f"{escape(d.agency_name)} tiếp nhận hồ sơ của ông/bà/tổ chức đề nghị giải quyết thủ tục "
           f"<b>{escape(d.request)}</b>."),
        _field("Mã hồ sơ", d.code), _field("Ngày tiếp nhận", stamp(d.received_at)),
        _field("Thời gian hẹn trả kết quả", stamp(d.original_due_at)),
        _p("Tuy nhiên, đến nay cơ quan, đơn vị chưa trả kết quả giải quyết hồ sơ cho ông/bà/tổ chức đúng hạn."),
        _field("Lý do", d.reason),
        _p("Cơ quan, đơn vị thành thật xin lỗi ông/bà/tổ chức vì sự chậm trễ này và đề nghị gia hạn thời gian "
           f"giải quyết; thời gian trả kết quả mới là <b>{stamp(d.new_due_at)}</b>."),
        _p("Xin trân trọng cảm ơn sự hợp tác của ông/bà/tổ chức./."), Spacer(0, 8),
        _signed_by_head(d.signer)]
    return _build(out, _one_page(story), APOLOGY_TITLE, d.code)


def render_stop(d: StopData, out: Path) -> Path:
    """Mẫu 05: notice that the agency stops resolving the dossier, at which stage, and about the fees."""
    register_fonts()
    story: list[Flowable] = [
        *_header(d.header), Spacer(0, 6), _title(STOP_TITLE),
        _p(f"Kính gửi: <b>{escape(d.applicant_name)}</b>", _style(9, align=TA_CENTER, after=4)),
        _field("Mã hồ sơ", d.code), _field("Thủ tục", d.request), _field("Ngày tiếp nhận", stamp(d.received_at)),
        _p(f"{escape(d.agency_name)} thông báo dừng giải quyết hồ sơ nêu trên."),
        _field("Lý do dừng giải quyết", d.reason), _field("Hồ sơ đã được xử lý đến bước", d.stage),
        _field("Phí, lệ phí", d.fee_note), Spacer(0, 8),
        _signed_by_head(d.signer)]
    return _build(out, _one_page(story), STOP_TITLE, d.code)


def render_control(d: ControlData, out: Path) -> Path:
    """Mẫu 06: the control slip, with one row per hand-over of the dossier."""
    register_fonts()
    head = [_p(f"<b>{t}</b>", CENTER) for t in ("Tên cơ quan, đơn vị", "Thời gian giao, nhận hồ sơ",
                                                 "Người giao (ký, ghi rõ họ tên)", "Người nhận (ký, ghi rõ họ tên)",
                                                 "Kết quả", "Ghi chú")]
    tiny = _style(6.5, leading=8)
    rows: list[list[object]] = [head]
    for h in d.hand_overs:
        rows.append([_p(f"1. Giao: {escape(h.from_unit)}<br/>2. Nhận: {escape(h.to_unit)}", tiny),
                     _p(stamp(h.at), CENTER), [Spacer(0, 24), _p(escape(h.giver), tiny)], Spacer(0, 24),
                     _p(escape(h.result), CENTER), _p(escape(h.note), tiny)])
    widths = [FRAME_W * w for w in (0.27, 0.14, 0.16, 0.16, 0.11, 0.16)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    story: list[Flowable] = [
        *_header(d.header), Spacer(0, 6), _title(CONTROL_TITLE),
        _p(f"Mã hồ sơ: <b>{escape(d.code)}</b>", _style(9, align=TA_CENTER, after=4)),
        _field("Người nộp", d.applicant_name), _field("Thủ tục", d.request),
        _field("Thời gian nhận hồ sơ", stamp(d.received_at)), _field("Thời gian hẹn trả kết quả", stamp(d.due_at)),
        Spacer(0, 4), _p("<b>Cơ quan, đơn vị giao, nhận hồ sơ:</b>"), table]
    return _build(out, _one_page(story), CONTROL_TITLE, d.code)


REGISTER_HEAD = ("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức", "Địa chỉ",
                 "Số điện thoại", "Ngày, giờ nhận", "Ngày, giờ hẹn trả", "Chuyển cơ quan giải quyết",
                 "Nhận kết quả từ cơ quan", "Trả kết quả (ngày, ký nhận)", "Cán bộ tiếp nhận", "Ghi chú")
REGISTER_WIDTHS = (20, 70, 90, 32, 62, 70, 48, 46, 46, 52, 46, 52, 50, 32)


def render_register(d: RegisterData, out: Path) -> Path:
    """Mẫu 07: the register of dossiers received in a period, A4 landscape, the header row on every page."""
    register_fonts()
    page = landscape(A4)
    margin = 10 * mm
    width = page[0] - 2 * margin - 12
    scale = width / sum(REGISTER_WIDTHS)
    tiny, tiny_c = _style(6.2, leading=7.5), _style(6.2, align=TA_CENTER, leading=7.5)
    rows: list[list[object]] = [[_p(f"<b>{escape(t)}</b>", tiny_c) for t in REGISTER_HEAD]]
    for ln in d.lines:
        cells = (ln.line, ln.code, ln.procedure, ln.sets, ln.applicant, ln.address, ln.phone, ln.received, ln.due,
                 ln.sent_to_agency, ln.result_ready, ln.returned, ln.officer, ln.note)
        rows.append([_p(escape(c), tiny) for c in cells])
    if not d.lines:
        rows.append([_p("Không có hồ sơ nào trong khoảng thời gian này", tiny)] + [""] * 13)
    table = Table(rows, colWidths=[w * scale for w in REGISTER_WIDTHS], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
                              + ([("SPAN", (0, 1), (-1, 1))] if not d.lines else [])))
    h = d.header
    top = Table([[[_p(escape(h.committee.upper()), CENTER), _p(f"<b>{escape(h.centre_name.upper())}</b>", CENTER),
                   *([_p(f"Số: {escape(h.number)}", CENTER)] if h.number else [])],
                  [_p("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", CENTER),
                   _p("<b>Độc lập - Tự do - Hạnh phúc</b>", CENTER)]]], colWidths=[width / 2] * 2)
    top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))  # else the table pulls in Helvetica
    story: list[Flowable] = [top, Spacer(0, 6), _title(REGISTER_TITLE),
                             _p(escape(d.period), _style(9, align=TA_CENTER, after=6)), table]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(out), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=REGISTER_TITLE, subject=d.period, author="motcua",
                            creator="motcua", initialFontName=FONT)
    doc.build(story)
    return out
