"""The versions of Qt and PySide6 this program runs with (QtCore only: readable without a display)."""

from __future__ import annotations


def qt_versions() -> dict[str, str]:
    """{"Qt": the Qt library's version, "PySide6": the binding's}."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return {"Qt": qVersion(), "PySide6": pyside_version}
