"""Attach canonical agency and region to records (registers are passed in, not loaded here)."""

from __future__ import annotations

import polars as pl

from transforms.agencies import AgencyRegister, agency_display_name
from transforms.regions import RegionRegister


def resolve_places(records: pl.DataFrame, agencies: AgencyRegister, regions: RegionRegister) -> pl.DataFrame:
    """Add province, regency, agency, agency_code, agency_type and agency_match ('field', 'fuzzy', 'text', 'none').

    Each distinct (agency_raw, location_raw, text) is resolved once.
    """
    cache: dict[tuple, tuple] = {}
    out_rows = []
    for agency_raw, location_raw, text in records.select("agency_raw", "location_raw", "text").iter_rows():
        key = (agency_raw, location_raw, text)
        hit = cache.get(key)
        if hit is None:
            province, regency = regions.resolve(location_raw, agency_raw, text)
            agency, how = agencies.match(agency_raw, text)
            hit = (
                province, regency, agency_display_name(agency, regency),
                agency.code if agency else None, agency.agency_type if agency else None, how,
            )
            cache[key] = hit
        out_rows.append(hit)
    cols = ["province", "regency", "agency", "agency_code", "agency_type", "agency_match"]
    resolved = pl.DataFrame(out_rows, schema={c: pl.String for c in cols}, orient="row")
    return pl.concat([records, resolved], how="horizontal")
