"""`motcua dossier show` writes the fee with dots between thousands and leaves the words around it alone."""

from __future__ import annotations

from datetime import datetime, timezone

from app.cli.cmd_dossier import show_text
from app.services.dossiers import DossierView


def test_the_fee_line_keeps_its_comma() -> None:
    fields = {name: None for name in DossierView.__dataclass_fields__}
    view = DossierView(**{**fields, "code": "000.00.02.H33-261130-0001", "status_label": "Đã tiếp nhận",  # type: ignore[arg-type]
                          "sets": 1, "register_line": 7, "fee_vnd": 1_500_000, "documents": [], "events": [],
                          "received_at": datetime(2026, 11, 30, 1, 0, tzinfo=timezone.utc)})
    text = show_text(view)
    assert "Số bộ: 1; sổ theo dõi dòng 7; phí, lệ phí: 1.500.000 đồng; chưa thu" in text.splitlines()
    assert "Nhận lúc: 08:00 30/11/2026; hẹn trả: —" in text.splitlines()
