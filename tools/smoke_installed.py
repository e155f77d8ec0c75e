"""Smoke-run an installed motcua (a wheel in a fresh venv, or the PyInstaller bundle) from outside the source tree.

    python3 tools/smoke_installed.py PATH/TO/motcua [--stations]

Runs in a new temporary folder with its own data and config folders: --version, db upgrade on a new SQLite file,
seed demo, dossier receive, print receipt (every font embedded), report period as PDF (every font embedded) and,
with --stations, opens each station window offscreen for a moment and checks it closed cleanly. Standard library
only: the bundle has no Python of its own to run this with. Exits non-zero at the first failure, saying which.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATIONS = (("kiosk", "--windowed"), ("display", "--windowed"), ("rating", "--counter", "1", "--windowed"),
            ("counter", "--counter", "1", "--windowed"), ("supervisor", "--windowed"), ("admin",))


class SmokeFailed(Exception):
    """One step did not do what it must."""


def run(exe: str, *args: str, env: dict[str, str], cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run one motcua command; fail on a non-zero exit or a traceback."""
    started = time.monotonic()
    done = subprocess.run([exe, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - started
    print(f"  motcua {' '.join(args)}  ->  exit {done.returncode} in {took:.2f} s")
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SmokeFailed(f"motcua {' '.join(args)} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def fonts_embedded(pdf: Path) -> None:
    """Every font of the PDF is embedded (poppler's pdffonts, column 'emb')."""
    if not pdf.is_file() or pdf.stat().st_size < 1000:
        raise SmokeFailed(f"{pdf.name} was not written")
    if shutil.which("pdffonts") is None:
        if os.environ.get("CI") == "true":
            raise SmokeFailed("pdffonts (poppler-utils) is needed under CI=true")
        print(f"  {pdf.name}: pdffonts not installed, fonts not checked")
        return
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    if not rows:
        raise SmokeFailed(f"{pdf.name} has no fonts")
    # columns: name type encoding emb sub uni object ID; 'emb' is the 5th field from the end
    not_embedded = [r.split()[0] for r in rows if r.split()[-5] != "yes"]
    if not_embedded:
        raise SmokeFailed(f"{pdf.name}: fonts not embedded: {', '.join(not_embedded)}")
    print(f"  {pdf.name}: {len(rows)} fonts, all embedded")


def smoke(exe: str, stations: bool) -> None:
    """Every step, in a throwaway folder far from the source tree."""
    with tempfile.TemporaryDirectory(prefix="motcua-smoke-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
        env.update(MOTCUA_DATA_DIR=str(work / "data"), MOTCUA_CONFIG_DIR=str(work / "config"),
                   QT_QPA_PLATFORM="offscreen")
        db = f"sqlite:///{work / 'motcua.sqlite3'}"
        config = work / "config" / "motcua.toml"
        config.parent.mkdir(parents=True)
        config.write_text(f'database_url = "{db}"\nstation = "admin"\ncounter_number = 1\n', encoding="utf-8")
        print(f"{exe}  (in {work})")
        version = run(exe, "--version", env=env, cwd=work).stdout.strip()
        if not version.startswith("motcua "):
            raise SmokeFailed(f"--version printed {version!r}")
        run(exe, "db", "upgrade", env=env, cwd=work)
        run(exe, "db", "check", env=env, cwd=work)
        run(exe, "seed", "demo", env=env, cwd=work)
        code = run(exe, "dossier", "receive", "--procedure", "DEMO.SXD.004", "--name", "Nguyễn Thị Ánh Tuyết",
                   "--id-number", "001185012345", "--phone", "0912345678", "--address", "Số 12, đường Trần Hưng Đạo",
                   env=env, cwd=work).stdout.strip()
        if "-" not in code:
            raise SmokeFailed(f"dossier receive printed {code!r}, not a dossier code")
        run(exe, "print", "receipt", code, "--out", "receipt.pdf", env=env, cwd=work)
        fonts_embedded(work / "receipt.pdf")
        run(exe, "report", "period", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "pdf", "--out",
            "period.pdf", env=env, cwd=work)
        fonts_embedded(work / "period.pdf")
        if stations:
            for station in STATIONS:
                done = run(exe, *station, env=dict(env, MOTCUA_SMOKE_EXIT_MS="400"), cwd=work, timeout=120)
                if "motcua: ready" not in done.stderr:
                    raise SmokeFailed(f"motcua {' '.join(station)} never showed a window:\n{done.stderr}")


def main() -> int:
    """Parse the arguments and run the smoke steps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", help="the motcua executable to try")
    parser.add_argument("--stations", action="store_true", help="also open every station window for a moment")
    args = parser.parse_args()
    exe = str(Path(args.exe).resolve())
    try:
        smoke(exe, args.stations)
    except (SmokeFailed, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke: every step passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
