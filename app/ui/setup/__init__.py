"""First-run station set-up window; `run_setup_window` shows it until saved or closed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.station_setup import SetupAnswers, SetupResult


def run_setup_window(initial: "SetupAnswers | None", config_path: Path) -> "SetupResult | None":
    """Show the set-up window (answers pre-filled from `initial`); what it saved, or None when closed unsaved."""
    from app.ui.launch import application
    from app.ui.setup.window import SetupWindow

    application()
    window = SetupWindow(initial, config_path)
    window.resize(1040, 700)
    window.exec()
    if window.saved is not None:
        print("\n".join(window.saved.summary()), flush=True)
    return window.saved
