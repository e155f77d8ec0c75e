"""The counter station (station 3, Quầy): `window` (the window and its keys), `state` (the ticket held, the
counter's set-up, the allowed actions), `widgets` (action buttons, the panel of waiting counts); the style sheet is
resources/styles/counter.qss."""

from app.ui.stations.counter.window import SAFETY_RELOAD_MS, CounterWindow

__all__ = ["SAFETY_RELOAD_MS", "CounterWindow"]
