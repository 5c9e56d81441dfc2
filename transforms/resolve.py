"""Attach canonical agency and region to records (registers are passed in, not loaded here)."""

from __future__ import annotations

from functools import lru_cache

import polars as pl

from transforms.agencies import AgencyRegister, agency_display_name
from transforms.regions import RegionRegister


def resolve_places(records: pl.DataFrame, agencies: AgencyRegister, regions: RegionRegister) -> pl.DataFrame:
    """Add province, regency, agency, agency_code, agency_type and agency_match ('field', 'fuzzy', 'text', 'none').

    Each distinct value is resolved once, and the text (nearly unique) only when the fields name nothing, as
    the fields come first; for an agency only if the text can hold an alias.
    """
    place = lru_cache(maxsize=None)(regions.resolve)
    field_agency = lru_cache(maxsize=None)(agencies.match)
    text_agency = lru_cache(maxsize=None)(agencies.match)
    candidates = agencies.text_candidates(records["text"])
    out_rows = []
    for (agency_raw, location_raw, text), candidate in zip(
            records.select("agency_raw", "location_raw", "text").iter_rows(), candidates):
        # regions.resolve(location_raw, agency_raw, text) and agencies.match(agency_raw, text), step by step
        province, regency = next((p for p in map(place, (location_raw, agency_raw, text)) if any(p)), (None, None))
        agency, how = field_agency(agency_raw, None)
        if agency is None and candidate:
            agency, how = text_agency(None, text)
        out_rows.append((
            province, regency, agency_display_name(agency, regency),
            agency.code if agency else None, agency.agency_type if agency else None, how,
        ))
    cols = ["province", "regency", "agency", "agency_code", "agency_type", "agency_match"]
    resolved = pl.DataFrame(out_rows, schema={c: pl.String for c in cols}, orient="row")
    return pl.concat([records, resolved], how="horizontal")
