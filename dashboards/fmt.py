"""Numbers as Indonesian readers write them: 1.234.567 and 38,5%; and how every table is shown."""

from __future__ import annotations

import pandas as pd
import polars as pl
import streamlit as st
from pandas.io.formats.style import Styler


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


def tabel(frame: pl.DataFrame | pd.DataFrame, digits: int = 1) -> Styler:
    """A table for st.dataframe with its numbers written as `angka` and `desimal` write them (1.234; 65,5), times to
    the second, and '-' where a value is missing. Only the shown text changes: a column still sorts by its values."""
    whole = {c for c, t in frame.schema.items() if t.is_integer()} if isinstance(frame, pl.DataFrame) else set()
    data = frame.to_pandas() if isinstance(frame, pl.DataFrame) else frame
    formats = {}
    for col in data.columns:
        if col in whole or pd.api.types.is_integer_dtype(data[col]):
            formats[col] = angka  # an integer column with a missing value arrives as floats: still a count
        elif pd.api.types.is_float_dtype(data[col]):
            formats[col] = lambda x: desimal(x, digits)
        elif pd.api.types.is_datetime64_any_dtype(data[col]):
            formats[col] = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")  # to the second, not the microsecond
    return data.style.format(formats, na_rep="-")


# st.dataframe options of every table: no index, the page's width, and '-' where a value is missing (not "None").
TABLE = {"hide_index": True, "placeholder": "-", "width": "stretch"}


def show_table(frame: pl.DataFrame | pd.DataFrame, empty: str, digits: int = 1) -> bool:
    """The table as every table is shown (`tabel`, `TABLE`) or, when it has no rows, `empty`: what is absent, in
    Indonesian (an empty grid showed Streamlit's English "empty"). True when the table was shown."""
    if len(frame) == 0:
        st.info(empty)
        return False
    st.dataframe(tabel(frame, digits), **TABLE)
    return True
