"""Acting on a dossier from its window: which actions its state allows (the domain's one table), the small dialog
that asks only for what an action needs and runs it, and the preview of Mẫu 04 / 05 / 06.

Field names are those of `app.services.lifecycle.apply_action`, so a refusal naming a field is shown at it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.dossier import DossierStatus
from app.domain.lifecycle import TRANSITIONS, Action
from app.services import dossier_forms, lifecycle, lifecycle_forms
from app.services.context import LOCAL_TZ, Actor, Context
from app.services.dossiers import DossierView
from app.store.engine import StoreUnavailable
from app.ui.dialogs import confirm_buttons
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.i18n import text_of
from app.ui.stations.receipt_view import RenderedPdfDialog
from app.ui.worker import Worker

# what an action may also be given besides what the table says it needs (apply_action's optional details)
OPTIONAL_DETAILS: dict[Action, tuple[str, ...]] = {
    Action.RETURN_RESULT: ("collector",),
    Action.PAID: ("receipt_no", "amount_vnd", "method"),
}
# the form to offer once an action is done: its original (Mẫu 02 after the supplement request, 03 after refusing an
# online registration, 04 after an apology, 05 after a stop); printed again later it is a copy (02, 03)
FORM_AFTER: dict[Action, str] = {Action.REQUEST_SUPPLEMENT: "02", Action.REFUSE: "03", Action.APOLOGY: "04",
                                 Action.STOP: "05"}
# which event of the timeline a form needs before it can be printed (None: always)
FORM_NEEDS_EVENT: dict[str, str | None] = {"02": TRANSITIONS[Action.REQUEST_SUPPLEMENT].event,
                                           "03": TRANSITIONS[Action.REFUSE].event,
                                           "04": TRANSITIONS[Action.APOLOGY].event,
                                           "05": TRANSITIONS[Action.STOP].event, "06": None}
# the forms' titles and the payment methods as the windows name them, marked under this module's name: several
# windows show them, each through form_title / payment_method_label (the PDF forms write their own titles)
_CONTEXT = "dossier_actions"
FORM_TITLES = {"02": QT_TRANSLATE_NOOP("dossier_actions", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"),
               "03": QT_TRANSLATE_NOOP("dossier_actions", "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)"),
               "04": QT_TRANSLATE_NOOP("dossier_actions",
                                       "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04)"),
               "05": QT_TRANSLATE_NOOP("dossier_actions", "Thông báo dừng giải quyết hồ sơ (Mẫu 05)"),
               "06": QT_TRANSLATE_NOOP("dossier_actions", "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)")}
PAYMENT_METHOD_LABELS = {"cash": QT_TRANSLATE_NOOP("dossier_actions", "Tiền mặt"),
                         "transfer": QT_TRANSLATE_NOOP("dossier_actions", "Chuyển khoản"),
                         "card": QT_TRANSLATE_NOOP("dossier_actions", "Thẻ"),
                         "online": QT_TRANSLATE_NOOP("dossier_actions", "Trực tuyến")}


def form_title(number: str) -> str:
    """The title of form `number` ("02" … "06") in the windows' language."""
    return QCoreApplication.translate(_CONTEXT, FORM_TITLES[number])


def payment_method_label(method: str) -> str:
    """A payment method ("cash" …) as the windows name it, in their language; an unknown one as it is stored."""
    label = PAYMENT_METHOD_LABELS.get(method)
    return QCoreApplication.translate(_CONTEXT, label) if label else method


def allowed_actions(status: str) -> list[Action]:
    """The actions the transitions table allows from `status`, in the table's order."""
    current = DossierStatus(status)
    return [action for action, row in TRANSITIONS.items() if current in row.sources]


def capitalised(text: str) -> str:
    """The text with its first letter upper-case (the domain's labels follow «không thể …»)."""
    return text[:1].upper() + text[1:]


class ActionDialog(QDialog):
    """One action on one dossier: asks only for the details it needs, Enter runs it in the worker, Escape cancels.

    A refusal stays in the dialog (at its field, else in the bar) with everything typed kept; on success the
    dialog is accepted and `updated` holds the dossier as it is now."""

    def __init__(self, ctx: Context, actor: Actor, dossier: DossierView, action: Action,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.dossier, self.action = ctx, actor, dossier, action
        self.updated: DossierView | None = None
        self.worker = Worker(self, threads=1)
        self.bar = MessageBar()
        self.fields = FieldErrors()
        self.inputs: dict[str, QWidget] = {}
        title = capitalised(text_of(TRANSITIONS[action].label))
        self.setWindowTitle(self.tr("%1 — hồ sơ %2").replace("%1", title).replace("%2", dossier.code))
        self.setMinimumWidth(520)
        heading = QLabel(self.tr("<b>%1</b><br>Hồ sơ %2 — %3").replace("%1", title).replace("%2", dossier.code)
                         .replace("%3", dossier.applicant_name))
        heading.setWordWrap(True)
        form = QFormLayout()
        for name in self.field_names():
            self.inputs[name] = self._input(name)
            self.fields.add_row(form, self._caption(name), name, self.inputs[name])
        buttons, self.ok_button = confirm_buttons(self, self.tr("Xác nhận (Enter)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(heading)
        if not self.inputs:
            layout.addWidget(QLabel(self.tr("Bấm Enter để xác nhận, Esc để thôi.")))
        layout.addLayout(form)
        layout.addLayout(buttons)
        first = next(iter(self.inputs.values()), self.ok_button)
        first.setFocus()

    def field_names(self) -> tuple[str, ...]:
        """What the table says the action needs, then what it may also be given."""
        needs = TRANSITIONS[self.action].needs
        return needs + tuple(n for n in OPTIONAL_DETAILS.get(self.action, ()) if n not in needs)

    def _caption(self, name: str) -> str:
        captions = {"reason": self.tr("Lý do"), "unit": self.tr("Đơn vị nhận hồ sơ"),
                    "tracking": self.tr("Số hiệu bưu gửi"), "collector": self.tr("Người nhận kết quả"),
                    "new_date": self.tr("Ngày hẹn trả mới"), "receipt_no": self.tr("Số biên lai"),
                    "amount_vnd": self.tr("Số tiền đã nộp"), "method": self.tr("Hình thức nộp"),
                    "items": self.tr("Giấy tờ cần bổ sung")}
        return captions[name]

    def _input(self, name: str) -> QWidget:
        """The widget that asks for one detail, filled with a sensible start where there is one."""
        v = self.dossier
        if name == "new_date":
            widget = QDateEdit()
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("dd/MM/yyyy")
            due = v.due_at.astimezone(LOCAL_TZ).date() if v.due_at else date.today()
            start = due + timedelta(days=7)
            widget.setDate(QDate(start.year, start.month, start.day))
            return widget
        if name == "amount_vnd":
            spin = QSpinBox()
            spin.setRange(0, 2_000_000_000)
            spin.setSingleStep(1000)
            spin.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # 10.000, as printed
            spin.setGroupSeparatorShown(True)
            spin.setSuffix(self.tr(" đồng"))
            spin.setValue(v.fee_vnd)
            return spin
        if name == "method":
            combo = QComboBox()
            for method in lifecycle.PAYMENT_METHODS:
                combo.addItem(payment_method_label(method), method)
            return combo
        line = QLineEdit()
        if name == "unit":
            line.setText(v.agency_name)
            line.selectAll()
        elif name == "collector":
            line.setPlaceholderText(self.tr("Để trống nếu người nộp tự nhận (%1)").replace("%1", v.applicant_name))
        elif name == "items":
            line.setPlaceholderText(self.tr("Tên giấy tờ[:chính|sao|photo[:số lượng]]; giấy tờ khác …"))
        elif name == "reason" and self.action is Action.REFUSE:
            line.setPlaceholderText(self.tr("Các lý do cụ thể, cách nhau bằng dấu ;"))
        return line

    def details(self) -> dict[str, Any]:
        """What was typed, by apply_action's detail names."""
        out: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QDateEdit):
                out[name] = widget.date().toPython()
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
        return out

    def accept(self) -> None:
        """Enter: run the action in the worker (once at a time); the dialog closes only when it succeeded."""
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.bar.hide()
        self.fields.clear()
        ctx, actor, code, action, details = self.ctx, self.actor, self.dossier.code, self.action, self.details()
        self.worker.submit(lambda: _run(ctx, actor, code, action, details), self._on_done, self._on_failed)

    def _on_done(self, view: DossierView) -> None:
        self.updated = view
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        present_error(exc, self.bar, self.fields, retry=self.accept if isinstance(exc, StoreUnavailable) else None)

    def done(self, result: int) -> None:
        """Let a running action finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)


def _run(ctx: Context, actor: Actor, code: str, action: Action, details: dict[str, Any]) -> DossierView:
    """Apply the action (in the worker); a payment with an amount is recorded as a payment."""
    if action is Action.PAID:
        amount = details.pop("amount_vnd", 0)
        method = details.pop("method", "cash")
        if amount:
            return lifecycle.record_payment(ctx, actor, code, amount, method, details.get("receipt_no", ""))
    return lifecycle.apply_action(ctx, actor, code, action, **details)


class FormPreviewDialog(RenderedPdfDialog):
    """Mẫu 02 … 06 of a dossier, written in the worker to `out_dir` and previewed like the receipt. Mẫu 02 / 03
    are the original only when offered right after their action (`original`), a copy ("Bản sao") otherwise."""

    def __init__(self, ctx: Context, actor: Actor, number: str, code: str, out_dir: Path,
                 parent: QWidget | None = None, original: bool = False) -> None:
        super().__init__("", parent)
        self.set_title(self.tr("%1 — %2").replace("%1", form_title(number)).replace("%2", code))
        self.ctx, self.actor, self.number, self.code, self.original = ctx, actor, number, code, original
        self.target = out_dir / f"{code}-mau{number}{'' if original or number not in ('02', '03') else '-ban-sao'}.pdf"
        self._render()

    def _job(self) -> Callable[[], tuple[Path, str]]:
        ctx, actor, number, code, out, original = (self.ctx, self.actor, self.number, self.code, self.target,
                                                   self.original)

        def work() -> tuple[Path, str]:
            out.parent.mkdir(parents=True, exist_ok=True)
            if number in ("02", "03"):
                return dossier_forms.render_copy(ctx, number, code, out, copy=not original), ""
            return lifecycle_forms.render_form(ctx, actor, number, code, out), ""

        return work
