"""Resolve the agency a complaint is about to a canonical name from the shipped register.

Order of evidence: an alias found in the agency field, then a fuzzy match of the agency field
against all aliases (rapidfuzz, threshold from settings), then an alias found in the complaint text.
Local offices (Dukcapil, Polres, RSUD, ...) are named with their kabupaten/kota when it is known,
so "Disdukcapil Kota Bekasi" and "dukcapil bekasi kota" land on one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl
from rapidfuzz import fuzz, process

# Aliases too ambiguous to trust inside free text (they stay usable in the agency field).
_TEXT_DENY = {"desa", "lapor", "min", "man", "bos", "pip", "kir", "tol", "pos", "tirta", "kis", "kur", "sekolah",
              "pertanahan", "listrik padam", "haji", "napi", "kpp", "pbb", "tentara", "air minum", "bpd"}


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    agency_type: str
    scope: str  # "local" offices are named with their kabupaten/kota; "national" ones are not


@dataclass
class AgencyRegister:
    agencies: list[Agency]
    aliases: dict[str, str]  # alias (lower case) -> agency code
    threshold: float = 85.0
    _by_code: dict[str, Agency] = field(default_factory=dict, init=False)
    _field_re: re.Pattern | None = field(default=None, init=False)
    _text_re: re.Pattern | None = field(default=None, init=False)
    _text_aliases: list[str] = field(default_factory=list, init=False)
    _choices: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._by_code = {a.code: a for a in self.agencies}
        ordered = sorted(self.aliases, key=len, reverse=True)
        self._field_re = re.compile(r"\b(" + "|".join(re.escape(a) for a in ordered) + r")\b")
        self._text_aliases = [a for a in ordered if a not in _TEXT_DENY and len(a) >= 3]
        self._text_re = re.compile(r"\b(" + "|".join(re.escape(a) for a in self._text_aliases) + r")\b")
        self._choices = ordered

    def match(self, agency_raw: str | None, text: str | None) -> tuple[Agency | None, str]:
        """The agency and how it was found: 'field', 'fuzzy', 'text' or 'none'."""
        if agency_raw:
            agency, how = self.match_field(agency_raw)
            if agency:
                return agency, how
        if text:
            return self.match_text(text)
        return None, "none"

    def match_field(self, agency_raw: str) -> tuple[Agency | None, str]:
        """From the agency field: an alias in it ('field'), else the closest alias ('fuzzy'), else 'none'."""
        low = agency_raw.lower()
        m = self._field_re.search(low)
        if m:
            return self._by_code[self.aliases[m.group(1)]], "field"
        best = process.extractOne(low, self._choices, scorer=fuzz.token_set_ratio, score_cutoff=self.threshold)
        if best:
            return self._by_code[self.aliases[best[0]]], "fuzzy"
        return None, "none"

    def match_text(self, text: str) -> tuple[Agency | None, str]:
        """From the complaint text: an alias in it ('text'), else 'none'."""
        m = self._text_re.search(text.lower())
        if m:
            return self._by_code[self.aliases[m.group(1)]], "text"
        return None, "none"

    def text_candidates(self, texts: pl.Series) -> list[bool]:
        """Per text: False where `match_text` finds nothing for sure, because the text is ASCII and holds none
        of the aliases, ignoring case (one Aho-Corasick pass in Polars). Non-ASCII texts are always candidates:
        Python's lower() maps some of their characters to ASCII letters."""
        texts = texts.cast(pl.String)
        may_name = texts.str.contains(r"[^\x00-\x7f]") | texts.str.contains_any(self._text_aliases,
                                                                                ascii_case_insensitive=True)
        return may_name.fill_null(False).to_list()


def agency_display_name(agency: Agency | None, regency: str | None) -> str | None:
    if agency is None:
        return None
    if agency.scope == "local" and regency:
        return f"{agency.name} {regency}"
    return agency.name
