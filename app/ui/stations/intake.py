"""The intake form (tiếp nhận hồ sơ) opened from the counter: procedure, applicant, documents, channel, result.

Every field error is shown at its field (field names are IntakeDraft's); nothing is saved until all is valid; if the
store is unreachable what was typed stays. Saving links the dossier to the ticket and opens the receipt.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import data_dir
from app.domain.catalog import DocumentDraft, DocumentKind, ProcedureIndex
from app.domain.dossier import (
    MAX_COPIES,
    MAX_SETS,
    ApplicantKind,
    Channel,
    DocumentReceived,
    IntakeDraft,
    ProcedurePolicy,
)
from app.domain.errors import FormErrors, ValidationError
from app.services.catalog import ProcedureView, build_search_index, list_procedures
from app.services.context import Actor, Context
from app.services.dossier_forms import issue_not_received_form, processing_time_text
from app.services.dossiers import DossierView, receive_dossier, ticket_id_by_number
from app.store.engine import StoreUnavailable
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.stations.intake_forms import TITLES, FormRequestDialog
from app.ui.stations.receipt_view import PdfDialog, ReceiptDialog, receipts_dir
from app.ui.worker import Worker

RESULTS_LIMIT = 100
_RETURN = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def money(vnd: int) -> str:
    """100000 → "100.000 đồng"."""
    return f"{vnd:,} đồng".replace(",", ".")


class DocumentsChecklist(QWidget):
    """The procedure's documents: ticked when handed in, with original / certified copy / photocopy counts."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QCheckBox, QLabel, tuple[QSpinBox, QSpinBox, QSpinBox]]] = []
        self._header()

    def _header(self) -> None:
        for col, text in enumerate([self.tr("Nhận"), self.tr("Tên giấy tờ"), self.tr("Bản chính"),
                                    self.tr("Bản sao CT"), self.tr("Bản photo")]):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, col)

    def set_documents(self, documents: list[DocumentDraft]) -> None:
        """Show a procedure's documents, each ticked with the catalogue's count in its column."""
        for box, label, spins in self.rows:
            for w in (box, label, *spins):
                w.deleteLater()
        self.rows = []
        kinds = [k.value for k in DocumentKind]
        for r, doc in enumerate(documents, start=1):
            box, label = QCheckBox(), QLabel(doc.name)
            box.setChecked(True)
            box.setToolTip(doc.name)
            label.setWordWrap(True)
            label.setBuddy(box)
            spins = tuple(QSpinBox() for _ in kinds)
            for kind, spin in zip(kinds, spins):
                spin.setRange(0, MAX_COPIES)
                spin.setValue(doc.count if doc.kind == kind else 0)
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.setFixedWidth(64)
            box.toggled.connect(lambda on, s=spins: [x.setEnabled(on) for x in s])
            for col, w in enumerate((box, label, *spins)):
                self.grid.addWidget(w, r, col)
            self.rows.append((box, label, spins))  # type: ignore[arg-type]

    def received(self) -> list[DocumentReceived]:
        """The ticked documents with their counts."""
        return [DocumentReceived(label.text(), *(s.value() for s in spins))
                for box, label, spins in self.rows if box.isChecked()]

    def not_received(self) -> list[str]:
        """Names of the documents not ticked (what Mẫu 02 asks for)."""
        return [label.text() for box, label, _spins in self.rows if not box.isChecked()]

    def names(self) -> list[str]:
        """Every document name of the procedure."""
        return [label.text() for _box, label, _spins in self.rows]

    def focus_chain(self) -> list[QWidget]:
        """The widgets in Tab order, row by row."""
        return [w for box, _label, spins in self.rows for w in (box, *spins)]


class IntakeDialog(QDialog):
    """Receive one dossier for the ticket in service (or with no ticket); every store call runs in the worker."""

    saved = Signal(object)  # the DossierView received

    def __init__(self, ctx: Context, actor: Actor, ticket_number: str | None, service_agency_ids: set[int] | None,
                 parent: QWidget | None = None, out_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.ticket_number = ctx, actor, ticket_number
        self.service_agency_ids = set(service_agency_ids) if service_agency_ids else None
        self.out_dir = out_dir
        self.index: ProcedureIndex | None = None
        self.procedures: dict[int, ProcedureView] = {}
        self.procedure: ProcedureView | None = None
        self.dossier: DossierView | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.form_dialog: FormRequestDialog | None = None
        self.pdf_dialog: PdfDialog | None = None
        self._discard_confirmed = False
        self.request_id = uuid.uuid4()  # one per form while it is open: a retried save returns the same dossier
        self.worker = Worker(self, threads=1)
        self.fields = FieldErrors()
        self.bar = MessageBar()
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ"))
        self._make_widgets()
        self._build()
        self._connect()
        self._on_kind_changed()
        self._on_channel_changed()
        self._on_result_place_changed()
        self._load_catalogue()
        self.search.setFocus()

    # --- widgets -----------------------------------------------------------------------------------------------

    def _make_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (có dấu hay không dấu đều được)"))
        self.search.setClearButtonEnabled(True)
        self.all_agencies = QCheckBox(self.tr("Tất cả cơ quan"))
        self.all_agencies.setChecked(self.service_agency_ids is None)
        self.all_agencies.setEnabled(self.service_agency_ids is not None)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(150)
        self.procedure_info = QLabel(self.tr("Chưa chọn thủ tục."))
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setStyleSheet("background:#e3f2fd; border:1px solid #90caf9; padding:6px;")
        self.kind = QComboBox()
        for kind in ApplicantKind:
            self.kind.addItem(self.tr(kind.label), kind.value)
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
        self.found = QLabel()
        self.found.setStyleSheet("color: #546e7a;")
        self.fee = QLabel("—")
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(self.tr(channel.label), channel.value)
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
        proc = QGroupBox(self.tr("1. Thủ tục hành chính"))
        proc_box = QVBoxLayout(proc)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.all_agencies)
        proc_box.addLayout(search_row)
        proc_box.addWidget(self.found)
        proc_box.addWidget(f.wrap("procedure", self.results), 1)
        proc_box.addWidget(self.procedure_info)
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
        left.addWidget(proc, 3)
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
        self.search.textChanged.connect(self._on_search_text_changed)
        self.all_agencies.toggled.connect(self._on_search_text_changed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.result_place.currentIndexChanged.connect(self._on_result_place_changed)
        self.save_button.clicked.connect(self._on_save_triggered)
        self.form02_button.clicked.connect(lambda: self._on_form_triggered("02"))
        self.form03_button.clicked.connect(lambda: self._on_form_triggered("03"))
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, self._on_save_triggered)
        for w in (self.search, self.results):
            w.installEventFilter(self)
        self._enter_moves_on = [self.kind, self.applicant_name, self.id_number, self.tax_code, self.birth_year,
                                self.sex, self.phone, self.email, self.address, self.owner, self.owner_id, self.sets,
                                self.channel,
                                self.online_level, self.result_place, self.postal_address, self.note]
        for w in self._enter_moves_on:
            w.installEventFilter(self)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.search, self.results, self.all_agencies, self.kind, self.applicant_name,
                                self.id_number, self.tax_code, self.birth_year, self.sex, self.phone, self.email,
                                self.address, self.owner, self.owner_id, *self.checklist.focus_chain(), self.sets,
                                self.channel,
                                self.online_level, self.result_place, self.postal_address, self.note,
                                self.on_the_spot, self.save_button, self.form02_button, self.form03_button, self.cancel_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down/Enter in the search box, Enter in the results, Enter as Tab in the other fields."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search and key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(max(0, self.results.currentRow()))
            return True
        if key in _RETURN and plain:
            if watched is self.search or watched is self.results:
                item = self.results.currentItem() or self.results.item(0)
                if item is not None:
                    self._on_results_item_activated(item)
                return True
            if watched in self._enter_moves_on or watched in self.checklist.focus_chain():
                self.focusNextChild()
                return True
        return False

    # --- catalogue and search ---------------------------------------------------------------------------------

    def _load_catalogue(self) -> None:
        ctx = self.ctx
        self.worker.submit(lambda: (build_search_index(ctx), list_procedures(ctx, include_inactive=False)),
                           self._on_catalogue_loaded, self._on_catalogue_failed)

    def _on_catalogue_loaded(self, result: tuple[ProcedureIndex, list[ProcedureView]]) -> None:
        self.index, procedures = result
        self.procedures = {p.id: p for p in procedures}
        self._on_search_text_changed()

    def _on_catalogue_failed(self, exc: BaseException) -> None:
        present_error(exc, self.bar, retry=self._load_catalogue)

    def _on_search_text_changed(self, *_args: object) -> None:
        if self.index is None:
            return
        agencies = None if self.all_agencies.isChecked() else self.service_agency_ids
        ids = self.index.search(self.search.text(), agencies, limit=RESULTS_LIMIT)
        self.results.clear()
        for pid in ids:
            p = self.procedures.get(pid)
            if p is None:
                continue
            item = QListWidgetItem(f"{p.draft.name}\n    {p.agency_name} · {p.draft.code}")
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(p.draft.name)
            self.results.addItem(item)
        self.found.setText(self.tr("%1 thủ tục").replace("%1", str(len(ids))) + (
            self.tr(" của các cơ quan thuộc dịch vụ của số thứ tự · ↓ để chọn, Enter để lấy") if agencies is not None
            else self.tr(" · ↓ để chọn, Enter để lấy")))
        if not ids:
            hint = self.tr("Không thấy thủ tục nào") + ("" if agencies is None else
                                                        self.tr(" — thử đánh dấu «Tất cả cơ quan»"))
            empty = QListWidgetItem(hint)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        pid = item.data(Qt.ItemDataRole.UserRole)
        if pid is not None:
            self.choose_procedure(int(pid))
            self.applicant_name.setFocus()

    def choose_procedure(self, procedure_id: int) -> None:
        """Take a procedure: its summary, documents checklist, fee, and what channels it allows."""
        p = self.procedures[procedure_id]
        self.procedure = p
        d = p.draft
        online = self.tr("mức độ %1").replace("%1", str(d.online_level)) if d.online_level else self.tr("không")
        self.procedure_info.setText(
            f"<b>{d.name}</b><br>{p.agency_name} · {d.code}<br>"
            + self.tr("Thời hạn: %1 · Trực tuyến: %2 · Bưu chính: %3")
            .replace("%1", processing_time_text(d.processing_value, d.processing_unit)).replace("%2", online)
            .replace("%3", self.tr("có") if d.postal_allowed else self.tr("không")))
        self.fee.setText(money(d.fee_vnd) if d.fee_vnd else self.tr("Không thu"))
        self.on_the_spot.setVisible(bool(d.on_the_spot))  # only for procedures resolved at the counter
        self.on_the_spot.setChecked(bool(d.on_the_spot))
        self.save_button.setText(self.tr("Tiếp nhận và trả kết quả (Ctrl+S)") if d.on_the_spot
                                 else self.tr("Tiếp nhận (Ctrl+S)"))
        self.checklist.set_documents(d.documents)
        for w in self.checklist.focus_chain():
            w.installEventFilter(self)
        self._set_tab_order()

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
        try:
            draft.validated(self._policy())
        except FormErrors as exc:
            errors += exc.errors
        if errors:
            present_error(FormErrors(errors), self.bar, self.fields)
            return
        self.fields.clear()
        self.bar.show_info(self.tr("Đang lưu hồ sơ…"))
        self._set_busy(True)
        ctx, actor, number, pid = self.ctx, self.actor, self.ticket_number, self.procedure.id  # type: ignore[union-attr]
        at_once = not self.on_the_spot.isHidden() and self.on_the_spot.isChecked()
        request_id = self.request_id

        def work() -> DossierView:
            ticket_id = ticket_id_by_number(ctx, number) if number else None
            return receive_dossier(ctx, actor, pid, draft, ticket_id, resolve_on_the_spot=at_once,
                                   request_id=request_id)

        self.worker.submit(work, self._on_saved, self._on_save_failed)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.save_button, self.form02_button, self.form03_button):
            b.setEnabled(not busy)

    def _on_saved(self, dossier: DossierView) -> None:
        self._set_busy(False)
        self.dossier, self.request_id = dossier, uuid.uuid4()
        self.saved.emit(dossier)
        self.receipt_dialog = ReceiptDialog(self.ctx, dossier.code, self.parentWidget(), self._folder("receipts"))
        self.receipt_dialog.open()
        self._discard_confirmed = True
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, StoreUnavailable):
            self.bar.show_environment(
                self.tr("Chưa lưu được hồ sơ: %1 Mọi thông tin đã nhập vẫn được giữ nguyên; bấm «Thử lại» khi có "
                        "kết nối.").replace("%1", str(exc).rstrip(".") + "."), self._on_save_triggered)
        else:
            present_error(exc, self.bar, self.fields, retry=self._on_save_triggered)

    def _folder(self, kind: str) -> Path:
        """Where written PDFs go: the injected folder, else the data dir's `receipts` or `forms`."""
        if self.out_dir is not None:
            return self.out_dir
        return receipts_dir() if kind == "receipts" else data_dir() / "forms"

    # --- Mẫu 02 / 03 ---------------------------------------------------------------------------------------------

    def _on_form_triggered(self, number: str) -> None:
        errors = []
        if self.procedure is None:
            errors.append(ValidationError("procedure", self.tr("Chọn thủ tục trước khi in phiếu")))
        if not self.applicant_name.text().strip():
            errors.append(ValidationError("applicant_name", self.tr("Ghi tên người nộp để in trên phiếu")))
        if errors:
            present_error(FormErrors(errors), self.bar, self.fields)
            return
        self.fields.clear()
        self.bar.hide()
        self.form_dialog = FormRequestDialog(number, self.checklist.names(), set(self.checklist.not_received()), self)
        self.form_dialog.accepted.connect(self._on_form_dialog_accepted)
        self.form_dialog.open()

    def _on_form_dialog_accepted(self) -> None:
        dialog = self.form_dialog
        assert dialog is not None and self.procedure is not None
        ctx, actor, number, procedure = self.ctx, self.actor, dialog.number, self.procedure
        applicant = (self.applicant_name.text(), self.address.text(), self.phone.text())
        items, reason = dialog.items(), dialog.reason_text()
        out = self._folder("forms") / f"mau{number}-{datetime.now():%Y%m%d-%H%M%S}.pdf"
        ticket_number = self.ticket_number

        def work() -> Path:
            ticket_id = ticket_id_by_number(ctx, ticket_number) if ticket_number else None
            return issue_not_received_form(ctx, actor, number, procedure.id, applicant, items, reason, out, ticket_id)

        self.worker.submit(work,
                           lambda path: self._on_form_rendered(number, path),
                           lambda exc: present_error(exc, self.bar, retry=self._on_form_dialog_accepted))

    def _on_form_rendered(self, number: str, path: Path) -> None:
        self.bar.show_info(self.tr("Đã tạo %1: %2 (hồ sơ không được tiếp nhận)")
                           .replace("%1", self.tr(TITLES[number])).replace("%2", str(path)))
        self.pdf_dialog = PdfDialog(self.tr(TITLES[number]), self)
        self.pdf_dialog.show_pdf(path)
        self.pdf_dialog.open()

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
