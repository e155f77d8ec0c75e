"""The packaging smoke hook (MOTCUA_SMOKE_EXIT_MS): a station started as a real process says when its first window
is on screen and closes cleanly by itself; a sign-in it closes is not reported as a failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _station(url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(QT_QPA_PLATFORM="offscreen", MOTCUA_SMOKE_EXIT_MS="50", MOTCUA_DATA_DIR=str(tmp_path / "data"),
               MOTCUA_CONFIG_DIR=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "app", "--db", url, *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("args", "window"), [(("kiosk", "--windowed"), "KioskWindow"),
                                              (("counter", "--counter", "1", "--windowed"), "SignInDialog")])
def test_a_station_reports_ready_and_closes_itself(demo_url: str, tmp_path: Path, args: tuple[str, ...],
                                                   window: str) -> None:
    done = _station(demo_url, tmp_path, *args)
    assert done.returncode == 0, done.stderr
    assert f"motcua: ready {window} " in done.stderr
    assert "Traceback" not in done.stderr


def test_without_the_variable_nothing_is_armed(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui import smoke

    monkeypatch.delenv(smoke.ENV, raising=False)
    smoke.arm(qapp)
    assert not qapp.property("motcua_smoke_armed")
    assert not smoke.closed_by_smoke(qapp)
