"""Working-day arithmetic for service standards, with Indonesian public holidays.

SP4N-LAPOR! standards (PermenPANRB 62/2018): verification and forwarding within 3 working days, follow-up
within 5 working days; Awasi also watches a first response within 4 hours. Working days are Monday-Friday
minus national holidays from the maintained `holidays` library (the holiday list is passed in, so this module
stays pure).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl


def indonesian_holidays(years) -> list[date]:
    import holidays

    return sorted(holidays.country_holidays("ID", years=sorted(set(years))).keys())


def working_days_between(start: pl.Series, end: pl.Series, holidays: list[date]) -> pl.Series:
    """Whole working days from each start date to each end date (start day not counted); null stays null."""
    mask = start.is_null() | end.is_null()
    s = start.fill_null(date(2000, 1, 3)).cast(pl.Date).to_numpy().astype("datetime64[D]")
    e = end.fill_null(date(2000, 1, 3)).cast(pl.Date).to_numpy().astype("datetime64[D]")
    counts = np.busday_count(s + 1, e + 1, holidays=np.array(holidays, dtype="datetime64[D]"))
    out = pl.Series("working_days", counts, dtype=pl.Int64)
    return out.scatter(np.flatnonzero(mask.to_numpy()), None)
