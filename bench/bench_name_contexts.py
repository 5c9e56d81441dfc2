"""Names left unmasked, by the way a complaint names someone (fictional sentences, no real data).

    .venv/bin/python bench/bench_name_contexts.py [--names N]

Every common given name of `transforms/given_names.py` (every other one followed by a surname) is put into each
sentence below ("Camat {name} tidak ada.", "SAYA {NAME}, WARGA BEKASI.", "petugas {name in lower case} minta
uang.", ...), and into every combination of a role, an office and a name ("Saya menemui Kepala Dinas Pekerjaan Umum
{name} ..."). Printed: how many of the sentences still hold a word of the name after `mask_text`, per way of
naming, with the first few names left.

The list is the rules' own, so this measures the rules' reach over the ways of naming, not the list's coverage of
real names. A one-word given name that is also a kabupaten or kota ("Bima") stays a place by design, and so does one
that is also a village right after a word of an area ("Kepala Desa <name>").
"""

from __future__ import annotations

import argparse
import itertools
import re

from transforms.given_names import GIVEN_NAMES
from transforms.privacy import mask_text

SURNAMES = ("Susilo", "Hutapea", "Kartika", "Wibisono", "Siregar")
WAYS = {
    "Saya": "Saya {n}, warga Bekasi, mengadu.",
    "pak": "Sudah ke pak {n} di loket tapi ditolak.",
    "Ibu": "Kata Ibu {n} berkas belum lengkap.",
    "Sdr.": "Sdr. {n} tidak datang.",
    "bernama": "petugas bernama {n} minta uang.",
    "petugas": "petugas {n} minta uang.",
    "oknum": "oknum {n} minta uang.",
    "Kang": "Kang {n} tukang parkir minta uang.",
    "Camat": "Camat {n} tidak ada.",
    "Kepala Desa": "Kepala Desa {n} tidak ada.",
    "Pak RT": "Sudah lapor ke Pak RT {n} tapi diam saja.",
    "Ketua RT 05": "Ketua RT 05 {n} minta uang.",
    "Bidan": "Bidan {n} tidak ada di pustu.",
    "oleh": "saya dilayani oleh {n} di loket 3.",
    "signature": "Mohon ditindaklanjuti.\nHormat saya,\n{n}",
    "Terima kasih,": "Mohon ditindaklanjuti. Terima kasih, {n}",
    "Nama:": "Nama: {n}\nAlamat: Bekasi",
    "a.n.": "Rekening a.n. {n} sudah benar.",
    "H.": "Kades H. {n} tidak ada.",
    "bin (no other cue)": "Tanah milik {n} bin Sulaiman dijual.",
    "SAYA": "SAYA {N}, WARGA BEKASI.",
    "IBU": "KATA IBU {N} BERKAS BELUM LENGKAP.",
    "CAMAT": "CAMAT {N} TIDAK ADA DI KANTOR.",
    "KEPALA DINAS SOSIAL": "KEPALA DINAS SOSIAL {N} TIDAK MERESPON.",
    "PETUGAS": "PETUGAS {N} MINTA UANG.",
    "HORMAT SAYA": "MOHON DITINDAKLANJUTI.\nHORMAT SAYA,\n{N}",
    "saya (lower case)": "saya {l}, warga bekasi, mengadu.",
    "pak (lower case)": "sudah ke pak {l} di loket tapi ditolak.",
    "lurah (lower case)": "tolong pak lurah {l} ditegur.",
    "petugas (lower case)": "petugas {l} minta uang.",
}
ROLES = ("Kepala", "Lurah", "Camat", "Kabid", "Kasi", "Sekretaris", "Plt Kepala", "pak Kepala", "petugas")
OFFICES = ("", "Dinas Sosial", "Dinas Pekerjaan Umum", "Humas Pemkot", "Bidang Pelayanan", "Sub Bagian Umum",
           "Unit Layanan Pengadaan", "Sekolah SDN 2", "Kantor Pertanahan Kota Bogor", "Puskesmas Cilandak")


def _left(text: str, name: str) -> bool:
    masked = mask_text(text)
    return any(re.search(rf"\b{re.escape(word)}\b", masked) for word in name.split())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=0, help="use only the first N names (all by default)")
    args = ap.parse_args()
    names = sorted(GIVEN_NAMES)[: args.names or None]
    full = [g if i % 2 else f"{g} {SURNAMES[i % len(SURNAMES)]}" for i, g in enumerate(names)]
    print(f"{len(names)} listed names; a sentence counts when a word of the name is still in the masked text")
    print(f"{'way of naming':<22} {'left':>6} {'of':>6}  first names left")
    total = left_total = 0
    for way, template in WAYS.items():
        written = str.upper if "{N}" in template else str.lower if "{l}" in template else str
        left = [n for n in full if _left(template.format(n=n, N=n.upper(), l=n.lower()), written(n))]
        total += len(full)
        left_total += len(left)
        print(f"{way:<22} {len(left):>6} {len(full):>6}  {', '.join(left[:6])}")
    grid = [(r, o, n) for r, o, n in itertools.product(ROLES, OFFICES, full[:: max(1, len(full) // 40)])]
    left = [(r, o, n) for r, o, n in grid if _left(f"Saya menemui {r} {o} {n} tapi ditolak.".replace("  ", " "), n)]
    print(f"{'role + office + name':<22} {len(left):>6} {len(grid):>6}  "
          f"{', '.join(' '.join(x for x in t if x) for t in left[:3])}")
    total += len(grid)
    left_total += len(left)
    print(f"all: {left_total} of {total} sentences ({left_total / total:.1%}) still hold a word of the name")


if __name__ == "__main__":
    main()
