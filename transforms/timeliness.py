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


def service_steps(frame: pl.DataFrame, holidays: list[date], today: date, hours: int = 4, forward_days: int = 3,
                  act_days: int = 5) -> pl.DataFrame:
    """Each complaint measured against the standards.

    Needs `received_at_local, received_at_utc, first_response_at_utc, forwarded_at_local, acted_at_local,
    closed_at_utc` (local = WIB wall time). Adds:
    - `dalam_jam`: first response within `hours` (null: no response yet);
    - `hk_diteruskan`: working days from receipt to forwarding; `diteruskan_tepat`: forwarded within
      `forward_days`, false when not forwarded and the period has passed, null while it is still running;
    - `hk_ditindaklanjuti`: working days from forwarding to action; `ditindaklanjuti_tepat` likewise, for
      forwarded complaints only;
    - `tahap_terlambat`: "diteruskan" or "ditindaklanjuti" when that step is overdue now, else null;
      `hari_kerja_terlambat`: working days since the step's period started;
    - `hari_sampai_selesai`: calendar days from receipt to closing (null while open).
    """
    received = frame["received_at_local"].dt.date()
    forwarded = frame["forwarded_at_local"].dt.date()
    acted = frame["acted_at_local"].dt.date()
    now = pl.Series([today] * frame.height, dtype=pl.Date)
    out = frame.with_columns(
        hk_diteruskan=working_days_between(received, forwarded, holidays),
        hk_sejak_diterima=working_days_between(received, now, holidays),
        hk_ditindaklanjuti=working_days_between(forwarded, acted, holidays),
        hk_sejak_diteruskan=working_days_between(forwarded, now, holidays),
    )
    fwd_due = pl.col("forwarded_at_local").is_not_null() | (pl.col("hk_sejak_diterima") > forward_days)
    act_due = pl.col("forwarded_at_local").is_not_null() & (
        pl.col("acted_at_local").is_not_null() | (pl.col("hk_sejak_diteruskan") > act_days))
    late_forward = pl.col("forwarded_at_local").is_null() & (pl.col("hk_sejak_diterima") > forward_days)
    late_act = (pl.col("forwarded_at_local").is_not_null() & pl.col("acted_at_local").is_null()
                & (pl.col("hk_sejak_diteruskan") > act_days))
    return out.with_columns(
        dalam_jam=(pl.col("first_response_at_utc") - pl.col("received_at_utc")) <= pl.duration(hours=hours),
        diteruskan_tepat=pl.when(fwd_due).then(pl.col("hk_diteruskan").fill_null(forward_days + 1) <= forward_days),
        ditindaklanjuti_tepat=pl.when(act_due).then(pl.col("hk_ditindaklanjuti").fill_null(act_days + 1) <= act_days),
        tahap_terlambat=pl.when(late_forward).then(pl.lit("diteruskan"))
        .when(late_act).then(pl.lit("ditindaklanjuti")),
        hari_kerja_terlambat=pl.when(late_forward).then(pl.col("hk_sejak_diterima"))
        .when(late_act).then(pl.col("hk_sejak_diteruskan")),
        hari_sampai_selesai=(pl.col("closed_at_utc") - pl.col("received_at_utc")).dt.total_seconds() / 86400,
    ).drop("hk_sejak_diterima", "hk_sejak_diteruskan")
