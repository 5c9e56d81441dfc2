"""Queries behind the dashboard: named SQL files in dashboards/sql, parameters only, results as Polars frames.

Every query runs on a short read-only connection to the latest published snapshot with the analysts'
corrections attached (`flows.warehouse.analytics`), so the nightly writer is never blocked and no
half-loaded run is ever visible.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from flows import sqlfiles, warehouse

SQL_DIR = Path(__file__).parent / "sql"
UNKNOWN = "(tidak diketahui)"  # by_dimension.sql's value where a complaint has none (no agency, no place)
DIMENSIONS = {"kategori": "effective_category", "kanal": "channel", "provinsi": "province",
              "kabupaten/kota": "regency", "instansi": "agency", "jenis instansi": "agency_type"}


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    agency: str | None = None
    province: str | None = None
    channel: str | None = None
    category: str | None = None
    scope: tuple[str, ...] | None = None  # agencies an agency-scoped account may see; None = all

    @property
    def dates_reversed(self) -> bool:
        """The start is after the end: no day is in the range, and every count would be 0."""
        return self.start is not None and self.end is not None and self.start > self.end

    def params(self) -> dict:
        return {"start": self.start, "end": self.end, "agency": self.agency, "province": self.province,
                "channel": self.channel, "category": self.category,
                "scope": list(self.scope) if self.scope is not None else None}


FIRST_RESPONSE_HOURS = 4   # the standard Ringkasan and Profil instansi report ("dijawab <= 4 jam")
# SQL files that queries include as {name}, in this order (service_steps itself includes {filtered}).
SHARED = {"service_steps": SQL_DIR / "service_steps.sql", "filtered": SQL_DIR / "filters.sql",
          "response_channels": SQL_DIR / "response_channels.sql",
          "repeat_reporters": sqlfiles.SQL_DIR / "repeat_reporters.sql"}


def _fragment(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("--"))


def _sql(name: str, **fragments: str) -> str:
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    # The same filter over whole complaint rows (text, title), for the search.
    text = text.replace("{filtered_complaints}", _fragment(SHARED["filtered"]).replace(
        "from facts_effective", "from complaints_effective"))
    for shared, path in SHARED.items():
        text = text.replace("{" + shared + "}", _fragment(path))
    for key, value in fragments.items():
        text = text.replace("{" + key + "}", value)
    return text


SEARCH_LIMIT = 200           # the rows search.sql returns
SEARCH_WINDOWS = (31, 366)   # days back from the newest complaint that search reads first, then all
MEDIAN_DAYS = "median(days_to_close)"  # computed in the query, or read from the mart `close_medians`


def _only_agencies(f: Filters) -> bool:
    """True when the filter at most narrows the agencies: per-agency numbers are then those of all complaints."""
    return replace(f, agency=None, scope=None) == Filters()


def _fill(table: pl.DataFrame, values: pl.DataFrame, column: str, on: list[str]) -> pl.DataFrame:
    """`table` with `column` taken from `values` (matched on `on`, a missing agency matching a missing one)."""
    return table.drop(column).join(values, on=on, how="left", nulls_equal=True, maintain_order="left") \
        .select(table.columns)


def search_terms(words: str) -> list[str]:
    """The stemmed words a search looks for (up to three). A word that stems to fewer than two characters, or
    holds no letter or digit, is left out: "aaaa" (stretched letters shorten to "a") and "_" (a part of every
    mask) were found inside every text, and an emoji in no text at all."""
    from transforms.textnorm import stems

    terms = [stems(w) or w.lower() for w in words.split()]
    return [t for t in terms if len(t) >= 2 and any(ch.isalnum() for ch in t)][:3]


@dataclass
class Store:
    db_path: Path
    def available(self) -> bool:
        return warehouse.current_source(self.db_path).exists()

    def frame(self, name: str, params: dict | None = None, **fragments: str) -> pl.DataFrame:
        with warehouse.analytics(self.db_path) as con:
            return con.sql(_sql(name, **fragments), params=params or {}).pl()

    def summary(self, f: Filters) -> dict:
        return self.frame("summary", {**f.params(), "hours": FIRST_RESPONSE_HOURS}).row(0, named=True)

    def repeat_reporters(self, f: Filters) -> dict:
        """Reporters with more than one complaint within the filter (the mart holds the unfiltered answer)."""
        if f == Filters():
            return self.frame("repeat_reporters_all").row(0, named=True)
        return self.frame("repeat_reporters_filtered", f.params()).row(0, named=True)

    def newest_day(self, f: Filters) -> date | None:
        """The newest day of receipt under the filters."""
        return self.frame("last_day", f.params())["last_day"][0]

    def last_day(self, f: Filters) -> date | None:
        """The newest day of receipt under the filters other than dates."""
        return self.newest_day(replace(f, start=None, end=None))

    def period_counts(self, f: Filters, current: tuple[date, date], before: tuple[date, date]) -> tuple[int, int]:
        """Complaints received in the two periods, under the filters other than dates."""
        row = self.frame("period_counts", {**replace(f, start=None, end=None).params(),
                                           "p_start": current[0], "p_end": current[1],
                                           "b_start": before[0], "b_end": before[1]}).row(0)
        return int(row[0]), int(row[1])

    def agency_league(self, f: Filters) -> pl.DataFrame:
        params = {**f.params(), "hours": FIRST_RESPONSE_HOURS}
        if not _only_agencies(f):
            return self.frame("agency_league", params, median_days=MEDIAN_DAYS)
        # per-agency medians from the mart: the same numbers when the filter only narrows the agencies
        table = self.frame("agency_league", params, median_days="null::double")
        medians = self.frame("close_medians", {"lapor_only": False})
        return _fill(table, medians.drop("is_total"), "median_hari_selesai", on=["agency"])

    def timeliness(self, f: Filters, today: date, hours: int, fwd: int, act: int) -> pl.DataFrame:
        """Per agency against the standards, the first row (is_total) over all filtered complaints."""
        params = {**f.params(), "today": today, "hours": hours, "fwd": fwd, "act": act}
        if f != Filters():  # the total's median is the mart's only over every complaint
            return self.frame("timeliness", params, median_days=MEDIAN_DAYS)
        table = self.frame("timeliness", params, median_days="null::double")
        medians = self.frame("close_medians", {"lapor_only": True}).rename(
            {"median_hari_selesai": "median_hari_sampai_selesai"})
        return _fill(table, medians, "median_hari_sampai_selesai", on=["is_total", "agency"])

    def overdue(self, f: Filters, today: date, hours: int, fwd: int, act: int, limit: int = 500) -> pl.DataFrame:
        """The complaints overdue now, oldest first."""
        return self.frame("overdue", {**f.params(), "today": today, "hours": hours, "fwd": fwd, "act": act,
                                      "limit": limit})

    def by_month(self, f: Filters) -> pl.DataFrame:
        return self.frame("by_month", f.params())

    def by_dimension(self, f: Filters, dimension: str) -> pl.DataFrame:
        return self.frame("by_dimension", f.params(), dimension=DIMENSIONS[dimension])

    def agency_ranking(self, f: Filters) -> tuple[pl.DataFrame, int]:
        """Agencies by their complaints, most first, the unknown agency left out (it is no agency to rank), and the
        number of complaints without an identified agency."""
        table = self.by_dimension(f, "instansi")
        known = pl.col("nilai") != UNKNOWN
        return table.filter(known), int(table.filter(~known)["jumlah"].sum())

    def agency_growth(self, f: Filters) -> pl.DataFrame:
        # The newest day first, as a parameter: the growth query then reads only its last six months.
        return self.frame("agency_growth", {**f.params(), "last_day": self.newest_day(f)})

    def search(self, f: Filters, words: str) -> pl.DataFrame:
        """The newest SEARCH_LIMIT complaints whose text has every word (up to three), newest first.

        Read window by window back from the newest complaint (SEARCH_WINDOWS), stopping once enough are found:
        the newest matches are the same, and older text is read only when the recent weeks have too few."""
        terms = search_terms(words)
        words_params = {f"w{i + 1}": (terms[i] if i < len(terms) else None) for i in range(3)}
        newest = self.newest_day(f)
        if newest is None:
            return self.frame("search", {**f.params(), **words_params})  # nothing in the filter: empty, typed
        parts, found, end = [], 0, newest
        for days in (*SEARCH_WINDOWS, None):
            start = None if days is None else newest - timedelta(days=days - 1)
            last_window = start is None or (f.start is not None and start <= f.start)
            if last_window:
                start = f.start
            part = self.frame("search", {**replace(f, start=start, end=end).params(), **words_params})
            parts.append(part)
            found += part.height
            if found >= SEARCH_LIMIT or last_window:
                break
            end = start - timedelta(days=1)
        return pl.concat(parts).head(SEARCH_LIMIT)

    def complaint(self, complaint_id: str, scope: tuple[str, ...] | None = None) -> dict | None:
        rows = self.frame("complaint", {"id": complaint_id, "scope": list(scope) if scope is not None else None})
        return rows.row(0, named=True) if rows.height else None

    def options(self, scope: tuple[str, ...] | None = None) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"agency": [], "province": [], "channel": []}
        for kind, value in self.frame("options", {"scope": list(scope) if scope is not None else None}).iter_rows():
            out[kind].append(value)
        return out

    def runs(self) -> pl.DataFrame:
        return self.frame("quality_runs")

    def quarantine(self) -> pl.DataFrame:
        return self.frame("quality_quarantine")

    def validations(self) -> pl.DataFrame:
        return self.frame("quality_validations")

    def decisions(self) -> pl.DataFrame:
        """Analysts' decisions per machine category: decisions, and how many kept the machine's category."""
        return self.frame("quality_decisions")
