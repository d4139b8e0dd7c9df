"""Storage: Beanie on PyMongo's async client, or on the in-process emulation."""
