"""The supervisor window (station 5, Giám sát): one tab per view — today live, one day, the period report, the
dossiers due soon or late."""

from app.ui.supervisor.window import SupervisorWindow

__all__ = ["SupervisorWindow"]
