"""Small pure helpers shared by the hub."""
