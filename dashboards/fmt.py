"""How every table is shown, its numbers as Indonesian readers write them (`transforms.indonesian_numbers`, whose
writers the pages import from here too)."""

from __future__ import annotations

import pandas as pd
import polars as pl
import streamlit as st
from pandas.io.formats.style import Styler

from transforms.indonesian_numbers import angka, angka_bertanda, desimal, persen

__all__ = ["TABLE", "angka", "angka_bertanda", "desimal", "persen", "show_table", "tabel"]


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
