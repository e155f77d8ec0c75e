"""What every supervisor tab shares: the context, the signed-in actor, the worker, the message bar, and the
read-only tables and date pickers the tabs are made of."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QTableWidget, QTableWidgetItem

from app.services.context import LOCAL_TZ, Actor, Context
from app.ui.errors import MessageBar, present_error
from app.ui.worker import Worker

STYLE = """
#summary { font-size: 16px; font-weight: bold; color: #263238; padding: 4px; }
#longest { font-size: 16px; font-weight: bold; color: #b71c1c; padding: 4px; }
#caption { font-size: 14px; font-weight: bold; color: #546e7a; }
"""


@dataclass
class SupervisorEnv:
    """The supervisor window's dependencies, handed to each tab (no global window object)."""

    ctx: Context
    actor: Actor
    worker: Worker
    bar: MessageBar

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None], retry: Callable[[], None]) -> None:
        """Run store work in the background; a failure goes to the message bar with `retry`."""
        self.worker.submit(work, done, lambda exc: present_error(exc, self.bar, retry=retry))

    def today(self) -> date:
        """Today in the centre's time zone."""
        return self.ctx.now().astimezone(LOCAL_TZ).date()




def fill(table: QTableWidget, rows: Sequence[Sequence[object]], numeric_from: int = 99) -> None:
    """Replace the rows of `table`; columns from `numeric_from` on are right-aligned."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def caption(text: str) -> QLabel:
    """A heading above a table."""
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def date_edit(day: date) -> QDateEdit:
    """A dd/MM/yyyy date picker with a calendar, showing `day`."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def day_of(edit: QDateEdit) -> date:
    """The date a picker shows."""
    d = edit.date()
    return date(d.year(), d.month(), d.day())
