"""Bots: plugins behind a small protocol, run inside the hub or as `python -m bots`."""
