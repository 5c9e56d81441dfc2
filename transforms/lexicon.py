"""The explainable layer: cues of each maladministration form, with negation handling.

The cues are data (`data/lexicon/cues.csv`: label, cue, weight), matched on normalised text
(`transforms.textnorm.normalize`). A cue preceded by a negator, directly or across filler words ("tidak ada pungli",
"bukan karena calo", "tidak pernah ada calo"), does not fire, unless the cue itself begins with a
negator ("tidak dilayani").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEG_WORDS = {"tidak", "bukan", "tanpa", "jangan", "tiada"}
# Words that may stand between a negator and its cue: "tidak ada pungli", "tidak pernah ada calo".
_FILLERS = {"ada", "pernah", "yang", "sama", "sekali", "lagi", "juga", "itu", "ini", "karena", "soal", "masalah"}


@dataclass(frozen=True)
class Cue:
    label: str
    cue: str
    weight: float


class Lexicon:
    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.labels = sorted({c.label for c in cues})
        ordered = sorted(cues, key=lambda c: len(c.cue), reverse=True)
        self._by_text = {}
        for c in ordered:
            self._by_text.setdefault(c.cue, []).append(c)
        self._regex = re.compile(r"\b(" + "|".join(re.escape(c) for c in self._by_text) + r")\b")

    def fired(self, normalized: str) -> list[Cue]:
        """Cues found in normalised text and not negated, in order of appearance."""
        out = []
        for m in self._regex.finditer(normalized):
            phrase = m.group(1)
            if phrase.split()[0] not in _NEG_WORDS and _negated(normalized[: m.start()].split()):
                continue
            out.extend(self._by_text[phrase])
        return out

    def totals(self, cues: list[Cue]) -> dict[str, float]:
        """Summed weight per form of the given (fired) cues; every form present, zero when nothing fired."""
        out = {label: 0.0 for label in self.labels}
        for c in cues:
            out[c.label] += c.weight
        return out

    def scores(self, normalized: str) -> dict[str, float]:
        return self.totals(self.fired(normalized))


def _negated(before: list[str]) -> bool:
    for word in reversed(before[-4:]):
        if word in _NEG_WORDS:
            return True
        if word not in _FILLERS:
            return False
    return False
