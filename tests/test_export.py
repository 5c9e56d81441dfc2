"""`awasi export`: counts equal SQL counts (corrections and review rule applied), files are what they claim."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import polars as pl
from typer.testing import CliRunner

from awasi.cli import app
from flows import warehouse
from flows.classification import add_correction
from flows.export import ExportRequest, build_counts, export


def sql_count(db, where):
    with warehouse.analytics(db) as con:
        return con.execute(f"select count(*) from complaints_effective where {where}").fetchall()[0][0]


def test_counts_follow_the_review_rule_and_equal_sql(tiny_db):
    sep, _ = build_counts(tiny_db, ExportRequest(year=2025, review="separate"))
    got = dict(zip(sep["kode"], sep["jumlah"]))
    assert got == {"penundaan_berlarut": 7, "tidak_memberikan_pelayanan": 4, "permintaan_imbalan": 3, "perlu_tinjauan": 3,
                   "tidak_patut": 0}  # none this year, 2 the year before: shown with its change
    assert got["penundaan_berlarut"] == sql_count(tiny_db, "year(received_at_local) = 2025 and effective_category = "
                                                      "'penundaan_berlarut' and not needs_review")
    inc, _ = build_counts(tiny_db, ExportRequest(year=2025, review="include"))
    assert dict(zip(inc["kode"], inc["jumlah"]))["penundaan_berlarut"] == 9
    assert inc["jumlah"].sum() == sql_count(tiny_db, "year(received_at_local) = 2025")
    exc, _ = build_counts(tiny_db, ExportRequest(year=2025, review="exclude"))
    assert exc["jumlah"].sum() == 14 and "perlu_tinjauan" not in exc["kode"].to_list()
    row = inc.filter(pl.col("kode") == "penundaan_berlarut").row(0, named=True)
    assert (row["jumlah_tahun_lalu"], row["perubahan"], row["nama"]) == (5, 4, "Penundaan Berlarut")
    assert abs(inc["persen"].sum() - 100) < 0.5


def test_corrections_change_the_counts(tiny_db):
    add_correction(tiny_db, "C008", "tidak_patut", "analis-1", "dibaca ulang")   # one of the two needing review
    add_correction(tiny_db, "C001", "berpihak", "analis-1", "")
    add_correction(tiny_db, "C001", "tidak_patut", "analis-2", "koreksi kedua menang")
    t, _ = build_counts(tiny_db, ExportRequest(year=2025, review="separate"))
    got = dict(zip(t["kode"], t["jumlah"]))
    assert got["tidak_patut"] == 2 and got["penundaan_berlarut"] == 6 and got["perlu_tinjauan"] == 2
    assert "berpihak" not in got


def test_filters(tiny_db):
    t, ctx = build_counts(tiny_db, ExportRequest(year=2025, review="include", region="Jawa Barat"))
    assert t["jumlah"].sum() == 5 and ctx["wilayah"] == "Jawa Barat"
    t, _ = build_counts(tiny_db, ExportRequest(year=2025, review="include", by="channel", channel="lapor"))
    assert dict(zip(t["kode"], t["jumlah"])) == {"lapor": 11}
    t, _ = build_counts(tiny_db, ExportRequest(year=2025, review="include", by="month"))
    assert t.row(0, named=True)["nama"] == "Mei"


def test_csv_and_xlsx(tiny_db, tmp_path):
    out = export(tiny_db, ExportRequest(year=2025), "csv", tmp_path / "rekap.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == {"nama": "Penundaan Berlarut", "kode": "penundaan_berlarut", "jumlah": "7", "persen": "41.2",
                       "jumlah_tahun_lalu": "5", "perubahan": "2", "kelompok": "dugaan maladministrasi",
                       "aturan_tinjauan": "aduan yang masih perlu tinjauan analis ditampilkan sebagai baris tersendiri",
                       "periode_tahun_lalu": "seluruh tahun 2024"}  # 2025 is over
    from openpyxl import load_workbook

    wb = load_workbook(export(tiny_db, ExportRequest(year=2025), "xlsx", tmp_path / "rekap.xlsx"))
    assert wb.sheetnames == ["Rekap", "Keterangan"]
    assert [c.value for c in wb["Rekap"][2]][:3] == ["Penundaan Berlarut", "penundaan_berlarut", 7]
    info = {r[0].value: r[1].value for r in wb["Keterangan"].iter_rows(min_row=2)}
    assert info["run_data"] == "r1" and info["waktu_ekspor_utc"]
    assert info["aturan_tinjauan"] == "baris tersendiri (Perlu Tinjauan Analis)"  # Indonesian, not the CLI's code
    assert info["dikelompokkan_menurut"] == "bentuk maladministrasi (kategori)" and info["kanal"] == "semua"
    wb = load_workbook(export(tiny_db, ExportRequest(year=2025, by="channel", channel="lapor", review="include"),
                              "xlsx", tmp_path / "kanal.xlsx"))
    info = {r[0].value: r[1].value for r in wb["Keterangan"].iter_rows(min_row=2)}
    assert (info["dikelompokkan_menurut"], info["kanal"], info["aturan_tinjauan"]) == (
        "kanal", "SP4N-LAPOR!", "ikut dihitung menurut kategori mesin")
    assert [c.value for c in wb["Rekap"][2]][:3] == ["SP4N-LAPOR!", "lapor", 11]  # the name, the code kept


def test_png_and_svg(tiny_db, tmp_path):
    from PIL import Image

    png = export(tiny_db, ExportRequest(year=2025, office="Jakarta Raya"), "png", tmp_path / "info.png")
    img = Image.open(png)
    assert 1500 <= img.width <= 2000 and img.height >= 400  # scale 2: about 1,750 px wide (README)
    colors = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colors) > 20  # not blank
    svg = export(tiny_db, ExportRequest(year=2025, office="Jakarta Raya"), "svg", tmp_path / "info.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Dugaan Maladministrasi 2025 - Ombudsman RI Perwakilan Jakarta Raya" in text
    assert "Penundaan Berlarut" in text


def test_cli_refuses_bad_requests(tiny_db, tmp_path):
    r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2025", "--format", "csv",
                                 "--out", str(tmp_path / "x.png")])
    assert r.exit_code == 2 and "must end in .csv" in r.output
    r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2025", "--format", "csv", "--by", "x; drop table",
                                 "--out", str(tmp_path / "x.csv")])
    assert r.exit_code == 2 and "--by must be one of" in r.output
    r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2025", "--format", "csv",
                                 "--region", "x' or 1=1 --", "--out", str(tmp_path / "x.csv")])
    assert r.exit_code == 0 and (tmp_path / "x.csv").read_text().count("\n") == 1  # header only: no match


def test_relative_outputs_stay_inside_the_exports_folder(tiny_db, tmp_path, monkeypatch):
    monkeypatch.setenv("AWASI_EXPORTS_DIR", str(tmp_path / "exports"))
    out = export(tiny_db, ExportRequest(year=2025), "csv", "rekap-2025.csv")
    assert out == (tmp_path / "exports" / "rekap-2025.csv").resolve() and out.exists()
    for sneaky in ("../../etc/awasi.csv", "../rekap.csv", "sub/../../rekap.csv"):
        r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2025", "--format", "csv",
                                     "--out", sneaky])
        assert r.exit_code == 2 and "must stay inside the exports folder" in r.output
    assert not (tmp_path / "rekap.csv").exists()


def test_infographic_writes_large_counts_the_indonesian_way():
    import re

    import vl_convert as vlc

    from transforms.infographic import chart

    table = pl.DataFrame({"nama": ["Penundaan Berlarut", "Tidak Patut"], "kode": ["penundaan_berlarut", "tidak_patut"],
                          "jumlah": [12345, 56]})
    svg = vlc.vegalite_to_svg(chart(table, title="t", subtitle="s", footnote="f", by="category").to_dict())
    labels = set(re.findall(r">([^<>]+)<", svg))
    assert {"12.345", "56", "10.000"} <= labels and "12,345" not in labels and "12345" not in labels


def svg_texts(svg_path) -> str:
    import re

    return " ".join(re.findall(r">([^<>]+)<", svg_path.read_text(encoding="utf-8")))


def test_office_typed_with_perwakilan_is_not_doubled(tiny_db, tmp_path):
    from flows.export import office_name

    assert office_name("Perwakilan Jawa Barat") == office_name("Ombudsman RI  Perwakilan Jawa Barat") == "Jawa Barat"
    assert office_name("Jakarta Raya") == "Jakarta Raya" and office_name("") is None
    svg = export(tiny_db, ExportRequest(year=2025, office="Perwakilan Jawa Barat"), "svg", tmp_path / "i.svg")
    text = svg_texts(svg)
    assert "Ombudsman RI Perwakilan Jawa Barat" in text and "Perwakilan Perwakilan" not in text


def test_infographic_counts_the_forms_of_alleged_maladministration_only(tiny_db, tmp_path):
    from openpyxl import load_workbook

    add_correction(tiny_db, "C003", "bukan_maladministrasi", "analis-1", "bukan maladministrasi")
    svg = export(tiny_db, ExportRequest(year=2025, office="Jakarta Raya"), "svg", tmp_path / "i.svg")
    text = svg_texts(svg)
    # 6 + 4 + 3 forms; the 3 still needing review are their own bar outside the total; the 1 non-case a footnote
    assert "Dugaan Maladministrasi 2025 - Ombudsman RI Perwakilan Jakarta Raya" in text
    assert "Total 13 laporan dugaan maladministrasi" in text and "Total 17" not in text
    assert "Ditambah 3 laporan yang masih perlu tinjauan analis" in text
    assert "Tidak termasuk 1 laporan bukan maladministrasi." in text
    assert "Bukan Maladministrasi" not in text and "Perlu Tinjauan Analis" in text
    rows = list(csv.DictReader(io.StringIO(export(tiny_db, ExportRequest(year=2025), "csv",
                                                  tmp_path / "r.csv").read_text(encoding="utf-8"))))
    kinds = {r["kode"]: (r["jumlah"], r["kelompok"]) for r in rows}  # the non-case stays as data, labelled
    assert kinds["bukan_maladministrasi"] == ("1", "bukan maladministrasi")
    assert kinds["perlu_tinjauan"] == ("3", "perlu tinjauan analis")
    assert kinds["penundaan_berlarut"] == ("6", "dugaan maladministrasi")
    wb = load_workbook(export(tiny_db, ExportRequest(year=2025), "xlsx", tmp_path / "r.xlsx"))
    totals = {r[0].value: r[2].value for r in wb["Rekap"].iter_rows(min_row=2) if str(r[0].value).startswith("Total")}
    assert totals == {"Total dugaan maladministrasi": 13, "Total semua laporan (termasuk bukan maladministrasi)": 17}
    info = {r[0].value: r[1].value for r in wb["Keterangan"].iter_rows(min_row=2)}
    assert "hanya baris ini yang ada di infografis" in info["kelompok_baris"]
    by_channel = svg_texts(export(tiny_db, ExportRequest(year=2025, by="channel"), "svg", tmp_path / "k.svg"))
    assert "Laporan Masyarakat 2025 per kanal - Ombudsman RI" in by_channel  # every report counts: titled so
    assert "Total 17 laporan, termasuk bukan maladministrasi" in by_channel and "SP4N-LAPOR!" in by_channel


def test_a_year_without_complaints_is_said_not_drawn(tiny_db, tmp_path):
    import pytest

    from flows.export import NoComplaints

    with pytest.raises(NoComplaints, match="Tidak ada aduan pada tahun 2019"):
        export(tiny_db, ExportRequest(year=2019), "png", tmp_path / "kosong.png")
    r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2019", "--format", "svg",
                                 "--out", str(tmp_path / "kosong.svg")])
    assert r.exit_code == 2 and "Tidak ada aduan pada tahun 2019" in r.output
    assert not (tmp_path / "kosong.png").exists() and not (tmp_path / "kosong.svg").exists()
    r = CliRunner().invoke(app, ["export", "--db", str(tiny_db), "--year", "2026", "--format", "csv",
                                 "--out", str(tmp_path / "kosong.csv")])  # data files are still written
    assert r.exit_code == 0 and "catatan: Tidak ada aduan pada tahun 2026" in r.output
    assert "Penundaan Berlarut,penundaan_berlarut,0," in (tmp_path / "kosong.csv").read_text()  # 2025's counts


def test_a_year_not_over_says_up_to_which_day(tiny_db, tmp_path, monkeypatch):
    from datetime import date

    from flows import export as export_module

    monkeypatch.setattr(export_module, "today_wib", lambda: date(2025, 12, 7))
    text = svg_texts(export(tiny_db, ExportRequest(year=2025), "svg", tmp_path / "i.svg"))
    assert "seluruh wilayah, instansi dan kanal, data s.d. 1 Mei 2025)" in text  # the newest complaint of 2025
    text = svg_texts(export(tiny_db, ExportRequest(year=2024), "svg", tmp_path / "j.svg"))
    assert "s.d." not in text  # a finished year


def test_a_year_not_over_is_compared_with_the_year_before_up_to_the_same_day(tiny_db, tmp_path, monkeypatch):
    # 2025's data goes up to 1 May; two of 2024's complaints came later, on 15 June. "jumlah tahun lalu" compared
    # four months of 2025 with the whole of 2024.
    from datetime import date

    from openpyxl import load_workbook

    from flows import export as export_module

    with warehouse.connect(tiny_db) as con:
        con.execute("update complaints set received_at_local = timestamp '2024-06-15 10:00', "
                    "received_at_utc = timestamp '2024-06-15 03:00' where complaint_id in ('C018', 'C019')")
    warehouse.publish_snapshot(tiny_db, "r1")
    same_days = sql_count(tiny_db, "received_at_local::date between '2024-01-01' and '2024-05-01' "
                                   "and effective_category = 'penundaan_berlarut'")
    assert same_days == 3 and sql_count(tiny_db, "year(received_at_local) = 2024 and "
                                                 "effective_category = 'penundaan_berlarut'") == 5
    monkeypatch.setattr(export_module, "today_wib", lambda: date(2025, 12, 7))
    table, ctx = build_counts(tiny_db, ExportRequest(year=2025, review="include"))
    row = table.filter(pl.col("kode") == "penundaan_berlarut").row(0, named=True)
    assert (row["jumlah"], row["jumlah_tahun_lalu"], row["perubahan"]) == (9, same_days, 9 - same_days)
    assert ctx["periode_tahun_lalu"] == "s.d. 1 Mei 2024"
    rows = list(csv.DictReader(io.StringIO(export(tiny_db, ExportRequest(year=2025, review="include"), "csv",
                                                  tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert (rows[0]["kode"], rows[0]["jumlah_tahun_lalu"], rows[0]["periode_tahun_lalu"]) == (
        "penundaan_berlarut", "3", "s.d. 1 Mei 2024")
    wb = load_workbook(export(tiny_db, ExportRequest(year=2025, review="include"), "xlsx", tmp_path / "r.xlsx"))
    assert wb["Rekap"]["E1"].value == "Jumlah tahun lalu (s.d. 1 Mei 2024)"
    # once the year is over, the whole year before, as always
    monkeypatch.setattr(export_module, "today_wib", lambda: date(2026, 1, 5))
    table, ctx = build_counts(tiny_db, ExportRequest(year=2025, review="include"))
    row = table.filter(pl.col("kode") == "penundaan_berlarut").row(0, named=True)
    assert (row["jumlah_tahun_lalu"], ctx["periode_tahun_lalu"]) == (5, "seluruh tahun 2024")
