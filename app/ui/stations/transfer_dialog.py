"""The transfer dialog of the counter (chuyển số): pick the target service, optionally one counter, by keyboard."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import fold


@dataclass(frozen=True)
class TransferTarget:
    """A service the ticket can go to, with its waiting count (None: not known, offline) and the counters that
    call it."""

    code: str
    name: str
    waiting: int | None
    counters: tuple[int, ...]


def matching(targets: list[TransferTarget], typed: str) -> list[TransferTarget]:
    """Targets whose code starts with, or whose name contains, what was typed (accents ignored); codes first."""
    key = fold(typed)
    if not key:
        return list(targets)
    by_code = [t for t in targets if fold(t.code).startswith(key)]
    by_name = [t for t in targets if t not in by_code and key in fold(t.name)]
    return by_code + by_name


class TransferDialog(QDialog):
    """Type to filter, arrows to move, Enter to transfer, Escape to cancel; `chosen()` gives (code, counter)."""

    def __init__(self, ticket: str, targets: list[TransferTarget], own_counter: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._targets, self._own_counter = targets, own_counter
        self.setWindowTitle(self.tr("Chuyển số %1").replace("%1", ticket))
        self.setMinimumWidth(560)
        heading = QLabel(self.tr("Chuyển số <b>%1</b> sang dịch vụ:").replace("%1", ticket))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Gõ mã hoặc tên dịch vụ, ↑/↓ để chọn"))
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.installEventFilter(self)
        self.services = QListWidget()
        self.services.setMinimumHeight(220)
        self.services.currentItemChanged.connect(self._on_services_current_item_changed)
        self.services.itemActivated.connect(self.accept)
        self.counter = QComboBox()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Chuyển (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Đến quầy (không bắt buộc)"), self.counter)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.services, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill(targets)
        self.filter.setFocus()

    def chosen(self) -> tuple[str, int | None] | None:
        """The chosen service code and counter (None = any counter), or None when nothing matches."""
        item = self.services.currentItem()
        if item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole), self.counter.currentData()

    def accept(self) -> None:
        """Enter: only with a service chosen."""
        if self.chosen() is not None:
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/Page keys typed in the filter move the list selection."""
        moves = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in moves:
                self.services.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def _fill(self, targets: list[TransferTarget]) -> None:
        self.services.clear()
        for t in targets:
            waiting = self.tr("%1 đang chờ").replace("%1", str(t.waiting)) if t.waiting is not None else ""
            item = QListWidgetItem(f"{t.code} — {t.name}   ({waiting})" if waiting else f"{t.code} — {t.name}")
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            self.services.addItem(item)
        if targets:
            self.services.setCurrentRow(0)
        self.ok_button.setEnabled(bool(targets))

    def _on_filter_text_changed(self, text: str) -> None:
        self._fill(matching(self._targets, text))

    def _on_services_current_item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.counter.clear()
        self.counter.addItem(self.tr("Quầy bất kỳ phục vụ dịch vụ này"), None)
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        target = next((t for t in self._targets if t.code == code), None)
        for number in target.counters if target else ():
            if number != self._own_counter:
                self.counter.addItem(self.tr("Quầy số %1").replace("%1", str(number)), number)
