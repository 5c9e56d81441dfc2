"""Personal data protection before anything reaches the analytics store.

- `mask_text` replaces identifiers inside free text with typed masks ("[NIK]", "[TELEPON]",
  "[EMAIL]", "[AKUN]", "[REKENING]", "[NOMOR]", "[TGL_LAHIR]", "[PLAT]", "[ALAMAT]", "[NAMA]") so the text stays
  readable.
- `mask_column` does the same for a whole column, each row with its reporter's name.
- `pseudonym` turns a phone number, e-mail address or NIK into a keyed hash (HMAC-SHA256), so the
  same reporter can be recognised across channels without storing who they are.
- `protect_records` applies both to a record frame and drops the raw identifier columns.

Identifiers are found here; personal names by the cues of `transforms/names.py`. Full-width characters and other
scripts' digits are written in ASCII first (`with_ascii_forms`), in the text and in the reporter's name alike, and so
are the other dashes and spaces between a number's digits.

The column functions give exactly the results of the per-text functions. They are faster because each distinct
value is masked once, and because a pattern runs only on the values its *hint* flags. A hint is a regex that
matches every text in which the pattern can find something. Hints have no word boundaries or lookarounds, so they
still hold after earlier patterns replaced parts of a text: the masks are brackets and capitals, which no pattern
can match into or across. Polars runs the hints over the whole column (Rust's engine). The two engines differ on
non-ASCII characters (Unicode classes and case folding), so a text with any is given to the hints as an ASCII
stand-in (`_ascii_stand_in`): each non-ASCII character becomes an ASCII one that every class of the hints holding
it also holds (a space for a no-break space, "'" for the curly apostrophe, "a" for a letter, "0" for a digit, "k"
for the Kelvin sign that Python's case folding reads as "k", "?" for the rest). A hint that matches where its
pattern does in Python then also matches the stand-in. So a hint must also allow the non-ASCII characters its
pattern allows where they stand (the no-break space, the curly apostrophe in names); `tests/test_privacy.py`
checks both.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from dataclasses import dataclass

import polars as pl

from transforms.names import NAME_RULES, WS, Rule, apply_name_rules, mask_reporter_name
from transforms.series import map_values

# An amount written in thousands ("150.000", "2.000.000.000"), which no rule below takes for a person's number.
_AMOUNT_PATTERN = r"\d{1,3}(?:[.,]\d{3})+"
# E-mail addresses, ending in letters after a dot: a price glued to "@" ("2@Rp5.000") is no address.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# E-mail addresses written to dodge filters or spaced by a phone's keyboard: "budi at gmail dot com", "budi[at]gmail
# [dot] com", "budi @ gmail.com", "budi(at)yahoo.co.id". Only before a common top-level domain, so "rapat at kantor"
# stays; also "budi@gmail . com", whose spaced dot the pattern above does not allow (an unspaced "@" only before a
# domain with such a dot: the addresses the pattern above takes are gone by then, and the hint can say so).
_ODD_DOT = r"(?:[ \t]+\.|\.[ \t]|[ \t]+dot[ \t]|\[dot\]|\(dot\)|\{dot\})"
_AT = (r"(?:[ \t]*(?:\[at\]|\(at\)|\{at\})[ \t]*|[ \t]+@[ \t]*|@[ \t]+|"
       rf"@(?=[a-z0-9.-]*{_ODD_DOT})|[ \t]+at[ \t]+)")
_DOT = r"(?:[ \t]*(?:\.|\[dot\]|\(dot\)|\{dot\})[ \t]*|[ \t]+dot[ \t]+)"
_TLD = r"(?:com|net|org|id|info|biz|co|go|ac|sch|or|my|sg)"
SPELLED_EMAIL = re.compile(
    rf"(?i)(?<![\w.%+-])[a-z0-9._%+-]+{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*?{_DOT}{_TLD}(?:{_DOT}id)?(?!\w)")
# An address at a common mail provider typed without its top-level domain or with a comma for its dot ("budi@gmail",
# "budi@gmailcom", "budi@yahoo,co,id"): the local part names its owner. A provider followed by a dot and two letters
# is a whole address, the pattern above's.
_MAIL_PROVIDERS = (r"(?:gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|aol|proton(?:mail)?|"
                   r"zoho)")
BARE_EMAIL = re.compile(rf"(?i)(?<![\w.%+-])[a-z0-9._%+-]+@{_MAIL_PROVIDERS}(?!\.[a-z]{{2}})"
                        r"(?:[.,]?(?:com|co|net|id)){0,2}(?![\w@])")
# The account in a social media profile link ("facebook.com/budi.santoso88", "linkedin.com/in/<name>"); a link to a
# group, a post, a share or another page of the site stays ("facebook.com/groups/...", "instagram.com/p/...").
_SOCIAL_SITE = r"(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|youtube|threads)\.(?:com|net)/"
_SITE_PAGES = ("groups|pages|watch|events|share|sharer|sharer\\.php|photo|photos|photo\\.php|permalink\\.php|"
               "story\\.php|profile\\.php|reel|reels|p|tv|stories|hashtag|explore|search|home|login|intent|i|"
               "marketplace|gaming|help|policies|privacy|about|status|shorts|results|playlist|feed|jobs|company|school")
PROFILE_LINK = re.compile(
    rf"(?i)((?<![\w.-])(?:https?://)?(?:(?:www|m|mobile|web|id)\.)?{_SOCIAL_SITE}(?:(?:in|pub|c|user|channel)/)?)"
    rf"(?!(?:{_SITE_PAGES})(?![\w.-]))([a-z0-9_][a-z0-9_.-]*[a-z0-9_]|[a-z0-9_])")
# Social media accounts ("@budi_santoso88", "@dinkes.kota"): after e-mail addresses, whose "@" is gone by then.
# A price written with "@" stays ("@Rp5.000", "@ 10rb", "2 x @15.000").
HANDLE = re.compile(r"(?<![\w@.\]])@(?!(?i:rp)\.?\s*\d)[A-Za-z_][A-Za-z0-9_.]{0,28}[A-Za-z0-9_]")
# A label glued to its number ("NIK3201...", "noKK3201...", "HP0812...", "wa0812..."): a space goes between, so the
# number is found as a number (the patterns below want no letter before it).
GLUED_LABEL = re.compile(r"(?i)(?<![a-z])((?:no)?(?:nik|kk|ktp|hp|wa|telp|tlp))(?=(?:\+62|\d)\d)")
# 16-digit NIK / KK numbers, also written in groups separated by spaces, dots or dashes; not a list of years
# ("2019 2020 2021 2022") or of dates ("01-01-2024 31-12-2024", "2024-01-15 2024-02-15").
NIK = re.compile(r"\d(?<![\d\w]\d)(?:[ .-]?\d){15}(?![\d\w])")
_YEARS = re.compile(r"(?:(?:19|20)\d\d[ .-])+(?:19|20)\d\d")
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[.-]\d{1,2}[.-](?:19|20)\d\d|(?:19|20)\d\d[.-]\d{1,2}[.-]\d{1,2})(?!\d)")


def _years_or_dates(found: str) -> bool:
    return bool(_YEARS.fullmatch(found) or _DATE.search(found))


def _mask_nik(m: re.Match) -> str:
    return m.group(0) if _years_or_dates(m.group(0)) else "[NIK]"


# Indonesian mobile and fixed numbers: 08.., +62.., 62.., (+62) .., (021) ..., with separators. Not after "Rp", and
# not the thousands of an amount ("2.000.000.000" holds "000.000.000", "62.500.000.000" reads as +62): the checks
# stand after the "0" or "62" so that they run only there.
_PHONE_START = (r"(?<![\d\w+])(?<![Rr][Pp][ .])(?<![Rr][Pp]\. )"
                r"(?:(?:\(\+?62\)|\+62|62(?![.,]\d{3}(?:[.,]\d{3})+(?!\d)))[\s.-]?"
                r"|\(?0(?!(?<=\d[.,]0)\d\d(?:[.,]\d{3})+(?!\d)))"
                r"(?:8\d{1,2}|\(?\d{2,3}\)?)")
PHONE = re.compile(rf"{_PHONE_START}(?:[\s.-]?\d{{2,4}}){{2,3}}(?!\d)")
# The same in more groups, each after a separator ("0812 34 56 78 90", "0812-345-67-890"), which the pattern above
# cuts after three: masked whole when the digits stay a phone's length (at most 13 from 0, 14 from 62), else as the
# pattern above does.
LONG_PHONE = re.compile(rf"{_PHONE_START}(?:[\s.-]\d{{2,4}}){{4,5}}(?!\d)")


# A mobile number typed with the letter O for a zero ("O812-3456-7890", "0812 345O 6789"): masked when, read with
# zeros, it is a phone of ten digits or more. An O starts it, or comes after its "08"/"628" before any other letter
# (the look-ahead, which its hint repeats, may reach past the number: the function checks it).
O_PHONE = re.compile(r"(?<![\w+])(?:[Oo]|(?:\+?62[\s.-]?|0)(?=8[0-9Oo\s.-]*[Oo]))"
                     r"8[0-9Oo]{1,2}(?:[\s.-]?[0-9Oo]{2,4}){2,5}(?!\w)")
_O_TO_ZERO = str.maketrans("Oo", "00")


def _mask_o_phone(m: re.Match) -> str:
    found = m.group(0)
    if "O" not in found and "o" not in found:
        return found
    digits = found.translate(_O_TO_ZERO)
    if len(ascii_digits(digits)) >= 10 and (PHONE.fullmatch(digits) or LONG_PHONE.fullmatch(digits)):
        return "[TELEPON]"
    return found


# A NIK/KK number typed with the letter O for a zero ("3171O11203850001", "3171 o112 0385 OOO1"): masked when, read
# with zeros, it holds a NIK's sixteen digits in their places (`_nik_digits`), ten of them typed as digits. The
# pattern takes a run of digits and O's that holds both (its length is checked after).
O_NIK = re.compile(r"(?<![\w+])(?:(?:[0-9][ .-]?)+[Oo]|[Oo](?:[ .-]?[Oo])*[ .-]?[0-9])(?:[ .-]?[0-9Oo])*(?!\w)")


def _mask_o_nik(m: re.Match) -> str:
    found = m.group(0)
    digits = ascii_digits(found)
    if len(digits) >= 10 and _nik_digits(ascii_digits(found.translate(_O_TO_ZERO))):
        return "[NIK]"
    return found


def _mask_long_phone(m: re.Match) -> str:
    found = m.group(0)
    digits = ascii_digits(found)
    if len(digits) <= (13 if digits.startswith("0") else 14):
        return "[TELEPON]"
    return PHONE.sub("[TELEPON]", found)


# A phone or NIK/KK number whose groups are parted by a separator with spaces around it or a slash ("0812 - 3456 -
# 7890", "(021) - 5555 - 1234", "3201 / 0115 / 0885 / 0001"; an en or em dash is a "-" by then, `with_ascii_forms`),
# which the two patterns above do not take: such a run of digit groups is masked only when its digits are a phone's
# (08.., 628.., an area code) or a NIK's (a province, a day and a month where they belong), so a date range or a
# letter's number stays.
_SEPARATOR = r"(?:[ \t]*[-/.][ \t]*|[ \t]+)"
_ODD_SEPARATOR = r"(?:[ \t]+[-/.][ \t]*|[-/.][ \t]+|/)"
SPACED_NUMBER = re.compile(rf"(?<![\d\w+.,/])(?:\+?\d{{2,6}}|\(\d{{2,4}}\))(?:{_SEPARATOR}\d{{3,6}}){{0,5}}?"
                           rf"{_ODD_SEPARATOR}\d{{3,6}}(?:{_SEPARATOR}\d{{3,6}}){{0,5}}(?![\d\w])")
_PROVINCES = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51",
              "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92",
              "93", "94", "95", "96", "97"}


def _nik_digits(digits: str) -> bool:
    """Sixteen digits with a province code, a day of birth (a woman's plus 40) and a month where a NIK has them."""
    if len(digits) != 16:
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    return digits[:2] in _PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def _mask_spaced_number(m: re.Match) -> str:
    found = m.group(0)
    digits = ascii_digits(found)
    if len(digits) == 16 and not found.startswith("+"):
        return "[NIK]" if _nik_digits(digits) else found
    if ((digits.startswith("08") and 10 <= len(digits) <= 13) or (digits.startswith("628") and 11 <= len(digits) <= 14)
            or (digits[:1] == "0" and digits[1:2] in "2345679" and 9 <= len(digits) <= 12)):
        return "[TELEPON]"
    return found


# Any other long number: a run of 12 to 20 digits (a card, customer, account or device number; an amount after "Rp"
# stays), and 15 or 17 digits in groups as a NIK is written (a NIK typed a digit short or over), unless an amount
# ("1.500.000.000.000"), years or dates. Before the phone patterns, which would take a part of them; a phone's
# number (0.., 62..) is left to those. (The checks of what stands before come after the first digit, so that they
# run only at digits: twice as fast.)
LONG_NUMBER = re.compile(r"\d(?<![\w.,/+-]\d)(?<![Rr][Pp][ .]\d)(?<![Rr][Pp]\. \d)\d{11,19}(?!\w)")
GROUPED_NUMBER = re.compile(r"\d(?<![\w.,/+-]\d)(?:[ .-]?\d){14,16}(?!\w)")
_AMOUNT = re.compile(_AMOUNT_PATTERN)


def _phone_digits(digits: str) -> bool:
    return digits.startswith("0") or (digits.startswith("62") and len(digits) <= 14)


def _mask_long_number(m: re.Match) -> str:
    return m.group(0) if _phone_digits(ascii_digits(m.group(0))) else "[NOMOR]"


def _mask_grouped_number(m: re.Match) -> str:
    found = m.group(0)
    digits = ascii_digits(found)
    if (len(digits) in (15, 17) and not found.isdigit() and not _phone_digits(digits) and not _AMOUNT.fullmatch(found)
            and not _years_or_dates(found)):
        return "[NOMOR]"
    return found


# Bank account numbers, recognised by the words around them ("no. rek BRI 1234-5678-90").
ACCOUNT = re.compile(
    r"(?i)\b((?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek)\.?(?:\s+(?:bank\s+)?[A-Za-z]{2,10}){0,3}\s*[:.]?\s*)"
    r"(\d(?:[ .-]?\d){6,19})(?!\d)"
)
# The same after a bank's name with no "rek" ("transfer ke BCA 1234567890", "BRI a.n. <name>: 0123..."): eight
# digits or more.
_BANKS = r"bca|bri|bni|mandiri|bsi|btn|cimb(?:\s+niaga)?|danamon|permata|ocbc(?:\s+nisp)?|jago|seabank|bjb|bank\s+dki"
BANK_ACCOUNT = re.compile(
    rf"(?i)\b((?:bank\s+)?(?:{_BANKS})\b\s*[:.]?\s*(?:a\.?\s*n\.?\s+[A-Za-z][A-Za-z .']{{0,40}}?\s*[:.]\s*)?)"
    r"(\d(?:[ .-]?\d){7,19})(?!\d)"
)
# Numbers of personal documents, recognised by the document named before them ("no akta kelahiran
# 3578-LT-10102020-0043", "NIB : 11.29.10.06.00092", "nomor KPJ 12345678901", "NIP 19700101 200912 1 001"), also
# a few words apart when "nomor" comes between ("sertifikat hak milik dengan nomor: ...").
DOCUMENT_NUMBER = re.compile(
    r"(?i)\b((?:no(?:mor|mer)?\.?\s*)?(?:akta(?:\s+kelahiran|\s+kematian|\s+nikah)?|sertifikat|shm|nib|kpj|nip|nop|"
    r"npwp|paspor|kartu\s+bpjs|bpjs|kis)\b\.?(?:\s+(?:tk|ketenagakerjaan|kesehatan)\b)?"
    r"(?:(?:\s+[a-z]+){0,4}?\s+(?:dengan\s+)?no(?:mor|mer)?\b\.?)?"
    r"\s*(?:saya\s*)?(?:(?:adalah|yaitu|yakni|ialah)\b\s*)?[:.]?\s*)"
    rf"(?!rp|{_AMOUNT_PATTERN}(?![\w./-]))"  # not an amount ("iuran BPJS 150.000", "biaya akta Rp50.000")
    r"((?=[\w./-]*\d)[\w./-]{5,40}(?:[ ]\d[\w./-]*){0,3})"
)
# Numbers of other personal cards and accounts, after their name: driving licence (SIM), pupil's and student's
# numbers (NISN, NIM), aid cards (KIP, KKS), police and military numbers (NRP), a phone's IMEI, an electricity
# customer's or meter number ("ID pelanggan", "no. meter"), an insurance or medical record number ("no. peserta",
# "no. RM"). These names are also common words or fees ("SIM 2 minggu", "biaya SIM 300.000"), so the number must hold
# six digits or more and be no amount (grouped in thousands, or up to seven digits ending in 000).
IDENTITY_NUMBER = re.compile(
    r"(?i)\b((?:sim|nisn|nim|kip|kks|nrp|imei|idpel|id\s*pel(?:anggan)?|rekam\s+medis|"
    r"no(?:mor|mer)?\.?\s*(?:peserta|pelanggan|meter|kartu|rm))\b\.?"
    r"(?:\s+(?:bpjs|tk|ketenagakerjaan|kesehatan|jkn|kis|pln|prabayar|pascabayar|saya|anak|kami)\b){0,3}"
    r"(?:\s+(?:adalah|yaitu|yakni|ialah)\b)?\s*[:.]?\s*)"
    rf"(?!{_AMOUNT_PATTERN}(?![\w./-])|\d{{1,4}}000(?![\d\w]))"
    r"(\d(?:[ .-]?\d){5,24})(?![\d\w])"
)
# A date of birth with the place before it, in a form field or a sentence ("Tanggal lahir : 01-02-1980", "TTL:
# Bandung, 1 Maret 1975", "TTL Bogor 12-03-1985", "Tempat/Tgl Lahir : Medan / 5 Juni 1990", "lahir tanggal 12 Maret
# 1985", "saya lahir pada ...", "lahir di Surabaya, 1 Januari 1980", "DOB: 1985-03-12"), also after "lhr" and
# "kelahiran" ("tgl lhr:31.12.1969", "kelahiran Padang, 21-IV-1979", "kelahiran 1980/05/12"; not a birth
# certificate's "akta kelahiran", often followed by the date a request was made).
BIRTH_DATE = re.compile(
    r"(?i)\b((?:tempat\s*[/,&]?\s*)?(?:tanggal|tgl)\.?\s*(?:lahir|lhr)|ttl|dob|"
    r"(?:lahir|lhr|(?<!akta )(?<!akte )kelahiran)(?:\s+(?:pada|di)\b)?(?:\s+(?:tanggal|tgl)\.?)?)(\s*[:.]?\s*)"
    r"((?:[A-Za-z][A-Za-z .'-]{1,30}?\s*[,/]?\s*)?"
    r"(?:\d{1,2}[ ./-]+(?:\d{1,2}|[A-Za-z]{3,9}|[IVXivx]{1,4})[ ./-]+\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}))(?!\d)"
)
# Vehicle plates: an Indonesian area code, 1-4 digits, 1-3 letters ("B 1234 KJT", "AB1234CD").
_PLATE_AREAS = ("A|B|D|E|F|G|H|K|L|M|N|P|R|S|T|W|Z|AA|AB|AD|AE|AG|BA|BB|BD|BE|BG|BH|BK|BL|BM|BN|BP|DA|DB|DC|DD|"
                "DE|DG|DH|DK|DL|DM|DN|DP|DR|DS|DT|EA|EB|ED|KB|KH|KT|KU|PA|PB")
PLATE = re.compile(rf"\b(?:{_PLATE_AREAS})[\s-]?\d{{1,4}}[\s-]?[A-Z]{{1,3}}\b")
# After the plate's label, in any case: "plat b 1234 xyz", "nopol: d-1234-abc".
LABELLED_PLATE = re.compile(
    rf"(?i)\b((?:plat(?:\s+nomor)?|pelat(?:\s+nomor)?|nopol|no\.?\s*pol(?:isi)?|nomor\s+polisi|tnkb)\b\.?\s*[:.]?\s*)"
    rf"(?:{_PLATE_AREAS})[\s-]?\d{{1,4}}(?:[\s-]?[a-z]{{1,3}})?(?![\w])")
# Street addresses with a house number ("Jl. Melati No. 12", "Jalan Raya Bogor Nomor 5A RT 03/RW 04", "JL.MERDEKA
# NO.10", "Gg. Mawar No: 7", "Perum Griya Asri Blok A5 No. 12", "Perum Griya Asri Blok C2/15", "Lrg. Sepakat No. 31",
# "Dusun Krajan No. 4"), or with the number before RT/RW ("Jl. Pahlawan 45 RT 003 RW 007"). RT/RW without a house
# number names a neighbourhood, not a home, and stays ("Kp. Cibogo RT 001/002").
# (each spelled out in its cases: a case-insensitive group at the start made the pattern four times slower)
_STREET = (r"(?:[Jj](?:[Ll][Nn]?|alan)|JALAN|[Gg](?:[Gg]|ang)|GANG|[Pp]erum(?:ahan)?|PERUM(?:AHAN)?|"
           r"[Kk](?:omp(?:leks?)?|ampung|[Pp])|KOMP(?:LEKS?)?|KAMPUNG|[Cc]luster|CLUSTER|[Bb]lok|BLOK|"
           r"[Dd](?:usun|sn)|DUSUN|DSN|[Ll](?:orong|rg)|LORONG|LRG)")
_RT_RW = r"RT\.?\s*\d+\s*/?\s*(?:RW\.?\s*)?\d+"
# A house number: "No. 12", "Nomor 3A", "No. 3-5", "Kav. 52-53" (a plot), a block's plot ("C2/15"), or a bare number
# before RT/RW.
ADDRESS = re.compile(
    rf"\b{_STREET}(?:\.\s*|\s+)[\w.'-]+(?:\s+[\w.'-]+){{0,4}}?\s*,?\s*"
    rf"(?:(?i:no|nomor|nmr|kav)\.?\s*:?\s*\d+[A-Za-z]?(?:[/-]\d+)?(?:\s*,?\s*{_RT_RW})?"
    rf"|[A-Za-z]{{1,2}}\d{{1,3}}[A-Za-z]?\s*/\s*\d{{1,4}}(?:\s*,?\s*{_RT_RW})?"
    rf"|\d+[A-Za-z]?(?:/\d+)?\s*,?\s*{_RT_RW})"
)
_NON_ASCII = r"[^\x00-\x7f]"

_PHONE_SEPARATOR = r"[\s\x1c-\x1f.-]"
_PHONE_HINT_START = rf"(?:(?:\+62|62)\)?{_PHONE_SEPARATOR}?|0)(?:8\d{{1,2}}|\(?\d{{2,3}}\)?)"

# The steps before the reporter's name is masked, in order.
_BEFORE_NAMES = (
    Rule(GLUED_LABEL, r"\1 ", r"(?i)(?:nik|kk|ktp|hp|wa|telp|tlp)[0-9+]"),
    Rule(EMAIL, "[EMAIL]", "@"),
    Rule(SPELLED_EMAIL, "[EMAIL]",
         rf"(?i)[ \t]@|@[ \t]|\[at\]|\(at\)|\{{at\}}|[ \t]at[ \t]|@[a-z0-9.-]*{_ODD_DOT}"),
    Rule(BARE_EMAIL, "[EMAIL]", rf"(?i)[a-z0-9._%+-]@{_MAIL_PROVIDERS}(?:[^.]|$|\.(?:[^a-z]|$|[a-z](?:[^a-z]|$)))"),
    Rule(PROFILE_LINK, lambda m: m.group(1) + "[AKUN]", "(?i)" + _SOCIAL_SITE),
    Rule(HANDLE, "[AKUN]", "@"),
    Rule(ADDRESS, "[ALAMAT]", r"(?is)(?:jl|jalan|gg|gang|perum|perumahan|komp|kompleks|komplek|kampung|kp|cluster|blok|"
                              r"dusun|dsn|lorong|lrg)[.\s].*\d"),
    Rule(ACCOUNT, lambda m: m.group(1) + "[REKENING]", r"(?is)rek.*\d(?:[ .-]?\d){6}"),
    Rule(BANK_ACCOUNT, lambda m: m.group(1) + "[REKENING]",
         r"(?is)(?:bca|bri|bni|mandiri|bsi|btn|cimb|danamon|permata|ocbc|jago|seabank|bjb|dki).*\d(?:[ .-]?\d){7}"),
    # before NIK and PHONE: a document number can hold a stretch that looks like either
    Rule(DOCUMENT_NUMBER, lambda m: m.group(1) + "[NOMOR]",
         r"(?is)(?:akta|sertifikat|shm|nib|kpj|nip|nop|npwp|paspor|bpjs|kis).*\d"),
    Rule(IDENTITY_NUMBER, lambda m: m.group(1) + "[NOMOR]",
         r"(?is)(?:sim|nisn|nim|kip|kks|nrp|imei|pel|pelanggan|medis|peserta|meter|kartu|rm)[^a-z0-9_].*"
         r"\d(?:[ .-]?\d){5}"),
    Rule(BIRTH_DATE, lambda m: m.group(1) + m.group(2) + "[TGL_LAHIR]", r"(?is)(?:lahir|lhr|ttl|dob).*\d"),
    Rule(NIK, _mask_nik, r"\d(?:[ .-]?\d){15}"),
    Rule(LONG_NUMBER, _mask_long_number, r"\d{12}"),
    Rule(GROUPED_NUMBER, _mask_grouped_number, r"\d(?:[ .-]?\d){14}"),
    Rule(O_NIK, _mask_o_nik, r"(?i)o[ .-]?[0-9]|[0-9][ .-]?o"),  # in a run of digits and O's, an O is next to a digit
    Rule(O_PHONE, _mask_o_phone, rf"(?i)o8|(?:0|62{_PHONE_SEPARATOR}?)8[0-9o\s\x1c-\x1f.-]*o"),
    Rule(LONG_PHONE, _mask_long_phone, _PHONE_HINT_START + rf"(?:{_PHONE_SEPARATOR}\d{{2,4}}){{4}}"),
    Rule(PHONE, "[TELEPON]", _PHONE_HINT_START + rf"(?:{_PHONE_SEPARATOR}?\d{{2,4}}){{2,3}}"),
    Rule(SPACED_NUMBER, _mask_spaced_number, r"\d\)?(?:[ \t]+[-/.][ \t]*|[-/.][ \t]+|/)\d{3}"),
    Rule(LABELLED_PLATE, lambda m: m.group(1) + "[PLAT]",
         rf"(?is)(?:plat|pelat|nopol|no\.?{WS}*pol(?:isi)?|nomor{WS}+polisi|tnkb)[^a-z0-9_].*\d"),
    Rule(PLATE, "[PLAT]", rf"(?:{_PLATE_AREAS})[\s\x1c-\x1f-]?\d{{1,4}}[\s\x1c-\x1f-]?[A-Z]{{1,3}}"),
)


def _apply(rules: tuple[Rule, ...], text: str, hits: tuple[bool, ...] | None = None) -> str:
    """Run the rules in order; with `hits`, only those whose hint matched the text."""
    for i, rule in enumerate(rules):
        if hits is None or hits[i]:
            text = rule.pattern.sub(rule.replacement, text)
    return text


class _AsciiForms(dict):
    """`str.translate` table: a full-width form of an ASCII character ("\uff10" for "0", "\uff0d" for "-", "\uff20"
    for "@", typed by a phone's keyboard in full-width mode) as that character, a decimal digit of another script
    ("\u0660" Arabic-Indic), which Python's \d reads, as its ASCII digit, any other character as itself; made on
    first sight."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        form = chr(code - 0xFEE0) if 0xFF01 <= code <= 0xFF5E else str(unicodedata.decimal(c)) if c.isdecimal() else c
        self[code] = form
        return form


_ASCII_FORMS = _AsciiForms((i, chr(i)) for i in range(128))


# The other dashes (hyphen, no-break hyphen, figure, en and em dash, minus sign) and spaces (no-break, figure, thin,
# narrow no-break) that a phone's keyboard, a word processor or an HTML e-mail puts between a number's groups
# ("0812\u20143456\u20147890", "3201\u00a00123\u00a04567\u00a08901"), as "-" and " ": only between digits (or a
# bracket's area code), so a dash or a no-break space in prose stays.
_ODD_GAP_FORMS = {**dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
                  **dict.fromkeys(map(ord, "\u00a0\u2007\u2009\u200a\u202f"), " ")}
_ODD_GAPS = "".join(map(chr, _ODD_GAP_FORMS))
_ODD_GAP_CHAR = re.compile(f"[{_ODD_GAPS}]")
_NUMBER_GAP = re.compile(rf"(?<=[0-9)])[ \t{_ODD_GAPS}]+(?=[0-9(])")


def _ascii_gap(m: re.Match) -> str:
    return m.group(0).translate(_ODD_GAP_FORMS)


def with_ascii_forms(text: str) -> str:
    """`text` with full-width characters and every decimal digit written in ASCII, and odd dashes and spaces between
    a number's groups as "-" and " ", so that a phone, NIK or e-mail typed in full-width, in another script's digits
    or with a word processor's dashes is read as one."""
    if text.isascii():
        return text
    text = text.translate(_ASCII_FORMS)
    return _NUMBER_GAP.sub(_ascii_gap, text) if _ODD_GAP_CHAR.search(text) else text


def mask_text(text: str | None, names: list[str] | None = None) -> str | None:
    """Mask e-mails, social media accounts, street addresses, bank accounts, NIK/KK numbers, phones, plates and names
    in free text (full-width characters and digits written in ASCII first)."""
    if text is None:
        return None
    out = _apply(_BEFORE_NAMES, with_ascii_forms(text))
    for name in names or []:
        out = mask_reporter_name(out, with_ascii_forms(name))  # read as the text is
    return apply_name_rules(out)


# Non-ASCII characters that Python's case-insensitive matching reads as ASCII letters.
_FOLDS_TO_ASCII = {"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"}


class _AsciiStandIns(dict):
    """`str.translate` table: each non-ASCII character's ASCII stand-in, made on first sight (see the docstring)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        stand_in = (_FOLDS_TO_ASCII.get(c) or ("'" if c == "\u2019" else None) or (" " if c.isspace() else None)
                    or ("0" if c.isdecimal() else None) or ("a" if c.isalnum() else "?"))
        self[code] = stand_in
        return stand_in


_STAND_INS = _AsciiStandIns((i, chr(i)) for i in range(128))


def _ascii_stand_in(value: str) -> str:
    return value.translate(_STAND_INS)


def _hint_texts(values: pl.Series) -> pl.Series:
    """The values as the hints read them: a value with a non-ASCII character as its ASCII stand-in."""
    values = values.cast(pl.String)
    if not values.str.contains(_NON_ASCII).fill_null(False).any():
        return values
    return pl.Series([v if v is None or v.isascii() else _ascii_stand_in(v) for v in values.to_list()],
                     dtype=pl.String)


def _may_match(hint_texts: pl.Series, hint: str) -> list[bool]:
    """Per value (given by `_hint_texts`): False where a pattern with this hint cannot match."""
    return hint_texts.str.contains(hint).fill_null(False).to_list()


def _rule_hits(hint_texts: pl.Series, rules: tuple[Rule, ...]) -> list[tuple[bool, ...]]:
    """Per value (given by `_hint_texts`), per rule: whether the rule's hint matched (one Polars pass for all
    rules)."""
    text = pl.col("v")
    hits = pl.DataFrame({"v": hint_texts}).select(
        text.str.contains(rule.hint).fill_null(False).alias(str(i)) for i, rule in enumerate(rules))
    return list(hits.iter_rows())


@dataclass(frozen=True)
class _Masked:
    """One distinct value: masked before names (`fixed`), fully masked without a name (`final`)."""

    fixed: str
    final: str
    after_hits: tuple[bool, ...]
    ascii_lower: str | None


def mask_column(values: pl.Series, names: pl.Series) -> pl.Series:
    """`mask_text(value, [name])` of every row (no name where `names` is null or empty), as a column."""
    distinct = values.cast(pl.String).drop_nulls().unique()
    values_list = sources = distinct.to_list()
    hint_texts = distinct
    if distinct.str.contains(_NON_ASCII).any():  # one pass over the others, for the ASCII forms and the stand-ins
        sources = [v if v.isascii() else with_ascii_forms(v) for v in values_list]
        hint_texts = pl.Series([v if v.isascii() else _ascii_stand_in(v) for v in sources], dtype=pl.String)
    masked: dict[str, _Masked] = {}
    for value, source, before, after in zip(values_list, sources, _rule_hits(hint_texts, _BEFORE_NAMES),
                                            _rule_hits(hint_texts, NAME_RULES)):
        fixed = _apply(_BEFORE_NAMES, source, before)
        masked[value] = _Masked(fixed, apply_name_rules(fixed, after), after,
                                fixed.lower() if fixed.isascii() else None)
    out = []
    for value, name in zip(values.to_list(), names.to_list()):
        if value is None:
            out.append(None)
            continue
        m = masked[value]
        named = mask_reporter_name(m.fixed, with_ascii_forms(name), m.ascii_lower) if name else m.fixed
        out.append(m.final if named == m.fixed else apply_name_rules(named, m.after_hits))
    return pl.Series(values.name, out, dtype=pl.String)


def ascii_digits(value: str) -> str:
    """The decimal digits of `value`, each written in ASCII: a number typed in another script ("٠٨١٢", full-width
    "０８１２") gives the same digits, so the same phone or NIK gives the same key."""
    digits = re.sub(r"\D", "", value)
    return digits if digits.isascii() else "".join(str(int(d)) for d in digits)


def normalize_phone(value: str | None) -> str | None:
    """Digits only (in ASCII, `ascii_digits`), in international form: 0812.. and +62812.. both become 62812..."""
    if not value:
        return None
    digits = ascii_digits(value)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits if len(digits) >= 8 else None


# "NIK saya 3201...", "NIK: 3201 ..." (the reporter's own number, used only for the keyed pseudonym)
OWN_NIK = re.compile(r"(?i)\bNIK\b\s*(?:saya)?\s*[:.]?\s*(\d(?:[ .-]?\d){15})(?!\d)")
_OWN_NIK_HINT = r"(?is)nik.*\d(?:[ .-]?\d){15}"
# Requests for confidentiality written in the complaint itself.
CONFIDENTIAL = re.compile(
    r"(?i)\b(mohon|tolong|harap|minta)\b[^.!?\n]{0,40}\b(dirahasiakan|rahasiakan|disamarkan)\b"
    r"|\b(identitas|nama)\s+(saya|pelapor)\s+(mohon\s+|agar\s+|harap\s+)?(di)?rahasiakan\b"
    r"|\bjangan\s+(sebut|sebutkan|cantumkan)\s+nama\s+saya\b"
)
_CONFIDENTIAL_HINT = r"(?i)rahasiakan|disamarkan|jangan"


def _phone_key(phone: str | None) -> str | None:
    digits = normalize_phone(phone)
    return "tel:" + digits if digits else None


def _email_key(email: str | None) -> str | None:
    return "email:" + email.strip().lower() if email and EMAIL.fullmatch(email.strip()) else None


def _own_nik_key(text: str | None) -> str | None:
    m = OWN_NIK.search(with_ascii_forms(text)) if text else None  # read as masking reads it: no-break spaces too
    return "nik:" + ascii_digits(m.group(1)) if m else None


def identity_keys(phone: str | None, email: str | None, text: str | None = None) -> list[str]:
    """The normalised identifiers of a reporter, each tagged with its kind: phone, e-mail, and a NIK the
    reporter wrote about themselves ("NIK saya ...", "NIK: ...")."""
    return [k for k in (_phone_key(phone), _email_key(email), _own_nik_key(text)) if k]


def asks_confidentiality(text: str | None) -> bool:
    return bool(text and CONFIDENTIAL.search(text))


def asks_confidentiality_column(texts: pl.Series) -> pl.Series:
    """`asks_confidentiality` of every text, as a column."""
    hits = _may_match(_hint_texts(texts), _CONFIDENTIAL_HINT)
    return pl.Series([hit and asks_confidentiality(t) for t, hit in zip(texts.to_list(), hits)], dtype=pl.Boolean)


def pseudonym(key: str, secret: bytes) -> str:
    return hmac.digest(secret, key.encode("utf-8"), "sha256").hex()[:32]


def reporter_keys(records: pl.DataFrame, secret: bytes) -> pl.Series:
    """The pseudonyms of `identity_keys(reporter_phone, reporter_email, text)` of every record, as a list column."""
    # the hint reads the texts' ASCII forms, as `_own_nik_key` does ("3201\u00a00112..." has no NIK for the hint)
    texts = [t if t is None or t.isascii() else with_ascii_forms(t) for t in records["text"].to_list()]
    nik_hits = _may_match(_hint_texts(pl.Series(texts, dtype=pl.String)), _OWN_NIK_HINT)
    keys = pl.DataFrame({
        "tel": [_phone_key(p) for p in records["reporter_phone"].to_list()],
        "email": [_email_key(e) for e in records["reporter_email"].to_list()],
        "nik": [_own_nik_key(t) if hit else None for t, hit in zip(texts, nik_hits)],
    }, schema={"tel": pl.String, "email": pl.String, "nik": pl.String})
    pseudonyms = pl.DataFrame([map_values(keys[c], lambda k: pseudonym(k, secret)) for c in keys.columns])
    return pseudonyms.select(pl.concat_list(pl.all()).list.drop_nulls().alias("reporter_keys")).to_series()


def protect_records(records: pl.DataFrame, secret: bytes) -> pl.DataFrame:
    """Mask text and title, add reporter pseudonyms, and drop the raw identifier columns.

    `reporter_pseudonym` is the pseudonym of the reporter's first identifier (phone before e-mail);
    `reporter_keys` holds the pseudonyms of all of them, for matching across channels. A report whose text asks
    for confidentiality is marked secret.
    """
    free_text = ("text", "title", "agency_raw", "location_raw")
    names = records["reporter_name"]
    return records.with_columns(
        *(mask_column(records[c], names) for c in free_text),
        reporter_keys=reporter_keys(records, secret),
        # a confidentiality request in the text makes the report secret, like LAPOR!'s own flag
        is_secret=pl.col("is_secret").fill_null(False) | asks_confidentiality_column(records["text"]),
    ).with_columns(
        reporter_pseudonym=pl.col("reporter_keys").list.first(),
    ).drop("reporter_name", "reporter_phone", "reporter_email")
