"""Numbers as Indonesian readers write them: 1.234.567 and 38,5%; and how every table is shown."""

from __future__ import annotations


def angka(n: int | float) -> str:
    """A count with '.' between thousands."""
    return f"{n:,.0f}".replace(",", ".")


def persen(share: float | None, digits: int = 1) -> str:
    """A share (0..1) as a percentage with a decimal comma; '-' when there is nothing to divide."""
    if share is None:
        return "-"
    return f"{share * 100:.{digits}f}%".replace(".", ",")


def desimal(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x:.{digits}f}".replace(".", ",")


# st.dataframe options of every table: no index, the page's width, and '-' where a value is missing (not "None").
TABLE = {"hide_index": True, "placeholder": "-", "width": "stretch"}
