"""Fast TF-IDF transform for fitted scikit-learn vectorizers, with the n-grams of each token cached.

scikit-learn's `TfidfVectorizer.transform` re-analyses every document character by character. Complaint
vocabularies repeat, and both analyzers the classifier uses are additive over whitespace-separated tokens:
- `char_wb`: the character n-grams of a document are the n-grams of each of its padded words;
- `word` with (1, 2)-grams: the unigrams of each token (its `\\w\\w+` parts) plus the pairs of neighbouring ones.

So `CachedTfidf` looks each token's vocabulary columns up once and builds the count matrix from those; sublinear
tf, idf and l2 normalisation follow scikit-learn's `TfidfTransformer`. For words, each token is cached as the ids
of its parts, and the unigram and bigram columns of a whole batch are looked up at once in arrays (a bigram is a
pair of neighbouring part ids within one document). The result equals
`vectorizer.transform(texts)` (a test checks it); it is used for prediction only, fitting stays with sklearn.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer


class _Numbering(dict):
    """Numbers keys in the order they are first looked up (0, 1, 2, ...)."""

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self)
        return number


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
        state.pop("_word_tables", None)  # rebuilt from the vocabulary on first use
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
        cache, ids = self._cache, _Numbering()
        number = ids.__getitem__
        occurrences: list[int] = []
        lengths: list[int] = []
        for text in texts:
            words = text.split()  # sklearn first joins runs of white space; split() does not need that
            lengths.append(len(words))
            occurrences.extend(map(number, words))
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
        """Documents x (unigram and bigram) columns: each token's part ids come from the cache, then the columns
        of all parts and of all pairs of neighbouring parts in a document are looked up in arrays at once."""
        part_ids, unknown, unigram_col, bigram_keys, bigram_cols = self._tables()
        cache, parts = self._cache, self._token_pattern.findall
        flat: list[int] = []
        lengths: list[int] = []
        for text in texts:
            before = len(flat)
            for token in text.split():
                found = cache.get(token)
                if found is None:
                    found = cache[token] = [part_ids.get(p, unknown) for p in parts(token)]
                flat.extend(found)
            lengths.append(len(flat) - before)
        ids = np.asarray(flat, dtype=np.int64)
        doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        cols = unigram_col[ids]
        rows, cols = doc[cols >= 0], cols[cols >= 0]
        if self._max_n == 2 and len(ids) > 1 and len(bigram_keys):
            left, right = ids[:-1], ids[1:]
            pair = (doc[:-1] == doc[1:]) & (left != unknown) & (right != unknown)
            keys = left[pair] * unknown + right[pair]
            at = np.minimum(np.searchsorted(bigram_keys, keys), len(bigram_keys) - 1)
            hit = bigram_keys[at] == keys
            rows = np.concatenate([rows, doc[:-1][pair][hit]])
            cols = np.concatenate([cols, bigram_cols[at[hit]]])
        x = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(texts), len(self.vocabulary)))
        x.sum_duplicates()
        return x

    def _tables(self):
        """Part ids (every word of a vocabulary term; any other part gets the id `unknown`, their number), each part
        id's unigram column (-1: none), and the bigram keys (left id * unknown + right id, sorted) with their
        columns."""
        tables = self.__dict__.get("_word_tables")
        if tables is None:
            numbering = _Numbering()
            for term in self.vocabulary:
                for part in term.split(" "):
                    numbering[part]  # numbered when first seen
            ids = dict(numbering)  # looked up with .get from here on: no new part gets a number
            unknown = len(ids)
            unigram_col = np.full(unknown + 1, -1, dtype=np.int64)
            keys, cols = [], []
            for term, col in self.vocabulary.items():
                words = term.split(" ")
                if len(words) == 1:
                    unigram_col[ids[term]] = col
                else:
                    keys.append(ids[words[0]] * unknown + ids[words[1]])
                    cols.append(col)
            order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
            tables = self.__dict__["_word_tables"] = (
                ids, unknown, unigram_col, np.asarray(keys, dtype=np.int64)[order],
                np.asarray(cols, dtype=np.int64)[order])
        return tables

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
