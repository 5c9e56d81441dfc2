"""A Python function over a column's values, called from Python instead of from inside Polars.

A Python function handed to Polars (`map_elements`) runs on Polars' own thread pool, which then needs the GIL.
When another thread is waiting inside Polars at that moment, both can wait for ever: the nightly flow's tasks run on
threads, and a test run hung with a masking task's pseudonyms (`map_elements`) on one thread and the raw gate's
`to_pandas` on another. Calling the function value by value from Python takes the GIL the ordinary way.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl


def map_values(series: pl.Series, fn: Callable, dtype: pl.DataType = pl.String) -> pl.Series:
    """`fn` of every non-null value of `series` (null stays null), as a Series of the same name."""
    return pl.Series(series.name, [None if v is None else fn(v) for v in series.to_list()], dtype=dtype)
