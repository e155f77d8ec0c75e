"""The admin window (station 6, Quản trị): catalogue, services, counters, officers, calendar, settings."""

from app.ui.admin.window import AdminWindow

__all__ = ["AdminWindow"]
