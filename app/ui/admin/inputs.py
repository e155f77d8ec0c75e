"""Small input widgets of the admin forms: money in đồng, an optional hour, a checkable ordered list."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from PySide6.QtCore import QTime, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QTimeEdit, QWidget

from app.domain.errors import ValidationError
from app.domain.text import thousands


def format_dong(amount: int) -> str:
    """1414812973 → "1.414.812.973" (Vietnamese thousands separator)."""
    return thousands(amount)


def to_qtime(value: time) -> QTime:
    """A Python time as a QTime."""
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    """A QTime as a Python time (minutes precision)."""
    return time(value.hour(), value.minute())


class MoneyEdit(QLineEdit):
    """An amount in whole đồng, shown with dots between thousands."""

    def __init__(self, field: str = "fee_vnd") -> None:
        super().__init__()
        self._field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.editingFinished.connect(self._on_editing_finished)

    def set_amount(self, amount: int) -> None:
        """Show an amount."""
        self.setText(format_dong(amount))

    def amount(self) -> int:
        """The typed amount, or ValidationError when it is not a whole non-negative number of đồng."""
        digits = self.text().replace(".", "").replace(" ", "").replace(",", "")
        if not digits:
            return 0
        if not digits.isdigit():
            raise ValidationError(self._field, self.tr("Nhập số đồng nguyên, không âm (vd. 1.500.000)"))
        return int(digits)

    def _on_editing_finished(self) -> None:
        try:
            self.set_amount(self.amount())
        except ValidationError:
            pass  # left as typed; saving shows the message at the field


class OptionalTime(QWidget):
    """A checkbox and an hour: no hour unless ticked (the cut-off hour of a procedure)."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.enabled = QCheckBox(caption)
        self.edit = QTimeEdit()
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def set_value(self, value: time | None) -> None:
        """Show an hour, or none."""
        self.enabled.setChecked(value is not None)
        self.edit.setTime(to_qtime(value or time(11, 0)))

    def value(self) -> time | None:
        """The hour, or None when unticked."""
        return from_qtime(self.edit.time()) if self.enabled.isChecked() else None


class CheckList(QListWidget):
    """Checkable items carrying ids; `move()` reorders the current item (order = preference)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_items(self, items: Iterable[tuple[int, str]], checked: Iterable[int] = ()) -> None:
        """Fill with (id, text); checked ids first, in their order, then the rest."""
        chosen = list(checked)
        items = list(items)
        by_id = dict(items)
        ordered = [(i, by_id[i]) for i in chosen if i in by_id] + [(i, t) for i, t in items if i not in chosen]
        self.clear()
        for item_id, text in ordered:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_ids(self) -> list[int]:
        """Ids of the ticked items, in list order."""
        return [int(self.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.count())
                if self.item(r).checkState() == Qt.CheckState.Checked]

    def set_checked(self, item_id: int, checked: bool = True) -> None:
        """Tick (or untick) the item with `item_id`."""
        for r in range(self.count()):
            if self.item(r).data(Qt.ItemDataRole.UserRole) == item_id:
                self.item(r).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def move(self, step: int) -> None:
        """Move the current item up (-1) or down (+1)."""
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
