"""Load the canonical registers shipped with Awasi: agencies (a CSV in data/registers) and regions (areaid)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from transforms.agencies import Agency, AgencyRegister
from transforms.regions import RegionRegister, areaid_provinces, canonical_province, canonical_regency


@lru_cache(maxsize=4)
def agency_register(registers_dir: Path, threshold: float) -> AgencyRegister:
    agencies, aliases = [], {}
    with open(Path(registers_dir) / "agencies.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            agency = Agency(row["code"], row["name"], row["agency_type"], row["scope"])
            agencies.append(agency)
            for alias in [row["name"], *row["aliases"].split("|")]:
                alias = alias.strip().lower()
                if alias:
                    aliases.setdefault(alias, agency.code)
    return AgencyRegister(agencies, aliases, threshold)


@lru_cache(maxsize=1)
def region_register() -> RegionRegister:
    """Provinces and kabupaten/kota from the `areaid` package (514 kabupaten/kota, 34 provinces)."""
    return RegionRegister([(canonical_province(prov["provinsi"]), canonical_regency(kab["kab_kota"]))
                           for prov in areaid_provinces() for kab in prov["kabupaten"]])
