"""The schema revision this code expects, importable without SQLAlchemy (the fast CLI paths check it too)."""

# The newest migration in migrations/versions; tests/store/test_migrations.py keeps the two in step.
SCHEMA_HEAD = "20261208_0010"
