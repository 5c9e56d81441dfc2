"""The maladministration classifier: an explainable lexicon layer plus a statistical model.

Features: TF-IDF of stemmed word uni/bigrams, TF-IDF of character 3-4-grams of the normalised text
(robust to informal spelling; optional, they cost most of the prediction time), and the lexicon's per-form
cue scores (non-case cues count only when no cue of a form fired). Model: logistic regression with sample weights
between the corpus mix and balanced (`class_weight_power`), averaged with a Complement Naive Bayes model on the
same features (`nb_weight`); both calibrated by 5-fold sigmoid calibration. A correction towards the
real-world mix of forms was tried and lowered macro-F1 on real complaints, so it is not applied.

Output per text: category, confidence (the calibrated probability of that category), needs_review
(confidence below `review_threshold`), up to two secondary forms (probability >= `secondary_min`, or a
fired lexicon cue of another form) and the cues that fired.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.utils.class_weight import compute_sample_weight

from transforms.labels import CLASS_COLUMNS, LABELS
from transforms.lexicon import Lexicon
from transforms.textnorm import normalize, stem_words
from transforms.vectorize import CachedTfidf


# Below this confidence a prediction is sent to an analyst. The rule: the largest threshold on a 0.01 grid that
# sends no more than 28% of the real development set to review: issue #3's budget of 30%, less about one standard
# error of a share measured on 489 complaints, so that new complaints of the same kind stay within the budget. It
# looks at the confidences only, not the labels; see the README's classifier section.
REVIEW_THRESHOLD = 0.61


@dataclass
class Prediction:
    category: str
    confidence: float
    needs_review: bool
    secondary: list[str]
    cues: list[str]


class ComplaintClassifier:
    def __init__(self, lexicon: Lexicon, review_threshold: float = REVIEW_THRESHOLD, secondary_min: float = 0.2,
                 lexicon_weight: float = 0.5, seed: int = 13, char_ngrams: tuple[int, int] | None = (3, 4),
                 C: float = 4.0, class_weight_power: float = 0.5, failure_cues_win: bool = True,
                 nb_weight: float = 0.5, nb_alpha: float = 0.3) -> None:
        self.lexicon = lexicon
        self.review_threshold = review_threshold
        self.secondary_min = secondary_min
        self.lexicon_weight = lexicon_weight
        self.seed = seed
        self.char_ngrams = char_ngrams
        self.C = C
        self.class_weight_power = class_weight_power
        self.failure_cues_win = failure_cues_win
        self.nb_weight = nb_weight
        self.nb_alpha = nb_alpha
        self.version: str | None = None
        self.labels: list[str] = []

    # -- features
    def _prepare(self, texts):
        normalized = [normalize(t) for t in texts]
        stemmed = [stem_words(n) for n in normalized]
        fired = [self.lexicon.fired(n) for n in normalized]
        return normalized, stemmed, fired

    def _features(self, normalized, stemmed, fired, fit: bool = False):
        if fit:
            self._words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=60_000)
            self._chars = (TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams, min_df=2,
                                           sublinear_tf=True, max_features=80_000) if self.char_ngrams else None)
            self.__dict__.pop("_words_cached", None)
            self.__dict__.pop("_chars_cached", None)
            w = self._words.fit_transform(stemmed)
            c = self._chars.fit_transform(normalized) if self._chars else None
        else:
            w = self._fast("_words").transform(stemmed)
            c = self._fast("_chars").transform(normalized) if self._chars else None
        lex = np.array([list(self._lexicon_scores(cues).values()) for cues in fired]).reshape(len(fired), -1)
        lex = csr_matrix(np.log1p(lex) * self.lexicon_weight)
        return hstack([m for m in (w, c, lex) if m is not None]).tocsr()

    def _lexicon_scores(self, cues) -> dict[str, float]:
        """Per-form cue scores as model features. With `failure_cues_win`, the non-case cues ("ingin menanyakan",
        "mohon dibangun", ...) count only when no cue of a form fired: a question or request that contains an alleged
        failure is labelled by the failure (guideline rule 1). Models saved before this option keep the old features."""
        totals = self.lexicon.totals(cues)
        if getattr(self, "failure_cues_win", False) and any(
                v > 0 for lab, v in totals.items() if lab != "bukan_maladministrasi"):
            totals["bukan_maladministrasi"] = 0.0
        return totals

    def _fast(self, name: str) -> CachedTfidf:
        """The token-cached transform of a fitted vectorizer (made on first use, also for older model files)."""
        key = name + "_cached"
        if key not in self.__dict__:
            self.__dict__[key] = CachedTfidf(getattr(self, name))
        return self.__dict__[key]

    # -- training
    def fit(self, texts: list[str], labels: list[str]) -> "ComplaintClassifier":
        unknown = sorted(set(labels) - set(LABELS))
        if unknown:
            raise ValueError(f"unknown labels in training data: {unknown}")
        x = self._features(*self._prepare(texts), fit=True)
        base = LogisticRegression(C=self.C, max_iter=3000, random_state=self.seed)
        # Sample weights: the balanced weights (every form counts equally however many examples the corpus
        # has) raised to `class_weight_power`. 1 is fully balanced, 0 is the corpus mix; the default 0.5 lies
        # between, as real channels are about half non-cases and fully balanced weights over-predict the rare
        # forms. Used in the model and in the calibration. ensemble=False: one model refit on all data,
        # calibrated on 5-fold out-of-fold predictions; the five fold models are fitted in parallel (n_jobs=-1),
        # which changes the probabilities by less than 1e-10.
        weights = compute_sample_weight("balanced", labels) ** getattr(self, "class_weight_power", 1.0)
        self._model = CalibratedClassifierCV(base, method="sigmoid", cv=5, ensemble=False, n_jobs=-1)
        self._model.fit(x, labels, sample_weight=weights)
        self.labels = [str(c) for c in self._model.classes_]
        # A complementary model on the same features: Complement Naive Bayes, calibrated the same way; the
        # probabilities are averaged with weight `nb_weight` (0: logistic regression only).
        self._nb = None
        if self.nb_weight > 0:
            self._nb = CalibratedClassifierCV(ComplementNB(alpha=self.nb_alpha), method="sigmoid", cv=5, ensemble=False)
            self._nb.fit(x, labels, sample_weight=weights)
            assert [str(c) for c in self._nb.classes_] == self.labels
        return self

    # -- prediction
    def probabilities(self, texts: list[str]) -> tuple[np.ndarray, list]:
        probs, fired, _ = self._scored(texts)
        return probs, fired

    def _scored(self, texts: list[str]) -> tuple[np.ndarray, list, list[str]]:
        normalized, stemmed, fired = self._prepare(texts)
        x = self._features(normalized, stemmed, fired)
        probs = self._model.predict_proba(x)
        nb = getattr(self, "_nb", None)  # absent in model files saved before the ensemble
        if nb is not None:
            probs = (1 - self.nb_weight) * probs + self.nb_weight * nb.predict_proba(x)
        return probs, fired, stemmed

    def predict(self, texts: list[str]) -> list[Prediction]:
        return self.predict_with_stems(texts)[0]

    def predict_with_stems(self, texts: list[str]) -> tuple[list[Prediction], list[str]]:
        """The predictions, and each text's stemmed words (`transforms.textnorm.stems`), which the word features
        are made of: the nightly flow stores them as the search column instead of stemming every text again."""
        if not texts:
            return [], []
        probs, fired_all, stemmed = self._scored(texts)
        orders = np.argsort(-probs, axis=1)[:, :3]  # the three most probable forms of each text
        out = []
        # plain Python numbers: indexing NumPy rows one value at a time costs more than the whole conversion
        for row, order, fired in zip(probs.tolist(), orders.tolist(), fired_all):
            category = self.labels[order[0]]
            confidence = row[order[0]]
            cue_labels = [c.label for c in fired]
            secondary = [self.labels[i] for i in order[1:3] if row[i] >= self.secondary_min]
            for lab in cue_labels:
                if lab != category and lab not in secondary and lab != "bukan_maladministrasi" and len(secondary) < 2:
                    secondary.append(lab)
            if category == "bukan_maladministrasi":
                secondary = [s for s in secondary if s != category]
            out.append(Prediction(
                category=category, confidence=round(confidence, 4),
                needs_review=confidence < self.review_threshold,
                secondary=secondary[:2],
                cues=list(dict.fromkeys(f"{c.cue} ({c.label})" for c in fired))[:8],
            ))
        return out, stemmed


def classifier_texts(complaints):
    """What the classifier reads of each complaint of a frame (text, and title when the frame has one): the title,
    when there is one, on the line above the text. That is how the real set's SP4N-LAPOR! complaints read, on which
    the classifier is measured: without their title line its figures on them drop (accuracy 0.734 to 0.710,
    2026-12-07). The flow keeps the title apart (LAPOR! titles, e-mail subjects), so it joins them here."""
    import polars as pl

    if "title" not in complaints.columns:
        return complaints["text"]
    return complaints.select(pl.concat_str([pl.col("title"), pl.col("text")], separator="\n", ignore_nulls=True)
                             .alias("text")).to_series()


def classify_frame(complaints, model: ComplaintClassifier, batch: int = 20_000, stems_column: str | None = None):
    """Fill the classification columns of a complaints frame (complaint_id, text, and title if any) with `model`,
    reading `classifier_texts`; with `stems_column`, also that column with the stemmed words of what it read
    (`transforms.textnorm.stems`)."""
    import polars as pl

    from transforms.schema import string_lists

    predictions, stemmed = [], []
    texts = classifier_texts(complaints).to_list()
    for start in range(0, len(texts), batch):
        preds, stems = model.predict_with_stems(texts[start : start + batch])
        predictions.extend(preds)
        stemmed.extend(stems)
    preds = pl.DataFrame([pl.Series("category", [p.category for p in predictions], pl.String),
                          pl.Series("confidence", [p.confidence for p in predictions], pl.Float64),
                          pl.Series("needs_review", [p.needs_review for p in predictions], pl.Boolean),
                          string_lists("secondary", [p.secondary for p in predictions]),
                          string_lists("cues", [p.cues for p in predictions])])
    if stems_column:
        preds = preds.with_columns(pl.Series(stems_column, stemmed, dtype=pl.String))
    drop = [c for c in (*CLASS_COLUMNS, stems_column) if c in complaints.columns]
    return pl.concat([complaints.drop(drop), preds], how="horizontal").with_columns(
        classifier_version=pl.lit(model.version, pl.String))


class LexiconBaseline:
    """The keyword-only baseline the model is measured against: the form with the highest cue score,
    ties broken by the guideline's precedence; no cue at all means `bukan_maladministrasi`."""

    version = "lexicon-baseline"

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def predict(self, texts: list[str]) -> list[Prediction]:
        from transforms.labels import PRECEDENCE

        rank = {label: i for i, label in enumerate(PRECEDENCE)}
        out = []
        for text in texts:
            fired = self.lexicon.fired(normalize(text))
            forms = {k: v for k, v in self.lexicon.totals(fired).items() if v > 0 and k != "bukan_maladministrasi"}
            if forms:
                category = max(forms, key=lambda k: (forms[k], -rank.get(k, 99)))
            else:
                category = "bukan_maladministrasi"
            out.append(Prediction(category, 1.0, False, [], [f"{c.cue} ({c.label})" for c in fired][:8]))
        return out
