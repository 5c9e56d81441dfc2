"""Indonesian text normalisation for the classifier and for search.

Lower-cases, removes HTML remnants and punctuation, turns masks ("[NIK]") into tokens, expands informal
spellings and abbreviations (yg, gk/ga/gak, tdk, sdh, blm, udh, krn, dgn, utk, bgt, ...), shortens
stretched letters ("lamaaa" -> "lama") and, for `stems`, reduces words to their stem with Sastrawi
(cached per token: the stemmer is slow per call, and complaint vocabularies repeat).
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.normalize import plain_text

SLANG = {
    "yg": "yang", "yng": "yang", "gk": "tidak", "ga": "tidak", "gak": "tidak", "nggak": "tidak", "ngga": "tidak",
    "enggak": "tidak", "engga": "tidak", "tdk": "tidak", "tak": "tidak", "kagak": "tidak", "ndak": "tidak",
    "mboten": "tidak", "ora": "tidak", "sdh": "sudah", "udh": "sudah", "udah": "sudah", "dah": "sudah",
    "sudh": "sudah", "blm": "belum", "blum": "belum", "krn": "karena", "karna": "karena", "krna": "karena",
    "dgn": "dengan", "dg": "dengan", "utk": "untuk", "untk": "untuk", "bgt": "banget", "bngt": "banget",
    "sy": "saya", "sya": "saya", "aku": "saya", "gw": "saya", "gue": "saya", "tp": "tapi", "tpi": "tapi",
    "jg": "juga", "dr": "dari", "kl": "kalau", "klo": "kalau", "kalo": "kalau", "trs": "terus", "org": "orang",
    "bpk": "bapak", "pak": "bapak", "bu": "ibu", "pd": "pada", "dlm": "dalam", "hrs": "harus", "msh": "masih",
    "masi": "masih", "bs": "bisa", "bisa2": "bisa", "sm": "sama", "aja": "saja", "gmn": "bagaimana",
    "gimana": "bagaimana", "knp": "kenapa", "kenapa2": "kenapa", "tsb": "tersebut", "spt": "seperti",
    "thn": "tahun", "bln": "bulan", "hr": "hari", "mgg": "minggu", "jd": "jadi", "jdi": "jadi", "sampe": "sampai",
    "smp": "sampai", "lg": "lagi", "lgi": "lagi", "dpt": "dapat", "tgl": "tanggal", "no": "nomor", "mhn": "mohon",
    "tlg": "tolong", "tolongg": "tolong", "min": "admin", "mimin": "admin", "kmrn": "kemarin", "skrg": "sekarang",
    "skrng": "sekarang", "sdg": "sedang", "bkn": "bukan", "emg": "memang", "emang": "memang", "duit": "uang",
    "pelicin": "pelicin", "pungli2": "pungli", "ktp": "ktp", "kk": "kk", "makasih": "terima kasih",
    "trims": "terima kasih", "tks": "terima kasih", "thx": "terima kasih", "suwe": "lama", "dereng": "belum",
    "sampun": "sudah", "wis": "sudah", "durung": "belum",
}
_MASK = re.compile(r"\[(NIK|TELEPON|EMAIL|AKUN|NAMA|ALAMAT|REKENING|NOMOR|TGL_LAHIR|PLAT)\]")
_WORD = re.compile(r"[0-9a-z_]+")  # a word: what is left between runs of other characters
_STRETCH = re.compile(r"([a-z])\1{2,}")


def normalize(text: str | None) -> str:
    """Lower-case, plain, informal spellings expanded; masks become `_nik_`, `_telepon_`, ...
    (`clean_text`'s white-space steps are left out: the text is split into words at any white space anyway.)"""
    if not text:
        return ""
    t = plain_text(text)
    t = _MASK.sub(lambda m: f" _{m.group(1).lower()}_ ", t)
    t = t.lower().replace("-", " ")
    t = _STRETCH.sub(r"\1", t)
    return " ".join([SLANG.get(tok, tok) for tok in _WORD.findall(t)])


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    if len(token) <= 3 or token.startswith("_") or token.isdigit():
        return token
    return _stemmer().stem(token)


def stem_words(normalized: str) -> str:
    """Normalised text (`normalize`'s output) with every word reduced to its stem."""
    return " ".join(map(stem, normalized.split()))


def stems(text: str | None) -> str:
    """Normalised text with every word reduced to its stem."""
    return stem_words(normalize(text))
