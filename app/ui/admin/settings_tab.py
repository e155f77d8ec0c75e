"""The settings tab: the centre-wide settings (declared in app.config), one editor per setting."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QSpinBox, QVBoxLayout, QWidget)

from app.config import SETTINGS, ConfigError, SettingSpec
from app.domain.errors import FormErrors, ValidationError
from app.services import settings
from app.ui.admin.base import AdminEnv, AdminTab, button_row
from app.ui.errors import FieldErrors, present_error
from app.ui.i18n import text_of

CHOICE_LABELS = {"north": "Miền Bắc (mươi, linh)", "south": "Miền Nam (chục, lẻ)"}


def _editor(declared: SettingSpec) -> QWidget:
    if declared.choices:
        combo = QComboBox()
        for choice in declared.choices:
            combo.addItem(CHOICE_LABELS.get(str(choice), str(choice)), choice)
        return combo
    if declared.type is bool:
        return QCheckBox()
    if declared.type is int:
        spin = QSpinBox()
        spin.setRange(0, 1_000_000)
        return spin
    return QLineEdit()


CAPTION_PX = 760  # a setting's name on one line up to this width, wrapped beyond


class SettingsTab(AdminTab):
    """Edit the centre's own settings; saved together, a bad value saves nothing."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Cài đặt")
        self.fields = FieldErrors()
        self.specs = [s for s in SETTINGS if s.scope == "centre"]
        self.editors: dict[str, QWidget] = {s.key: _editor(s) for s in self.specs}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each name above its field, the whole width
        for s in self.specs:
            caption = QLabel(text_of(s.label))
            caption.setWordWrap(True)  # a long setting's name wraps instead of widening the form past its box
            caption.setMinimumWidth(min(caption.fontMetrics().horizontalAdvance(caption.text()) + 4, CAPTION_PX))
            form.addRow(caption, self.fields.wrap(s.key, self.editors[s.key]))
        save = QPushButton(self.tr("Lưu cài đặt (Ctrl+S)"))
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Hủy thay đổi (Esc)"))
        cancel.clicked.connect(self.cancel)
        box = QWidget()
        box.setMaximumWidth(820)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(self.tr("Cài đặt chung của trung tâm (áp dụng cho mọi máy trạm).")))
        inner.addLayout(form)
        inner.addWidget(button_row(cancel, save))
        inner.addStretch(1)
        scroll = QScrollArea()  # every setting reachable on a short screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(box)
        QVBoxLayout(self).addWidget(scroll)

    def load(self) -> None:
        ctx = self.env.ctx
        self.run(lambda: settings.get_centre_settings(ctx), self._on_loaded, retry=self.load)

    def cancel(self) -> None:
        self.fields.clear()
        self.load()

    def _on_loaded(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            editor = self.editors.get(key)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def _values(self) -> dict[str, Any]:
        """The typed values, each checked against its declaration (errors at the field)."""
        values, errors = {}, []
        for s in self.specs:
            editor = self.editors[s.key]
            raw: Any = (editor.currentData() if isinstance(editor, QComboBox) else
                        editor.isChecked() if isinstance(editor, QCheckBox) else
                        editor.value() if isinstance(editor, QSpinBox) else editor.text())  # type: ignore[union-attr]
            try:
                values[s.key] = s.coerce(raw)
            except ConfigError as exc:
                errors.append(ValidationError(s.key, exc.args[0] if exc.args else str(exc)))
        if errors:
            raise FormErrors(errors)
        return values

    def save(self) -> None:
        try:
            values = self._values()
        except FormErrors as exc:
            present_error(exc, self.env.bar, self.fields)
            return
        ctx, actor = self.env.ctx, self.env.actor
        self.fields.clear()
        self.run(lambda: settings.set_centre_settings(ctx, actor, values), self._on_saved, fields=self.fields,
                 retry=self.save)

    def _on_saved(self, _: object) -> None:
        self.env.bar.show_info(self.tr("Đã lưu cài đặt của trung tâm."))
