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
_WORD = re.compile(r"[0-9a-z_]+")
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
        self._index()

    def _index(self) -> None:
        """Cues by text, and per first word the cue lengths in words, longest first.

        Cues are matched word by word: at each word the longest cue starting there wins, and matching goes on
        after it (leftmost, longest, non-overlapping). Only cues made of plain words can match normalised text.
        """
        self._by_text: dict[str, list[Cue]] = {}
        for c in self.cues:
            self._by_text.setdefault(c.cue, []).append(c)
        lengths: dict[str, set[int]] = {}
        for phrase in self._by_text:
            words = phrase.split()
            if phrase == " ".join(words) and all(_WORD.fullmatch(w) for w in words):
                lengths.setdefault(words[0], set()).add(len(words))
        self._first_words = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}

    def __getstate__(self):
        return {"cues": self.cues, "labels": self.labels}

    def __setstate__(self, state):
        # Model files pickle the lexicon; the index is rebuilt on load, also for files written by older versions.
        self.cues, self.labels = state["cues"], state["labels"]
        self._index()

    def fired(self, normalized: str) -> list[Cue]:
        """Cues found in normalised text and not negated, in order of appearance."""
        out = []
        words = normalized.split()
        starts, by_text = self._first_words, self._by_text
        i, n = 0, len(words)
        while i < n:
            lengths = starts.get(words[i])
            if lengths is None:
                i += 1
                continue
            for size in lengths:
                phrase = words[i] if size == 1 else " ".join(words[i : i + size])
                if phrase in by_text:
                    break
            else:
                i += 1
                continue
            if words[i] in _NEG_WORDS or not _negated(words[max(0, i - 4) : i]):
                out.extend(by_text[phrase])
            i += size
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
