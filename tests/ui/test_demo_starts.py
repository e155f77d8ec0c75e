"""`motcua demo`, the first thing a new user runs, starts every station on a fresh machine and keeps running."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def test_demo_starts_and_keeps_running(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOTCUA_DATA_DIR": str(tmp_path / "data"),
           "MOTCUA_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("MOTCUA_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "app", "demo"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None and \
                not (tmp_path / "data" / "demo-printer").exists():
            time.sleep(0.2)
        time.sleep(3)  # the windows load their data in the background meanwhile
        assert proc.poll() is None, proc.communicate()[1]
        assert (tmp_path / "data" / "motcua.sqlite3").exists()
        assert (tmp_path / "data" / "demo-printer").is_symlink()  # the simulated ticket printer is plugged
        assert (tmp_path / "data" / "demo-keypad").is_symlink()  # and counter 1's simulated keypad
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
