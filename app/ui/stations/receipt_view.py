"""Previewing, saving and printing a dossier form PDF; the receipt (Mẫu 01, giấy tiếp nhận và hẹn trả kết quả).

PySide6-Essentials has no QtPdf, so pages are rendered to images by poppler's `pdftoppm` (through QProcess); without
it the dialog shows the file path and printing hands the PDF to the operating system's viewer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess, QStandardPaths, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.config import data_dir
from app.printing.forms import ReceiptData
from app.services import dossier_forms
from app.services.context import Context
from app.ui.errors import MessageBar, present_error
from app.ui.worker import Worker

PREVIEW_DPI = 80
PRINT_DPI = 300


def receipts_dir() -> Path:
    """Where receipts are written: the data dir's `receipts` folder."""
    return data_dir() / "receipts"


def pdftoppm() -> str:
    """The path of poppler's `pdftoppm` ('' when it is not installed)."""
    return QStandardPaths.findExecutable("pdftoppm")


class PdfDialog(QDialog):
    """Shows a form PDF as an image of its first page, with «Lưu PDF…», «In» and «Đóng»."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 760)
        self.path: Path | None = None
        self._process: QProcess | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="motcua-preview-")
        self.bar = MessageBar()
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.location = QLabel()
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel(self.tr("Đang tạo phiếu…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #90a4ae; }")
        self.save_button = QPushButton(self.tr("Lưu PDF… (Ctrl+S)"))
        self.print_button = QPushButton(self.tr("In (Ctrl+P)"))
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+S"), self, self._on_save_clicked)
        QShortcut(QKeySequence("Ctrl+P"), self, self._on_print_clicked)
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.location)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def set_title(self, title: str) -> None:
        """The window title and the heading."""
        self.setWindowTitle(title)
        self.heading.setText(title)

    def show_pdf(self, path: Path, summary: str = "") -> None:
        """Show a written PDF: its path, and its first page (or `summary` when pages cannot be drawn)."""
        self.path = path
        self.location.setText(self.tr("Tệp: %1").replace("%1", str(path)))
        for button in (self.save_button, self.print_button):
            button.setEnabled(True)
        program = pdftoppm()
        if not program:
            self.preview.setText(summary or self.tr("Không có công cụ xem trước (pdftoppm); mở tệp ở trên."))
            return
        stem = Path(self._tmp.name) / "preview"
        self._process = QProcess(self)
        self._process.finished.connect(lambda code, _status: self._on_preview_finished(code, stem, summary))
        self._process.start(program, ["-png", "-r", str(PREVIEW_DPI), "-f", "1", "-l", "1", "-singlefile",
                                      str(path), str(stem)])

    def preview_ready(self) -> bool:
        """Whether the preview shows the page (tests wait for it)."""
        return not self.preview.pixmap().isNull()

    def _on_preview_finished(self, code: int, stem: Path, summary: str) -> None:
        image = stem.with_suffix(".png")
        if code != 0 or not image.exists():
            self.preview.setText(summary or self.tr("Không xem trước được; mở tệp ở trên."))
            return
        self.preview.setPixmap(QPixmap(str(image)))

    def _on_save_clicked(self) -> None:
        if self.path is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu PDF"), str(Path.home() / self.path.name),
                                                self.tr("Tệp PDF (*.pdf)"))
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        """Copy the PDF to `target` and say where it went (or why not)."""
        assert self.path is not None
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            self.bar.show_error(self.tr("Không lưu được vào %1: %2").replace("%1", str(target))
                                .replace("%2", exc.strerror or str(exc)))
            return
        self.bar.show_info(self.tr("Đã lưu %1").replace("%1", str(target)))

    def _on_print_clicked(self) -> None:
        if self.path is None:
            return
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # no print support in this Qt: the system's PDF viewer prints
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.open()

    def print_to(self, printer: QPrinter) -> bool:  # type: ignore[name-defined] # noqa: F821
        """Print every page (rendered at 300 dpi) on `printer`; without pdftoppm the OS viewer prints."""
        assert self.path is not None
        program = pdftoppm()
        pages_dir = Path(self._tmp.name) / "print"
        pages_dir.mkdir(exist_ok=True)
        if not program or QProcess.execute(program, ["-png", "-r", str(PRINT_DPI), str(self.path),
                                                     str(pages_dir / "page")]) != 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.bar.show_environment(self.tr("Máy in không sẵn sàng; phiếu chưa được in."), self._on_print_clicked)
            return False
        for i, page in enumerate(sorted(pages_dir.glob("page*.png"))):
            if i:
                printer.newPage()
            image = QImage(str(page))
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
        painter.end()
        self.bar.show_info(self.tr("Đã gửi phiếu tới máy in."))
        return True

    def done(self, result: int) -> None:
        """Stop a running preview and drop the temporary images when the dialog closes."""
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(1000)
        super().done(result)
        self._tmp.cleanup()


class RenderedPdfDialog(PdfDialog):
    """A PdfDialog whose PDF is written in the worker first (`_job`), then previewed; a failure is shown with
    «Thử lại» and a file that cannot be written is named as such."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.worker = Worker(self, threads=1)

    def _job(self) -> Callable[[], tuple[Path, str]]:
        """What the worker runs: write the PDF, return (its path, a text summary for when it cannot be drawn)."""
        raise NotImplementedError

    def _render(self) -> None:
        self.worker.submit(self._job(), self._on_rendered, self._on_render_failed)

    def _on_rendered(self, result: tuple[Path, str]) -> None:
        self.show_pdf(*result)

    def _on_render_failed(self, exc: BaseException) -> None:
        self.preview.setText(self.tr("Chưa tạo được phiếu."))
        if isinstance(exc, OSError):
            self.bar.show_environment(self.tr("Không ghi được tệp phiếu: %1").replace("%1", str(exc)), self._render)
        else:
            present_error(exc, self.bar, retry=self._render)

    def done(self, result: int) -> None:
        """Let the rendering finish before the dialog goes."""
        self.worker.shutdown()
        super().done(result)


class ReceiptDialog(RenderedPdfDialog):
    """Mẫu 01 of a stored dossier: written to `out_dir/CODE.pdf` in the worker, then previewed. With `data` (a
    dossier received offline, its page made from the station's journal) the store is not read."""

    def __init__(self, ctx: Context, code: str, parent: QWidget | None = None, out_dir: Path | None = None,
                 data: ReceiptData | None = None) -> None:
        super().__init__("", parent)
        self.set_title(self.tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1").replace("%1", code))
        self.ctx, self.code, self.data = ctx, code, data
        self.out_dir = out_dir or receipts_dir()
        self._render()

    def _job(self) -> Callable[[], tuple[Path, str]]:
        ctx, code, out, known = self.ctx, self.code, self.out_dir / f"{self.code}.pdf", self.data

        def work() -> tuple[Path, str]:
            out.parent.mkdir(parents=True, exist_ok=True)
            data = known or dossier_forms.receipt_data(ctx, code)  # read once: the page and its text summary
            return dossier_forms.render_receipt(ctx, code, out, data), _summary(data)

        return work


def _summary(d: ReceiptData) -> str:
    """The receipt as text, shown when the page cannot be drawn."""
    return "\n".join([f"Mã hồ sơ: {d.code}", f"Người nộp: {d.applicant_name}", f"Thủ tục: {d.request}",
                      f"Nhận lúc: {d.received_at:%H:%M %d/%m/%Y}", f"Hẹn trả: {d.due_at:%H:%M %d/%m/%Y}",
                      f"Nơi trả: {d.result_place}"])
