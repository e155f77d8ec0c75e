"""The holidays and working hours tab: public holidays (read-only), the centre's own days, the working periods."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

from app.domain.calendar import WEEKDAY_NAMES
from app.services import workdays
from app.services.workdays import DayOverride
from app.ui.admin.base import AdminEnv, AdminTab, button_row, fill_table, make_table, row_key
from app.ui.admin.inputs import from_qtime, to_qtime
from app.ui.errors import FieldErrors
from app.ui.i18n import text_of
from app.ui.labels import leave_ink_room_for



class PeriodRow(QWidget):
    """One working period: start – end, with a remove button."""

    def __init__(self, start: time, end: time, on_remove: Callable[["PeriodRow"], None]) -> None:
        super().__init__()
        self.start, self.end = QTimeEdit(to_qtime(start)), QTimeEdit(to_qtime(end))
        remove = QPushButton(self.tr("Bỏ"))
        remove.clicked.connect(lambda: on_remove(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.start, QLabel("–"), self.end, remove):
            if isinstance(w, QTimeEdit):
                w.setDisplayFormat("HH:mm")
            layout.addWidget(w)
        layout.addStretch(1)

    def period(self) -> tuple[time, time]:
        """(start, end)."""
        return from_qtime(self.start.time()), from_qtime(self.end.time())


class CalendarTab(AdminTab):
    """Public holidays, the centre's days off and make-up days, and the hours of a working day."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__(env)
        self.title = self.tr("Ngày nghỉ && giờ làm việc")
        self.fields = FieldErrors()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(env.ctx.now().year)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.holidays = make_table([self.tr("Ngày"), self.tr("Ngày lễ, Tết")])
        self.overrides = make_table([self.tr("Ngày"), self.tr("Loại"), self.tr("Lý do")])
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Nghỉ"), "off")
        self.kind.addItem(self.tr("Làm việc"), "work")
        self.note = QLineEdit()
        self.periods_box = QVBoxLayout()
        self._period_rows: list[PeriodRow] = []
        self._build()

    def _build(self) -> None:
        public = QGroupBox(self.tr("Ngày lễ, Tết theo quy định"))
        public_layout = QVBoxLayout(public)
        year_row = QHBoxLayout()
        year_row.addWidget(leave_ink_room_for(QLabel(self.tr("Năm"))))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        public_layout.addLayout(year_row)
        public_layout.addWidget(self.holidays)
        own = QGroupBox(self.tr("Ngày nghỉ, ngày làm việc khác lịch (có lý do)"))
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(self.overrides, 1)
        form = QFormLayout()
        self.fields.add_row(form, self.tr("Ngày"), "day", self.day)
        self.fields.add_row(form, self.tr("Loại"), "kind", self.kind)
        self.fields.add_row(form, self.tr("Lý do"), "note", self.note)
        own_layout.addLayout(form)
        add, remove = QPushButton(self.tr("Thêm / sửa ngày")), QPushButton(self.tr("Xóa ngày đã chọn"))
        add.clicked.connect(self.save_override)
        remove.clicked.connect(self._on_remove_clicked)
        own_layout.addWidget(button_row(remove, add))
        hours = QGroupBox(self.tr("Giờ làm việc trong ngày"))
        hours_layout = QVBoxLayout(hours)
        periods = QWidget()
        periods.setLayout(self.periods_box)
        hours_layout.addWidget(self.fields.wrap("periods", periods))
        add_period, save_periods = QPushButton(self.tr("Thêm buổi")), QPushButton(self.tr("Lưu giờ làm việc"))
        add_period.clicked.connect(lambda: self._add_period(time(13, 30), time(17, 0)))
        save_periods.clicked.connect(self.save)
        hours_layout.addWidget(button_row(add_period, save_periods))
        hours_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(public, 3)
        layout.addWidget(own, 4)
        layout.addWidget(hours, 3)

    def load(self) -> None:
        ctx, year = self.env.ctx, self.year.value()
        self.run(lambda: (workdays.public_holidays(year), workdays.list_overrides(ctx), workdays.working_periods(ctx)),
                 self._on_loaded, retry=self.load)

    def _on_year_value_changed(self, year: int) -> None:
        self.run(lambda: workdays.public_holidays(year), self._show_holidays)

    def _show_holidays(self, holidays: list[tuple[date, str]]) -> None:
        fill_table(self.holidays, [(d, [self._day_text(d), name]) for d, name in holidays])

    def _day_text(self, d: date) -> str:
        return f"{text_of(WEEKDAY_NAMES[d.weekday()])}, {d:%d/%m/%Y}"

    def _on_loaded(self, loaded: tuple[list[tuple[date, str]], list[DayOverride], tuple[tuple[time, time], ...]]
                   ) -> None:
        holidays, overrides, periods = loaded
        self._show_holidays(holidays)
        kinds = {"off": self.tr("Nghỉ"), "work": self.tr("Làm việc")}
        fill_table(self.overrides, [(o.day, [self._day_text(o.day), kinds[o.kind], o.note]) for o in overrides])
        for row in self._period_rows:
            row.deleteLater()
        self._period_rows = []
        for start, end in periods:
            self._add_period(start, end)

    def _add_period(self, start: time, end: time) -> None:
        row = PeriodRow(start, end, self._on_period_removed)
        self._period_rows.append(row)
        self.periods_box.addWidget(row)

    def _on_period_removed(self, row: PeriodRow) -> None:
        self._period_rows.remove(row)
        row.deleteLater()

    def save(self) -> None:
        """Save the working periods (Ctrl+S)."""
        ctx, actor = self.env.ctx, self.env.actor
        periods = [r.period() for r in self._period_rows]
        self.fields.clear()
        self.run(lambda: workdays.set_working_periods(ctx, actor, periods),
                 self._on_saved(self.tr("Đã lưu giờ làm việc.")), fields=self.fields, retry=self.save)

    def save_override(self) -> None:
        """Add or change the day typed in the form."""
        ctx, actor = self.env.ctx, self.env.actor
        q = self.day.date()
        day, kind, note = date(q.year(), q.month(), q.day()), str(self.kind.currentData()), self.note.text()
        self.fields.clear()
        self.run(lambda: workdays.save_override(ctx, actor, day, kind, note),
                 self._on_saved(self.tr("Đã lưu ngày %1.").replace("%1", f"{day:%d/%m/%Y}")), fields=self.fields)

    def new(self) -> None:
        self.day.setFocus()

    def _on_remove_clicked(self) -> None:
        day = row_key(self.overrides, self.overrides.currentRow())
        if day is None:
            return
        ctx, actor = self.env.ctx, self.env.actor
        self.run(lambda: workdays.delete_override(ctx, actor, day),
                 self._on_saved(self.tr("Đã xóa ngày %1.").replace("%1", f"{day:%d/%m/%Y}")))

    def _on_saved(self, message: str) -> Callable[[object], None]:
        def done(_: object) -> None:
            self.env.bar.show_info(message)
            self.load()
        return done
