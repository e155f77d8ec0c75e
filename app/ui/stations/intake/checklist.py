"""The intake form's document checklist: the procedure's documents, ticked when handed in, with their counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QGridLayout, QLabel, QSpinBox, QWidget

from app.domain.catalog import DocumentDraft, DocumentKind
from app.domain.dossier import MAX_COPIES, DocumentReceived


class WrappedName(QLabel):
    """A document name on as many lines as its width needs, and as tall as they are (a grid in a scroll area does
    not ask a word-wrapped label its height for the width it gets: 1024 px windows cut the third line)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class DocumentsChecklist(QWidget):
    """The procedure's documents: ticked when handed in, with original / certified copy / photocopy counts."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QCheckBox, QLabel, tuple[QSpinBox, QSpinBox, QSpinBox]]] = []
        self._header()

    def _header(self) -> None:
        for col, text in enumerate([self.tr("Nhận"), self.tr("Tên giấy tờ"), self.tr("Bản chính"),
                                    self.tr("Bản sao CT"), self.tr("Bản photo")]):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, col)

    def set_documents(self, documents: list[DocumentDraft]) -> None:
        """Show a procedure's documents, each ticked with the catalogue's count in its column."""
        for box, label, spins in self.rows:
            for w in (box, label, *spins):
                w.deleteLater()
        self.rows = []
        kinds = [k.value for k in DocumentKind]
        for r, doc in enumerate(documents, start=1):
            box, label = QCheckBox(), WrappedName(doc.name)
            box.setChecked(True)
            box.setToolTip(doc.name)
            label.setBuddy(box)
            spins = tuple(QSpinBox() for _ in kinds)
            for kind, spin in zip(kinds, spins):
                spin.setRange(0, MAX_COPIES)
                spin.setValue(doc.count if doc.kind == kind else 0)
                spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.setFixedWidth(64)
            box.toggled.connect(lambda on, s=spins: [x.setEnabled(on) for x in s])
            for col, w in enumerate((box, label, *spins)):
                self.grid.addWidget(w, r, col)
            self.rows.append((box, label, spins))  # type: ignore[arg-type]
        for r in range(max(self.grid.rowCount(), len(documents) + 2)):  # the room left goes under the last row
            self.grid.setRowStretch(r, 1 if r == len(documents) + 1 else 0)

    def received(self) -> list[DocumentReceived]:
        """The ticked documents with their counts."""
        return [DocumentReceived(label.text(), *(s.value() for s in spins))
                for box, label, spins in self.rows if box.isChecked()]

    def not_received(self) -> list[str]:
        """Names of the documents not ticked (what Mẫu 02 asks for)."""
        return [label.text() for box, label, _spins in self.rows if not box.isChecked()]

    def names(self) -> list[str]:
        """Every document name of the procedure."""
        return [label.text() for _box, label, _spins in self.rows]

    def focus_chain(self) -> list[QWidget]:
        """The widgets in Tab order, row by row."""
        return [w for box, _label, spins in self.rows for w in (box, *spins)]
