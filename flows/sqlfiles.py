"""The named SQL files of the flows (`flows/sql/*.sql`): read by name, never built from user input."""

from __future__ import annotations

from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"


def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def statements(name: str) -> list[str]:
    """The statements of a multi-statement SQL file (separated by a semicolon at a line end)."""
    return [part.strip() for part in sql(name).split(";\n") if part.strip()]
