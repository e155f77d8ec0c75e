"""Every form (Mẫu 01 … 07, originals and copies, for dossiers received or not) and every report PDF the command
line writes: each font in it embedded (pdffonts), none of the 14 standard fonts a viewer would substitute."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app import main as app_main
from app.services import accounts, dossier_csv, dossier_forms
from app.services.context import Context
from tests.printing.test_lifecycle_forms import VN, followed  # noqa: F401 (the fixture)
from tests.tooling import require_tool

DATA = Path(__file__).resolve().parents[1] / "data" / "online-registrations.csv"


def fonts_of(pdf: Path) -> list[tuple[str, bool]]:
    """(name, embedded) of each font pdffonts lists."""
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type encoding emb sub uni object-id generation; the type may be two words ("Type 1", "CID TrueType")
        rows.append((parts[0], parts[-5] == "yes"))
    return rows


def test_every_form_and_report_pdf_embeds_every_font(followed: tuple[Context, str, str],  # noqa: F811
                                                     demo_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, a, b = followed
    officer = accounts.maintenance_acting_as(ctx, "canbo01")
    ctx.clock = lambda: datetime(2023, 10, 30, 9, 0, tzinfo=VN)
    dossier_csv.import_file(ctx, accounts.maintenance_acting_as(ctx, "giamsat"), shutil.copy(DATA, tmp_path / "p.csv"))
    dossier_forms.refuse(ctx, officer, "H33.02-231027-0002", "Không thuộc thẩm quyền")
    accepted = dossier_forms.accept(ctx, officer, "H33.02-231026-0007")[0].code
    out = tmp_path / "pdf"
    commands = {
        "01": ["print", "receipt", a],
        "02": ["dossier", "request-supplement", accepted, "--reason", "Thiếu bản vẽ", "--missing", "Bản vẽ:sao:2"],
        "02-copy": ["print", "form", "02", accepted],
        "03": ["print", "form", "03", "H33.02-231027-0002"],
        "02-not-received": ["print", "form", "02", "--procedure", "DEMO.SXD.004", "--applicant", "Lò Văn Bình",
                            "--missing", "Tờ khai", "--reason", "Thiếu tờ khai"],
        "03-not-received": ["print", "form", "03", "--procedure", "DEMO.SXD.004", "--applicant", "Lò Văn Bình",
                            "--reason", "Không thuộc thẩm quyền"],
        "04": ["print", "form", "04", a],
        "05": ["print", "form", "05", b],
        "06": ["print", "form", "06", a],
        "07": ["print", "form", "07", "--from", "2023-10-01", "--to", "2023-10-31"],
        "period": ["report", "period", "--from", "2023-10-01", "--to", "2023-11-30", "--format", "pdf"],
        "daily": ["report", "daily", "--date", "2023-10-27", "--format", "pdf"],
    }
    for name, args in commands.items():
        pdf = out / f"{name}.pdf"
        monkeypatch.setattr("sys.stdin", io.StringIO("canbo123\n"))  # --officer's password, its first line
        code = app_main.main(["--db", demo_url, *args, "--out", str(pdf), "--officer", "canbo01"]
                             if args[0] in ("dossier",) or args[:2] == ["print", "form"]
                             else ["--db", demo_url, *args, "--out", str(pdf)])
        err = capsys.readouterr().err
        assert code == 0, f"{name}: {err}"
        fonts = fonts_of(pdf)
        assert fonts, f"{name}: no font at all?"
        assert all(embedded for _, embedded in fonts), f"{name}: {fonts}"
        assert not [f for f, _ in fonts if f.split("+")[-1] in ("Helvetica", "Times-Roman", "Courier")], name
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted(commands)
    register = subprocess.run([require_tool("pdftotext"), str(out / "07.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    assert "H33.02-231027-0002" not in register and "Lò Văn Bình" not in register  # refused: never received
