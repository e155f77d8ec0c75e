"""Screenshots of the kiosk for the README, made offscreen on a fresh demo store with a simulated printer.

Run: .venv/bin/python tools/screenshots_kiosk.py  (writes docs/img/kiosk.png, kiosk-ticket.png, kiosk-choose.png)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
SIZE = (1366, 768)


sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import demo_context  # noqa: E402


def _wait(done: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Process Qt events until `done()`."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def render_kiosk_screenshots(out_dir: Path = OUT, size: tuple[int, int] = SIZE) -> list[Path]:
    """Open the kiosk on a temp demo store, take a number for «Đất đai…» with the priority «Người cao tuổi», save
    the screen before and after and the simulated printer's image of the ticket; returns the paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.devices.manager import DeviceState
    from app.devices.printer import printer_manager
    from app.devices.simulators import PrinterSimulator
    from app.printing.ticket import PROFILE_80MM
    from app.ui.launch import application
    from app.ui.stations.kiosk import KioskWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "kiosk-choose.png", out_dir / "kiosk.png", out_dir / "kiosk-ticket.png"]
    with demo_context() as ctx, tempfile.TemporaryDirectory() as tmp:
        app = application()
        with PrinterSimulator(Path(tmp) / "tickets", link=Path(tmp) / "printer") as sim:
            manager = printer_manager(sim.url, PROFILE_80MM, idle_interval=0.5)
            manager.start()
            manager.wait_for(DeviceState.CONNECTED, 5)
            window = KioskWindow(ctx, manager, PROFILE_80MM)
            window.confirm_ms = window.confirm_failed_ms = 600_000
            window.resize(*size)
            window.show()
            _wait(lambda: bool(window.service_buttons) and not window.worker.busy
                  and window.printer_status.state is DeviceState.CONNECTED)
            window.priority_buttons["elderly"].click()
            window.grab().save(str(paths[0]))
            window.service_buttons["DD"].click()
            _wait(lambda: len(sim.tickets) >= 1 and not window.worker.busy and not window._printing)
            window.grab().save(str(paths[1]))
            shutil.copyfile(sim.tickets[0].png_path, paths[2])
            window.close()
            manager.stop()
        app.processEvents()
    return paths


def main() -> int:
    """Write the kiosk screenshots and print their paths."""
    print("\n".join(str(p) for p in render_kiosk_screenshots()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
