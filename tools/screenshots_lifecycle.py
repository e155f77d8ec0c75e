"""Screenshot of the dossier window (facts, timeline, allowed actions, forms), made offscreen on a demo store.

Run: .venv/bin/python tools/screenshots_lifecycle.py  (writes docs/img/dossier-window.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import OUT, _wait, demo_context

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WINDOW_SIZE = (1180, 640)


def main() -> int:
    """Receive a dossier, follow it for a week (hand-over, supplement, resume, apology), save the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.domain.dossier import IntakeDraft
    from app.services import accounts, dossiers, lifecycle
    from app.ui.launch import application
    from app.ui.stations.dossier_view import DossierViewDialog

    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "dossier-window.png"
    with demo_context() as ctx, tempfile.TemporaryDirectory() as tmp:
        moment = [datetime(2026, 11, 30, 8, 5, tzinfo=VN)]
        ctx.clock = lambda: moment[0].astimezone(UTC)
        receiver = accounts.maintenance_acting_as(ctx, "canbo01")
        officer = accounts.sign_in(ctx, "canbo02", "canbo123")
        draft = IntakeDraft(applicant_name="Nguyễn Thị Ánh Tuyết", id_number="001185012345", phone="0912345678",
                            address="Số 12, đường Trần Hưng Đạo, phường Tân Phong, Lai Châu", birth_year=1985,
                            sex="female")
        code = dossiers.receive_dossier(ctx, receiver, dossiers.procedure_id_by_code(ctx, "DEMO.SXD.004"),
                                        draft).code
        steps: tuple[tuple[datetime, str, dict[str, object]], ...] = (
            (datetime(2026, 11, 30, 9, 40), "hand_over", {"unit": "Phòng Quản lý xây dựng"}),
            (datetime(2026, 12, 2, 10, 15), "request_supplement",
             {"reason": "Thiếu bản vẽ mặt bằng tầng 1 có chữ ký của đơn vị thiết kế"}),
            (datetime(2026, 12, 3, 8, 30), "resume", {}),
            (datetime(2026, 12, 4, 14, 0), "apology",
             {"reason": "Chờ ý kiến thẩm định của Sở Tài chính", "new_date": date(2026, 12, 15)}))
        for at, action, details in steps:
            moment[0] = at.replace(tzinfo=VN)
            lifecycle.apply_action(ctx, officer, code, action, **details)
        moment[0] = datetime(2026, 12, 4, 15, 0, tzinfo=VN)
        app = application()
        window = DossierViewDialog(ctx, code, out_dir=Path(tmp), actor=officer)
        window.resize(*WINDOW_SIZE)
        window.show()
        _wait(app, lambda: window.dossier is not None and not window.worker.busy)
        app.processEvents()
        window.grab().save(str(target))
        window.accept()
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
