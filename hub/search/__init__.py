"""Search: our own inverted index in MongoDB over messages, plus the directory (people, units)."""
