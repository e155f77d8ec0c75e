"""Use cases: what the stations and the CLI ask of the store, with roles enforced here."""
