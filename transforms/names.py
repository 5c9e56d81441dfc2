"""Personal names in free text: the cues that introduce a name, and the checks that tell a name from a role, an office,
a place or an Indonesian word.

- `NAME_RULES`: one rule per kind of cue (honorifics, signatures, roles, "bernama", ranks, form fields,
  self-introductions), each a pattern, the function that decides what in its match is a name, and a hint for the
  column path (`transforms/privacy.py`).
- `apply_name_rules` runs them, then masks every other place where the text writes a name they found.
- `mask_reporter_name` masks the name the channel gives for the reporter.

Word lists are kept here as data; Sastrawi's root words and the `areaid` register's place names are read once per
process. `docs/masking.md` says what each rule takes and leaves, with its measurements and known gaps.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from transforms.given_names import GIVEN_NAMES

# Written with a capital or not ("pak Syaiful", "Atas nama ...", "a/n ...", "an: ...", "Nyonya ...", "Tuan ...",
# "Nona ..."): the name after it must start with a capital.
_HONORIFIC = (r"(?:[Bb]apak|[Pp]ak|[Bb]pk\.?|[Bb]p\.?|[Ii]bu|[Bb]u|[Ss]dr\.?|[Ss]dri\.?|[Ss]audara|[Ss]audari|[Mm]as|"
              r"[Mm]bak|[Mm]ba|[Nn]yonya|[Tt]uan|[Nn]ona|[Nn]n\.|[Aa]\.n\.?|[Aa]n\.|[Aa]n:|[Aa]/n\.?|[Aa]tas [Nn]ama|"
              r"[Tt]ertanda|TERTANDA)")
# The name on the same line as its cue: "Bapak/Ibu" closing a line is not followed by a name on the next.
_SP = r"[ \t\xa0]"
# Names of Arabic origin write the ain with an apostrophe, a backtick or a curly quote ("Ma'ruf", "Syafi`i",
# "Nu’man"); an initial may be glued to the name ("K.Pramono"). A full stop is part of a word only between letters.
# An initial with its full stop is a word of a name too ("M. Rizky Ramadhan", "Agus P."), and so is the Balinese
# "I" before the name ("I Gusti Ayu Wulandari", "AKP I Nyoman Subagia"; `_NAME_WORD` asks for the name after it).
_NAME_WORD_HINT = r"(?:[A-Z](?:\.?[a-z'`’A-Z])+|[A-Z]\.|I)"
# Religious, academic and hospital titles written before a name ("H. Ahmad", "Drs. Heru", "Ny. Siti" for Nyonya,
# "Tn." for Tuan, "Alm." for the late, "KH." for Kyai Haji), read by `_mask_title_name`; so are the short forms of
# Muhammad written with a full stop ("Moh. Iqbal"), which are as common and tell as little.
_TITLES = (r"(?:H|Hj|HJ|Drs|DRS|Dra|DRA|Ir|IR|Prof|PROF|[Dd]r|DR|Tn|TN|Ny|NY|KH|[Aa]lm|ALM|[Aa]lmh|ALMH|"
           r"Moh|MOH|Muh|MUH|Moch|MOCH)")
# A name's word is no title written before the name: "Bapak Drs. Heru Cahyono" took "Drs" for the name and left
# "Heru Cahyono" (the title's rule then masks the name after it). Hints, which take no lookarounds, use
# `_NAME_WORD_HINT`, which matches more.
_NAME_WORD = rf"(?!{_TITLES}\.)(?:[A-Z](?:\.?[a-z'`’A-Z])+|[A-Z]\.|I(?={_SP}+[A-Z][a-z]))"
_CAPITAL_WORD = r"[A-Z][A-Z'`’]+"  # a word in text written in capitals
# A short form with a full stop or colon may be glued to the name ("an.Budi Santoso", "Bpk.Joko", "an:Siti").
HONORIFIC_NAME = re.compile(rf"\b({_HONORIFIC})(?:{_SP}+|(?<=[.:]))({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,2}})")
# The same in text written in capitals ("IBU SRIYATI", "AN SUBAIDI"), read by `_mask_capital_honorific`.
CAPITAL_HONORIFIC_NAME = re.compile(
    rf"\b(BAPAK|PAK|BPK\.?|BP\.?|IBU|BU|SDR\.?|SDRI\.?|NYONYA|TUAN|NONA|A\.N\.?|AN[.:]?|A/N\.?|ATAS{_SP}+NAMA|"
    rf"TERTANDA){_SP}+"
    rf"({_CAPITAL_WORD}(?:{_SP}+{_CAPITAL_WORD}){{0,5}})(?![a-z])"
)
# The name is on one line, and after a bare "saya" on the cue's line: "Saya Budi\nMohon Informasi" took the next line
# for the name, and "Ini data Saya\nKPJ: ..." a field's label.
SELF_NAME = re.compile(
    rf"\b((?:(?:[Nn]ama\s+saya|[Ss]aya\s+bernama|[Pp]erkenalkan(?:,)?\s+saya|[Nn]ama\s*:|"
    rf"[Bb]er?tanda\s*tangan\s+di\s*bawah\s+ini\s*[,:]?)(?:\s+adalah)?\s*"
    rf"|(?:[Ss]aya|[Ss]y|[Aa]ku),?(?:{_SP}+adalah)?{_SP}*)"  # "Saya, Budi Santoso, warga ..."
    rf")({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})"
)
# The same in text written in capitals ("SAYA BUDI SANTOSO, WARGA ..."), read by `_mask_capital_self_name`.
CAPITAL_SELF_NAME = re.compile(
    rf"\b((?:SAYA|SY|AKU),?(?:{_SP}+ADALAH)?{_SP}+)({_CAPITAL_WORD}(?:{_SP}+{_CAPITAL_WORD}){{0,3}})(?![a-z])")
# A bare "nama" and the name after it on the same line ("nama Hartono umur 48"); not a field's label ("Nama
# Tenaga Kerja : ...": its value is NAME_FIELD's).
BARE_NAME = re.compile(rf"\b((?:[Nn]ama|NAMA){_SP}+)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})")
# Anyone named with "bernama" or "namanya", officer or neighbour ("petugas bernama Budi", "oknum yang bernama ...",
# "yang melayani namanya Dedi").
NAMED = re.compile(rf"\b((?:[Bb]ernama|BERNAMA|[Nn]amanya|NAMANYA){_SP}+)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})")


def _first_letter_either_case(words) -> str:
    """A regex alternation of `words`, each also with a capital first letter ("[Pp]etugas|[Oo]knum")."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words)


# An official's name after the role ("Walikota Erik ...", "pak Lurah Joko", "Kepala Sekolah Sri ..."): the
# capitalised words after a role word on the same line, read by `_mask_role_name`.
# Staff words ("petugas", "pegawai", "oknum", "staf") are not roles here: the capitalised words after them are
# almost always their office ("petugas Kantor Imigrasi Surakarta", "petugas BPJS Kesehatan"); see STAFF_NAME.
# The roles, also "Wali Kota"/"Walikota" and "Plt"/"Pj" (acting), written below; `_ROLE_WORDS` holds them too.
ROLES = ("Lurah", "Camat", "Bupati", "Gubernur", "Kepala", "Kades", "Presiden", "Menteri", "Direktur", "Dirut",
         "Kapolres", "Kapolresta", "Kapolsek", "Kapolda", "Sekdes", "Sekda", "Sekretaris", "Ketua", "Kadis", "Kabid",
         "Kasi", "Kepsek", "Danramil", "Babinsa", "Guru", "Dokter", "Bidan", "Perawat", "Kasun", "Kadus")
_ROLE = (rf"(?:[Ww]ali{_SP}?[Kk]ota|" + _first_letter_either_case(r.lower() for r in ROLES)
         + r"|Plt\.?|Pj\.?)")
# The same roles in text written in capitals ("KASUN <NAME> KORBAN ..."), read by `_mask_capital_role_name`.
_CAPITAL_ROLE = r"(?:WALI[ \t]?KOTA|" + "|".join(r.upper() for r in ROLES) + ")"
CAPITAL_ROLE_NAME = re.compile(
    rf"\b({_CAPITAL_ROLE}{_SP}+)({_CAPITAL_WORD}(?:{_SP}+{_CAPITAL_WORD}){{0,5}})(?![a-z])")
ROLE_NAME = re.compile(rf"\b({_ROLE}{_SP}+)({_NAME_WORD}(?:{_SP}+(?:{_NAME_WORD}|\d{{1,3}}\b)){{0,7}})")
# A staff member's name ("petugas Budi", "oknum Siti Rahayu"): read by `_mask_staff_name`, which takes it only when
# it starts with a common given name, as the words after a staff word are mostly its office. Familiar and regional
# forms of address ("Kak Rina", "bang Joko", "Kang Asep", "Teh Euis", "Cak Slamet", "Ustadz Hasan") are read the
# same way: some are also words or parts of names of things ("minum Teh Botol", "Uni Eropa").
STAFF_WORDS = ("petugas", "petugasnya", "pegawai", "oknum", "staf", "staff", "karyawan", "satpam", "operator", "kurir",
               "sopir", "supir", "teller", "kasir", "mandor",
               "kak", "kakak", "bang", "abang", "kang", "akang", "teh", "teteh", "om", "tante", "uda", "uni", "cak",
               "ning", "koh", "cik", "mbok", "pakde", "bude", "bulik", "paklik", "ustad", "ustadz", "ustadh", "ustaz",
               "kiai", "kyai",
               # relatives and the late, as names are told ("mbah Budi", "nenek Siti", "almarhum Budi Santoso")
               "mbah", "eyang", "nenek", "kakek", "almarhum", "almarhumah", "alm")



_STAFF = "(?:" + _first_letter_either_case(STAFF_WORDS) + ")"
STAFF_NAME = re.compile(rf"\b({_STAFF}{_SP}+)({_NAME_WORD}(?:{_SP}+(?:{_NAME_WORD}|\d{{1,3}}\b)){{0,5}})")
# Who served or was met, right after the word that tells it ("dilayani oleh Budi", "bertemu dengan Siti Rahayu"), or
# who is meant, after "yaitu", "yakni", "ialah", "adalah" ("petugasnya yaitu Budi Santoso"):
# only a common given name there, as these words are mostly followed by an office ("oleh Dinas Sosial").
SERVED_BY_WORDS = ("oleh", "dengan", "kepada", "sama", "bersama", "yaitu", "yakni", "ialah", "adalah")
_SERVED_BY = "(?:" + _first_letter_either_case(SERVED_BY_WORDS) + ")"
_GIVEN = "(?:" + "|".join(sorted(GIVEN_NAMES)) + ")"
SERVED_BY_NAME = re.compile(rf"\b({_SERVED_BY}{_SP}+)({_GIVEN}\b(?:{_SP}+{_NAME_WORD}){{0,3}})")
# A name set off after a role and its place or office by a comma or a bracket ("Kepala Desa Sukamaju, Budi
# Santoso, ...", "Kades Sukamaju (Siti Aminah)", "Bupati Bogor, Ade ..."): only a common given name there, read as
# after "oleh", as the words after such a comma are as often another place or office ("Camat Ciawi, Kabupaten
# Bogor").
ROLE_APPOSITION_NAME = re.compile(
    rf"\b({_ROLE}(?:{_SP}+(?:{_NAME_WORD}|\d{{1,3}}\b)){{0,4}}{_SP}*[,(]{_SP}*)({_GIVEN}\b(?:{_SP}+{_NAME_WORD}){{0,3}})")
# A name written in lower case, as informal messages often are ("dilayani pak budi", "bu siti rahayu di loket",
# "lurah joko", "pak rt slamet", "petugas ani"): only common given names (up to three), right after a form of
# address, a role or a staff word, as most lower-case words after these are no names ("pak lurah", "bu guru",
# "petugas loket"). An unlisted word after the name stays, surname or not: in lower case, informal verbs and
# misspellings are no dictionary words either ("petugas ani ngomel", "pak budi tdak mau"). Read by
# `_mask_lower_name`. Not after forms of address that are also common lower-case words: "teh" (tea), "uda"
# ("sudah"), "uni", "ning".
_LOWER_CUE_WORDS = ("bapak", "pak", "bpk", "bp", "ibu", "bu", "sdr", "sdri", "saudara", "saudari", "mas", "mbak",
                    "mba", *(w for w in STAFF_WORDS if w not in ("teh", "uda", "uni", "ning")),
                    "walikota", "rt", "rw", *(r.lower() for r in ROLES))
# "a/n", "a.n.", "an." and "atas nama" (on behalf of: an account's or a document's holder, "rekening a.n. siti
# aminah") take a name in lower case too.
_LOWER_CUE = (r"(?:wali[ \t]kota|[Aa]/[Nn]|[Aa]\.[Nn]|[Aa]n[.:]|[Aa]tas[ \t]nama|"
              + _first_letter_either_case(_LOWER_CUE_WORDS) + r")\.?")
_GIVEN_LOWER = "(?:" + "|".join(sorted({g.lower() for g in GIVEN_NAMES})) + ")"
LOWER_NAME = re.compile(
    rf"\b({_LOWER_CUE}{_SP}+)({_GIVEN_LOWER}(?:{_SP}+{_GIVEN_LOWER}){{0,2}})(?![\w'`’-])")
# A self-introduction in lower case ("saya rina kusuma, warga ...", "aku ratna utami, tinggal di ..."), read by
# `_mask_lower_self_name`: a common given name, the listed names after it, and up to two unlisted words that are no
# Indonesian words (a village's name may be) and end the name's phrase, before a comma, a full stop, the line's end
# or a word such as "dari", "warga", "beralamat" ("utami,", "mahendra dari"): a surname. Not the words of the
# sentence after a listed name ("sy rina ngadu soal ktp" masks "rina" only), nor a surname that is an Indonesian
# word ("hakim"). The surname may have its capital when the given name has none ("nama : moh Sutrisno"). A longer
# field's label may stand between "nama" and the colon ("nama ibu kandung: siti aminah"), unless it names a thing
# ("nama desa: sari mulya").
LOWER_SELF_NAME = re.compile(
    rf"\b((?:(?:[Nn]ama{_SP}+saya|[Ss]aya{_SP}+bernama|[Pp]erkenalkan,?{_SP}+saya|(?:[Ss]aya|[Ss]y|[Aa]ku),?)"
    rf"(?:{_SP}+adalah)?{_SP}+|[Nn]ama(?:{_SP}+[A-Za-z]+){{0,3}}?{_SP}*:{_SP}*))"
    rf"({_GIVEN_LOWER}(?:{_SP}+[A-Za-z][a-z]+){{0,2}})(?![\w'`’-])")
# The head of a neighbourhood after an honorific ("Pak RT Budi", "Bu RW 05 Siti"), read by `_mask_neighbourhood_head`.
NEIGHBOURHOOD_HEAD = re.compile(
    rf"\b({_HONORIFIC}{_SP}+R[TtWw]\.?(?:{_SP}+\d{{1,3}})?{_SP}+)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})")
# The same in text written in capitals ("PETUGAS BUDI", "OKNUM DISHUB SITI"), read by `_mask_capital_staff_name`.
_CAPITAL_STAFF = "(?:" + "|".join(w.upper() for w in STAFF_WORDS + SERVED_BY_WORDS) + ")"
CAPITAL_STAFF_NAME = re.compile(
    rf"\b({_CAPITAL_STAFF}{_SP}+)({_CAPITAL_WORD}(?:{_SP}+(?:{_CAPITAL_WORD}|\d{{1,3}}\b)){{0,5}})(?![a-z])")
# A name signed under one or more closing formulas, alone on its line ("Hormat saya,\nSherly", "Terima
# kasih.\n\nJoseph", "Terima kasih.\nSalam,\n eddy", "Terima kasihJoseph", "-- \nJoseph"), perhaps after an
# honorific, or after the last formula and a comma, ending the line ("Tks, Siska"); academic titles after it stay
# ("Budi Santoso, S.Pd"). Read by `_mask_signature`.
# "Wassalamu'alaikum" is written with its apostrophe.
_CLOSING = (r"(?i:\b(?:hormat\s+(?:saya|kami)|salam|wassalam\w*(?:['’`]\w+)?(?:[ \t,.]+wr\.?[ \t,.]*wb)?|"
            r"terima\s*kasih|ttd|tri?ma\s*kasih|tertanda|tks|thx|trims|makasih|mksh|thanks|regards))\b")
# Lower-case words that end the formula's line ("Terima kasih atas perhatian Bapak/Ibu.", "Salam hormat,", "thx
# min"), then anything but a letter or digit (punctuation, an emoji).
_CLOSING_REST = (r"(?:[ \t]+(?:[a-z]+(?:/[a-z]+)?|[Bb]apak(?:/[Ii]bu)?|[Ii]bu|[Pp]ak|[Bb]u)){0,6}"
                 r"[^\w\n]*")
# a formula ending its line, or an e-mail's signature delimiter ("-- " alone on its line: the name follows)
_CLOSING_LINE = rf"(?:{_CLOSING}{_CLOSING_REST}|(?m:^)-{{2,3}}[ \t]*)\n[ \t\n]*"
# Thanks glued to the name signed under it, its line break lost on the way ("Terima kasih<Name>"): read as a formula
# ending its line.
_GLUED_THANKS = r"(?:[Tt]erima[ \t]*[Kk]asih|TERIMA[ \t]*KASIH|[Mm]akasih)(?=[A-Z][a-z])"
_TITLE = r"(?:(?:[A-Z][a-z]{0,3}\.){1,3}(?:[A-Z][a-z]{0,3}\.?)?|[A-Z]{2,4})"
SIGNATURE = re.compile(
    rf"(?P<cue>(?:(?:{_CLOSING_LINE})+|(?:{_CLOSING_LINE})*{_GLUED_THANKS})(?:{_HONORIFIC}{_SP}+)?"
    rf"(?:\({_SP}*)?"  # "Hormat saya,\n( Budi Santoso )"
    rf"|(?:{_CLOSING_LINE})*{_CLOSING}(?:{_SP}+[a-z]+){{0,2}}{_SP}*,{_SP}*(?P<same_line>))"
    rf"(?P<name>[A-Za-z][A-Za-z'.-]*(?:{_SP}+[A-Za-z][A-Za-z'.-]*){{0,3}})"
    rf"(?=(?:{_SP}*,{_SP}*{_TITLE})*{_SP}*\)?{_SP}*(?:\([^()\n]{{1,40}}\){_SP}*)?(?:\n|$))"  # an alias: ALIAS_NAME
)
_FIELD_LABEL_END = re.compile(rf"{_SP}*(?:[A-Za-z.]+{_SP}*){{0,3}}:")
# A form's name field: "Nama Pemegang Hak : KADEM TINI", "NAMA IBU KANDUNG: SITI", "Nama: Budi", "Name: Budi", with
# "Nm" for "Nama" ("Nm: Budi", "Nm.Budi"), a second field in the label ("Nama/NIK : Budi / ..."), and a semicolon,
# an equals sign or a spaced dash after it ("Nama Pelapor - Budi", "Nama;Budi;..."). Five words: Balinese names are
# long ("I Gusti Ayu Putu Wulandari").
NAME_FIELD = re.compile(
    rf"\b((?:(?:[Nn]ama|NAMA|[Nn]ame|NAME|[Nn]m|NM)(?:[ \t]+[A-Za-z.]+){{0,3}}?(?:[ \t]*/[ \t]*[A-Za-z]+)?[ \t]*"
    rf"(?:[:;=]|(?<=[ \t])[-\u2013](?=[ \t]))|(?:[Nn]m|NM)\.)[ \t]*)"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})"
)
# A form's field that holds a person, at the start of its line or of a sentence ("Pelapor: Sri Wahyuni", "PEMOHON :
# HARTONO", "CP: Bayu", "... (Telkomsel). Narahubung: Rina"); not "Hubungan Pemohon : ..." or "Alamat Pelapor : ...",
# which hold something about the person. Five words, as in a name field.
PERSON_FIELD = re.compile(
    r"(?m)(?:^|(?<=[.;!?][ \t]))([ \t]*(?i:pelapor|pemohon|pengadu|penerima|ahli[ \t]+waris|korban|pasien|"
    rf"atas[ \t]+nama|a\.n\.?|an\.|wali[ \t]+murid|orang[ \t]*tua|dari|from|pengirim|caller|penelepon|penelpon|"
    rf"kontak|contact|(?:kontak|contact)[ \t]+person|narahubung|cp|pic|penanggung[ \t]+jawab)[ \t]*:[ \t]*)"
    rf"({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})"
)
# The name a mail program writes before an address, which was masked before the names ("Budi Santoso <[EMAIL]>",
# "\"Budi Santoso\" <[EMAIL]>"): the sender or a recipient of a forwarded or quoted message.
MAILBOX_NAME = re.compile(rf"(\"?)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})(\"?{_SP}*<\[EMAIL\]>)")
# The author in the header line of a quoted message ("Pada Sen, 1 Des 2026 10.00 Budi Santoso menulis:", "On ...,
# Budi Santoso wrote:"); the e-mail program writes it, so it is the author's name.
QUOTE_HEADER_NAME = re.compile(
    rf"(?m)^([ \t>]*(?:On|Pada)\b[^\n]{{0,160}}?[ \t,])({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})"
    rf"({_SP}*(?:(?:<\[EMAIL\]>|\[NAMA\]){_SP}*)?(?:wrote|menulis){_SP}*:)"
)
# A recipient's field at the start of a line, in a letter or a mail header written into the body ("Cc : Budi Santoso",
# "Tembusan: Dr. ...", "Kepada: ..."): its value is usually an office, so it is read as a mailbox's name is, after
# an honorific or a title.
RECIPIENT_FIELD = re.compile(
    rf"(?m)^([ \t>]*(?i:cc|bcc|to|kepada|tembusan)[ \t]*:[ \t]*(?:(?:{_HONORIFIC}|Dr|Drs|Ir|Prof|Hj?)\.?{_SP}+)?+)"
    rf"({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})()"
)
# A name after a religious or academic title ("Bupati Sidoarjo H. Ahmad ...", "Kepala Desa Hj. ...", "dr. Rina",
# "Prof. Dr. Ir. ...", in capitals "KADES HJ. SITI ..."), read by `_mask_title_name`; not a street, hospital,
# mosque, school or campus named after a person ("Jl. H. Agus Salim", "RSUD dr. Soetomo"), see `_INSTITUTION_BEFORE`.
TITLE_NAME = re.compile(rf"\b((?:{_TITLES}\.{_SP}*)+)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,2}})")
_INSTITUTION_BEFORE = re.compile(
    r"(?i)\b(?:jl|jln|jalan|gg|gang|rs[a-z]{0,2}|rumah[ \t]+sakit|klinik|masjid|mushol+a|yayasan|univ|universitas|"
    r"stadion|gedung|bandara|terminal|pelabuhan|sd|sdn|smp|smpn|sma|sman|smk|smkn|mts|pondok|ponpes|pesantren)"
    rf"\.?[ \t\xa0]*(?:{_TITLES}\.[ \t\xa0]*)*$")  # titles may stand between ("RS Prof. Dr. <name>")
# A police or army rank and the name after it ("AKP Suryadi", "Bripka Andi Wijaya", "Serda Joko"): after a rank a
# capitalised word is a name even when it is also an Indonesian word ("Iptu Budi").
_RANKS = (r"(?i:akbp|akp|kompol|kombes|iptu|ipda|aiptu|aipda|bripka|brigpol|brigadir|bripda|briptu|bharada|bharatu|"
          r"bharaka|serma|serka|sertu|serda|kopda|koptu|praka|pratu|letda|lettu)")
RANK_NAME = re.compile(rf"\b({_RANKS}\.?{_SP}+)({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})")
# A family named by its surname or its head ("Keluarga Besar Simanjuntak", "keluarga Tanoto", "Fam. Siregar"), or a
# child named by the parent who writes ("Orang tua Rizky", "Ortu dari Aisyah Putri"); read by `_mask_relative`, which
# leaves programmes and kinds of family ("Program Keluarga Harapan", "Keluarga Penerima Manfaat", "Orang Tua Murid").
RELATIVE_NAME = re.compile(
    rf"\b((?:[Kk]eluarga|KELUARGA|[Ff]am\.|[Ff]amili|[Oo]rang{_SP}*[Tt]ua|[Oo]rtu)(?:{_SP}+(?:[Bb]esar|dari))?{_SP}+)"
    rf"({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})"
)
# A second name in brackets right after a masked one ("NAMA LENGKAP: [NAMA] (HENDRA LIEMANTO)", "Salam,\n[NAMA] (Lim
# Hui Fen)"): Chinese-Indonesian writers often give both. So is a name in brackets after a masked number, e-mail,
# account or date of birth: its holder's ("NIK [NIK] (<name>)", "hub [TELEPON] (<name>)", "lahir [TGL_LAHIR]
# (<name>)"), and after "ybs" (the person concerned: "Ybs (<name>) tidak datang"). A role, an office, words, a
# messaging app, an operator, a bank or a mail provider in brackets stay ("[NAMA] (Ketua RT)", "[NAMA] (BPJS)",
# "[NAMA] (Warga Kel. ...)", "[TELEPON] (Whatsapp)", "[REKENING] (BCA)").
# Read by `_mask_alias`, the last name rule.
ALIAS_NAME = re.compile(rf"((?:\[(?:NAMA|NIK|TELEPON|EMAIL|AKUN|REKENING|NOMOR|TGL_LAHIR)\]|\b(?:[Yy]bs|YBS)\.?)"
                        rf"{_SP}*\({_SP}*)"
                        rf"({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,3}})(?={_SP}*\))")
# What a bracket after a phone, e-mail or account names besides its holder (acronyms are units: "WA", "BCA").
_NOT_ALIASES = {"whatsapp", "wa", "telegram", "line", "telkomsel", "indosat", "ooredoo", "smartfren", "axis", "tri",
                "simpati", "gmail", "yahoo", "hotmail", "outlook", "danamon", "muamalat", "sinarmas", "panin",
                "seabank", "ovo", "gopay", "dana", "shopeepay", "linkaja", "sms", "telp", "hp", "rumah", "kantor"}
# A name joined to a father's by "bin" or "binti" (son or daughter of: "Ahmad Fauzi bin Sulaiman"), with no other
# cue: both names are one person's name. "BIN" in capitals is also the intelligence agency: only "BINTI" there.
# The father's name may follow a title ("binti H. Abdullah", "bin almarhum Rasyid") or be masked already by the
# title's rule. Read by `_mask_patronymic`.
_TITLES_BEFORE = rf"(?:(?:{_TITLES}\.|[Aa]lmarhum(?:ah)?|ALMARHUM(?:AH)?){_SP}*)*"
PATRONYMIC_NAME = re.compile(rf"\b({_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,2}})({_SP}+(?:bin|binti|Bin|Binti|BINTI)"
                             rf"{_SP}+{_TITLES_BEFORE})(\[NAMA\]|{_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,2}})")
# The rest of a masked name that another rule stopped short of: a father's name after "bin"/"binti" (or "bt."), a
# Batak clan after "br."/"boru" ("[NAMA] br. Sitorus"), or a name's second half after a hyphen ("[NAMA]-Aini"); or
# a second mask there ("[NAMA] bin almarhum [NAMA]"). Read by `_mask_joined`.
JOINED_NAME = re.compile(rf"(\[NAMA\])({_SP}+(?:bin|binti|Bin|Binti|BIN|BINTI|boru|Boru|BORU|bt|Bt|BT|br|Br|BR)\.?"
                         rf"{_SP}+{_TITLES_BEFORE}|-)(\[NAMA\]|{_NAME_WORD}(?:{_SP}+{_NAME_WORD}){{0,2}})")
# Capitalised words that follow "saya" without being a name ("Saya Warga Bekasi", "Saya Ingin ...").
_NOT_NAMES = {"Warga", "Ingin", "Mau", "Sudah", "Sangat", "Mohon", "Ini", "Sebagai", "Selaku", "Orang", "Ibu", "Bapak",
              "Pak", "Bu", "Adalah", "Dari", "Juga", "Tidak", "Belum", "Telah", "Akan", "Hanya", "Merasa", "Minta",
              "Pegawai", "Guru", "Pensiunan", "Mahasiswa", "Peserta", "Pemilik", "Orangtua", "Orang", "Nasabah",
              "Pelanggan", "Pasien", "Korban", "Salah", "Seorang", "Kami", "Tinggal", "Bekerja", "The", "Dan", "Yth",
              "Rp", "Nama", "NAMA"}
# Labels of name fields that hold a thing, not a person.
_THING_FIELDS = {"Paket", "Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan", "Sekolah", "Instansi", "Dinas",
                 "Jalan", "Bank", "Perusahaan", "Usaha", "Toko", "Produk", "Barang", "Program", "Kegiatan", "Proyek",
                 "Aplikasi", "Layanan", "Obat", "Rumah", "Sakit", "Puskesmas", "Kantor", "Unit", "Jabatan",
                 "Bengkel", "Warung", "Restoran", "Hotel", "Koperasi", "Yayasan", "Pabrik", "Apotek", "Klinik"}
# Capitalised words that follow a bare "nama" without being a name: the labels of forms ("Nama Paket", "nama
# Kabupaten", "Nama Ibu Kandung").
_FIELD_WORDS = {"Pemohon", "Pemegang", "Lengkap", "Ayah", "Anak", "Suami", "Istri", "Pelapor", "Penerima", "Wajib",
                "Tersebut", "Sesuai", "Baik", "Akun", "Calon", "Siswa", "Yang", "Di", "Dalam", "Allah", "Tuhan", "SPPT",
                "PBB", "NIK", "KTP", "KK", "Ibu", "IBU", "Bapak", "Saya", "Kami", "PT", "CV", "UD"} | _THING_FIELDS
# Honorific words that name a role, not a person ("Bapak Lurah", "Ibu Kepala Dinas").
_ROLE_WORDS = {*ROLES, "Walikota", "Wali", "Plt", "Pj", "Wakil", "Polisi", "Petugas", "Admin", "Pejabat", "Rt", "Rw",
               "RT", "RW"}
# Capitalised words after an honorific that are not a name ("ibu Kota", "Ibu Pertiwi", "mas Kawin", "Bapak Ibu
# pejabat", "atas nama CV. ...", "Tuan Rumah": a host).
# Another form of address after "a.n." is the name's own ("a.n Sdr. Ahmad": that one's match masks "Ahmad").
_NOT_AFTER_HONORIFIC = {"Kota", "Pertiwi", "Kawin", "Ibu", "Bapak", "Pak", "Bu", "Cv", "Pt", "Ud", "Rumah", "Sdr",
                        "Sdri", "Bpk", "Bp", "Saudara", "Saudari", "Mas", "Mbak", "Nyonya", "Tuan", "Nona", "Nn"}
# The first words that do not start a name, per rule (made once: a rule checks them at every match).
_NOT_SELF_NAMES = _NOT_NAMES | _ROLE_WORDS
_NOT_BARE_NAMES = _NOT_SELF_NAMES | _FIELD_WORDS
_NOT_HONORIFIC_NAMES = _ROLE_WORDS | _NOT_AFTER_HONORIFIC
# First names that are forms of address, not names.
_ADDRESS_WORDS = {"bapak", "ibu", "saudara"}

# Python's \s also matches \x1c-\x1f (in ASCII), Rust's does not: hints use this class instead.
WS = r"[\s\x1c-\x1f]"


_BARE_SELF_CUE = re.compile(r"(?:[Ss]aya|[Ss]y|[Aa]ku),?(?:\s+adalah)?\s*")
# Things a bare "saya" after them owns ("Sekolah saya SMA Negeri 3", "motor saya Honda Beat", "rumah saya Cluster
# Melati"): what follows names the thing, not the writer. People and relations are not here ("anak saya Budi").
_OWNED_THINGS = {"rumah", "motor", "mobil", "kendaraan", "sepeda", "hp", "handphone", "ponsel", "laptop", "ktp", "kk",
                 "sim", "stnk", "bpkb", "alamat", "desa", "kampung", "dusun", "kelurahan", "kecamatan", "kabupaten",
                 "kota", "wilayah", "daerah", "lingkungan", "perumahan", "komplek", "kompleks", "cluster", "jalan",
                 "gang", "toko", "usaha", "warung", "kios", "tanah", "sawah", "lahan", "kebun", "kantor", "sekolah",
                 "kampus", "perusahaan", "tempat", "lokasi", "akun", "nomor", "rekening", "sertifikat", "paket",
                 "barang", "kiriman", "kartu", "meteran", "puskesmas", "bank", "operator", "provider"}
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*$")


def _owned_thing_before(m: re.Match) -> bool:
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    return bool(before) and before.group(1).lower() in _OWNED_THINGS


def _mask_self_name(m: re.Match) -> str:
    """The name after a self-introduction. After a bare "saya" ("aku", "sy") the first word must be a common given
    name or no Indonesian word or place: titles and headlines written in Title Case put verbs and adjectives there
    ("Saya Kecewa Dengan Pelayanan ...", "KTP Saya Hilang Di Terminal", "alamat saya Dusun ..."), and no name
    follows a thing the writer owns ("Sekolah saya SMA Negeri 3", "motor saya Honda Beat"). After "nama saya",
    "saya bernama" or "Nama:" the words are a name whatever they mean ("Nama saya Mawar ...")."""
    first = m.group(2).split()[0]
    if first in _NOT_SELF_NAMES:
        return m.group(0)
    if _BARE_SELF_CUE.fullmatch(m.group(1)) and (
            _owned_thing_before(m) or (first.capitalize() not in GIVEN_NAMES and _is_word(first))):
        return m.group(0)
    return m.group(1) + "[NAMA]"


def _mask_bare_name(m: re.Match) -> str:
    if m.group(2).split()[0] in _NOT_BARE_NAMES or _FIELD_LABEL_END.match(m.string, m.end()):
        return m.group(0)
    if m.string[max(0, m.start() - 5):m.start()].lower() == "atas ":  # "atas nama" is the honorific rule's to read
        return m.group(0)
    return m.group(1) + "[NAMA]"


_LEADING_HONORIFIC = re.compile(rf"(?:{_HONORIFIC}|{_RANKS}\.?)(?:{_SP}+|$)")


def _mask_named(m: re.Match) -> str:
    """The name after "bernama", unless what is named is a thing ("aplikasi bernama ...", "desa bernama ..."); a form
    of address or a rank before it stays ("bernama Mbak Ratna": the honorific rule has masked the name after "Mbak";
    "bernama Brigadir <name>")."""
    before = [w for w in m.string[max(0, m.start() - 40):m.start()].split() if w.lower() != "yang"]
    if (before and before[-1].capitalize() in _THING_FIELDS) or m.group(2).split()[0] in _NOT_BARE_NAMES:
        return m.group(0)
    address = _LEADING_HONORIFIC.match(m.group(2))
    if address:
        return m.group(0) if address.end() == len(m.group(2)) else m.group(1) + address.group(0) + "[NAMA]"
    return m.group(1) + "[NAMA]"


# Words that start a line under a closing formula without being a name ("Terima kasih.\nSalam", "...\nTolong ...").
# Thanks in Javanese, Sundanese and English too ("Matur nuwun", "Hatur nuhun").
_NOT_SIGNATURES = _NOT_BARE_NAMES | {"Salam", "Wassalam", "Hormat", "Terima", "Tertanda", "Ttd", "Tolong", "Semoga",
                                     "Lampiran", "Sekian", "Matur", "Maturnuwun", "Suwun", "Hatur", "Nuhun", "Trims",
                                     "Makasih", "Thanks", "Thank", "Regards", "Demikian", "Tim", "Admin",
                                     "Pengurus", "Panitia", "Keluarga", "Karang"}


_CLOSING_AT = re.compile(_CLOSING)


def _mask_signature(m: re.Match) -> str:
    """The name signed under a closing formula, unless the line starts with a word that is not a name, or is made of
    Indonesian words not all capitalised ("Semoga cepat ditanggapi"); a capitalised line ("Budi") is a name. On the
    formula's own line ("Terima kasih, ...") only capitalised words, one of them not an Indonesian word, a place or
    an acronym ("Tks, Siska"; not "Terima kasih, Dinas Sosial" or "Terima kasih, BPJS"), or common given names in
    lower case ("wassalam, joko")."""
    words = [w.strip(".'") or w for w in m.group("name").split()]
    if words[0].capitalize() in _NOT_SIGNATURES or _CLOSING_AT.match(m.group("name")):  # "...Wassalamu'alaikum"
        return m.group(0)
    if m.group("same_line") is not None:
        words = [w for i, w in enumerate(words) if not (i and len(w) == 1)]  # an initial after it: "Agus P."
        lower_given = all(w.islower() and w.capitalize() in GIVEN_NAMES for w in words)  # "wassalam, joko"
        if not lower_given and (not all(w[0].isupper() and not _is_unit(w) for w in words) or (
                _reads_as_words(words))):
            return m.group(0)
    elif all(_is_word(w) for w in words) and not all(w[0].isupper() for w in words):
        return m.group(0)
    name = m.group("name")
    return m.group("cue") + "[NAMA]" + name[len(name.rstrip(".")):]  # the sentence's full stop stays


# Words of offices and units that follow a role ("Kepala Dinas Sosial", "Kepsek SDN"), beyond dictionary words.
_OFFICE_WORDS = {"dinas", "badan", "kantor", "sekolah", "desa", "bidang", "seksi", "bagian", "unit", "cabang",
                 "wilayah", "rumah", "sakit", "daerah", "kota", "kabupaten", "provinsi", "utama", "umum", "pusat",
                 "dukcapil", "disdukcapil", "capil", "dinsos", "dishub", "dinkes", "disdik", "disnaker", "satpol",
                 "samsat", "kemenag", "kemensos", "kemenkes", "bapenda", "setda", "pemda", "pemkab", "pemkot",
                 "pemprov", "puskesmas", "pustu", "polsek", "polres", "polda", "kua", "kelurahan", "kecamatan",
                 "pamong", "praja", "kab", "kec", "kel", "prov", "kelas", "lapas", "rutan", "imigrasi",
                 "ombudsman", "komnas", "satgas", "saber", "pungli", "polri", "kapolri", "kapolda", "kapolres",
                 "mendagri", "kemendagri", "menpan", "kemenpan",
                 # units and agencies' short names written with one capital ("Kepala Humas Pemkot <name>")
                 "humas", "sekretariat", "inspektorat", "bappeda", "bapeda", "bpbd", "damkar", "kesbangpol", "kominfo",
                 "diskominfo", "komdigi", "disperindag", "dispora", "dispar", "disparbud", "disperkim", "perkim",
                 "dpupr", "pupr", "dlh", "dpmptsp", "ptsp", "dpmd", "bkd", "bkpsdm", "bkpp", "bpkad", "bppkad",
                 "kanwil", "kantah", "kanim", "kejari", "kejati", "kejaksaan", "dprd", "disdikbud", "diknas",
                 "disnakertrans", "dispenda", "dispendukcapil", "kemenkumham", "kemenaker", "kemnaker", "kemenhub",
                 "kemenkeu", "kemendikbud", "kemdikbud", "kemenkum", "kemenpanrb", "klhk", "pdam", "perumda",
                 "perumdam", "pln", "pertamina", "bpjs", "bpjstk", "jamsostek", "satlantas", "reskrim", "propam",
                 "polresta", "polrestabes", "koramil", "kodim", "babinsa", "bhabinkamtibmas", "posyandu", "rsud",
                 "rsup", "sdn", "smpn", "sman", "smkn", "mtsn", "uin", "iain", "upt", "uptd", "ulp", "helpdesk",
                 "layanan"}
_HONORIFIC_BEFORE = re.compile(rf"\b{_HONORIFIC}{_SP}+$")


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Sastrawi's list of Indonesian root words (package data, read once)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w for w in StemmerFactory().get_words() if w)


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case names of Indonesia's provinces and kabupaten/kota (with and without "Kabupaten"/"Kota"), and the
    same with its kecamatan and kelurahan/desa, from the `areaid` package's register (package data, read once)."""
    from transforms.regions import PROVINCE_ALIASES, areaid_provinces, canonical_province, canonical_regency

    regions = {alias for aliases in PROVINCE_ALIASES.values() for alias in aliases}
    local = set()
    for prov in areaid_provinces():
        regions.update({prov["provinsi"].lower(), canonical_province(prov["provinsi"]).lower()})
        for kab in prov["kabupaten"]:
            regency = canonical_regency(kab["kab_kota"]).lower()
            regions.update({regency, re.sub(r"^(?:kabupaten|kota) ", "", regency)})
            for kec in kab["kecamatan"]:
                local.add(kec["kec"].lower())
                local.update(kel["kelu"].lower() for kel in kec["kelurahan"])
    return frozenset(regions), frozenset(regions | local)


def _place_names() -> frozenset[str]:
    """Every place of the register (see `_places`)."""
    return _places()[1]


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Where each white-space separated word of `text` starts and ends."""
    return [w.span() for w in re.finditer(r"\S+", text)]


def _masked_words(text: str, spans: list[tuple[int, int]], i: int, end: int) -> str:
    """`text` with its words i to end - 1 (by `_word_spans`) replaced by one "[NAMA]"."""
    return text[:spans[i][0]] + "[NAMA]" + text[spans[end - 1][1]:]


def _is_unit(word: str) -> bool:
    """An acronym, a word of two letters, a number or an office word ("SDN", "No", "2", "Dinas"): not part of a
    name."""
    return (word.isupper() and len(word) <= 5) or len(word) <= 2 or word.isdigit() or word.lower() in _OFFICE_WORDS


# Words of an area that the next word names ("Desa Slamet", "Kec. Sari").
_AREA_WORDS = {"desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "kel", "kec", "kab", "prov",
               "kel.", "kec.", "kab.", "prov."}


def _place_at(words: list[str], i: int) -> int:
    """The number of words of the longest place name starting at words[i] (0 when none). A common given name alone
    is a place only when it names a province or kabupaten/kota ("Bupati Bima"), or follows a word of an area
    ("Kepala Desa Slamet"); "pak Lurah Slamet" is a name, though villages are called Slamet."""
    regions, places = _places()
    area = i > 0 and words[i - 1].lower() in _AREA_WORDS
    for k in (4, 3, 2, 1):
        if i + k <= len(words) and " ".join(words[i:i + k]).lower() in (
                regions if k == 1 and words[i].capitalize() in GIVEN_NAMES and not area else places):
            return k
    return 0


def _is_office_noun(word: str) -> bool:
    """An office word, or an Indonesian noun of the shape offices are named with ("Pelayanan", "Pemerintahan",
    "Keuangan", "Pertanahan"): the last words of an office's name before an official's."""
    lower = word.lower()
    return lower in _OFFICE_WORDS or (re.fullmatch(r"(?:pe|ke)[a-z]{3,}an", lower) is not None and _is_word(word))


def _reads_as_words(words: list[str]) -> bool:
    """Whether capitalised words read as a phrase, not a name: all Indonesian words or places, and the first no common
    given name, in capitals too ("Dinas Sosial" does; "Budi Santoso", "Agung Wijaya" and "RUDI" do not)."""
    return words[0].capitalize() not in GIVEN_NAMES and all(_is_word(w) for w in words)


def _is_word(word: str, places: bool = True) -> bool:
    """An Indonesian word, also derived ("Pelayanan", "Tidak") or spelled informally ("KARNA"), or (with `places`) a
    place ("Surakarta"): not a name."""
    from transforms.textnorm import SLANG, stem

    lower = word.lower()
    lower = SLANG.get(lower, lower)  # an informal spelling of a word ("karna", "sy")
    return lower in _dictionary() or stem(lower) in _dictionary() or (places and lower in _place_names())


def _mask_role_name(m: re.Match) -> str:
    """The name after a role (see `_masked_after_role`)."""
    honorific = _HONORIFIC_BEFORE.search(m.string, max(0, m.start() - 16), m.start()) is not None
    return m.group(1) + _masked_after_role(m.group(2), honorific)


def _mask_staff_name(m: re.Match) -> str:
    """The name after a staff word, when it starts with a common given name (see `_masked_after_role`)."""
    return m.group(1) + _masked_after_role(m.group(2), False, staff=True)


@lru_cache(maxsize=100_000)
def _masked_after_role(after: str, honorific: bool, staff: bool = False) -> str:
    """The capitalised words after a role, with the name in them masked. The place or office the role belongs to
    is skipped first ("Bupati Purbalingga", "Kepala Dukcapil Jakarta Barat", "Kepsek SDN 2"). What follows, up to a
    word that does not start a name or a unit, at most three words, is masked when it starts with a common given
    name ("Camat Suryadi", "pak Lurah Budi"), or when one of its words is not an Indonesian word or a place and it
    has two words ("Walikota Erik Cahyadi") or follows an honorific ("pak Lurah Joko"): a lone unknown word after a
    bare role is as often an office's short name ("bidan Poltekkes"). "Lurah Tidak Profesional" and "Presiden
    Nomor" stay. After a staff word (`staff`) only a common given name starts a name. Words that are all Indonesian
    words and start with no given name are an office's name ("Kepala Dinas Pekerjaan Umum", "Kepala Kantor
    Pertanahan Kota Bogor"): the search goes on after them, and there only a common given name starts a name. Known
    gaps: a name of dictionary words that starts with no listed given name, a one-word name not in the list after a
    bare role. Cached: the same offices and officials recur."""
    spans = _word_spans(after)
    words = [after[a:b] for a, b in spans]
    i, first, place_name = 0, True, None
    while True:
        while i < len(words):
            place = _place_at(words, i)
            skip = place or int(_is_unit(words[i]) or words[i] in _ROLE_WORDS)  # "Plt Camat ..."
            if not skip:
                break
            place_name = i if place == 1 and words[i] in GIVEN_NAMES else None
            i += skip
        end = _name_run_end(words, i)
        named = words[i:end]
        if not named:
            return after
        given = next((k for k in range(i, end) if words[k] in GIVEN_NAMES), None)
        if given is not None:
            # the name runs on after a given name; an office's nouns before it stay ("Bidang Pelayanan Joko ...")
            start = given if all(_is_office_noun(w) for w in words[i:given]) else i
            return _masked_words(after, spans, _with_place_name(place_name, start), _name_run_end(words, given))
        if not all(_is_word(w) for w in named):
            if not first or staff or (len(named) == 1 and not honorific):
                return after
            return _masked_words(after, spans, _with_place_name(place_name, i), end)
        i, first, place_name = end, False, None  # an office's name made of words: look on after it


def _name_run_end(words: list[str], start: int) -> int:
    """Where a run of at most three words from words[start] ends: before a word that does not start a name ("Mohon",
    "Warga", a role) or a unit."""
    end = start
    while end < len(words) and end - start < 3 and words[end] not in _NOT_SELF_NAMES and not _is_unit(words[end]):
        end += 1
    return end


def _with_place_name(place_name: int | None, start: int) -> int:
    """Where a name starts that begins at word `start`, or at `place_name` right before it: a given name read as a
    village after an area word ("Kepala Desa Bambang") that a name follows is that name's first word ("Kepala Desa
    Bambang Kartika")."""
    return place_name if place_name is not None and place_name + 1 == start else start


# Words that start the label of the next field on a name's line ("Nama: Budi No KK: ...").
_LABEL_STARTS = {"No", "Nomor", "Nmr", "Tgl", "Tanggal", "Tempat", "Jenis", "Alamat"}


def _without_next_label(m: re.Match) -> str:
    """The value of a field, less the next field's label when both are on one line ("Nama: Budi NIB: ..."): the
    words before the next colon."""
    spans = [(w.group(), w.end()) for w in re.finditer(r"\S+", m.group(2))]
    if re.match(r"[ \t]*:", m.string[m.end():]):
        spans = spans[:-1]
        while spans and spans[-1][0] in _LABEL_STARTS:
            spans = spans[:-1]
    return m.group(2)[:spans[-1][1]] if spans else ""


def _mask_field(m: re.Match) -> str:
    """The value of a name field, unless the field names a thing ("Nama Paket : Rehabilitasi Jalan")."""
    label = {w.capitalize() for w in re.findall(r"[A-Za-z]+", m.group(1))[1:]}
    value = _without_next_label(m)
    if label & _THING_FIELDS or not value or value.split()[0] in _NOT_SELF_NAMES:
        return m.group(0)
    return m.group(1) + "[NAMA]" + m.group(2)[len(value):]


# Values of person fields that are not a name ("Pemohon : Ahli Waris", "Penerima : Keluarga ...").
_NOT_PERSON_VALUES = {w.capitalize() for w in _NOT_BARE_NAMES} | {
    "Tenaga", "Sendiri", "Keluarga", "Ahli", "Pihak", "Masyarakat", "Anonim", "Anonymous", "Rahasia", "Dirahasiakan"}


def _mask_person_field(m: re.Match) -> str:
    """The value of a person field, unless it names a relation or a party, not a person."""
    value = _without_next_label(m)
    if not value or value.split()[0].capitalize() in _NOT_PERSON_VALUES:
        return m.group(0)
    return m.group(1) + "[NAMA]" + m.group(2)[len(value):]


# Words after a rank that belong to it ("Brigadir Polisi", "Brigadir Jenderal"), or the post and unit it holds
# ("AKP Kasat Reskrim").
_RANK_PARTS = {"Polisi", "Pol", "Satu", "Dua", "Kepala", "Jenderal", "Besar", "Kasat", "Kanit", "Panit", "Kasubnit",
               "Kapospol", "Reskrim", "Lantas", "Intelkam", "Sabhara", "Binmas", "Samapta", "Propam", "Provos"}


def _rank_name_word(word: str, first: bool) -> bool:
    """A word of the name after a rank. Written with a capital first letter, any word but an office, an acronym or
    a word that does not start a name. In capitals nothing tells a name from the sentence by case: the first word
    needs three letters or more and a vowel and is no office word; the words after it must look like a name
    (`_capital_name_word`), so "AKP BUDI SANTOSO MENOLAK" masks "BUDI SANTOSO"."""
    if word.capitalize() in _NOT_SELF_NAMES:
        return False
    if len(word.rstrip(".")) == 1:  # an initial, or the Balinese "I" before the name ("AKP I Nyoman Subagia")
        return True
    if not word.isupper():
        return not _is_unit(word)
    return _capital_name_word(word) or (
        first and len(word) >= 3 and re.search("[AIUEO]", word) is not None and word.lower() not in _OFFICE_WORDS)


def _mask_rank(m: re.Match) -> str:
    """The name after a rank: the capitalised words after the rank's own words that `_rank_name_word` takes
    ("AKP Suryadi dari Polsek ...", "Bripka Andi Wijaya", "AKP BUDI")."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    i = 0
    while i < len(words) and words[i].capitalize() in _RANK_PARTS:
        i += 1
    end = i
    while end < len(words) and _rank_name_word(words[end], end == i):
        end += 1
    if end == i:
        return m.group(0)
    return m.group(1) + _masked_words(m.group(2), spans, i, end)


def _after_slash(m: re.Match) -> bool:
    """The honorific is the second half of the general "Bapak/Ibu" that opens a letter, not someone's title."""
    return m.string[max(0, m.start() - 3):m.start()].rstrip().endswith("/")


# What an "AN"/"ATAS NAMA" in capitals may name before the person ("AN. KEPALA RUMAH TANGGA <name>").
_CAPITAL_RELATIONS = (("KEPALA", "RUMAH", "TANGGA"), ("KEPALA", "KELUARGA"), ("ORANG", "TUA"), ("ALMARHUMAH",),
                      ("ALMARHUM",), ("ALMH",), ("ALM",), ("SUAMI",), ("ISTRI",), ("ANAK",), ("AYAH",))


def _capital_name_word(word: str) -> bool:
    """A word in capitals that can be part of a name: a common given name, or a word of four letters or more with a
    vowel that is no Indonesian word, place, office or word that does not start a name."""
    if word.capitalize() in GIVEN_NAMES:
        return True
    return not (len(word) <= 3 or not re.search("[AIUEO]", word) or word.capitalize() in _NOT_BARE_NAMES
                or word.lower() in _OFFICE_WORDS or _is_word(word))


def _capital_name_end(words: list[str], start: int) -> int:
    """Where a name in capitals that starts at words[start] ends: after at most four words `_capital_name_word`
    takes (start itself when there is none)."""
    end = start
    while end < len(words) and end - start < 4 and _capital_name_word(words[end]):
        end += 1
    return end


def _mask_capital_honorific(m: re.Match) -> str:
    """The name after an honorific in capitals: up to four words, up to the first Indonesian word, place, office,
    role or acronym that is not a common given name ("IBU SRIYATI DATANG" masks "SRIYATI", "IBU SITI AMINAH" both
    names; "BAPAK SEGERA", "IBU KOTA", "BAPAK BUPATI", "PAK BPJS" stay). A relation after "AN" stays and the name
    after it is masked ("AN. KEPALA RUMAH TANGGA <name>")."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    start = next((len(r) for r in _CAPITAL_RELATIONS if tuple(words[:len(r)]) == r), 0)
    end = _capital_name_end(words, start)
    if end == start or _after_slash(m):
        return m.group(0)
    return m.group(0)[:m.start(2) - m.start()] + _masked_words(m.group(2), spans, start, end)


def _mask_neighbourhood_head(m: re.Match) -> str:
    """The name after "Pak RT", read as after an honorific and a role (see `_masked_after_role`)."""
    return m.group(1) + _masked_after_role(m.group(2), True)


_LOWER_ROLES = frozenset({"walikota", "wali kota", *(r.lower() for r in ROLES)})


def _mask_lower_name(m: re.Match) -> str:
    """Common given names in lower case after a form of address, a role or a staff word (see LOWER_NAME); after a
    role, a given name that names a kabupaten or kota stays ("bupati bima")."""
    cue = " ".join(m.group(1).lower().rstrip(". \t\xa0").split())
    if cue in _LOWER_ROLES and m.group(2).split()[0] in _places()[0]:
        return m.group(0)
    return m.group(1) + "[NAMA]"


# Words that end a self-introduction's name ("saya rina mahendra dari ...", "... beralamat di ...").
_SELF_NAME_ENDS = {"dari", "dr", "warga", "beralamat", "tinggal", "yang", "yg", "selaku", "sebagai", "nik", "no",
                   "hp", "ingin", "mau", "hendak", "umur", "usia", "asal", "alamat", "di"}


def _mask_lower_self_name(m: re.Match) -> str:
    """A self-introduction in lower case (see LOWER_SELF_NAME)."""
    if ":" in m.group(1) and {w.capitalize() for w in re.findall(r"[A-Za-z]+", m.group(1))[1:]} & _THING_FIELDS:
        return m.group(0)
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    end = 1
    while end < len(words) and words[end].capitalize() in GIVEN_NAMES:
        end += 1
    after = re.match(r"[ \t\xa0]*([a-z]+|.?)", m.string[m.end():], re.DOTALL).group(1)
    for cut in (end + 2, end + 1):  # the longest surname that ends the phrase
        if cut <= len(words) and all(len(w) >= 3 and not _is_word(w, places=False) for w in words[end:cut]):
            following = words[cut] if cut < len(words) else after
            if following in _SELF_NAME_ENDS or following in ("", ",", ".", ";", "\n", "("):
                end = cut
                break
    return m.group(1) + _masked_words(m.group(2), spans, 0, end)


def _mask_capital_self_name(m: re.Match) -> str:
    """The name after "SAYA" in capitals when it starts with a common given name, with the words after it that
    `_capital_name_word` takes ("SAYA BUDI SANTOSO WARGA ..." masks "BUDI SANTOSO"). A name not in the list stays:
    after "SAYA" in capitals come verbs and informal words the dictionary does not hold ("SAYA DIPINGPONG")."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    if words[0].capitalize() not in GIVEN_NAMES:
        return m.group(0)
    return m.group(1) + _masked_words(m.group(2), spans, 0, _capital_name_end(words, 0))


def _mask_capital_role_name(m: re.Match, given_only: bool = False) -> str:
    """The name after a role in capitals: the role's place and office words are skipped ("WALIKOTA SURABAYA",
    "KEPALA DINAS ..."), then up to four words that `_capital_name_word` takes ("KASUN <NAME> KORBAN ..." masks
    the name; "KEPALA KELUARGA", "KETUA RT", "LURAH TIDAK ..." stay). With `given_only`, only when the name starts
    with a common given name."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    start, place_name = 0, None
    while start < len(words) and (skip := _place_at(words, start) or int(_is_capital_unit(words[start]))):
        place_name = start if skip == 1 and words[start].capitalize() in GIVEN_NAMES else None
        start += skip
    end = _capital_name_end(words, start)
    if end == start:
        return m.group(0)
    start = _with_place_name(place_name, start)
    if given_only and words[start].capitalize() not in GIVEN_NAMES:
        return m.group(0)
    return m.group(1) + _masked_words(m.group(2), spans, start, end)


def _is_capital_unit(word: str) -> bool:
    """An office word, an office's noun or a number among words in capitals ("DINAS", "PELAYANAN", "SDN", "2"); an
    acronym is read by the name check, as a short name in capitals looks like one."""
    return _is_office_noun(word) or word.isdigit()


def _mask_capital_staff_name(m: re.Match) -> str:
    """The name after a staff word or a familiar form of address in capitals, when it starts with a common given
    name ("PETUGAS BUDI", "OKNUM DISHUB SITI RAHAYU"; not "PETUGAS KEBERSIHAN", "PETUGAS PARKIR LIAR")."""
    return _mask_capital_role_name(m, given_only=True)


def _mask_header_name(m: re.Match) -> str:
    """The name of a mailbox, a quoted message's author or a recipient's field, unless it starts with a word that is
    not a name ("Admin", "Saya") or is made of Indonesian words, places and units with no common given name
    ("Layanan Pengaduan")."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    i = 0
    while i < len(words) and _is_unit(words[i]):  # "... 10:00 AM Budi Santoso <...>"
        i += 1
    if i == len(words) or words[i] in _NOT_BARE_NAMES or (
            not any(w in GIVEN_NAMES for w in words[i:]) and all(_is_word(w) or _is_unit(w) for w in words[i:])):
        return m.group(0)
    return m.group(1) + _masked_words(m.group(2), spans, i, len(words)) + m.group(3)


def _mask_title_name(m: re.Match) -> str:
    """The name after a title: its first word and the words after it that are not Indonesian words (or are common
    given names), so "Kades H. Slamet Tidak Ada" keeps "Tidak Ada". Not when a place or an institution is named
    after the person, nor when the first word is no name ("dr. Spesialis Anak", "H. Dinas ..."). A name in capitals
    is read as after an honorific in capitals (`_capital_name_end`): "H. AGUS" is a name though short capital words
    are mostly acronyms, "DR. SPESIALIS" stays."""
    if _INSTITUTION_BEFORE.search(m.string, max(0, m.start() - 40), m.start()):
        return m.group(0)
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b] for a, b in spans]
    if words[0].isupper() and len(words[0]) > 1:
        end = _capital_name_end(words, 0)
        return m.group(1) + _masked_words(m.group(2), spans, 0, end) if end else m.group(0)
    end = 1
    while end < len(words) and (words[end] in GIVEN_NAMES or not (_is_word(words[end]) or _is_unit(words[end]))):
        end += 1
    if words[0] in _NOT_BARE_NAMES or _is_unit(words[0]) or (
            _reads_as_words(words[:end])):
        return m.group(0)
    return m.group(1) + _masked_words(m.group(2), spans, 0, end)


# "On behalf of" names an office or a people as often as a person ("atas nama Dinas Sosial", "Atas Nama Rakyat").
_ON_BEHALF = re.compile(r"(?i)a\.n\.?|an[.:]|a/n\.?|atas nama")
_NOT_ON_BEHALF_OF = _THING_FIELDS | {"Rakyat", "Masyarakat", "Warga", "Negara", "Pemerintah", "Lembaga", "Keluarga",
                                     "Seluruh", "Para", "Tuhan", "Allah", "Undang"}


def _not_on_behalf_of_a_person(first_word: str) -> bool:
    word = first_word.strip(".").capitalize()
    return word in _NOT_ON_BEHALF_OF or _is_office_noun(word)


def _mask_honorific(m: re.Match) -> str:
    """The name after an honorific, up to a word that does not continue a name ("Tertanda Budi Santoso Warga ..."),
    unless it is a role, or the honorific is the general "Bapak/Ibu" of a letter ("Yth Bapak/Ibu Pos Indonesia")."""
    first = m.group(2).split()[0].strip(".").capitalize()
    if _after_slash(m) or first in _NOT_HONORIFIC_NAMES:
        return m.group(0)
    if _ON_BEHALF.fullmatch(m.group(1)) and _not_on_behalf_of_a_person(first):
        return m.group(0)
    name = m.group(2)
    cut = next((w.start() for w in re.finditer(r"\S+", name) if w.start() and w.group() in _NOT_SELF_NAMES), len(name))
    return f"{m.group(1)} [NAMA]" + name[len(name[:cut].rstrip()):]


def _mask_relative(m: re.Match) -> str:
    """The name of a family or of a parent's child: its words up to the first Indonesian word or place that is no
    given name ("Keluarga Harapan" stays; "keluarga Tanoto Mengadukan ..." masks "Tanoto")."""
    spans = _word_spans(m.group(2))
    words = [m.group(2)[a:b].strip(".") for a, b in spans]
    end = next((i for i, w in enumerate(words)
                if w.capitalize() in _NOT_HONORIFIC_NAMES or (_is_word(w) and w not in GIVEN_NAMES)), len(words))
    return m.group(0) if end == 0 else m.group(1) + _masked_words(m.group(2), spans, 0, end)


def _name_part_end(words: str, ambiguous: bool) -> int:
    """Where the name in `words` (capitalised words that follow a joining word) ends: before the first role, area,
    office word or acronym that is no common given name ("bin Sulaiman Warga Desa ..." takes "Sulaiman", "BINTI ALI"
    takes "ALI"); a mask is taken whole. With `ambiguous` (after "br" or "bt", which also shorten "baru" and "buat",
    or a hyphen, which also joins words), nothing when the first word is an Indonesian word or place and no common
    given name ("br Surat ...", "[NAMA]-Loket ...")."""
    if words == "[NAMA]":
        return len(words)
    end = 0
    for i, m in enumerate(re.finditer(r"[^ \t\xa0]+", words)):
        word = m.group(0).strip(".") or m.group(0)
        initial = re.fullmatch(r"[A-Z]\.", m.group(0)) is not None
        if not initial and word.capitalize() not in GIVEN_NAMES and _not_a_name_part(word):
            break
        if i == 0 and ambiguous and word.capitalize() not in GIVEN_NAMES and _is_word(word):
            break
        end = m.end()
    return end


def _not_a_name_part(word: str) -> bool:
    """A role, a form of address, an area's or office's word or an acronym ("Warga", "Desa", "RT", "SDN")."""
    return word.capitalize() in _NOT_SELF_NAMES or _is_unit(word) or word.lower() in _AREA_WORDS


def _mask_joined(m: re.Match) -> str:
    """The name after a masked one and its joining word, up to `_name_part_end`; both become one "[NAMA]"."""
    join = m.group(2).strip(" \t\xa0.").lower()
    end = _name_part_end(m.group(3), ambiguous=join in {"-", "br", "bt"})
    return m.group(0) if end == 0 else "[NAMA]" + m.group(3)[end:]


def _mask_patronymic(m: re.Match) -> str:
    """A name, "bin"/"binti" and a father's name, as one "[NAMA]": the words before "bin" from the first that is no
    Indonesian word or place or is a common given name (the word right before it always, unless a role, an area's or
    office's word: "Masjid Umar bin ..." keeps "Masjid"), the father's name up to `_name_part_end`."""
    left = list(re.finditer(r"[^ \t\xa0]+", m.group(1)))
    start = next(w.start() for w in left if w is left[-1] or w.group(0).capitalize() in GIVEN_NAMES or not (
        _not_a_name_part(w.group(0)) or _is_word(w.group(0))))
    end = _name_part_end(m.group(3), ambiguous=False)
    last = left[-1].group(0)
    if end == 0 or (last.capitalize() not in GIVEN_NAMES and _not_a_name_part(last)):  # "Warga Desa bin ..."
        return m.group(0)
    return m.group(1)[:start] + "[NAMA]" + m.group(3)[end:]


def _mask_alias(m: re.Match) -> str:
    """The name in brackets after a masked name (or number, e-mail, account or date of birth, or "ybs"), unless a
    word of it is a role, an acronym that is no common given name, an office's or an area's word ("(Kasubag Umum
    Kelurahan ...)"), an app, operator, bank or mail provider, or all its words are Indonesian words or places and
    the first is no common given name. Chinese names' syllables are often words too ("Kim", "Liong"), so one such
    word is not enough."""
    words = [w.strip(".") or w for w in m.group(2).split()]
    if any(w.capitalize() in _NOT_SELF_NAMES or (_is_unit(w) and w.capitalize() not in GIVEN_NAMES)
           or w.lower() in _AREA_WORDS or w.lower() in _NOT_ALIASES for w in words) or (
            _reads_as_words(words)):
        return m.group(0)
    return m.group(1) + "[NAMA]"


@dataclass(frozen=True)
class Rule:
    """One masking step: a Python pattern, its replacement, and its hint (see `transforms/privacy.py` on hints)."""

    pattern: re.Pattern
    replacement: str | Callable[[re.Match], str]
    hint: str


# The name rules, in order, run after the reporter's own name is masked ("Nama saya ..." holds "saya ...").
NAME_RULES = (
    Rule(HONORIFIC_NAME, _mask_honorific,
         rf"{_HONORIFIC}{WS}+{_NAME_WORD_HINT}|(?:[Bb]pk|[Bb]p|[Ss]dri?|[Aa]\.n|[Aa]n|[Aa]/n)[.:]{_NAME_WORD_HINT}"),
    Rule(RELATIVE_NAME, _mask_relative,
         rf"(?:[Kk]eluarga|KELUARGA|[Ff]am\.|[Ff]amili|[Oo]rang[ \t\xa0]*[Tt]ua|[Oo]rtu)[ \t\xa0]+"
         rf"(?:(?:[Bb]esar|dari)[ \t\xa0]+)?{_NAME_WORD_HINT}"),
    Rule(CAPITAL_HONORIFIC_NAME, _mask_capital_honorific,
         rf"(?:BAPAK|PAK|BPK|BP|IBU|BU|SDR|SDRI|A\.N|AN|A/N|NAMA|TERTANDA)[.:]?[ \t\xa0]+{_CAPITAL_WORD}"),
    Rule(SIGNATURE, _mask_signature,
         # the formula and the rest of its line, then a line of letters that ends the text or its line (the name)
         r"(?i)(?:hormat\s+saya|hormat\s+kami|salam\w*|wb|kasih|ttd|tertanda|tks|thx|trims|makasih|mksh|thanks|"
         r"regards)(?:[ \t\xa0]+[a-z/]+){0,6}[^a-z0-9_\n]*[\n,][ \t\xa0\n(]*[a-z][a-z'.\- \t\xa0,()/:]*(?:\n|$)"
         r"|(?:^|\n)--[ \t\xa0-]*\n[ \t\xa0\n(]*[a-z][a-z'.\- \t\xa0,()/:]*(?:\n|$)"
         r"|(?-i:(?:[Kk]asih|KASIH)[A-Z][a-z])"),
    Rule(ROLE_NAME, _mask_role_name, rf"{_ROLE}{_SP}+{_NAME_WORD_HINT}"),
    Rule(NEIGHBOURHOOD_HEAD, _mask_neighbourhood_head, rf"{_HONORIFIC}[ \t\xa0]+R[TtWw]"),
    Rule(CAPITAL_ROLE_NAME, _mask_capital_role_name, rf"{_CAPITAL_ROLE}{_SP}+{_CAPITAL_WORD}"),
    Rule(TITLE_NAME, _mask_title_name, rf"{_TITLES}\.[ \t\xa0]*[A-Z]"),
    # its hint also asks for a given name among the first six words: most staff words are followed by an office
    Rule(STAFF_NAME, _mask_staff_name, rf"{_STAFF}{_SP}+(?:(?:{_NAME_WORD_HINT}|\d{{1,3}}){_SP}+){{0,5}}{_GIVEN}"),
    Rule(SERVED_BY_NAME, _mask_staff_name, rf"{_SERVED_BY}{_SP}+{_GIVEN}\b"),
    # its hint leaves the role out: the roles' long alternation made it five times slower
    Rule(ROLE_APPOSITION_NAME, _mask_staff_name, rf"[,(]{_SP}*{_GIVEN}"),
    Rule(LOWER_NAME, _mask_lower_name, rf"{_LOWER_CUE}{_SP}+{_GIVEN_LOWER}"),
    Rule(LOWER_SELF_NAME, _mask_lower_self_name, rf"(?:[Ss]aya|[Ss]y|[Aa]ku|adalah|bernama|:),?{_SP}*{_GIVEN_LOWER}"),
    Rule(CAPITAL_STAFF_NAME, _mask_capital_staff_name, rf"{_CAPITAL_STAFF}{_SP}+{_CAPITAL_WORD}"),
    Rule(NAMED, _mask_named, rf"(?:[Bb]ernama|BERNAMA|[Nn]amanya|NAMANYA)[ \t\xa0]+{_NAME_WORD_HINT}"),
    Rule(RANK_NAME, _mask_rank,
         rf"(?i:akbp|akp|kompol|kombes|iptu|ipda|aiptu|aipda|bripka|brigpol|brigadir|bripda|briptu|bharada|bharatu|"
         rf"bharaka|serma|serka|sertu|serda|kopda|koptu|praka|pratu|letda|lettu)\.?[ \t\xa0]+{_NAME_WORD_HINT}"),
    Rule(PERSON_FIELD, _mask_person_field,
         rf"(?i:pelapor|pemohon|pengadu|penerima|waris|korban|pasien|nama|a\.n\.?|an\.|murid|tua|dari|from|"
         rf"pengirim|caller|penelepon|penelpon|kontak|contact|person|narahubung|cp|pic|jawab)[ \t]*:[ \t]*"
         rf"{_NAME_WORD_HINT}"),
    # the address is masked before the names: the hint looks for it as it was written
    Rule(MAILBOX_NAME, _mask_header_name, r"<(?:[A-Za-z0-9._%+-]+@|\[EMAIL\]>)"),
    Rule(QUOTE_HEADER_NAME, _mask_header_name, r"(?:wrote|menulis)[ \t\xa0]*:"),
    Rule(RECIPIENT_FIELD, _mask_header_name, r"(?i:cc|to|kepada|tembusan)[ \t]*:[ \t]*[A-Z]"),
    Rule(NAME_FIELD, _mask_field,
         rf"(?:[Nn]ama|NAMA|[Nn]ame|NAME|[Nn]m|NM)[ \t.A-Za-z/]*[:;=\-\u2013.][ \t]*{_NAME_WORD_HINT}"),
    Rule(SELF_NAME, _mask_self_name,
         rf"(?:[Ss]aya{WS}+bernama|[Nn]ama{WS}*:|[Ss]aya,?|[Ss]y,?|[Aa]ku,?|ini{WS}*[,:]?)(?:{WS}+adalah)?{WS}*"
         rf"{_NAME_WORD_HINT}"),
    Rule(BARE_NAME, _mask_bare_name, rf"(?:[Nn]ama|NAMA)[ \t\xa0]+{_NAME_WORD_HINT}"),
    Rule(CAPITAL_SELF_NAME, _mask_capital_self_name, rf"(?:SAYA|SY|AKU),?[ \t\xa0]+{_CAPITAL_WORD}"),
    Rule(PATRONYMIC_NAME, _mask_patronymic, r"[ \t\xa0](?:bin|binti|Bin|Binti|BINTI)[ \t\xa0]"),
    # the masks before them are not in the text the hints read: the joining word, or a capital (or a mask) after a
    # hyphen; any capital after a bracket
    Rule(JOINED_NAME, _mask_joined,
         r"[ \t\xa0](?:bin|binti|Bin|Binti|BIN|BINTI|boru|Boru|BORU|bt|Bt|BT|br|Br|BR)[ .\t\xa0]|-[A-Z\[]"),
    Rule(ALIAS_NAME, _mask_alias, r"\([ \t\xa0]*[A-Z]"),
)


def _masked_part(original: str, masked: str) -> str | None:
    """The words a rule replaced by "[NAMA]" in its match (None when the replacement is not of that shape)."""
    i = masked.find("[NAMA]")
    prefix, suffix = masked[:i].rstrip(), masked[i + len("[NAMA]"):]
    if i < 0 or not original.startswith(prefix) or not original.endswith(suffix):
        return None
    return original[len(prefix):len(original) - len(suffix)].strip() or None


def _substitute(pattern: re.Pattern, replace: Callable[[re.Match], str], text: str) -> str:
    """`pattern.sub(replace, text)`, except that a match `replace` leaves as it was hides nothing: the search goes on
    from the character after its start, not after its end, so a cue inside it is still read ("Yth. Bapak Bupati
    Bogor Bapak Iwan ...": the first "Bapak" is followed by a role and three words, the second by the name)."""
    out, pos, done = [], 0, 0
    while (m := pattern.search(text, pos)) is not None:
        new = replace(m)
        if new == m.group(0):
            pos = m.start() + 1
            continue
        out += [text[done:m.start()], new]
        done = m.end()
        pos = done if m.end() > m.start() else done + 1  # an empty match: step on
    return "".join(out) + text[done:] if out else text


def apply_name_rules(text: str, hits: tuple[bool, ...] | None = None) -> str:
    """The name rules (`NAME_RULES`), then every other place of a name they found: "Saya Budi Santoso ...
    hubungi Budi Santoso" masks both."""
    found: dict[str, bool] = {}
    for i, rule in enumerate(NAME_RULES):
        if hits is not None and not hits[i]:
            continue

        def replace(m: re.Match, rule: Rule = rule) -> str:
            out = rule.replacement(m)
            name = _masked_part(m.group(0), out) if out != m.group(0) else None
            if name and "[" not in name:
                found[name] = found.get(name, False) or rule.pattern is not ROLE_NAME
            return out

        text = _substitute(rule.pattern, replace, text)
    for name, by_person_rule in found.items():
        if name in text or (by_person_rule and name.split()[0] in text):  # most names are not written twice
            for pattern in _found_name_patterns(name, by_person_rule):
                text = pattern.sub("[NAMA]", text)
    return text


@lru_cache(maxsize=100_000)
def _found_name_patterns(name: str, by_person_rule: bool) -> tuple[re.Pattern, ...]:
    """Where else a found name is masked, as written (case matters): the whole name, and its first word alone when
    that is capitalised, has four letters or more and is not a word of address, a role or an office. Not the first
    word of a name found after a role: that rule is the one that can take an office's words for a name. Nothing
    when every word of the name is an Indonesian word, a place or an acronym, and none a common given name: a rule
    then most likely took words that are no name, and repeating its mask would spread the mistake."""
    if all((_is_word(w) and w not in GIVEN_NAMES) or _is_unit(w) for w in name.split()):
        return ()  # no word of it is a name's ("saya SMK Negeri", "Pak Jembatan Pasar Lama"): most likely not a name
    patterns = [re.compile(rf"(?<![\w\[]){re.escape(name)}(?!\w)")]
    first = name.split()[0].strip(".,'")
    if (by_person_rule and len(name.split()) > 1 and len(first) >= 4 and first[0].isupper()
            and first.lower() not in _ADDRESS_WORDS and first not in _NOT_BARE_NAMES and not _is_unit(first)):
        patterns.append(re.compile(rf"(?<![\w\[]){re.escape(first)}(?!\w)"))
    return tuple(patterns)


# Words a channel's display name may start with that are no part of the name ("Bu Siti", "Hj. Siti Aminah",
# "M. Iqbal Ramadhan", "Mama Rina").
_DISPLAY_NAME_PREFIXES = {"bu", "ibu", "bapak", "pak", "bpk", "bp", "mas", "mbak", "mba", "kak", "bang", "sdr", "sdri",
                          "hj", "h", "dr", "drs", "dra", "ir", "prof", "m", "muh", "moh", "mama", "papa", "bunda",
                          "ayah", "umi", "abi", "om", "tante", "ny", "tn", "nyonya", "tuan", "nona", "nn"}


@lru_cache(maxsize=100_000)
def _name_patterns(name: str) -> tuple[tuple[re.Pattern, ...], tuple[str, ...] | None]:
    """The patterns masking a reporter's name as the channel gives it: the whole name, then the first name alone,
    both as whole words, in any case ("Ani" is no part of "organisasi": the whole name matched inside words).

    Between them, the name without the title or form of address it starts with ("Siti Aminah" of "Bu Siti Aminah").
    The first name is the first word after a title or form of address the display name starts with ("Hj. Siti
    Aminah", "Bu Siti", "M. Iqbal"), taken alone when it has four letters or more and is a common given name or no
    Indonesian word or place: display names such as "Warga Bekasi", "Hamba Allah" or "Dinas Sosial" masked every
    "warga", "hamba" or "dinas" of the text. For an ASCII name also the lower-case strings of which an ASCII text
    must contain one for a pattern to match."""
    name = name.strip()
    if len(name) < 3:
        return (), None
    parts = name.split()
    i = 0
    while i < len(parts) - 1 and parts[i].strip(".").lower() in _DISPLAY_NAME_PREFIXES:
        i += 1
    first = parts[i].strip(".,'")
    words = [name]
    # the name without its title or form of address ("Bu Siti Aminah": "Siti Aminah" left "Aminah" after the first
    # name was masked), unless its words are all Indonesian words or places ("Pak Dinas Sosial")
    if i and len(parts) - i >= 2 and (first.capitalize() in GIVEN_NAMES or not all(map(_is_word, parts[i:]))):
        words.append(" ".join(parts[i:]))
    if (len(first) >= 4 and first.lower() != name.lower() and first.lower() not in _ADDRESS_WORDS
            and (first.capitalize() in GIVEN_NAMES or not _is_word(first))):
        words.append(first)
    # "no word character before" is checked behind the name, not before it: a pattern that starts with the name's
    # letters is found several times faster
    patterns = tuple(re.compile(rf"{re.escape(w)}(?!\w)(?<!\w[\s\S]{{{len(w)}}})", re.IGNORECASE) for w in words)
    needles = tuple(w.lower() for w in words) if name.isascii() else None
    return patterns, needles


def mask_reporter_name(text: str, name: str | None, ascii_lower: str | None = None) -> str:
    """Mask a reporter's name in text. `ascii_lower` (text.lower() of an ASCII text) lets a text that cannot
    hold the name be returned without running the patterns."""
    patterns, needles = _name_patterns(name or "")
    if needles is not None and ascii_lower is not None and not any(n in ascii_lower for n in needles):
        return text
    for pattern in patterns:
        text = pattern.sub("[NAMA]", text)
    return text
