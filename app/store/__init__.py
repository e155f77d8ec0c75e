"""The store: SQLAlchemy models, engine set-up, units of work, numbering sequences (SQLite or PostgreSQL)."""
