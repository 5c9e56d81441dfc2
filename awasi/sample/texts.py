"""Compose varied Indonesian complaint texts from the hand-written phrase bank (data/sample/phrasebank.json)."""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

from awasi.sample.people import Context
from awasi.settings import REPO_ROOT

PHRASEBANK = REPO_ROOT / "data" / "sample" / "phrasebank.json"

# Shares of each form among sample complaints, after Ombudsman's published yearly statistics
# (about a third of contacts allege no maladministration at all).
LABEL_WEIGHTS = {
    "bukan_maladministrasi": 0.34,
    "penundaan_berlarut": 0.20,
    "tidak_memberikan_pelayanan": 0.165,
    "penyimpangan_prosedur": 0.145,
    "tidak_patut": 0.04,
    "tidak_kompeten": 0.03,
    "penyalahgunaan_wewenang": 0.03,
    "permintaan_imbalan": 0.025,
    "diskriminasi": 0.01,
    "berpihak": 0.006,
    "konflik_kepentingan": 0.004,
}

INFORMAL = {
    "yang": ["yg"], "tidak": ["tdk", "gak", "ga", "nggak"], "sudah": ["sdh", "udh", "udah"], "belum": ["blm"],
    "karena": ["krn", "karna"], "dengan": ["dgn"], "untuk": ["utk"], "saya": ["sy", "aku"], "tapi": ["tp"],
    "juga": ["jg"], "dari": ["dr"], "kalau": ["kl", "klo"], "bagaimana": ["gmn"],
    "terima kasih": ["makasih", "trims", "tks"], "sampai": ["sampe"], "bapak": ["pak"], "tolong": ["tlg", "tolongg"],
    # "sekali" as "very" only: in "sama sekali" (at all) or "sekali lagi" (once more) it is not "banget"
    "lama sekali": ["lama bgt", "lama banget"], "cepat sekali": ["cepet bgt", "cepat banget"],
}
DURATIONS = ["2 minggu", "3 minggu", "1 bulan", "2 bulan", "3 bulan", "5 bulan", "6 bulan", "hampir setahun",
             "10 hari", "lebih dari 40 hari", "4 bulan"]
OFFICERS = ["petugas loket", "oknum petugas", "salah satu staf", "petugas jaga", "kepala seksi", "operator",
            "satpam kantor", "petugas pendaftaran"]
# Officers only some agencies have: a police officer is not named in a complaint about a school.
SECTOR_OFFICERS = {"Kepolisian": ["oknum polisi", "petugas SPKT"], "Pedesaan/Kelurahan": ["pak lurah", "kepala desa"],
                   "Pendidikan": ["guru kelas", "wakil kepala sekolah"], "Agraria/Pertanahan": ["petugas ukur"],
                   "Kesehatan": ["perawat jaga"], "Pemasyarakatan": ["sipir"]}
NOMINALS = ["Rp 50.000", "Rp 100.000", "Rp 150 ribu", "Rp 300.000", "Rp 500.000", "Rp 1.000.000", "Rp 2,5 juta",
            "Rp 5 juta", "200rb", "Rp 750.000"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


@lru_cache(maxsize=1)
def phrasebank() -> dict:
    return json.loads(Path(PHRASEBANK).read_text(encoding="utf-8"))


def pick_label(rng: random.Random) -> str:
    return rng.choices(list(LABEL_WEIGHTS), weights=list(LABEL_WEIGHTS.values()))[0]


def fill(template: str, ctx: Context, rng: random.Random) -> str:
    values = {
        "instansi": ctx.agency, "layanan": ctx.service, "durasi": rng.choice(DURATIONS),
        "wilayah": rng.choice([ctx.place, ctx.kel, f"{ctx.kel}, {ctx.place}"]), "nama": ctx.person.name,
        "petugas": rng.choice(OFFICERS + SECTOR_OFFICERS.get(ctx.sector, [])), "nominal": rng.choice(NOMINALS),
        "nik": ctx.person.nik,
        "telepon": ctx.person.phone, "email": ctx.person.email,
        "tanggal": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
        "plat": f"{rng.choice(['B', 'D', 'AB', 'L', 'BK', 'DK', 'F'])} {rng.randint(1000, 9999)} "
                f"{rng.choice(['KJT', 'AB', 'UY', 'XZ', 'PQ'])}",
        "rekening": f"{rng.randint(1000, 9999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}",
        "alamat": f"Jl. {rng.choice(['Melati', 'Kenanga', 'Merdeka', 'Sudirman', 'Anggrek'])} No. {rng.randint(1, 120)}",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def informalize(text: str, rng: random.Random, rate: float = 0.6) -> str:
    """Chat-style spelling: abbreviations, dropped capitals, stretched letters."""
    def swap(m: re.Match) -> str:
        word = m.group(0)
        options = INFORMAL.get(word.lower())
        return rng.choice(options) if options and rng.random() < rate else word
    pattern = r"\b(" + "|".join(re.escape(k) for k in sorted(INFORMAL, key=len, reverse=True)) + r")\b"
    out = re.sub(pattern, swap, text, flags=re.IGNORECASE)
    if rng.random() < 0.4:
        out = out.lower()
    if rng.random() < 0.2:
        out = re.sub(r"\b(tolong|lama|parah|kecewa)\b", lambda m: m.group(0) + m.group(0)[-1] * rng.randint(2, 4), out)
    return out


def fits(grievance: dict, ctx: Context) -> bool:
    """A grievance fits a complaint's agency when it lists no sectors or the agency's, and its service when it names
    no service group (`service_groups` in the phrase bank) or one holding that service: no "Dana DTKS", and no
    "padahal layanan ini gratis" about a tax."""
    groups = phrasebank()["service_groups"]
    return ((not grievance["sectors"] or ctx.sector in grievance["sectors"])
            and ("services" not in grievance or ctx.service in groups[grievance["services"]]))


def body(label: str, ctx: Context, rng: random.Random, sentences: int | None = None) -> tuple[str, str]:
    """One or two grievances of the form, and the title written for the first: a title always tells the same
    service and problem as the text under it. A grievance that names a particular service ("pencairan JHT", "RSUD")
    lists the sectors whose agencies it fits and is only told of such an agency, and one about a kind of service only
    of such a service (`fits`). Every form has grievances that fit any agency; should none fit, any of the form's
    is used."""
    bodies = phrasebank()["labels"][label]["bodies"]
    bodies = [b for b in bodies if fits(b, ctx)] or bodies
    k = sentences or rng.choice([1, 1, 1, 2])
    chosen = rng.sample(bodies, k=min(k, len(bodies)))
    parts = [fill(b["text"], ctx, rng) for b in chosen]
    if rng.random() < 0.15:
        parts.insert(rng.randint(0, len(parts)), rng.choice(phrasebank()["javanese"]).capitalize() + ".")
    # A title names only the complaint's own service and agency: no random value that could disagree with the text.
    heading = chosen[0]["title"].replace("{layanan}", ctx.service).replace("{instansi}", ctx.agency)
    return " ".join(parts), heading


def complaint(label: str, ctx: Context, rng: random.Random, style: str) -> tuple[str, str]:
    """A whole complaint and its title: opening, grievance, closing; `style` is 'formal', 'web' or 'chat'."""
    bank = phrasebank()
    opening = fill(rng.choice(bank["openings"]), ctx, rng) if rng.random() < 0.8 else ""
    closing = fill(rng.choice(bank["closings"]), ctx, rng) if rng.random() < 0.7 else ""
    grievance, heading = body(label, ctx, rng, sentences=2 if style == "formal" else None)
    if style == "formal":
        opening = "Dengan hormat,\n" + opening
    text = "\n".join(p for p in (opening, grievance, closing) if p)
    if style == "chat":
        text = informalize(text.replace("\n", " "), rng)
    elif style == "web" and rng.random() < 0.3:
        text = informalize(text, rng, rate=0.3)
    return heading, text


def followup(ctx: Context, rng: random.Random) -> str:
    return informalize(fill(rng.choice(phrasebank()["whatsapp_followups"]), ctx, rng), rng)


def call_summary(label: str, ctx: Context, rng: random.Random) -> str:
    return fill(rng.choice(phrasebank()["callcenter_summaries"][label]), ctx, rng)
