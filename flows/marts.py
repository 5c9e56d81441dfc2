"""Reader-side marts: derived once per published snapshot, read by the dashboard.

- `workdays`: every calendar day with its working-day ordinal (Monday-Friday minus Indonesian national holidays,
  counted from the first day of the calendar), so working days between two dates are `ordinal(b) - ordinal(a)`.
- `complaint_facts`: one narrow row per complaint (`flows/sql/complaint_facts.sql`), sorted by channel and
  then day of receipt, so a date filter or a channel (Ketepatan waktu reads SP4N-LAPOR! only) skips whole row
  groups.
- `reporter_repeats` (the unfiltered repeat-reporter totals), `filter_values` (the agency, province and channel
  combinations the sidebar filters offer) and `close_medians` (median days to close per agency,
  `flows/sql/close_medians.sql`).
- `quarantine_superseded`: the quarantined records another file took in later, with that file
  (`flows/sql/quarantine_superseded.sql`), for the Kualitas data page's *digantikan*.

`build` writes them into a snapshot before it is published. A warehouse or snapshot made before marts existed
still works: `ensure` gives a read-only connection the same names as temporary objects (slower, same numbers).
`quarantine_superseded` is checked on its own: a snapshot of the current VERSION made before it existed gets only
that one as a temporary view, computed when the Kualitas data page asks (not the other marts again).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import polars as pl

from flows.sqlfiles import sql, statements
from transforms.timeliness import indonesian_holidays, working_day_calendar

CALENDAR_START = date(2000, 1, 1)   # the intake gate refuses anything received earlier
CALENDAR_YEARS_AHEAD = 5            # 'today' keeps its ordinal for years after the last publication


REPEATS_OVER_ALL = "with f as (select reporter_key from complaint_facts) " + sql("repeat_reporters")
# The values the sidebar filters offer, read on every page load: each agency, province and channel combination.
FILTER_VALUES = "select distinct agency, province, channel from complaint_facts"
MARTS = {"workdays", "complaint_facts", "reporter_repeats", "filter_values", "close_medians", "marts_version"}
QUARANTINE_MART = "quarantine_superseded"
# Raised when a mart's columns change: a snapshot with older marts is then read through temporary ones.
VERSION = 5  # 2: complaint_facts.is_maladministration, sorted by channel, day; close_medians; 3: reporter_key
#   links complaints through any identifier they share (phone, e-mail, own NIK), not only the first; 4: also
#   through chains of any length (two hops at most before); 5: complaint_facts without `responded`, which no query
#   read (response_minutes tells it)
MAX_LINK_ROUNDS = 100  # far beyond any real chain; reaching it is reported, not looped on


@lru_cache(maxsize=4)
def calendar(last_year: int) -> pl.DataFrame:
    """day, ordinal (working days from CALENDAR_START up to and including `day`), is_working_day."""
    return working_day_calendar(CALENDAR_START, date(last_year, 12, 31),
                                indonesian_holidays(range(CALENDAR_START.year, last_year + 1)))


def _last_year(con) -> int:
    newest = con.execute("select max(received_at_local) from complaints").fetchall()[0][0]
    return max(date.today().year, newest.year if newest else 0) + CALENDAR_YEARS_AHEAD


def build(con) -> None:
    """Create the marts in a writable snapshot (replacing older ones)."""
    con.register("calendar_frame", calendar(_last_year(con)).to_arrow())
    con.execute("create or replace table workdays as select * from calendar_frame order by day")
    con.unregister("calendar_frame")
    _complaint_facts(con, "create or replace table complaint_facts as {} order by channel, day")
    # Repeat reporters over all complaints: the unfiltered Ringkasan's costliest number (millions of groups).
    con.execute(f"create or replace table reporter_repeats as {REPEATS_OVER_ALL}")
    con.execute(f"create or replace table filter_values as {FILTER_VALUES}")
    con.execute(f"create or replace table close_medians as {sql('close_medians')}")
    con.execute(sql("quarantine_marked"))  # the temporary macro the mart reads through
    con.execute(f"create or replace table {QUARANTINE_MART} as {sql(QUARANTINE_MART)}")
    con.execute(f"create or replace table marts_version as select {VERSION} as version")


def _complaint_facts(con, create: str) -> None:
    """`complaint_facts` made by `create` (a table in a snapshot, or a temporary one) with its reporters linked
    first, and its hash keys checked."""
    link_reporters(con)
    con.execute(create.format(sql("complaint_facts")))
    con.execute("drop table reporter_links")
    _check_keys(con)


def link_reporters(con) -> int:
    """The temporary table `reporter_links` (complaint_id, person): complaints that share an identifier, directly
    or through a chain of complaints, get one person. Returns the rounds it took: one more than the longest chain's
    hops (the last round finds nothing to change)."""
    for statement in statements("reporter_links_start"):
        con.execute(statement)
    step = sql("reporter_links_step")
    for rounds in range(1, MAX_LINK_ROUNDS + 1):
        if not con.execute(step).fetchall()[0][0]:  # complaints relabelled in this round
            break
    else:
        raise RuntimeError(f"linking reporters did not settle in {MAX_LINK_ROUNDS} rounds (flows/marts.py)")
    con.execute("drop table reporter_link_keys")
    return rounds


def _check_keys(con) -> None:
    """Corrections join the mart on `id_hash` (an integer join is ~10x cheaper than one on the id string at
    millions of rows). Two complaint ids with one 64-bit hash would let a correction reach the wrong complaint,
    so refuse to publish such a mart instead (about a 1 in 300,000 chance at 10 million complaints)."""
    rows, keys = con.execute("select count(*), count(distinct id_hash) from complaint_facts").fetchall()[0]
    if rows != keys:
        raise RuntimeError(f"complaint_facts: {rows - keys} complaint ids share a 64-bit hash; the readers' mart "
                           "cannot key corrections by hash (flows/marts.py)")


# per file version: (the marts of VERSION, the quarantine mart); looking costs ~10 ms, a dashboard query ~20-300 ms
_HAS_MARTS: dict[tuple, tuple[bool, bool]] = {}


def ensure(con, source: Path) -> None:
    """On a read-only connection to `source`: when the file has no marts, provide them as temporary objects."""
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, stat.st_size)
    if key not in _HAS_MARTS:
        present = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        _HAS_MARTS[key] = (MARTS <= present and con.execute(
            "select max(version) from marts_version").fetchall()[0][0] == VERSION, QUARANTINE_MART in present)
    current, quarantine = _HAS_MARTS[key]
    if not quarantine:  # a view: computed only when the Kualitas data page reads it
        con.execute(sql("quarantine_marked"))
        con.execute(f"create or replace temp view {QUARANTINE_MART} as {sql(QUARANTINE_MART)}")
    if current:
        return
    con.register("calendar_frame", calendar(_last_year(con)).to_arrow())
    con.execute("create or replace temp table workdays as select * from calendar_frame")
    con.unregister("calendar_frame")
    _complaint_facts(con, "create or replace temp table complaint_facts as {}")
    con.execute(f"create or replace temp view reporter_repeats as {REPEATS_OVER_ALL}")
    con.execute(f"create or replace temp view filter_values as {FILTER_VALUES}")
    con.execute(f"create or replace temp view close_medians as {sql('close_medians')}")
    con.execute(f"create or replace temp view marts_version as select {VERSION} as version")
