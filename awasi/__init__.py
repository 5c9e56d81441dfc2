"""Awasi: analytics pipeline for complaints about Indonesian public services."""

__version__ = "0.1.0"
