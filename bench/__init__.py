"""Benchmark harness (bench-only; not part of the product)."""
