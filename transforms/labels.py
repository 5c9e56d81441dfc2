"""The eleven classification codes, their Indonesian display names and the guideline's precedence; the display
names of the intake channels and of a run's outcome (codes stay the keys: in the warehouse, URLs and options)."""

from __future__ import annotations

# The classification columns of `complaints`, in order (filled by `transforms.classifier.classify_frame`).
CLASS_COLUMNS = ("category", "confidence", "needs_review", "secondary", "cues", "classifier_version")
LABELS = (
    "penundaan_berlarut", "tidak_memberikan_pelayanan", "penyimpangan_prosedur", "tidak_kompeten",
    "penyalahgunaan_wewenang", "permintaan_imbalan", "tidak_patut", "berpihak", "diskriminasi",
    "konflik_kepentingan", "bukan_maladministrasi",
)
DISPLAY = {
    "penundaan_berlarut": "Penundaan Berlarut",
    "tidak_memberikan_pelayanan": "Tidak Memberikan Pelayanan",
    "penyimpangan_prosedur": "Penyimpangan Prosedur",
    "tidak_kompeten": "Tidak Kompeten",
    "penyalahgunaan_wewenang": "Penyalahgunaan Wewenang",
    "permintaan_imbalan": "Permintaan Imbalan (Pungli)",
    "tidak_patut": "Tidak Patut",
    "berpihak": "Berpihak",
    "diskriminasi": "Diskriminasi",
    "konflik_kepentingan": "Konflik Kepentingan",
    "bukan_maladministrasi": "Bukan Maladministrasi",
}
SHORT = {  # the abbreviations Ombudsman statistics use
    "penundaan_berlarut": "PB", "tidak_memberikan_pelayanan": "TMP", "penyimpangan_prosedur": "PP",
    "tidak_kompeten": "TK", "penyalahgunaan_wewenang": "PW", "permintaan_imbalan": "PI", "tidak_patut": "TP",
    "berpihak": "BP", "diskriminasi": "DS", "konflik_kepentingan": "KK", "bukan_maladministrasi": "BM",
}
# Rule 3 of the labelling guideline: when several forms are alleged, the first of these is primary.
PRECEDENCE = (
    "permintaan_imbalan", "diskriminasi", "konflik_kepentingan", "berpihak", "penyalahgunaan_wewenang",
    "tidak_patut", "penyimpangan_prosedur", "tidak_kompeten", "penundaan_berlarut", "tidak_memberikan_pelayanan",
)

# The intake channels (transforms.schema.CHANNELS) as analysts know them. Shown wherever a channel is shown
# (dashboard filter, charts and tables, exports); the codes stay in URLs, queries and file columns `kode`.
CHANNEL_NAMES = {"lapor": "SP4N-LAPOR!", "whatsapp": "WhatsApp", "email": "E-mail", "callcenter": "Call center"}
# A run's outcome (`runs.outcome`) in Indonesian.
RUN_OUTCOMES = {"completed": "selesai", "partial": "sebagian", "failed": "gagal"}


def channel_name(code: str | None) -> str:
    """The channel's display name; an unknown code as it is, a missing one as '(tidak diketahui)'."""
    if code is None:
        return "(tidak diketahui)"
    return CHANNEL_NAMES.get(code, code)


def run_outcome(code: str | None) -> str:
    return "-" if code is None else RUN_OUTCOMES.get(code, code)


def cue_name(cue: str) -> str:
    """A fired cue as the classifier stores it, "phrase (code)", with the form's display name instead of its code:
    "minta identitas (bukan_maladministrasi)" -> "minta identitas (Bukan Maladministrasi)"."""
    phrase, sep, code = cue.rpartition(" (")
    if sep and code.endswith(")") and code[:-1] in DISPLAY:
        return f"{phrase} ({DISPLAY[code[:-1]]})"
    return cue
