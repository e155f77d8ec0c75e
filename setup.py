"""Packaging glue that pyproject.toml cannot express: the top-level `resources/` and `migrations/` folders install
as the packages `app.resources` and `app.migrations`, so one importlib.resources lookup (app/resources) finds
them in a checkout, an installed wheel and the PyInstaller bundle alike. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["app", "app.*"]) + ["app.resources", "app.migrations", "app.migrations.versions"],
    package_dir={"app.resources": "resources", "app.migrations": "migrations"},
)
