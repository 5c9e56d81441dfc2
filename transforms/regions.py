"""Resolve free-text places to a canonical province and kabupaten/kota.

The register (provinces and their 514 kabupaten/kota) comes from the `areaid` library (`areaid_provinces`) and is
loaded by `flows/registers.py`; this module matches text against it. The name rules read its place names too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

def areaid_provinces() -> Iterator[dict]:
    """The `areaid` package's register (package data), province by province: {"provinsi": ..., "kabupaten":
    [{"kab_kota": ..., "kecamatan": [{"kec": ..., "kelurahan": [{"kelu": ...}, ...]}, ...]}, ...]}."""
    from areaid import buka_data, buka_nama

    for name in buka_nama()["himpunan"]:
        yield from buka_data(name.lower())


# Common short names of provinces, as citizens write them.
PROVINCE_ALIASES = {
    "Aceh": ["nad", "nanggroe aceh darussalam"],
    "DKI Jakarta": ["dki", "dki jakarta", "jakarta", "jkt"],
    "Jawa Barat": ["jabar"],
    "Jawa Tengah": ["jateng"],
    "Jawa Timur": ["jatim"],
    "DI Yogyakarta": ["diy", "yogyakarta", "jogja", "jogjakarta", "yogya"],
    "Sumatera Utara": ["sumut", "sumatra utara"],
    "Sumatera Barat": ["sumbar", "sumatra barat"],
    "Sumatera Selatan": ["sumsel", "sumatra selatan"],
    "Sulawesi Selatan": ["sulsel"],
    "Sulawesi Utara": ["sulut"],
    "Sulawesi Tengah": ["sulteng"],
    "Sulawesi Tenggara": ["sultra"],
    "Sulawesi Barat": ["sulbar"],
    "Kalimantan Barat": ["kalbar"],
    "Kalimantan Selatan": ["kalsel"],
    "Kalimantan Tengah": ["kalteng"],
    "Kalimantan Timur": ["kaltim"],
    "Kalimantan Utara": ["kaltara"],
    "Nusa Tenggara Barat": ["ntb"],
    "Nusa Tenggara Timur": ["ntt"],
    "Kepulauan Bangka Belitung": ["babel", "bangka belitung"],
    "Kepulauan Riau": ["kepri"],
    "Maluku Utara": ["malut"],
}
_PROVINCE_FIX = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
    "Sumatra Barat": "Sumatera Barat",
    "Sumatra Selatan": "Sumatera Selatan",
    "Sumatra Utara": "Sumatera Utara",
}
# Bare place names that are also ordinary words; they only count with "kabupaten"/"kota" before them.
_AMBIGUOUS_BARE = {"batu", "banjar", "agam", "bone", "kota", "barat", "timur", "tengah", "selatan", "utara",
                   "pasuruan", "sorong", "lima", "buru", "alor", "bima", "kediri", "siak", "ende", "deli"}


def canonical_regency(name: str) -> str:
    """'Kota Adm. Jakarta Barat' -> 'Kota Jakarta Barat'; 'Kabupaten Bulungan (Bulongan)' -> 'Kabupaten Bulungan'."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    return re.sub(r"\b(Kota|Kabupaten) Adm\.\s*", r"\1 ", name).strip()


def canonical_province(name: str) -> str:
    return _PROVINCE_FIX.get(name, name)


def _norm(text: str) -> str:
    t = text.lower()
    t = re.sub(r"\bkab\b\.?|\bkab\.", "kabupaten ", t)
    t = re.sub(r"\bkota\s+adm(?:inistrasi)?\b\.?", "kota ", t)
    t = re.sub(r"\bkota\s+administrasi\b", "kota ", t)
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return f" {t.strip()} "


@dataclass
class RegionRegister:
    """Patterns for each kabupaten/kota and province; built once, used for every record."""

    regencies: list[tuple[str, str]]  # (province, regency) canonical names
    _patterns: dict[str, tuple[str | None, str | None]] = field(default_factory=dict, init=False)
    _lengths: dict[str, list[int]] = field(default_factory=dict, init=False)  # first word -> word counts

    def __post_init__(self) -> None:
        bare: dict[str, list[tuple[str, str]]] = {}
        for province, regency in self.regencies:
            full = _norm(regency).strip()
            self._patterns[full] = (province, regency)
            kind, _, base = regency.partition(" ")
            bare.setdefault(base.lower(), []).append((province, regency))
        for base, options in bare.items():
            if base in _AMBIGUOUS_BARE or len(base) < 4 or base in self._patterns:
                continue
            provinces = {p for p, _ in options}
            if len(options) == 1:
                self._patterns[base] = options[0]
            elif len(provinces) == 1:  # e.g. Kota and Kabupaten Bandung: the province is still known
                self._patterns[base] = (options[0][0], None)
        for province, aliases in PROVINCE_ALIASES.items():
            for alias in [province.lower(), *aliases]:
                self._patterns.setdefault(_norm(alias).strip(), (province, None))
        for province in {p for p, _ in self.regencies}:
            self._patterns.setdefault(_norm(province).strip(), (province, None))
        for pattern in self._patterns:
            words = pattern.split(" ")
            self._lengths.setdefault(words[0], []).append(len(words))
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)

    def _places(self, text: str) -> Iterator[tuple[str | None, str | None]]:
        """The places named in the text, left to right. Names are whole words of the normalised text; where
        several start at one word the longest is taken, and the next name starts after it."""
        words = _norm(text).split()
        i = 0
        while i < len(words):
            for n in self._lengths.get(words[i], ()):
                place = self._patterns.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
                if place:
                    yield place
                    i += n
                    break
            else:
                i += 1

    def resolve_one(self, text: str) -> tuple[str | None, str | None]:
        """(province, regency) of the first kabupaten/kota the text names, else the province of the first
        place it names (regency None), else (None, None)."""
        province_only = None
        for province, regency in self._places(text):
            if regency:
                return province, regency
            province_only = province_only or province
        return province_only, None

    def resolve(self, *texts: str | None) -> tuple[str | None, str | None]:
        """(province, regency) from the first text that names a place; regency may stay None."""
        for text in texts:
            if text:
                place = self.resolve_one(text)
                if any(place):
                    return place
        return None, None
