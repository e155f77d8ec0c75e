"""The files that ship with motcua: fonts, sounds, the demo catalogue, style sheets, and the migration scripts.

`resources/` and `migrations/` stand at the project's top level and are installed as the packages
`app.resources` and `app.migrations` (pyproject.toml maps them), so one lookup through importlib.resources finds
them the same way in a source checkout (editable install), an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

from importlib import resources as _importlib_resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    """The folder of a package of files, as a real path (fonts and Alembic need files on disk)."""
    found = _importlib_resources.files(package)
    if not isinstance(found, Path):  # a zipped install: we ship as plain files, never zipped
        raise RuntimeError(f"{package} is not installed as plain files ({found!r})")
    return found


def resource(*parts: str) -> Path:
    """Path of a bundled resource file, e.g. resource("fonts", "DejaVuSans.ttf")."""
    return _package_dir(__name__).joinpath(*parts)


def migrations_dir() -> Path:
    """The Alembic script folder (env.py and versions/)."""
    return _package_dir("app.migrations")
