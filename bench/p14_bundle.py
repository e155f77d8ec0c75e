"""P14: the PyInstaller bundle: its size (≤ 250 MB) and start → counter ready from the bundle (≤ 3 s).

Needs `make bundle` first (dist/motcua/). The bundle's `motcua counter --counter 1 --windowed` runs under
`QT_QPA_PLATFORM=offscreen` with MOTCUA_SMOKE_EXIT_MS (app/ui/smoke.py), which prints a line on stderr the moment
the first window is exposed; wall time is from just before the spawn to that line. The counter's first window is
the sign-in dialog, where a person types a password: the bundle has no way to sign in without one (and must not
get one), so "start → counter ready" is that time plus what comes after the password, "sign-in → ready to call",
measured by P10's child from the source tree on the same machine (the same code; the bundle adds nothing after
start-up). The kiosk, which has no sign-in, is timed whole as a cross-check.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PROJECT, Row, Section, s, say, seeded_store, verdict

BUNDLE = PROJECT / "dist" / "motcua"
TARGET_MB = 250
TARGET_S = 3.0
RUNS = 7


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _until_ready(args: list[str], tmp: Path) -> float:
    """Seconds from spawning the bundle to its 'ready' line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(QT_QPA_PLATFORM="offscreen", MOTCUA_DATA_DIR=str(tmp / "data"), MOTCUA_CONFIG_DIR=str(tmp / "config"),
               MOTCUA_SMOKE_EXIT_MS="0")
    start = time.monotonic()
    proc = subprocess.Popen([str(BUNDLE / "motcua"), *args], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    ready = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("motcua: ready") and ready is None:
            ready = time.monotonic() - start
    proc.wait(timeout=60)
    if ready is None:
        raise RuntimeError(f"motcua {' '.join(args)} from the bundle never showed a window (exit {proc.returncode})")
    return ready


def run() -> Section:
    section = Section("p14", "P14 — the PyInstaller bundle: size, start → counter ready")
    say(f"== {section.title}")
    if not (BUNDLE / "motcua").exists():
        section.rows = [Row("bundle", f"≤ {TARGET_MB} MB; ≤ {s(TARGET_S)}", "not measured", "—",
                            "no dist/motcua/: run `make bundle` first")]
        return section
    from bench import p10_counter_start

    size = _size_mb(BUNDLE)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-p14-") as tmpname:
        tmp = Path(tmpname)
        url = f"sqlite:///{tmp / 'p14.db'}"
        seeded_store(url).dispose()
        counter = [_until_ready(["--db", url, "counter", "--counter", "1", "--windowed"], tmp)
                   for _ in range(RUNS + 1)][1:]
        kiosk = [_until_ready(["--db", url, "kiosk", "--windowed"], tmp) for _ in range(RUNS + 1)][1:]
        after = [r["marks"]["READY"][0] - r["marks"]["sign_in_start"][0]
                 for r in p10_counter_start._measure(url, tmp)]
    to_dialog, after_sign_in = statistics.median(counter), statistics.median(after)
    total = max(counter) + max(after)
    say(f"  bundle {size:.0f} MB; counter sign-in on screen {s(to_dialog)} (max {s(max(counter))}), sign-in → "
        f"ready {s(after_sign_in)} (max {s(max(after))}); kiosk ready {s(statistics.median(kiosk))}")
    section.rows = [
        Row("size of dist/motcua/ (Linux build)", f"≤ {TARGET_MB} MB", f"{size:.0f} MB", verdict(size <= TARGET_MB),
            "every file of the one-folder bundle (Python, Qt Core/Gui/Widgets/Multimedia/TextToSpeech, fonts, "
            "migrations)"),
        Row("bundle: start → counter ready (sign-in dialog on screen + sign-in → ready to call)", f"≤ {s(TARGET_S)}",
            f"{s(to_dialog)} + {s(after_sign_in)} (medians); worst {s(total)}", verdict(total <= TARGET_S),
            f"{RUNS} runs after a warm-up, offscreen; the first part from the bundle, the second (argon2, window, "
            "first queue status) by P10's child from the source tree; the password's typing not counted"),
        Row("bundle: start → kiosk ready (no sign-in)", "—", f"median {s(statistics.median(kiosk))}, "
            f"max {s(max(kiosk))}", "—", "cross-check: a whole station from the bundle"),
    ]
    return section
