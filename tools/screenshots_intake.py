"""Screenshot of the intake form (filled, one field error shown) and of its receipt, made offscreen on a demo store.

Run: .venv/bin/python tools/screenshots_intake.py  (writes docs/img/intake.png and docs/img/intake-receipt.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import OUT, SIZE, _wait, demo_context


def main() -> int:
    """Seed a temp demo store, call a DD ticket, fill the intake form with a wrong CCCD, save both PNGs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.services import accounts, hall, queue
    from app.ui.launch import application
    from app.ui.stations.intake import IntakeDialog

    OUT.mkdir(parents=True, exist_ok=True)
    target, receipt_png = OUT / "intake.png", OUT / "intake-receipt.png"
    with demo_context() as ctx, tempfile.TemporaryDirectory() as tmp:
        officer = accounts.sign_in(ctx, "canbo01", "canbo123")
        queue.issue_ticket(ctx, "DD")
        queue.call_next(ctx, officer, 1)
        services = {v.draft.code: v for v in hall.list_services(ctx)}
        app = application()
        dialog = IntakeDialog(ctx, officer, "1001", set(services["DD"].draft.agency_ids), out_dir=Path(tmp))
        dialog.resize(*SIZE)
        dialog.show()
        _wait(app, lambda: dialog.index is not None and not dialog.worker.busy)
        dialog.search.setText("giay phep xay dung")
        dialog.choose_procedure(dialog.results.item(0).data(Qt.ItemDataRole.UserRole))
        dialog.results.setCurrentRow(0)
        for widget, text in ((dialog.applicant_name, "Nguyễn Thị Hoa"), (dialog.id_number, "00108501234"),
                             (dialog.phone, "0912 345 678"), (dialog.email, "hoa.nguyen@example.vn"),
                             (dialog.address, "Số 5, đường Trần Phú, phường Tân Phong, tỉnh Lai Châu")):
            widget.setText(text)
        QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        _wait(app, lambda: dialog.fields.message("id_number") != "")
        app.processEvents()
        dialog.grab().save(str(target))
        dialog.id_number.setText("001085012345")
        QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        _wait(app, lambda: dialog.receipt_dialog is not None and dialog.receipt_dialog.preview_ready())
        receipt = dialog.receipt_dialog
        receipt.resize(760, 768)
        app.processEvents()
        receipt.grab().save(str(receipt_png))
        receipt.accept()
    print(target, receipt_png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
