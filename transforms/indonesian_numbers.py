"""Numbers as Indonesian readers write them: 1.234.567, +17, 38,5% and 35,0; for the dashboard and the exports."""

from __future__ import annotations


def angka(n: int | float) -> str:
    """A count with '.' between thousands."""
    return f"{n:,.0f}".replace(",", ".")


def angka_bertanda(n: int) -> str:
    """A change with its sign and '.' between thousands: +1.234, -5, +0."""
    return ("-" if n < 0 else "+") + angka(abs(n))


def persen(share: float | None, digits: int = 1) -> str:
    """A share (0..1) as a percentage with a decimal comma; '-' when there is nothing to divide."""
    if share is None:
        return "-"
    return f"{share * 100:.{digits}f}%".replace(".", ",")


def desimal(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x:.{digits}f}".replace(".", ",")
