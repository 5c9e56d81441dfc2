"""Personal data protection before anything reaches the analytics store.

- `mask_text` replaces identifiers inside free text with typed masks ("[NIK]", "[TELEPON]",
  "[EMAIL]", "[REKENING]", "[PLAT]", "[ALAMAT]", "[NAMA]") so the text stays readable.
- `pseudonym` turns a phone number, e-mail address or NIK into a keyed hash (HMAC-SHA256), so the
  same reporter can be recognised across channels without storing who they are.
- `protect_records` applies both to a record frame and drops the raw identifier columns.
"""

from __future__ import annotations

import hashlib
import hmac
import re

import polars as pl

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# 16-digit NIK / KK numbers, also written in groups separated by spaces, dots or dashes.
NIK = re.compile(r"(?<![\d\w])\d(?:[ .-]?\d){15}(?![\d\w])")
# Indonesian mobile and fixed numbers: 08.., +62.., 62.., (021) ..., with separators.
PHONE = re.compile(
    r"(?<![\d\w+])(?:(?:\+62|62)[\s.-]?|0)(?:8\d{1,2}|\(?\d{2,3}\)?)(?:[\s.-]?\d{2,4}){2,3}(?!\d)"
)
# Bank account numbers, recognised by the words around them ("no. rek BRI 1234-5678-90").
ACCOUNT = re.compile(
    r"(?i)\b((?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek)\.?(?:\s+(?:bank\s+)?[A-Za-z]{2,10})?\s*[:.]?\s*)"
    r"(\d(?:[ .-]?\d){6,19})(?!\d)"
)
# Vehicle plates: an Indonesian area code, 1-4 digits, 1-3 letters ("B 1234 KJT", "AB1234CD").
_PLATE_AREAS = ("A|B|D|E|F|G|H|K|L|M|N|P|R|S|T|W|Z|AA|AB|AD|AE|AG|BA|BB|BD|BE|BG|BH|BK|BL|BM|BN|BP|DA|DB|DC|DD|"
                "DE|DG|DH|DK|DL|DM|DN|DP|DR|DS|DT|EA|EB|ED|KB|KH|KT|KU|PA|PB")
PLATE = re.compile(rf"\b(?:{_PLATE_AREAS})\s?\d{{1,4}}\s?[A-Z]{{1,3}}\b")
# Street addresses with a house number ("Jl. Melati No. 12", "Jalan Raya Bogor Nomor 5A RT 03/RW 04").
ADDRESS = re.compile(
    r"\b(?:Jl\.?|Jln\.?|Jalan|jl\.|jln\.?)\s+[\w.'-]+(?:\s+[\w.'-]+){0,4}?\s*,?\s*(?:No\.?|Nomor|no\.?|nomor)\s*"
    r"\d+[A-Za-z]?(?:/\d+)?(?:\s*,?\s*RT\.?\s*\d+\s*/?\s*RW\.?\s*\d+)?"
)
_HONORIFIC = r"(?:Bapak|Pak|Bpk\.?|Ibu|Bu|Sdr\.?|Sdri\.?|Saudara|Saudari|Mas|Mbak|a\.n\.?|an\.|atas nama)"
_NAME_WORD = r"[A-Z][a-z'A-Z]+"
HONORIFIC_NAME = re.compile(rf"\b({_HONORIFIC})\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})")
SELF_NAME = re.compile(
    rf"\b((?:[Nn]ama\s+saya|[Ss]aya\s+bernama|[Pp]erkenalkan(?:,)?\s+saya|[Nn]ama\s*:|[Ss]aya|[Ss]y|[Aa]ku)"
    rf"(?:\s+adalah)?\s*)({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
# Capitalised words that follow "saya" without being a name ("Saya Warga Bekasi", "Saya Ingin ...").
_NOT_NAMES = {"Warga", "Ingin", "Mau", "Sudah", "Sangat", "Mohon", "Ini", "Sebagai", "Selaku", "Orang", "Ibu", "Bapak",
              "Pak", "Bu", "Adalah", "Dari", "Juga", "Tidak", "Belum", "Telah", "Akan", "Hanya", "Merasa", "Minta",
              "Pegawai", "Guru", "Pensiunan", "Mahasiswa", "Peserta", "Pemilik", "Orangtua", "Orang", "Nasabah",
              "Pelanggan", "Pasien", "Korban", "Salah", "Seorang", "Kami", "Tinggal", "Bekerja", "The", "Dan"}
# Honorific words that name a role, not a person ("Bapak Lurah", "Ibu Kepala Dinas").
_ROLE_WORDS = {
    "Lurah", "Camat", "Bupati", "Walikota", "Wali", "Gubernur", "Kepala", "Kades", "Presiden", "Menteri",
    "Direktur", "Polisi", "Petugas", "Guru", "Dokter", "Bidan", "Kapolres", "Kapolsek", "Sekdes", "Dirut",
    "Ketua", "Admin", "Pejabat", "Rt", "Rw", "RT", "RW",
}


def mask_text(text: str | None, names: list[str] | None = None) -> str | None:
    """Mask e-mails, street addresses, bank accounts, NIK/KK numbers, phones, plates and names in free text."""
    if text is None:
        return None
    out = EMAIL.sub("[EMAIL]", text)
    out = ADDRESS.sub("[ALAMAT]", out)
    out = ACCOUNT.sub(lambda m: m.group(1) + "[REKENING]", out)
    out = NIK.sub("[NIK]", out)
    out = PHONE.sub("[TELEPON]", out)
    out = PLATE.sub("[PLAT]", out)
    for name in names or []:
        name = (name or "").strip()
        if len(name) >= 3:
            out = re.sub(re.escape(name), "[NAMA]", out, flags=re.IGNORECASE)
            first = name.split()[0]
            if len(first) >= 4 and first.lower() not in {"bapak", "ibu", "saudara"}:
                out = re.sub(rf"\b{re.escape(first)}\b", "[NAMA]", out, flags=re.IGNORECASE)
    out = HONORIFIC_NAME.sub(_mask_honorific, out)
    return SELF_NAME.sub(_mask_self_name, out)


def _mask_self_name(m: re.Match) -> str:
    if m.group(2).split()[0] in _NOT_NAMES | _ROLE_WORDS:
        return m.group(0)
    return m.group(1) + "[NAMA]"


def _mask_honorific(m: re.Match) -> str:
    if m.group(2).split()[0] in _ROLE_WORDS:
        return m.group(0)
    return f"{m.group(1)} [NAMA]"


def normalize_phone(value: str | None) -> str | None:
    """Digits only, in international form: 0812.. and +62812.. both become 62812..."""
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits if len(digits) >= 8 else None


def identity_keys(phone: str | None, email: str | None, text: str | None = None) -> list[str]:
    """The normalised identifiers of a reporter, each tagged with its kind: phone, e-mail, and a NIK the
    reporter wrote about themselves ("NIK saya ...", "NIK: ...")."""
    keys = []
    p = normalize_phone(phone)
    if p:
        keys.append("tel:" + p)
    if email and EMAIL.fullmatch(email.strip()):
        keys.append("email:" + email.strip().lower())
    m = OWN_NIK.search(text or "")
    if m:
        keys.append("nik:" + re.sub(r"\D", "", m.group(1)))
    return keys


# "NIK saya 3201...", "NIK: 3201 ..." (the reporter's own number, used only for the keyed pseudonym)
OWN_NIK = re.compile(r"(?i)\bNIK\b\s*(?:saya)?\s*[:.]?\s*(\d(?:[ .-]?\d){15})(?!\d)")
# Requests for confidentiality written in the complaint itself.
CONFIDENTIAL = re.compile(
    r"(?i)\b(mohon|tolong|harap|minta)\b[^.!?\n]{0,40}\b(dirahasiakan|rahasiakan|disamarkan)\b"
    r"|\b(identitas|nama)\s+(saya|pelapor)\s+(mohon\s+|agar\s+|harap\s+)?(di)?rahasiakan\b"
    r"|\bjangan\s+(sebut|sebutkan|cantumkan)\s+nama\s+saya\b"
)


def asks_confidentiality(text: str | None) -> bool:
    return bool(text and CONFIDENTIAL.search(text))


def pseudonym(key: str, secret: bytes) -> str:
    return hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def protect_records(records: pl.DataFrame, secret: bytes) -> pl.DataFrame:
    """Mask text and title, add reporter pseudonyms, and drop the raw identifier columns.

    `reporter_pseudonym` is the pseudonym of the reporter's first identifier (phone before e-mail);
    `reporter_keys` holds the pseudonyms of all of them, for matching across channels. A report whose text asks
    for confidentiality is marked secret.
    """
    free_text = ("text", "title", "agency_raw", "location_raw")
    rows = records.select("reporter_name", "reporter_phone", "reporter_email", *free_text).to_dicts()
    masked: dict[str, list] = {c: [] for c in free_text}
    keys, secret_asked = [], []
    for r in rows:
        names = [r["reporter_name"]] if r["reporter_name"] else []
        for c in free_text:
            masked[c].append(mask_text(r[c], names))
        ids = identity_keys(r["reporter_phone"], r["reporter_email"], r["text"])
        keys.append([pseudonym(k, secret) for k in ids])
        secret_asked.append(asks_confidentiality(r["text"]))
    return records.with_columns(
        *(pl.Series(c, masked[c], dtype=pl.String) for c in free_text),
        reporter_keys=pl.Series(keys, dtype=pl.List(pl.String)),
        # a confidentiality request in the text makes the report secret, like LAPOR!'s own flag
        is_secret=pl.col("is_secret").fill_null(False) | pl.Series(secret_asked, dtype=pl.Boolean),
    ).with_columns(
        reporter_pseudonym=pl.col("reporter_keys").list.first(),
    ).drop("reporter_name", "reporter_phone", "reporter_email")
