"""The supervisor's "Trực tiếp" tab: today's hall at a glance, read again whenever the store says it changed."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.domain.queue import TicketStatus
from app.domain.satisfaction import level_label
from app.services import daily_review
from app.domain.text import duration
from app.services.daily_review import LiveBoard
from app.ui.errors import present_error
from app.ui.i18n import text_of
from app.ui.supervisor.base import SupervisorEnv, caption, fill
from app.ui.tables import read_only_table


def shown_duration(seconds: float | None) -> str:
    """A duration with its units (app.domain.text.duration) in the window's language."""
    return text_of(duration(seconds))


class LiveTab(QWidget):
    """Counts of today, the longest wait now, the votes, the queue per service, and per counter its officer, the
    number it holds, how many it served today and their mean service time."""

    def __init__(self, env: SupervisorEnv) -> None:
        super().__init__()
        self.env = env
        self.board: LiveBoard | None = None
        self._reloading = self._reload_again = False
        grid = QGridLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.longest = QLabel()
        self.longest.setObjectName("longest")
        self.ratings_label = QLabel()
        self.ratings_label.setObjectName("summary")
        self.services_table = read_only_table([self.tr("Mã"), self.tr("Dịch vụ"), self.tr("Đang chờ"),
                                               self.tr("Ưu tiên"), self.tr("Chờ lâu nhất")])
        self.counters_table = read_only_table([self.tr("Quầy"), self.tr("Cán bộ"), self.tr("Số"), self.tr("Trạng thái"),
                                               self.tr("Đã phục vụ"), self.tr("Phục vụ TB")])
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.longest, 1, 0)
        grid.addWidget(self.ratings_label, 1, 1)
        grid.addWidget(caption(self.tr("Hàng chờ theo dịch vụ")), 2, 0)
        grid.addWidget(caption(self.tr("Các quầy")), 2, 1)
        grid.addWidget(self.services_table, 3, 0)
        grid.addWidget(self.counters_table, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def reload(self) -> None:
        """Read today's board again (a reload asked for meanwhile runs once this one is back)."""
        if self._reloading:
            self._reload_again = True
            return
        self._reloading = True
        ctx, actor = self.env.ctx, self.env.actor
        self.env.worker.submit(lambda: daily_review.live_board(ctx, actor), self._on_board_loaded,
                               self._on_board_failed)

    def _on_board_loaded(self, board: LiveBoard) -> None:
        self.board = board
        self._reloading = False
        self.summary.setText(self.tr("Hôm nay: %1 số đã lấy · %2 đang chờ · %3 đã phục vụ · %4 vắng mặt")
                             .replace("%1", str(board.issued)).replace("%2", str(board.waiting))
                             .replace("%3", str(board.served)).replace("%4", str(board.no_shows)))
        self.longest.setText(self.tr("Chờ lâu nhất hiện nay: %1").replace(
            "%1", shown_duration(board.longest_wait_now) if board.waiting else self.tr("không có ai chờ")))
        votes = sum(board.ratings.values())
        levels = ", ".join(f"{text_of(level_label(k))}: {v}"
                           for k, v in sorted(board.ratings.items()))
        self.ratings_label.setText(self.tr("Đánh giá hôm nay: %1 lượt").replace("%1", str(votes))
                                   + (f" ({levels})" if levels else ""))
        fill(self.services_table, [(v.code, v.name, v.waiting, v.priority_waiting,
                                    shown_duration(board.longest_wait_seconds.get(v.code)))
                                   for v in board.status.services], numeric_from=2)
        today = board.counters
        fill(self.counters_table, [(c.number, today[c.number].officer_name or "—", c.ticket or "—",
                                    TicketStatus(c.status).label if c.status else self.tr("Chưa có số"),
                                    today[c.number].served, shown_duration(today[c.number].service_mean) or "—")
                                   for c in board.status.counters], numeric_from=4)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _on_board_failed(self, exc: BaseException) -> None:
        self._reloading = self._reload_again = False
        present_error(exc, self.env.bar, retry=self.reload)

    def waiting(self, code: str) -> str:
        """The waiting count the board shows for a service ('' before the first load)."""
        for r in range(self.services_table.rowCount()):
            if self.services_table.item(r, 0).text() == code:
                return self.services_table.item(r, 2).text()
        return ""
