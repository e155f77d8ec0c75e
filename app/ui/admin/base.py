"""What every admin tab shares: the context, the signed-in actor, the worker, the message bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableWidget,
                               QVBoxLayout, QWidget)

from app.services.context import Actor, Context
from app.ui.errors import FieldErrors, MessageBar, present_error
from app.ui.tables import read_only_table
from app.ui.worker import Worker


@dataclass
class AdminEnv:
    """The admin window's dependencies, handed to each tab (no global window object)."""

    ctx: Context
    actor: Actor
    worker: Worker
    bar: MessageBar


class AdminTab(QWidget):
    """A tab: loads its data in the background and answers the window's Ctrl+S / Ctrl+N / Escape."""

    title = ""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__()
        self.env = env

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], fields: FieldErrors | None = None,
            retry: Callable[[], None] | None = None) -> None:
        """Run service work in the background; errors shown at `fields` or in the message bar."""
        self.env.worker.submit(fn, on_done, lambda exc: present_error(exc, self.env.bar, fields, retry))

    def load(self) -> None:
        """(Re)read this tab's data from the store."""

    def save(self) -> None:
        """Save the open form (Ctrl+S)."""

    def new(self) -> None:
        """Start a new item (Ctrl+N)."""

    def cancel(self) -> None:
        """Drop the edits in the open form (Escape)."""


def master_detail(tab: AdminTab, table: QTableWidget, heading: QLabel, form: QFormLayout, new_label: str,
                  sizes: tuple[int, int], stretch_form: bool = True) -> QWidget:
    """Lay a tab out as list (with its "new" button) | editor (heading, form, cancel/save); returns the editor,
    disabled until an item is chosen."""
    # the context named, not tab.tr: lupdate would file the texts under "tab", and each tab would look them up under
    # its own class's name
    save = QPushButton(QCoreApplication.translate("AdminTab", "Lưu (Ctrl+S)"))
    cancel = QPushButton(QCoreApplication.translate("AdminTab", "Hủy thay đổi (Esc)"))
    save.clicked.connect(tab.save)
    cancel.clicked.connect(tab.cancel)
    new = QPushButton(new_label)
    new.clicked.connect(tab.new)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addWidget(table, 1)
    left_layout.addWidget(button_row(new))
    editor = QWidget()
    right = QVBoxLayout(editor)
    right.addWidget(heading)
    if stretch_form:
        right.addLayout(form, 1)
    else:
        right.addLayout(form)
        right.addStretch(1)
    right.addWidget(button_row(cancel, save))
    editor.setEnabled(False)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(editor)
    splitter.setSizes(list(sizes))
    QVBoxLayout(tab).addWidget(splitter)
    return editor


def button_row(*buttons: QPushButton, stretch_first: bool = True) -> QWidget:
    """Buttons in a row, pushed to the right."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if stretch_first:
        layout.addStretch(1)
    for b in buttons:
        layout.addWidget(b)
    return box


def make_table(headers: list[str]) -> QTableWidget:
    """A read-only, row-selecting list table (one row at a time: the detail pane edits it)."""
    return read_only_table(headers, single_selection=True)


def fill_table(table: QTableWidget, rows: list[tuple[Any, list[str]]]) -> None:
    """Replace the rows: (key kept in the first cell's user data, cell texts); selection signals kept quiet."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableWidgetItem

    table.blockSignals(True)
    table.setRowCount(len(rows))
    for r, (key, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    table.blockSignals(False)


def row_key(table: QTableWidget, row: int) -> Any:
    """The key stored in a row's first cell (None when no row)."""
    from PySide6.QtCore import Qt

    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def select_key(table: QTableWidget, key: Any) -> None:
    """Make the row holding `key` current."""
    for r in range(table.rowCount()):
        if row_key(table, r) == key:
            table.setCurrentCell(r, 0)
            return
