"""Working days for service standards, with Indonesian public holidays.

SP4N-LAPOR! standards (PermenPANRB 62/2018): verification and forwarding within 3 working days, follow-up
within 5 working days; Awasi also watches a first response within 4 hours. Working days are Monday-Friday
minus national holidays from the maintained `holidays` library.

The standards themselves are measured in SQL (`dashboards/sql/service_steps.sql`) over a calendar of
working-day ordinals made here: the working days from day a (not counted) to day b are
`ordinal(b) - ordinal(a)`, the same as `numpy.busday_count(a + 1, b + 1)`.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import polars as pl


def indonesian_holidays(years) -> list[date]:
    import holidays

    return sorted(holidays.country_holidays("ID", years=sorted(set(years))).keys())


def working_day_calendar(first: date, last: date, holidays: list[date]) -> pl.DataFrame:
    """Every day from `first` to `last` with `ordinal`: the working days from `first` up to and including it,
    and `is_working_day`."""
    days = np.arange(np.datetime64(first), np.datetime64(last + timedelta(days=1)), dtype="datetime64[D]")
    working = np.is_busday(days, holidays=np.array(holidays, dtype="datetime64[D]"))
    return pl.DataFrame({"day": days, "ordinal": np.cumsum(working).astype(np.int32), "is_working_day": working})
