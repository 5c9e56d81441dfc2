import pickle

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from transforms.vectorize import CachedTfidf

TRAIN = ["ktp saya belum jadi sudah tiga bulan", "petugas kasar dan membentak warga",
         "dimintai uang pelicin untuk ktp", "air pdam mati sudah lima hari belum ada kabar",
         "saya ingin menanyakan syarat ktp", "petugas tidak datang, kantor tutup saat jam layanan"]
TEST = ["KTP belum jadi, petugas membentak", "uang   pelicin\tdiminta lagi", "", "kata_baru yang tidak dikenal",
        "belum belum belum ada kabar", "a b c",
        # a bigram of the vocabulary split over two documents ("tiga | bulan") is not a bigram of either
        "jadi sudah tiga", "bulan petugas kasar", "ktp/kk--saya belum_jadi (sudah) 3 bulan"]


@pytest.mark.parametrize("vectorizer", [
    TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True),
    TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
    TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=12),
    TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), max_features=50),
    TfidfVectorizer(ngram_range=(2, 2)),
    TfidfVectorizer(ngram_range=(1, 1), sublinear_tf=True),
    # bigrams whose words are not columns themselves
    TfidfVectorizer(ngram_range=(1, 2), vocabulary=["tiga bulan", "belum ada", "ada kabar", "ktp", "uang pelicin"]),
])
def test_equals_sklearn_transform(vectorizer):
    vectorizer.fit(TRAIN)
    fast = CachedTfidf(vectorizer)
    expected = vectorizer.transform(TEST).toarray()
    for _ in range(2):  # cold and warm cache
        assert np.allclose(fast.transform(TEST).toarray(), expected, atol=1e-12)
    # A pickled copy (as saved with a model) drops its cache and still gives the same result.
    assert np.allclose(pickle.loads(pickle.dumps(fast)).transform(TEST).toarray(), expected, atol=1e-12)


def test_rejects_analyzers_it_cannot_reproduce():
    with pytest.raises(ValueError):
        CachedTfidf(TfidfVectorizer(analyzer="char", ngram_range=(2, 3)).fit(TRAIN))
    with pytest.raises(ValueError):
        CachedTfidf(TfidfVectorizer(ngram_range=(1, 3)).fit(TRAIN))
