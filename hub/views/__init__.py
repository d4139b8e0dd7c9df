"""HTTP views under /api/v1: thin wrappers that parse, call one action, and answer."""
