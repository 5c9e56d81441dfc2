"""Fictional reporters, places and agencies for the sample inbox."""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Andi", "Rina", "Joko", "Wati", "Bambang", "Nur", "Eko",
         "Yuni", "Hendra", "Lestari", "Ahmad", "Fitri", "Slamet", "Ratna", "Dedi", "Indah", "Rahmat", "Putri",
         "Wahyu", "Ayu", "Teguh", "Maya", "Imam", "Novi", "Made", "Ketut", "Nyoman", "Yohanes", "Maria", "Daniel",
         "Fransiska", "Hasan", "Aisyah", "Irfan", "Sinta", "Bayu", "Lina", "Asep", "Euis", "Ujang", "Tini", "Gede"]
LAST = ["Santoso", "Wijaya", "Susanto", "Hidayat", "Saputra", "Rahayu", "Kusuma", "Pratama", "Nugroho", "Lubis",
        "Siregar", "Nasution", "Harahap", "Simanjuntak", "Setiawan", "Wibowo", "Gunawan", "Purnomo", "Hakim",
        "Utami", "Permana", "Sulistyo", "Manurung", "Tanjung", "Daulay", "Pangaribuan", "Sembiring", "Mahendra",
        "Kurniawan", "Firmansyah", "Rangkuti", "Situmorang", "Wulandari", "Pertiwi", ""]

# (kabupaten/kota as citizens write it, province, weight): Jakarta and Java heavy, like the statistics.
PLACES = [
    ("Kota Jakarta Selatan", "DKI Jakarta", 5), ("Kota Jakarta Timur", "DKI Jakarta", 5),
    ("Kota Jakarta Barat", "DKI Jakarta", 4), ("Kota Jakarta Utara", "DKI Jakarta", 3),
    ("Kota Bekasi", "Jawa Barat", 4), ("Kabupaten Bogor", "Jawa Barat", 4), ("Kota Depok", "Jawa Barat", 3),
    ("Kota Bandung", "Jawa Barat", 3), ("Kabupaten Garut", "Jawa Barat", 2), ("Kota Tangerang", "Banten", 3),
    ("Kabupaten Serang", "Banten", 2), ("Kota Semarang", "Jawa Tengah", 3), ("Kabupaten Klaten", "Jawa Tengah", 2),
    ("Kabupaten Banyumas", "Jawa Tengah", 2), ("Kota Surakarta", "Jawa Tengah", 2),
    ("Kabupaten Sleman", "DI Yogyakarta", 2), ("Kabupaten Bantul", "DI Yogyakarta", 2),
    ("Kota Surabaya", "Jawa Timur", 4), ("Kabupaten Sidoarjo", "Jawa Timur", 2), ("Kota Malang", "Jawa Timur", 2),
    ("Kabupaten Jember", "Jawa Timur", 2), ("Kota Medan", "Sumatera Utara", 3),
    ("Kabupaten Deli Serdang", "Sumatera Utara", 2), ("Kota Padang", "Sumatera Barat", 2),
    ("Kota Palembang", "Sumatera Selatan", 2), ("Kota Pekanbaru", "Riau", 2), ("Kota Bandar Lampung", "Lampung", 2),
    ("Kota Makassar", "Sulawesi Selatan", 3), ("Kabupaten Gowa", "Sulawesi Selatan", 1),
    ("Kota Manado", "Sulawesi Utara", 1), ("Kota Denpasar", "Bali", 2), ("Kabupaten Badung", "Bali", 1),
    ("Kota Mataram", "Nusa Tenggara Barat", 1), ("Kota Kupang", "Nusa Tenggara Timur", 1),
    ("Kota Pontianak", "Kalimantan Barat", 1), ("Kota Banjarmasin", "Kalimantan Selatan", 1),
    ("Kota Samarinda", "Kalimantan Timur", 1), ("Kota Balikpapan", "Kalimantan Timur", 1),
    ("Kota Jayapura", "Papua", 1), ("Kota Ambon", "Maluku", 1), ("Kota Banda Aceh", "Aceh", 1),
    ("Kota Jambi", "Jambi", 1), ("Kota Kendari", "Sulawesi Tenggara", 1), ("Kota Palu", "Sulawesi Tengah", 1),
]
KELURAHAN = ["Sukamaju", "Sukajadi", "Mekarsari", "Harapan Jaya", "Sidomulyo", "Karanganyar", "Tegalrejo",
             "Cempaka Putih", "Kebon Jeruk", "Pasir Kaliki", "Wonorejo", "Bojongsari", "Tanjung Sari", "Margahayu"]

# (how citizens write the agency, sector, weight, services); "{kota}" is the short place name.
AGENCIES = [
    ("Disdukcapil {kota}", "Administrasi Kependudukan", 10, ["KTP-el", "Kartu Keluarga", "akta kelahiran", "surat pindah", "KIA"]),
    ("dukcapil {kota}", "Administrasi Kependudukan", 4, ["KTP-el", "Kartu Keluarga", "akta kematian"]),
    ("Kelurahan {kel}", "Pedesaan/Kelurahan", 6, ["surat pengantar", "surat keterangan domisili", "SKTM"]),
    ("Kantor Desa {kel}", "Pedesaan/Kelurahan", 4, ["surat keterangan tidak mampu", "dana desa", "surat keterangan usaha"]),
    ("Kecamatan {kel}", "Pedesaan/Kelurahan", 2, ["legalisir dokumen", "surat keterangan ahli waris"]),
    ("Pemkot {kota}", "Pemerintahan Daerah", 3, ["perbaikan jalan", "izin mendirikan bangunan", "penerangan jalan"]),
    ("Pemkab {kota}", "Pemerintahan Daerah", 2, ["perbaikan jalan", "PBG", "bantuan hibah"]),
    ("Dinas Sosial {kota}", "Kesejahteraan Sosial", 4, ["bantuan PKH", "BPNT", "BLT", "DTKS"]),
    ("Kantor Pertanahan {kota}", "Agraria/Pertanahan", 9, ["sertifikat tanah", "balik nama sertifikat", "PTSL", "pengukuran tanah"]),
    ("BPN {kota}", "Agraria/Pertanahan", 3, ["sertifikat PTSL", "pemecahan sertifikat"]),
    ("Polres {kota}", "Kepolisian", 5, ["laporan polisi", "SKCK", "SIM", "penanganan perkara"]),
    ("Polsek {kel}", "Kepolisian", 3, ["laporan kehilangan", "laporan polisi"]),
    ("Satlantas Polres {kota}", "Kepolisian", 2, ["SIM", "tilang"]),
    ("Samsat {kota}", "Perpajakan Daerah", 2, ["pajak kendaraan", "mutasi kendaraan", "balik nama kendaraan"]),
    ("RSUD {kota}", "Kesehatan", 4, ["rawat inap", "rujukan BPJS", "IGD", "operasi"]),
    ("Puskesmas {kel}", "Kesehatan", 3, ["imunisasi", "rujukan", "pemeriksaan"]),
    ("BPJS Kesehatan {kota}", "Jaminan Sosial", 3, ["kartu BPJS", "iuran BPJS", "klaim BPJS"]),
    ("BPJS Ketenagakerjaan {kota}", "Jaminan Sosial", 2, ["pencairan JHT", "klaim JKK"]),
    ("SDN 3 {kel}", "Pendidikan", 2, ["PPDB", "ijazah", "dana BOS"]),
    ("SMPN 2 {kota}", "Pendidikan", 2, ["PPDB zonasi", "pungutan seragam", "ijazah"]),
    ("SMAN 1 {kota}", "Pendidikan", 2, ["PPDB", "legalisir ijazah", "sumbangan komite"]),
    ("Dinas Pendidikan {kota}", "Pendidikan", 2, ["PPDB", "tunjangan guru", "KIP"]),
    ("PDAM {kota}", "Air Minum", 3, ["air bersih", "sambungan baru PDAM", "tagihan air"]),
    ("PLN ULP {kota}", "Energi/Listrik", 3, ["pasang baru listrik", "token listrik", "tagihan listrik"]),
    ("Kantor Imigrasi {kota}", "Keimigrasian", 1, ["paspor", "izin tinggal"]),
    ("Lapas {kota}", "Pemasyarakatan", 1, ["kunjungan warga binaan", "remisi"]),
    ("Pengadilan Negeri {kota}", "Peradilan", 1, ["salinan putusan", "eksekusi putusan"]),
    ("KUA {kel}", "Keagamaan", 1, ["pencatatan nikah", "duplikat buku nikah"]),
    ("BKD {kota}", "Kepegawaian", 2, ["seleksi PPPK", "kenaikan pangkat", "mutasi ASN"]),
    ("DPMPTSP {kota}", "Perizinan", 2, ["izin usaha", "PBG", "NIB"]),
    ("Dinas Perhubungan {kota}", "Perhubungan", 1, ["uji KIR", "retribusi parkir"]),
    ("Satpol PP {kota}", "Ketertiban Umum", 1, ["penertiban PKL", "penggusuran lapak"]),
]

LAPOR_CATEGORIES = {
    "Administrasi Kependudukan": "Administrasi Kependudukan", "Agraria/Pertanahan": "Pertanahan",
    "Kepolisian": "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat", "Kesehatan": "Kesehatan",
    "Pendidikan": "Pendidikan dan Kebudayaan", "Kesejahteraan Sosial": "Sosial dan Kesejahteraan",
    "Jaminan Sosial": "Kesehatan", "Energi/Listrik": "Energi dan Sumber Daya Alam",
    "Air Minum": "Pembangunan Perkotaan", "Pedesaan/Kelurahan": "Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi",
}


@dataclass
class Person:
    name: str
    nik: str
    phone: str
    email: str


@dataclass
class Context:
    person: Person
    place: str          # "Kota Bekasi"
    province: str
    kel: str
    agency: str         # as the citizen writes it
    sector: str
    service: str


def _short(place: str) -> str:
    return place.replace("Kota ", "").replace("Kabupaten ", "")


def make_person(rng: random.Random) -> Person:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}".strip()
    nik = f"{rng.choice(['31', '32', '33', '35', '36', '12', '73', '51'])}{rng.randint(10, 79):02d}" \
          f"{rng.randint(1, 30):02d}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}" \
          f"{rng.randint(1, 9999):04d}"
    phone = "08" + rng.choice(["11", "12", "13", "21", "22", "52", "53", "56", "57", "77", "78", "95", "96"]) \
            + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([7, 8])))
    user = name.lower().replace(" ", rng.choice([".", "_", ""])) + str(rng.randint(1, 999))
    email = f"{user}@{rng.choice(['gmail.com', 'yahoo.co.id', 'gmail.com', 'outlook.com', 'ymail.com'])}"
    return Person(name, nik, phone, email)


def make_context(rng: random.Random) -> Context:
    place, province, _ = rng.choices(PLACES, weights=[p[2] for p in PLACES])[0]
    agency_tpl, sector, _, services = rng.choices(AGENCIES, weights=[a[2] for a in AGENCIES])[0]
    kel = rng.choice(KELURAHAN)
    short = _short(place)
    kota = rng.choice([place, short, place.replace("Kabupaten", "Kab.")])
    agency = agency_tpl.format(kota=kota, kel=kel)
    if rng.random() < 0.15:
        agency = agency.lower()
    return Context(make_person(rng), place, province, kel, agency, sector, rng.choice(services))
