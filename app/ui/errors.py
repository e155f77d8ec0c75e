"""Showing errors by their family (app.domain.errors): environment faults plainly with a retry, refusals (domain and
config errors) as messages, form errors at the field, and anything else as our bug, logged with a crash report."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, qCritical
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from app.domain.errors import EnvironmentFault, FormErrors, MotcuaError, ValidationError, disk_fault
from app.domain.privacy import redact
from app.ui.i18n import fill, text_of

log = logging.getLogger(__name__)

_INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"
_ERROR_TEXT, _WARNING_TEXT = "color: #c62828;", "color: #8a5300;"
_BAR_STYLES = {"error": "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
               "info": "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9;",
               "environment": "background:#fff4e5; color:#7a4100; border:1px solid #f3d19e;"}


class FieldErrors:
    """Field name → widget, with a red message label under each widget; shows FormErrors where they belong."""

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

    def wrap(self, field: str, widget: QWidget, target: QWidget | None = None) -> QWidget:
        """A container with `widget` and (hidden until needed) its error label; put it in the layout.

        `target` is the widget to highlight when `widget` is a row of several (default: `widget`)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_TEXT)
        label.hide()
        layout.addWidget(label)
        self._widgets[field], self._labels[field] = target or widget, label
        return box

    def add_row(self, form: QFormLayout, caption: str, field: str, widget: QWidget,
                target: QWidget | None = None) -> None:
        """Add a labelled row to a form layout, with the field's error label under the widget."""
        form.addRow(caption, self.wrap(field, widget, target))

    def has(self, field: str) -> bool:
        """Whether this form shows `field`."""
        return field in self._labels

    def clear(self) -> None:
        """Hide every message and un-highlight every widget."""
        for field, label in self._labels.items():
            label.clear()
            label.hide()
            self._widgets[field].setStyleSheet("")

    def show(self, errors: FormErrors) -> list[str]:
        """Show each message at its field; returns the messages of fields this form does not have."""
        self.clear()
        unplaced = []
        for error in errors.errors:
            label = self._labels.get(error.field)
            if label is None:
                unplaced.append(text_of(error))
                continue
            label.setText("\n".join(filter(None, [label.text(), text_of(error)])))
            label.setStyleSheet(_ERROR_TEXT)
            label.show()
            self._widgets[error.field].setStyleSheet(_INVALID_STYLE)
        first = next((self._widgets[e.field] for e in errors.errors if e.field in self._widgets), None)
        if first is not None:
            first.setFocus()
        return unplaced

    def warn(self, field: str, message: str) -> None:
        """Show a warning at `field` (amber, the widget not marked invalid): the officer may go on."""
        label = self._labels[field]
        label.setText(message)
        label.setStyleSheet(_WARNING_TEXT)
        label.show()

    def label(self, field: str) -> QLabel:
        """The error label of `field`."""
        return self._labels[field]

    def message(self, field: str) -> str:
        """The message shown at `field` ('' when none)."""
        label = self._labels[field]
        return label.text() if not label.isHidden() else ""


class MessageBar(QFrame):
    """A strip at the top of a window: a saved notice, a refused request, or an environment error with a retry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retry: Callable[[], None] | None = None
        self._details = ""
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Thử lại"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.details_button = QPushButton(self.tr("Chi tiết…"))
        self.details_button.clicked.connect(self._on_details_clicked)
        close = QPushButton("×")
        close.setFlat(True)
        close.setToolTip(self.tr("Đóng thông báo"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        for button in (self.retry_button, self.details_button, close):
            layout.addWidget(button)
        self.hide()

    def _show(self, kind: str, text: str, retry: Callable[[], None] | None = None, details: str = "") -> None:
        self.setStyleSheet(f"MessageBar {{ {_BAR_STYLES[kind]} }} QLabel {{ border: none; background: none; }}")
        self.text.setText(text)
        self._retry, self._details = retry, details
        self.retry_button.setVisible(retry is not None)
        self.details_button.setVisible(bool(details))
        self.show()

    def show_info(self, text: str) -> None:
        """A confirmation ("Đã lưu …")."""
        self._show("info", text)

    def show_error(self, text: str) -> None:
        """A refused request (a domain error); ID and phone numbers masked, database values dropped."""
        self._show("error", redact(text))

    def show_environment(self, text: str, retry: Callable[[], None] | None) -> None:
        """The database, a device or the disk is unavailable: say so plainly and offer to try again."""
        self._show("environment", text, retry)

    def show_bug(self, exc: BaseException, report: str | None = None) -> None:
        """Our own bug: shown with the details to report (ID and phone numbers masked) and where its report is."""
        details = redact("".join(traceback.format_exception(exc)))
        where = fill(self.tr(" Báo cáo lỗi: %1"), report) if report else ""
        self._show("error", self.tr("Lỗi phần mềm không mong muốn; thao tác chưa được thực hiện. "
                                    "Hãy báo cho bộ phận kỹ thuật (bấm «Chi tiết…»).") + where, details=details)

    def current_text(self) -> str:
        """The message shown ('' when hidden)."""
        return self.text.text() if not self.isHidden() else ""

    def _on_retry_clicked(self) -> None:
        retry = self._retry
        self.hide()
        if retry is not None:
            retry()

    def _on_details_clicked(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Chi tiết lỗi"), self.text.text(),
                          QMessageBox.StandardButton.Close, self)
        box.setDetailedText(self._details)
        box.open()


def present_error(exc: BaseException, bar: MessageBar, fields: FieldErrors | None = None,
                  retry: Callable[[], None] | None = None) -> None:
    """Show `exc` the way its kind asks: at the fields, as a message, as an environment error, or as a bug."""
    if isinstance(exc, ValidationError) and not isinstance(exc, FormErrors):
        exc = FormErrors([exc])
    exc = disk_fault(exc) or exc
    if isinstance(exc, FormErrors) and fields is not None:
        unplaced = fields.show(exc)
        bar.show_error(QCoreApplication.translate("errors", "Chưa lưu: hãy sửa các ô được đánh dấu đỏ.") if not unplaced else "; ".join(unplaced))
    elif isinstance(exc, EnvironmentFault):
        bar.show_environment(redact(text_of(exc)), retry)
    elif isinstance(exc, MotcuaError):
        bar.show_error(text_of(exc))
    else:
        bar.show_bug(exc, report_bug(exc))


def report_bug(exc: BaseException) -> str | None:
    """Our bug, caught where it was shown: logged (masked at the log's boundary), a crash report written beside the
    log when logging is set up; returns the report's path. Fails a test through Qt's critical log."""
    from app import logs

    log.error("unexpected error", exc_info=exc)
    path = logs.write_crash_report(exc, "lỗi được bắt và báo trong cửa sổ")
    qCritical(f"motcua bug: {type(exc).__name__}: {redact(str(exc))}")  # fails tests (qt_log_level_fail)
    return str(path) if path else None
