"""The intake form (tiếp nhận hồ sơ) opened from the counter: procedure, applicant, documents, channel, result.

Every field error is shown at its field (field names are IntakeDraft's); nothing is saved until all is valid; if the
store is unreachable what was typed stays. Saving links the dossier to the ticket and opens the receipt.
"""

from __future__ import annotations

import uuid
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import data_dir
from app.domain.cccd_qr import CccdCard, parse_cccd_qr
from app.domain.catalog import ProcedureIndex
from app.domain.dossier import MAX_SETS, ApplicantKind, Channel, IntakeDraft, ProcedurePolicy
from app.domain.errors import FormErrors, ValidationError
from app.domain.text import dong
from app.services.catalog import ProcedureView, build_search_index, list_procedures
from app.services.context import Actor, Context
from app.printing.forms import ReceiptData
from app.services import dossier_forms
from app.services.dossiers import DossierView, receive_dossier, ticket_id_by_number
from app.services.offline import OfflineDossier, OfflineStation
from app.store.engine import StoreUnavailable
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.i18n import text_of
from app.ui.stations.intake.card_scan import CardScanReader
from app.ui.stations.intake.checklist import DocumentsChecklist
from app.ui.stations.intake.not_received import FormRequestDialog, NotReceivedFlow
from app.ui.stations.intake.procedure_picker import RETURN_KEYS, ProcedurePicker
from app.ui.stations.receipt_view import PdfDialog, ReceiptDialog, receipts_dir
from app.ui.worker import Worker
from app.ui.labels import leave_ink_room


def money(vnd: int) -> str:
    """100000 → "100.000 đồng"."""
    return dong(vnd)


class IntakeDialog(QDialog):
    """Receive one dossier for the ticket in service (or with no ticket); every store call runs in the worker."""

    saved = Signal(object)  # the DossierView received

    def __init__(self, ctx: Context, actor: Actor, ticket_number: str | None, service_agency_ids: set[int] | None,
                 parent: QWidget | None = None, out_dir: Path | None = None,
                 offline: OfflineStation | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.ticket_number = ctx, actor, ticket_number
        self.offline = offline  # a station of a central server: received into its journal when the server is down
        self.offline_dossier: OfflineDossier | None = None  # the last dossier this form received offline
        self.service_agency_ids = set(service_agency_ids) if service_agency_ids else None
        self.out_dir = out_dir
        self.dossier: DossierView | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self._discard_confirmed = False
        self.request_id = uuid.uuid4()  # one per form while it is open: a retried save returns the same dossier
        self._warned: tuple[str, tuple[str, ...]] | None = None  # the warnings the officer was shown, to go on past
        self.worker = Worker(self, threads=1)
        self.fields = FieldErrors()
        self.bar = MessageBar()
        self.picker = ProcedurePicker(self.service_agency_ids, self.fields)
        # the picker's widgets, by the names tests and tools read
        self.search, self.results, self.all_agencies = self.picker.search, self.picker.results, self.picker.all_agencies
        self.not_received = NotReceivedFlow(self)
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ"))
        self._make_widgets()
        self._build()
        leave_ink_room(self)  # a "T" or "Y" starting a form label keeps its ink
        self._connect()
        self._on_kind_changed()
        self._on_channel_changed()
        self._on_result_place_changed()
        self._load_catalogue()
        self.search.setFocus()

    # --- widgets -----------------------------------------------------------------------------------------------

    @property
    def index(self) -> ProcedureIndex | None:
        """The catalogue's search index, once loaded."""
        return self.picker.index

    @property
    def procedure(self) -> ProcedureView | None:
        """The procedure taken (None until one is)."""
        return self.picker.procedure

    @property
    def form_dialog(self) -> FormRequestDialog | None:
        """What Mẫu 02/03 says, while it is asked."""
        return self.not_received.form_dialog

    @property
    def pdf_dialog(self) -> PdfDialog | None:
        """The Mẫu 02/03 written, shown."""
        return self.not_received.pdf_dialog

    def _make_widgets(self) -> None:
        self.kind = QComboBox()
        for kind in ApplicantKind:
            self.kind.addItem(text_of(kind.label), kind.value)
        self.applicant_name, self.id_number, self.tax_code = QLineEdit(), QLineEdit(), QLineEdit()
        self.birth_year, self.phone, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        self.address, self.owner, self.note, self.postal_address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.owner_id = QLineEdit()
        self.owner_id.setPlaceholderText(self.tr("CCCD của chủ hồ sơ (12 chữ số, nếu có)"))
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.tax_code.setPlaceholderText(self.tr("10 chữ số, chi nhánh thêm -XXX"))
        self.birth_year.setPlaceholderText(self.tr("vd. 1985; để trống thì lấy theo CCCD"))
        self.birth_year.setMaxLength(4)
        self.phone.setPlaceholderText(self.tr("vd. 0912 345 678"))
        self.owner.setPlaceholderText(self.tr("Để trống nếu người nộp là chủ hồ sơ"))
        self.sex = QComboBox()
        for text, value in ((self.tr("Theo CCCD"), None), (self.tr("Nam"), "male"), (self.tr("Nữ"), "female")):
            self.sex.addItem(text, value)
        self.checklist = DocumentsChecklist()
        self.sets = QSpinBox()
        self.sets.setRange(1, MAX_SETS)
        self.sets.setSuffix(self.tr(" bộ"))
        self.sets.setMaximumWidth(120)
        self.fee = QLabel("—")
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(text_of(channel.label), channel.value)
        self.online_level = QComboBox()
        self.online_level.addItem(self.tr("—"), None)
        for level in (3, 4):
            self.online_level.addItem(self.tr("Mức độ %1").replace("%1", str(level)), level)
        self.result_place = QComboBox()
        self.result_place.addItem(self.tr("Tại Bộ phận một cửa"), False)
        self.result_place.addItem(self.tr("Qua bưu chính công ích"), True)
        self.on_the_spot = QCheckBox(self.tr("Giải quyết và trả kết quả ngay tại quầy (thủ tục tại chỗ)"))
        self.on_the_spot.setVisible(False)
        self.save_button = QPushButton(self.tr("Tiếp nhận (Ctrl+S)"))
        self.form02_button = QPushButton(self.tr("Phiếu bổ sung (Mẫu 02)…"))
        self.form03_button = QPushButton(self.tr("Từ chối (Mẫu 03)…"))
        self.cancel_button = QPushButton(self.tr("Hủy (Esc)"))
        self.save_button.setStyleSheet("font-weight: bold;")

    def _build(self) -> None:
        f = self.fields
        heading = QLabel(self._heading_text())
        heading.setStyleSheet("font-size: 14pt; font-weight: bold; color: #0d47a1;")
        docs = QGroupBox(self.tr("3. Thành phần hồ sơ đã nhận"))
        docs_box = QVBoxLayout(docs)
        scroll = QScrollArea()
        scroll.setWidget(self.checklist)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(130)
        docs_box.addWidget(f.wrap("documents", scroll, self.checklist), 1)
        sets_row = QFormLayout()
        f.add_row(sets_row, self.tr("Số lượng hồ sơ"), "sets", self.sets)
        sets_row.addRow(self.tr("Phí, lệ phí (theo danh mục)"), self.fee)
        docs_box.addLayout(sets_row)
        left = QVBoxLayout()
        left.addWidget(self.picker, 3)
        left.addWidget(docs, 2)
        person = QGroupBox(self.tr("2. Người nộp hồ sơ"))
        self.person_form = form = QFormLayout(person)
        f.add_row(form, self.tr("Loại"), "applicant_kind", self.kind)
        f.add_row(form, self.tr("Họ và tên"), "applicant_name", self.applicant_name)
        f.add_row(form, self.tr("Số CCCD"), "id_number", self.id_number)
        f.add_row(form, self.tr("Mã số thuế *"), "tax_code", self.tax_code)
        birth = QWidget()
        row = QHBoxLayout(birth)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.birth_year, 1)
        row.addWidget(QLabel(self.tr("Giới tính")))
        row.addWidget(self.sex)
        f.add_row(form, self.tr("Năm sinh"), "birth_year", birth, self.birth_year)
        f.add_row(form, self.tr("Điện thoại *"), "phone", self.phone)
        f.add_row(form, self.tr("Email"), "email", self.email)
        f.add_row(form, self.tr("Địa chỉ *"), "address", self.address)
        f.add_row(form, self.tr("Chủ hồ sơ (nếu khác)"), "owner_name", self.owner)
        f.add_row(form, self.tr("CCCD chủ hồ sơ"), "owner_id_number", self.owner_id)
        submit = QGroupBox(self.tr("4. Hình thức nộp và nhận kết quả"))
        sform = QFormLayout(submit)
        f.add_row(sform, self.tr("Hình thức nộp"), "channel", self.channel)
        f.add_row(sform, self.tr("Mức độ trực tuyến"), "online_level", self.online_level)
        f.add_row(sform, self.tr("Nhận kết quả"), "result_by_post", self.result_place)
        f.add_row(sform, self.tr("Địa chỉ nhận qua bưu chính"), "postal_address", self.postal_address)
        f.add_row(sform, self.tr("Ghi chú"), "note", self.note)
        f.add_row(sform, "", "on_the_spot", self.on_the_spot)
        right = QVBoxLayout()
        right.addWidget(person)
        right.addWidget(submit)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 4)
        buttons = QHBoxLayout()
        for b in (self.form02_button, self.form03_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        required = QLabel(self.tr("Ô có dấu * là bắt buộc. Tab / Enter: sang ô tiếp theo · Ctrl+S: tiếp nhận · "
                                  "Esc: hủy"))
        required.setStyleSheet("color: #546e7a;")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(required)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        for b in (self.save_button, self.form02_button, self.form03_button, self.cancel_button):
            b.setAutoDefault(False)

    def _heading_text(self) -> str:
        if self.ticket_number:
            return self.tr("Tiếp nhận hồ sơ — số thứ tự %1").replace("%1", self.ticket_number)
        return self.tr("Tiếp nhận hồ sơ (không gắn số thứ tự)")

    def _connect(self) -> None:
        self.picker.chosen.connect(self._on_procedure_chosen)
        self.picker.picked.connect(self._on_procedure_picked)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.result_place.currentIndexChanged.connect(self._on_result_place_changed)
        self.save_button.clicked.connect(self._on_save_triggered)
        self.form02_button.clicked.connect(lambda: self.not_received.start("02"))
        self.form03_button.clicked.connect(lambda: self.not_received.start("03"))
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self._on_save_triggered)
        self._enter_moves_on = [self.kind, self.applicant_name, self.id_number, self.tax_code, self.birth_year,
                                self.sex, self.phone, self.email, self.address, self.owner, self.owner_id, self.sets,
                                self.channel,
                                self.online_level, self.result_place, self.postal_address, self.note]
        for w in self._enter_moves_on:
            w.installEventFilter(self)
        self._set_tab_order()
        # installed last, so it sees a field's keys before the Enter-as-Tab filter and the procedure search do
        self.card_reader = CardScanReader([self.search, self.applicant_name, self.id_number, self.tax_code,
                                           self.birth_year, self.phone, self.email, self.address, self.owner,
                                           self.owner_id, self.postal_address, self.note], self)
        self.card_reader.scanned.connect(self._on_card_scanned)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.search, self.results, self.all_agencies, self.kind, self.applicant_name,
                                self.id_number, self.tax_code, self.birth_year, self.sex, self.phone, self.email,
                                self.address, self.owner, self.owner_id, *self.checklist.focus_chain(), self.sets,
                                self.channel,
                                self.online_level, self.result_place, self.postal_address, self.note,
                                self.on_the_spot, self.save_button, self.form02_button, self.form03_button, self.cancel_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter as Tab in the fields (the picker handles its own search box and list)."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in RETURN_KEYS and plain and (watched in self._enter_moves_on
                                             or watched in self.checklist.focus_chain()):
            self.focusNextChild()
            return True
        return False

    # --- catalogue and search ---------------------------------------------------------------------------------

    def _load_catalogue(self) -> None:
        ctx, station = self.ctx, self.offline

        def online() -> tuple[ProcedureIndex, list[ProcedureView]]:
            return build_search_index(ctx), list_procedures(ctx, include_inactive=False)

        def work() -> tuple[ProcedureIndex, list[ProcedureView]]:
            if station is None:
                return online()
            return station.on_server(online) or station.catalogue()  # the journal's when the server is down

        self.worker.submit(work, self._on_catalogue_loaded, self._on_catalogue_failed)

    def _on_catalogue_loaded(self, result: tuple[ProcedureIndex, list[ProcedureView]]) -> None:
        self.picker.set_catalogue(*result)

    def _on_catalogue_failed(self, exc: BaseException) -> None:
        present_error(exc, self.bar, retry=self._load_catalogue)

    def choose_procedure(self, procedure_id: int) -> None:
        """Take a procedure: its summary, documents checklist, fee, and what channels it allows."""
        self.picker.choose(procedure_id)

    def _on_procedure_chosen(self, p: ProcedureView) -> None:
        d = p.draft
        self.fee.setText(money(d.fee_vnd) if d.fee_vnd else self.tr("Không thu"))
        self.on_the_spot.setVisible(bool(d.on_the_spot))  # only for procedures resolved at the counter
        self.on_the_spot.setChecked(bool(d.on_the_spot))
        self.save_button.setText(self.tr("Tiếp nhận và trả kết quả (Ctrl+S)") if d.on_the_spot
                                 else self.tr("Tiếp nhận (Ctrl+S)"))
        self.checklist.set_documents(d.documents)
        for w in self.checklist.focus_chain():
            w.installEventFilter(self)
        self._set_tab_order()

    def _on_procedure_picked(self) -> None:
        self.applicant_name.setFocus()

    # --- dependent fields -----------------------------------------------------------------------------------------

    def _on_kind_changed(self, *_args: object) -> None:
        organisation = self.kind.currentData() == ApplicantKind.ORGANISATION.value
        form = self.person_form
        for name, caption_person, caption_org in (
                ("applicant_name", self.tr("Họ và tên *"), self.tr("Tên tổ chức *")),
                ("id_number", self.tr("Số CCCD *"), self.tr("CCCD người đại diện"))):
            label = form.labelForField(self.fields.label(name).parentWidget())
            if isinstance(label, QLabel):
                label.setText(caption_org if organisation else caption_person)
        form.setRowVisible(self.fields.label("tax_code").parentWidget(), organisation)
        form.setRowVisible(self.fields.label("birth_year").parentWidget(), not organisation)

    def _on_channel_changed(self, *_args: object) -> None:
        online = self.channel.currentData() == Channel.ONLINE.value
        self.online_level.setEnabled(online)
        if not online:
            self.online_level.setCurrentIndex(0)
        elif self.online_level.currentIndex() == 0:
            self.online_level.setCurrentIndex(1)

    def _on_result_place_changed(self, *_args: object) -> None:
        by_post = bool(self.result_place.currentData())
        self.postal_address.setEnabled(by_post)
        if by_post and not self.postal_address.text():
            self.postal_address.setText(self.address.text())

    # --- the CCCD card's QR -----------------------------------------------------------------------------------

    _CARD_FIELDS = ("applicant_name", "id_number", "birth_year", "sex", "address")

    def _on_card_scanned(self, text: str) -> None:
        """A 2-D scan: fill the applicant from the card and run the usual validators on what was filled."""
        self.fields.clear()
        try:
            card = parse_cccd_qr(text)
        except ValidationError as exc:
            present_error(FormErrors([exc]), self.bar, self.fields)
            self.id_number.setFocus()
            return
        self.fill_from_card(card)

    def fill_from_card(self, card: CccdCard) -> None:
        """Name, ID number, birth year, sex and address from the card; errors shown at their fields."""
        self.kind.setCurrentIndex(self.kind.findData(ApplicantKind.PERSON.value))
        self.applicant_name.setText(card.full_name)
        self.id_number.setText(card.id_number)
        self.birth_year.setText(str(card.birth_date.year) if card.birth_date else "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(card.sex)))
        self.address.setText(card.address)
        draft, errors = self.draft()
        try:
            draft.validated(self._policy())
        except FormErrors as exc:
            errors += exc.errors
        errors = [e for e in errors if e.field in self._CARD_FIELDS]
        if errors:
            present_error(FormErrors(errors), self.bar, self.fields)
            return
        self.bar.show_info(self.tr("Đã đọc thẻ CCCD: họ tên, số CCCD, năm sinh, giới tính và địa chỉ đã được điền; "
                                   "hãy kiểm tra lại."))
        self.phone.setFocus()

    # --- saving --------------------------------------------------------------------------------------------------

    def draft(self) -> tuple[IntakeDraft, list[ValidationError]]:
        """The form as an IntakeDraft, and the errors only the form can see (no procedure, bad birth year…)."""
        errors: list[ValidationError] = []
        if self.procedure is None:
            errors.append(ValidationError("procedure", self.tr("Chọn thủ tục: gõ vài chữ của tên thủ tục, "
                                                               "bấm ↓ rồi Enter")))
        year_text = self.birth_year.text().strip()
        year = int(year_text) if year_text.isdigit() else None
        if year_text and year is None:
            errors.append(ValidationError("birth_year", self.tr("Năm sinh phải gồm 4 chữ số, từ 1900")))
        documents = self.checklist.received()
        if self.checklist.rows and not documents:
            errors.append(ValidationError("documents", self.tr("Chưa đánh dấu giấy tờ nào đã nhận; hồ sơ thiếu thì "
                                                               "in Phiếu bổ sung (Mẫu 02)")))
        organisation = self.kind.currentData() == ApplicantKind.ORGANISATION.value
        return IntakeDraft(
            applicant_name=self.applicant_name.text(), id_number=self.id_number.text(), phone=self.phone.text(),
            address=self.address.text(), email=self.email.text(), applicant_kind=str(self.kind.currentData()),
            tax_code=self.tax_code.text() if organisation else "", birth_year=None if organisation else year,
            sex=None if organisation else self.sex.currentData(), channel=str(self.channel.currentData()),
            online_level=self.online_level.currentData(), sets=self.sets.value(), documents=documents,
            result_by_post=bool(self.result_place.currentData()), postal_address=self.postal_address.text(),
            note=self.note.text(), owner_name=self.owner.text(), owner_id_number=self.owner_id.text()), errors

    def _policy(self) -> ProcedurePolicy:
        d = self.procedure.draft if self.procedure else None
        return ProcedurePolicy(d.postal_allowed, d.online_level, d.on_the_spot) if d else ProcedurePolicy()

    def _on_save_triggered(self) -> None:
        if self.worker.busy or self.procedure is None and self.index is None:
            return
        draft, errors = self.draft()
        warnings: tuple[str, ...] = ()
        try:
            warnings = draft.validated(self._policy()).warnings
        except FormErrors as exc:
            errors += exc.errors
        if errors:
            present_error(FormErrors(errors), self.bar, self.fields)
            return
        self.fields.clear()
        if warnings and self._warned != (draft.id_number, warnings):
            # a warning, not an error (RULES-VN.md): shown at the field; saving again goes on, and the reception
            # records that the officer went past it
            self._warned = (draft.id_number, warnings)
            shown = [text_of(w) for w in warnings]  # marked by the domain: in the window's language
            self.fields.warn("id_number", "\n".join(shown))
            self.bar.show_info(self.tr("Cảnh báo: %1. Kiểm tra lại; bấm «Tiếp nhận» lần nữa để vẫn tiếp nhận.")
                               .replace("%1", "; ".join(shown)))
            return
        self.bar.show_info(self.tr("Đang lưu hồ sơ…"))
        self._set_busy(True)
        ctx, actor, number, pid = self.ctx, self.actor, self.ticket_number, self.procedure.id  # type: ignore[union-attr]
        at_once = not self.on_the_spot.isHidden() and self.on_the_spot.isChecked()
        request_id = self.request_id

        def work() -> DossierView:
            ticket_id = ticket_id_by_number(ctx, number) if number else None
            return receive_dossier(ctx, actor, pid, draft, ticket_id, resolve_on_the_spot=at_once,
                                   request_id=request_id)

        station = self.offline
        if station is None:
            self.worker.submit(work, self._on_saved, self._on_save_failed)
            return
        code = self.procedure.draft.code  # type: ignore[union-attr]

        def offline_work() -> DossierView | tuple[OfflineDossier, ReceiptData]:
            # the same request id online and offline: a reception whose reply was lost is never doubled
            done = station.on_server(work)
            if done is not None:
                return done
            dossier = station.receive_dossier(actor, code, draft, ticket_number=number,
                                              resolve_on_the_spot=at_once, request_id=request_id)
            return dossier, dossier_forms.offline_receipt_data(station, dossier, draft)

        self.worker.submit(offline_work, self._on_station_saved, self._on_save_failed)

    def _on_station_saved(self, result: DossierView | tuple[OfflineDossier, ReceiptData]) -> None:
        if isinstance(result, DossierView):
            self._on_saved(result)
            return
        dossier, receipt = result  # received offline: in the outbox, replayed at the next sync
        self._set_busy(False)
        self.offline_dossier, self.request_id = dossier, uuid.uuid4()
        self.receipt_dialog = ReceiptDialog(self.ctx, dossier.code, self.parentWidget(), self.folder("receipts"),
                                            data=receipt)
        self.receipt_dialog.open()
        self._discard_confirmed = True
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        for b in (self.save_button, self.form02_button, self.form03_button):
            b.setEnabled(not busy)

    def _on_saved(self, dossier: DossierView) -> None:
        self._set_busy(False)
        self.dossier, self.request_id = dossier, uuid.uuid4()
        self.saved.emit(dossier)
        self.receipt_dialog = ReceiptDialog(self.ctx, dossier.code, self.parentWidget(), self.folder("receipts"))
        self.receipt_dialog.open()
        self._discard_confirmed = True
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, StoreUnavailable):
            self.bar.show_environment(
                self.tr("Chưa lưu được hồ sơ: %1 Mọi thông tin đã nhập vẫn được giữ nguyên; bấm «Thử lại» khi có "
                        "kết nối.").replace("%1", text_of(exc).rstrip(".") + "."), self._on_save_triggered)
        else:
            present_error(exc, self.bar, self.fields, retry=self._on_save_triggered)

    def folder(self, kind: str) -> Path:
        """Where written PDFs go: the injected folder, else the data dir's `receipts` or `forms`."""
        if self.out_dir is not None:
            return self.out_dir
        return receipts_dir() if kind == "receipts" else data_dir() / "forms"

    # --- closing ---------------------------------------------------------------------------------------------

    def _typed_something(self) -> bool:
        return any(w.text().strip() for w in (self.applicant_name, self.id_number, self.phone, self.address,
                                               self.tax_code, self.email))

    def reject(self) -> None:
        """Escape: close, after asking when something was typed (it would be lost)."""
        if self._discard_confirmed or not self._typed_something():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Bỏ hồ sơ đang nhập?"),
                          self.tr("Những gì đã nhập sẽ mất. Đóng biểu mẫu tiếp nhận?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _result: self._on_discard_box_finished(box))
        self.discard_box = box
        box.open()

    def _on_discard_box_finished(self, box: QMessageBox) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._discard_confirmed = True
            self.reject()

    def done(self, result: int) -> None:
        """Let running work finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)
