"""The eleven classification codes, their Indonesian display names and the guideline's precedence."""

from __future__ import annotations

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
# Expected share of each code among what citizens send, used to correct the classifier's balanced training
# set towards reality: about half of all contacts allege no maladministration (consultations, questions,
# reports of conditions); the rest follow Ombudsman RI's published yearly distribution of forms (2019-2025).
PRIORS = {
    "bukan_maladministrasi": 0.50,
    "penundaan_berlarut": 0.15,
    "tidak_memberikan_pelayanan": 0.14,
    "penyimpangan_prosedur": 0.10,
    "tidak_patut": 0.025,
    "tidak_kompeten": 0.025,
    "penyalahgunaan_wewenang": 0.02,
    "permintaan_imbalan": 0.02,
    "diskriminasi": 0.004,
    "berpihak": 0.003,
    "konflik_kepentingan": 0.003,
}
