"""`awasi export`: counts equal SQL counts (corrections and review rule applied), files are what they claim."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import datetime

import polars as pl
import pytest
from typer.testing import CliRunner

from awasi.cli import app
from flows import warehouse
from flows.classification import add_correction
from flows.export import ExportRequest, build_counts, export


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    rows = []
    spec = [  # (year, category, needs_review, province, channel, count)
        (2025, "penundaan_berlarut", False, "DKI Jakarta", "lapor", 7),
        (2025, "penundaan_berlarut", True, "DKI Jakarta", "email", 2),
        (2025, "tidak_memberikan_pelayanan", False, "Jawa Barat", "lapor", 4),
        (2025, "permintaan_imbalan", False, "DKI Jakarta", "whatsapp", 3),
        (2025, "diskriminasi", True, "Jawa Barat", "callcenter", 1),
        (2024, "penundaan_berlarut", False, "DKI Jakarta", "lapor", 5),
        (2024, "tidak_patut", False, "DKI Jakarta", "lapor", 2),
    ]
    i = 0
    for year, cat, review, prov, ch, n in spec:
        for _ in range(n):
            i += 1
            rows.append({"complaint_id": f"C{i:03d}", "channel": ch, "received_at_utc": datetime(year, 5, 1, 3),
                         "received_at_local": datetime(year, 5, 1, 10), "text": "isi", "category": cat,
                         "needs_review": review, "confidence": 0.4 if review else 0.9, "province": prov,
                         "agency": "Disdukcapil", "run_id": "r1", "loaded_at_utc": datetime(2026, 1, 1)})
    frame = pl.DataFrame(rows)
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        con.register("f", frame.to_arrow())
        con.execute(f"insert into complaints ({', '.join(frame.columns)}) select * from f")
        con.execute("insert into runs (run_id, started_at_utc, outcome) values ('r1', '2026-01-01', 'completed')")
    return path


def sql_count(db, where):
    with warehouse.analytics(db) as con:
        return con.execute(f"select count(*) from complaints_effective where {where}").fetchall()[0][0]


def test_counts_follow_the_review_rule_and_equal_sql(db):
    sep, _ = build_counts(db, ExportRequest(year=2025, review="separate"))
    got = dict(zip(sep["kode"], sep["jumlah"]))
    assert got == {"penundaan_berlarut": 7, "tidak_memberikan_pelayanan": 4, "permintaan_imbalan": 3, "perlu_tinjauan": 3,
                   "tidak_patut": 0}  # none this year, 2 the year before: shown with its change
    assert got["penundaan_berlarut"] == sql_count(db, "year(received_at_local) = 2025 and effective_category = "
                                                      "'penundaan_berlarut' and not needs_review")
    inc, _ = build_counts(db, ExportRequest(year=2025, review="include"))
    assert dict(zip(inc["kode"], inc["jumlah"]))["penundaan_berlarut"] == 9
    assert inc["jumlah"].sum() == sql_count(db, "year(received_at_local) = 2025")
    exc, _ = build_counts(db, ExportRequest(year=2025, review="exclude"))
    assert exc["jumlah"].sum() == 14 and "perlu_tinjauan" not in exc["kode"].to_list()
    row = inc.filter(pl.col("kode") == "penundaan_berlarut").row(0, named=True)
    assert (row["jumlah_tahun_lalu"], row["perubahan"], row["nama"]) == (5, 4, "Penundaan Berlarut")
    assert abs(inc["persen"].sum() - 100) < 0.5


def test_corrections_change_the_counts(db):
    add_correction(db, "C008", "tidak_patut", "analis-1", "dibaca ulang")   # one of the two needing review
    add_correction(db, "C001", "berpihak", "analis-1", "")
    add_correction(db, "C001", "tidak_patut", "analis-2", "koreksi kedua menang")
    t, _ = build_counts(db, ExportRequest(year=2025, review="separate"))
    got = dict(zip(t["kode"], t["jumlah"]))
    assert got["tidak_patut"] == 2 and got["penundaan_berlarut"] == 6 and got["perlu_tinjauan"] == 2
    assert "berpihak" not in got


def test_filters(db):
    t, ctx = build_counts(db, ExportRequest(year=2025, review="include", region="Jawa Barat"))
    assert t["jumlah"].sum() == 5 and ctx["wilayah"] == "Jawa Barat"
    t, _ = build_counts(db, ExportRequest(year=2025, review="include", by="channel", channel="lapor"))
    assert dict(zip(t["kode"], t["jumlah"])) == {"lapor": 11}
    t, _ = build_counts(db, ExportRequest(year=2025, review="include", by="month"))
    assert t.row(0, named=True)["nama"] == "Mei"


def test_csv_and_xlsx(db, tmp_path):
    out = export(db, ExportRequest(year=2025), "csv", tmp_path / "rekap.csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == {"nama": "Penundaan Berlarut", "kode": "penundaan_berlarut", "jumlah": "7", "persen": "41.2",
                       "jumlah_tahun_lalu": "5", "perubahan": "2"}
    from openpyxl import load_workbook

    wb = load_workbook(export(db, ExportRequest(year=2025), "xlsx", tmp_path / "rekap.xlsx"))
    assert wb.sheetnames == ["Rekap", "Keterangan"]
    assert [c.value for c in wb["Rekap"][2]][:3] == ["Penundaan Berlarut", "penundaan_berlarut", 7]
    info = {r[0].value: r[1].value for r in wb["Keterangan"].iter_rows(min_row=2)}
    assert info["aturan_tinjauan"] == "separate" and info["run_data"] == "r1" and info["waktu_ekspor_utc"]


def test_png_and_svg(db, tmp_path):
    from PIL import Image

    png = export(db, ExportRequest(year=2025, office="Jakarta Raya"), "png", tmp_path / "info.png")
    img = Image.open(png)
    assert img.width >= 1200 and img.height >= 400  # scale 2
    colors = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colors) > 20  # not blank
    svg = export(db, ExportRequest(year=2025, office="Jakarta Raya"), "svg", tmp_path / "info.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Dugaan Maladministrasi 2025 - Ombudsman RI Perwakilan Jakarta Raya" in text
    assert "Penundaan Berlarut" in text


def test_cli_refuses_bad_requests(db, tmp_path):
    r = CliRunner().invoke(app, ["export", "--db", str(db), "--year", "2025", "--format", "csv",
                                 "--out", str(tmp_path / "x.png")])
    assert r.exit_code == 2 and "must end in .csv" in r.output
    r = CliRunner().invoke(app, ["export", "--db", str(db), "--year", "2025", "--format", "csv", "--by", "x; drop table",
                                 "--out", str(tmp_path / "x.csv")])
    assert r.exit_code == 2 and "--by must be one of" in r.output
    r = CliRunner().invoke(app, ["export", "--db", str(db), "--year", "2025", "--format", "csv",
                                 "--region", "x' or 1=1 --", "--out", str(tmp_path / "x.csv")])
    assert r.exit_code == 0 and (tmp_path / "x.csv").read_text().count("\n") == 1  # header only: no match
