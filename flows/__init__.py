"""Prefect flows and the I/O they orchestrate (inbox files, registers, the DuckDB warehouse)."""
