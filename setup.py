"""Packaging glue that pyproject.toml cannot express: the top-level `resources/` and `migrations/` folders install
as the packages `app.resources` and `app.migrations`, so one importlib.resources lookup (app/resources) finds
them in a checkout, an installed wheel and the PyInstaller bundle alike. Everything else is in pyproject.toml.

Each folder of files under resources/ (fonts, sounds, demo, styles ...) is a namespace package of its own whose
files are all package data: a new folder ships without editing this file."""

from setuptools import find_namespace_packages, find_packages, setup

DATA_FOLDERS = [f"app.resources.{name}" for name in find_namespace_packages(where="resources", exclude=["*__pycache__*"])]

setup(
    packages=find_packages(include=["app", "app.*"]) + ["app.resources", "app.migrations", "app.migrations.versions",
                                                       *DATA_FOLDERS],
    package_dir={"app.resources": "resources", "app.migrations": "migrations"},
    package_data={name: ["*"] for name in DATA_FOLDERS} | {"app": ["py.typed"], "app.migrations": ["script.py.mako"]},
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
