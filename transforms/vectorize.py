"""Fast TF-IDF transform for fitted scikit-learn vectorizers, with the n-grams of each token cached.

scikit-learn's `TfidfVectorizer.transform` re-analyses every document character by character. Complaint
vocabularies repeat, and both analyzers the classifier uses are additive over whitespace-separated tokens:
- `char_wb`: the character n-grams of a document are the n-grams of each of its padded words;
- `word` with (1, 2)-grams: the unigrams of each token (its `\\w\\w+` parts) plus the pairs of neighbouring ones.

So `CachedTfidf` looks each token's vocabulary columns up once and builds the count matrix from those; sublinear
tf, idf and l2 normalisation follow scikit-learn's `TfidfTransformer`. The result equals
`vectorizer.transform(texts)` (a test checks it); it is used for prediction only, fitting stays with sklearn.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

class CachedTfidf:
    """Prediction-time transform of a fitted `TfidfVectorizer` (analyzer `char_wb`, or `word` with n <= 2)."""

    def __init__(self, vectorizer: TfidfVectorizer, max_cache: int = 500_000) -> None:
        analyzer, (min_n, max_n) = vectorizer.analyzer, vectorizer.ngram_range
        if analyzer not in ("char_wb", "word") or (analyzer == "word" and max_n > 2):
            raise ValueError(f"CachedTfidf supports char_wb and word (1-2)-grams, not {analyzer} {min_n}-{max_n}")
        if not vectorizer.lowercase or vectorizer.strip_accents or vectorizer.preprocessor or vectorizer.tokenizer:
            raise ValueError("CachedTfidf expects lowercase=True and no accent stripping, preprocessor or tokenizer")
        if vectorizer.norm != "l2":
            raise ValueError("CachedTfidf expects norm='l2'")
        self.vectorizer = vectorizer
        self.vocabulary = vectorizer.vocabulary_
        self.idf = vectorizer.idf_ if vectorizer.use_idf else None
        self.sublinear = vectorizer.sublinear_tf
        self.max_cache = max_cache
        self._token_pattern = re.compile(vectorizer.token_pattern)
        self._cache: dict[str, list[int]] = {}
        self._ngrams = vectorizer.build_analyzer() if analyzer == "char_wb" else None
        self._min_n, self._max_n = min_n, max_n

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cache"] = {}
        state["_ngrams"] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        if self.vectorizer.analyzer == "char_wb":
            self._ngrams = self.vectorizer.build_analyzer()

    def _char_columns(self, word: str) -> list[int]:
        vocab = self.vocabulary
        return [vocab[g] for g in self._ngrams(word) if g in vocab]

    def transform(self, texts: list[str]) -> csr_matrix:
        if len(self._cache) > self.max_cache:
            self._cache.clear()
        texts = [t.lower() for t in texts]
        counts = self._char_counts(texts) if self._ngrams is not None else self._word_counts(texts)
        return self._tfidf(counts)

    def _char_counts(self, texts: list[str]) -> csr_matrix:
        """Documents x words (occurrences) times words x n-grams (each word's n-gram counts, from the cache)."""
        cache, ids = self._cache, {}
        occurrences: list[int] = []
        lengths: list[int] = []
        for text in texts:
            words = text.split()  # sklearn first joins runs of white space; split() does not need that
            lengths.append(len(words))
            occurrences.extend(ids.setdefault(w, len(ids)) for w in words)
        doc_words = csr_matrix((np.ones(len(occurrences)), np.asarray(occurrences, dtype=np.int64),
                                np.concatenate([[0], np.cumsum(lengths)])), shape=(len(texts), len(ids)))
        columns = []
        for w in ids:
            found = cache.get(w)
            if found is None:
                found = cache[w] = np.asarray(self._char_columns(w), dtype=np.int64)
            columns.append(found)
        sizes = [len(c) for c in columns]
        word_ngrams = csr_matrix((np.ones(sum(sizes)), np.concatenate(columns) if columns else np.zeros(0, np.int64),
                                  np.concatenate([[0], np.cumsum(sizes)])), shape=(len(ids), len(self.vocabulary)))
        return (doc_words @ word_ngrams).tocsr()

    def _word_counts(self, texts: list[str]) -> csr_matrix:
        cache, vocab = self._cache, self.vocabulary
        rows: list[int] = []
        cols: list[int] = []
        for i, text in enumerate(texts):
            doc_cols = self._doc_columns(text, cache, vocab)
            cols.extend(doc_cols)
            rows.extend([i] * len(doc_cols))
        x = csr_matrix((np.ones(len(cols)), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
                       shape=(len(texts), len(vocab)))
        x.sum_duplicates()
        return x

    def _tfidf(self, x: csr_matrix) -> csr_matrix:
        """sklearn's TfidfTransformer on a count matrix: sublinear tf, idf, l2 rows."""
        x.sort_indices()
        if self.sublinear:
            np.log(x.data, x.data)
            x.data += 1.0
        if self.idf is not None:
            x.data *= self.idf[x.indices]
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        x.data /= np.repeat(norms, np.diff(x.indptr))
        return x

    def _doc_columns(self, text: str, cache: dict, vocab: dict) -> list[int]:
        """Vocabulary columns of a document's word unigrams and bigrams (each token's parts and unigram columns
        cached; the order of the columns does not matter, they are summed)."""
        parts: list[str] = []
        out: list[int] = []
        for token in text.split():
            found = cache.get(token)
            if found is None:
                token_parts = self._token_pattern.findall(token)
                unigrams = [vocab[p] for p in token_parts if p in vocab] if self._min_n == 1 else []
                found = cache[token] = (token_parts, unigrams)
            parts.extend(found[0])
            out.extend(found[1])
        if self._max_n == 2:
            for a, b in zip(parts, parts[1:]):
                col = vocab.get(a + " " + b)
                if col is not None:
                    out.append(col)
        return out
