"""Dashboard pages through Streamlit's AppTest: numbers equal SQL counts, filters, safety, corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from flows import warehouse

APP = str(Path(__file__).resolve().parents[1] / "dashboards" / "app.py")
PAGES = ["ringkasan", "tren", "dimensi", "profil", "ketepatan", "jelajah", "kualitas", "ekspor"]


def open_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page != "ringkasan":
        at.switch_page(f"page_scripts/{page}.py").run()
    return at


def table_with(at: AppTest, *columns: str):
    """The one table on the page with these columns: found by what it shows, not by its place (an empty table is a
    message, not a table, so the places of the others depend on the data)."""
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert len(found) == 1, (columns, [list(d.value.columns) for d in at.dataframe])
    return found[0]


def change_warehouse(db, *statements: str) -> None:
    """Run statements on the warehouse, then publish the snapshot the dashboard reads."""
    with warehouse.connect(db) as con:
        for statement in statements:
            con.execute(statement)
    warehouse.publish_snapshot(db, "r1")


def sql(db, query, *params):
    with warehouse.analytics(db) as con:
        return con.execute(query, list(params)).fetchall()[0][0]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(tiny_db, monkeypatch, page):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page(page)
    assert not at.exception and not at.error
    assert at.header[0].value


def test_summary_equals_sql_with_and_without_filters(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("ringkasan")
    assert at.metric[0].value == str(sql(tiny_db, "select count(*) from complaints_effective"))
    at = open_page("ringkasan", {"provinsi": "Jawa Barat", "dari": "2025-01-01"})
    assert at.metric[0].value == str(sql(tiny_db, "select count(*) from complaints_effective where province = "
                                                 "'Jawa Barat' and received_at_local >= '2025-01-01'")) == "5"
    at = open_page("ringkasan", {"kategori": "penundaan_berlarut"})
    assert at.metric[0].value == "14"
    at = open_page("ringkasan")
    assert any("Pelapor berulang: 1 pelapor" in c.value and "(3 aduan)" in c.value for c in at.caption)


def test_summary_answered_within_4_hours_is_ketepatans_share_and_dash_when_nothing_to_divide(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    with warehouse.connect(tiny_db) as con:  # of the 18 LAPOR complaints, one answered in 2 h, one in 6 h
        con.execute("update complaints set first_response_at_utc = received_at_utc + interval 2 hours "
                    "where complaint_id = 'C004'")
        con.execute("update complaints set first_response_at_utc = received_at_utc + interval 6 hours "
                    "where complaint_id = 'C005'")
    warehouse.publish_snapshot(tiny_db, "r1")
    lapor = sql(tiny_db, "select count(*) from complaints_effective where channel = 'lapor'")
    at = open_page("ringkasan")
    answered = at.metric[2]
    assert answered.label == "Dijawab ≤ 4 jam" and answered.value == "5,6%" and lapor == 18  # 1 of 18, not 1 of 2
    assert open_page("ketepatan").metric[0].value == answered.value  # one definition on both pages
    at = open_page("profil")  # Disdukcapil: 1 of its 14 LAPOR complaints, as its definition says
    assert at.metric[2].label == "Ditanggapi ≤ 4 jam" and at.metric[2].value == "7,1%"
    at = open_page("ringkasan", {"kanal": "whatsapp"})  # a channel without response records
    assert at.metric[2].value == "-" and at.metric[1].value == "0,0%"
    at = open_page("ringkasan", {"kategori": "berpihak"})  # nothing in the filter
    assert at.metric[0].value == "0" and at.metric[1].value == "-" and at.metric[2].value == "-"
    text = " ".join(e.proto.body for e in at.get("markdown") if hasattr(e.proto, "body"))
    assert "dibagi semua aduan kanal itu, baik yang sudah maupun yang belum ditanggapi" in " ".join(text.split())


def test_summary_shows_the_forms_of_the_filtered_complaints_as_bars(tiny_db, monkeypatch):
    import pyarrow as pa

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("ringkasan", {"provinsi": "Jawa Barat"})
    assert [s.value for s in at.subheader] == ["Aduan per bentuk maladministrasi"]
    chart = at.get("vega_lite_chart")[0].proto
    bars = pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pylist()
    shown = {b["kode"]: b["jumlah"] for b in bars}
    with warehouse.analytics(tiny_db) as con:
        expected = dict(con.execute("select category, count(*) from complaints_effective where province = 'Jawa Barat' "
                                    "group by category").fetchall())
    assert shown == expected == {"tidak_memberikan_pelayanan": 4, "diskriminasi": 1}
    assert {b["nilai"] for b in bars} == {"Tidak Memberikan Pelayanan", "Diskriminasi"}  # shown by Indonesian name


def chart_rows(at: AppTest, index: int = 0) -> list[dict]:
    import pyarrow as pa

    chart = at.get("vega_lite_chart")[index].proto
    return pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pylist()


def test_the_forms_chart_shows_the_ten_forms_and_says_how_many_non_cases_it_leaves_out(tiny_db, monkeypatch):
    # As the infographic: "Aduan per bentuk maladministrasi" drew the non-cases as one more form.
    from flows.classification import add_correction

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    add_correction(tiny_db, "C003", "bukan_maladministrasi", "analis-1")
    add_correction(tiny_db, "C004", "bukan_maladministrasi", "analis-1")
    at = open_page("ringkasan")
    assert not at.exception and not at.error
    shown = {b["kode"]: b["jumlah"] for b in chart_rows(at)}
    assert "bukan_maladministrasi" not in shown and len(shown) == 5
    assert sum(shown.values()) == int(at.metric[3].value) == 22  # the bars add up to "Dugaan maladministrasi"
    assert "Tidak termasuk 2 aduan bukan maladministrasi." in [c.value for c in at.caption]
    text = " ".join(" ".join(e.proto.body.split()) for e in at.get("markdown") if hasattr(e.proto, "body"))
    assert "Aduan *bukan maladministrasi* dan yang belum diklasifikasi tidak digambarkan" in text
    at = open_page("profil")  # Disdukcapil's form mix, the same way
    assert "bukan_maladministrasi" not in {b["kode"] for b in chart_rows(at)}
    assert "Tidak termasuk 2 aduan bukan maladministrasi." in [c.value for c in at.caption]


HOSTILE = {"provinsi": "x' or 1=1 --", "kanal": "lapor; drop table complaints", "instansi": "') or ('1'='1",
           "kategori": "penundaan_berlarut' union select * from runs --", "dari": "2025-01-01'; drop table runs; --",
           "sampai": "<script>alert(1)</script>"}


@pytest.mark.parametrize("page", PAGES)
def test_hostile_filter_values_are_just_values(tiny_db, monkeypatch, page):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page(page, {**HOSTILE, "cari": "%' or 1=1 --"})
    assert not at.exception and not at.error
    if page == "ringkasan":
        assert at.metric[0].value == "24"  # unknown values are ignored, never executed
    assert sql(tiny_db, "select count(*) from complaints") == 24
    assert sql(tiny_db, "select count(*) from runs") == 1


def test_search_reads_text_literally_and_hides_secret_reports(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("jelajah", {"cari": "sertifikat"})
    assert not at.exception
    at.selectbox(key="aduan").select("C002").run()
    texts = [t.value for t in at.text]
    assert any("<script>alert(1)</script> **tebal**" in t for t in texts)  # shown as text, not rendered
    assert any("WIB melalui SP4N-LAPOR!;" in t for t in texts)  # the channel by its name, not its code
    assert set(table_with(at, "judul")["kanal"]) <= {"SP4N-LAPOR!", "WhatsApp", "E-mail", "Call center"}
    # A secret report's words find nothing: a search found it, and its cues were shown, which told word by word
    # what it says. Listed without words, it is shown with neither its text nor its cues.
    at = open_page("jelajah", {"cari": "dirahasiakan"})
    assert [i.value for i in at.info] == ["Tidak ada aduan yang memuat kata itu pada filter ini."]
    assert not at.dataframe and not any("ditampilkan" in c.value for c in at.caption)  # not "0 aduan ditampilkan"
    at = open_page("jelajah")
    at.selectbox(key="aduan").select("C001").run()
    texts = " ".join(t.value for t in at.text)
    assert "Laporan rahasia" in texts and "(tidak ditampilkan untuk laporan rahasia)" in texts
    assert "dirahasiakan" not in texts and "minta identitas" not in texts


def test_quality_page_shows_how_often_analysts_kept_the_machines_category(tiny_db, monkeypatch):
    from flows.classification import add_correction

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("kualitas")
    assert not at.metric and any("Belum ada keputusan analis" in i.value for i in at.info)
    add_correction(tiny_db, "C002", "penundaan_berlarut", "analis-1")          # kept; not sent to review
    add_correction(tiny_db, "C003", "tidak_memberikan_pelayanan", "analis-1")  # changed; not sent to review
    add_correction(tiny_db, "C008", "tidak_patut", "analis-1")                 # changed; sent to review
    add_correction(tiny_db, "C009", "penundaan_berlarut", "analis-1")          # kept; sent to review
    add_correction(tiny_db, "C010", "tidak_memberikan_pelayanan", "analis-1")
    add_correction(tiny_db, "C010", "berpihak", "analis-2")                    # the latest decision counts
    at = open_page("kualitas")
    assert not at.exception and not at.error
    assert [m.value for m in at.metric] == ["5", "40,0%", "33,3%"]
    table = table_with(at, "kategori mesin")
    assert table.to_dict("records") == [
        {"kategori mesin": "Penundaan Berlarut", "keputusan": 4, "dipertahankan": 2, "persen dipertahankan": "50,0%"},
        {"kategori mesin": "Tidak Memberikan Pelayanan", "keputusan": 1, "dipertahankan": 0,
         "persen dipertahankan": "0,0%"}]
    kept = sql(tiny_db, "select count(*) from complaints_effective where corrected and effective_category = category")
    assert kept == 2


def test_correction_from_the_dashboard_changes_the_counts(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    before = sql(tiny_db, "select count(*) from complaints_effective where effective_category = 'tidak_patut'")
    at = open_page("jelajah", {"cari": "nomor"})
    at.selectbox(key="aduan").select("C005").run()
    at.text_input(key="analis").input("analis-uji")
    at.selectbox(key="kategori_baru").select("tidak_patut")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success
    # the page runs again: the complaint shows its corrected category at once (it showed the old one)
    assert any(t.value.startswith("Kategori: Tidak Patut (dikoreksi analis)") for t in at.text)
    assert sql(tiny_db, "select count(*) from complaints_effective where effective_category = 'tidak_patut'") == before + 1
    at = open_page("ringkasan", {"kategori": "tidak_patut"})
    assert at.metric[0].value == str(before + 1)


def test_missing_database_shows_a_plain_message(tmp_path, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tmp_path / "tidak-ada.duckdb"))
    at = open_page("ringkasan")
    assert not at.exception and "Belum ada data" in at.info[0].value


def test_export_page_offers_the_same_files_as_the_cli(tiny_db, monkeypatch):
    from flows.export import ExportRequest, export_bytes

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("ekspor")
    at.number_input(key="tahun").set_value(2025).run()
    assert not at.exception and not at.error
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Unduh CSV", "Unduh XLSX", "Unduh PARQUET", "Unduh PNG", "Unduh SVG"]
    table = table_with(at, "kode", "jumlah")
    assert dict(zip(table["kode"], table["jumlah"]))["penundaan_berlarut"] == 7
    csv = export_bytes(tiny_db, ExportRequest(year=2025), "csv").decode()
    assert csv.splitlines()[1].startswith("Penundaan Berlarut,penundaan_berlarut,7,")


def test_agency_profile_matches_sql(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("profil")
    assert not at.exception and not at.error
    assert at.metric[0].value == str(sql(tiny_db, "select count(*) from complaints_effective where agency = 'Disdukcapil'"))
    # the agency type is in the rank's tooltip, not its label (where it was cut with "...")
    rank = at.metric[4]
    assert (rank.label, rank.value, rank.proto.help) == (
        "Peringkat", "1 dari 2", "Di antara instansi yang jenisnya tidak diketahui")
    change_warehouse(tiny_db, "update complaints set agency_type = 'Pemerintah Provinsi'")
    assert open_page("profil").metric[4].proto.help == "Di antara instansi jenis Pemerintah Provinsi"


def test_agency_profile_of_an_agency_the_filter_leaves_no_complaint_of_says_so(tiny_db, monkeypatch):
    # Dinas Sosial has complaints in Jawa Barat only: with DKI Jakarta the page showed the first agency of the
    # league (Disdukcapil) under the sidebar's "Dinas Sosial", without a word.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("profil", {"instansi": "Dinas Sosial", "provinsi": "DKI Jakarta"})
    assert not at.exception and not at.error and not at.metric
    assert [i.value for i in at.info] == ["Tidak ada aduan untuk instansi Dinas Sosial dengan filter ini."]
    at = open_page("profil", {"instansi": "Dinas Sosial"})
    assert at.metric[0].value == "5"


def test_an_agency_chosen_on_its_profile_is_the_sidebars_filter_and_stays_in_the_link(tiny_db, monkeypatch):
    # Chosen on the page, the agency reached neither the sidebar's filter nor the URL: a reload or a shared link
    # showed the first agency again.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("profil")
    assert at.selectbox(key="profil_instansi").value == "Disdukcapil"
    at.selectbox(key="profil_instansi").select("Dinas Sosial").run()
    assert not at.exception and not at.error
    assert at.metric[0].value == "5"
    assert at.query_params["instansi"] in ("Dinas Sosial", ["Dinas Sosial"])
    assert at.selectbox(key="f_instansi").value == "Dinas Sosial"
    at.selectbox(key="f_instansi").select(None).run()  # no agency in the filter (nor the URL): the first again
    assert "instansi" not in at.query_params and not at.exception
    assert at.selectbox(key="profil_instansi").value == "Disdukcapil" and at.metric[0].value == "19"
    at = open_page("profil", {"instansi": "Dinas Sosial"})  # the link, opened again
    assert at.selectbox(key="profil_instansi").value == "Dinas Sosial" and at.metric[0].value == "5"
    at.selectbox(key="f_instansi").select("Disdukcapil").run()  # the sidebar chooses: the page follows
    assert at.selectbox(key="profil_instansi").value == "Disdukcapil" and at.metric[0].value == "19"


def test_timeliness_overdue_equals_sql(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("ketepatan")
    assert not at.exception and not at.error
    # none of them was forwarded, and all are older than 3 working days: every one is overdue at forwarding
    expected = sql(tiny_db, "select count(*) from complaints_effective where channel = 'lapor' "
                            "and forwarded_at_utc is null")
    assert at.metric[3].value == str(expected) == "18"
    overdue = table_with(at, "tahap terlambat")
    assert len(overdue) == 18 and set(overdue["tahap terlambat"]) == {"diteruskan"}


def test_search_uses_indonesian_stems(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("jelajah", {"cari": "pelayanan"})  # stem "layan" matches "dilayani"
    assert not at.exception
    assert table_with(at, "judul")["id"].tolist() == ["C003"]


def test_summary_shows_change_against_the_previous_period(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    # The delta is the number only ("+17 vs periode sebelumnya" was cut with "..." in a quarter of the page); the
    # comparison is said in full under the metrics.
    at = open_page("ringkasan")  # default: the last 30 days of data (all 17 complaints of 1 May 2025) vs before
    assert at.metric[0].delta == "+17"
    assert ("Perubahan +17 aduan dibanding periode sebelumnya: 17 aduan pada 02/04/2025-01/05/2025 (30 hari terakhir "
            "data), 0 pada 03/03/2025-01/04/2025.") in [c.value for c in at.caption]
    at = open_page("ringkasan", {"dari": "2024-05-01", "sampai": "2025-04-30"})
    assert at.metric[0].value == "7" and at.metric[0].delta == "+7"
    assert ("Perubahan +7 aduan dibanding periode sebelumnya: 7 aduan pada 01/05/2024-30/04/2025, 0 pada "
            "02/05/2023-30/04/2024.") in [c.value for c in at.caption]


def test_category_channel_region_page_shows_the_chosen_dimension(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("dimensi")
    assert not at.exception and not at.error
    table = table_with(at, "kategori", "jumlah aduan")
    assert dict(zip(table["kategori"], table["jumlah aduan"]))["Penundaan Berlarut"] == 14
    at.segmented_control(key="dimensi_pilih").set_value("provinsi").run()
    table = table_with(at, "provinsi", "jumlah aduan")
    assert dict(zip(table["provinsi"], table["jumlah aduan"])) == {
        "DKI Jakarta": sql(tiny_db, "select count(*) from complaints_effective where province = 'DKI Jakarta'"),
        "Jawa Barat": sql(tiny_db, "select count(*) from complaints_effective where province = 'Jawa Barat'")}


def test_quality_page_headers_and_shares_read_as_indonesian(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "update runs set agency_resolved_share = 0.9333")
    at = open_page("kualitas")
    assert table_with(at, "porsi instansi teridentifikasi")["porsi instansi teridentifikasi"].tolist() == ["93,3%"]


def test_run_outcomes_read_in_indonesian(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("kualitas")
    assert at.success[0].value == "Run terakhir: selesai"
    assert table_with(at, "hasil")["hasil"].tolist() == ["selesai"]
    change_warehouse(tiny_db, "update runs set outcome = 'partial'")
    at = open_page("kualitas")
    assert at.warning[0].value == "Run terakhir: sebagian" and table_with(at, "hasil")["hasil"].tolist() == ["sebagian"]
    at = open_page("ringkasan")
    assert any(c.value.startswith("Run terakhir: r1 (sebagian)") for c in at.caption)


def test_a_run_message_stored_by_an_older_version_reads_as_the_flow_writes_it_now(tiny_db, monkeypatch):
    # Runs that added no complaint were stored saying "instansi teridentifikasi pada - aduan baru" (before ebfe3f1);
    # Kualitas data showed that as stored.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    old = ("Selesai: 0 catatan diproses (0 aduan baru, 0 digabung, 0 dikarantina); 3 berkas dilewati (sudah pernah "
           "diterima); instansi teridentifikasi pada - aduan baru.")
    new = ("Selesai: 0 catatan diproses (0 aduan baru, 0 digabung, 0 dikarantina); 3 berkas dilewati (sudah pernah "
           "diterima); tidak ada aduan baru yang instansinya perlu diidentifikasi.")
    change_warehouse(tiny_db, "insert into runs (run_id, started_at_utc, outcome, message) values "
                              f"('r2', '2026-01-02', 'completed', '{old}')",
                     "update runs set message = 'Selesai: 24 catatan diproses; instansi teridentifikasi pada 95% aduan "
                     "baru.' where run_id = 'r1'")
    at = open_page("kualitas")
    assert not at.exception and not at.error
    assert at.text[0].value == new
    assert table_with(at, "pesan")["pesan"].tolist() == [
        new, "Selesai: 24 catatan diproses; instansi teridentifikasi pada 95% aduan baru."]
    assert sql(tiny_db, "select message from runs where run_id = 'r2'") == old  # the stored row stays as it was


def test_errors_are_told_in_indonesian_and_the_class_goes_to_the_server_log(tiny_db, monkeypatch, caplog):
    import duckdb

    from dashboards.data import Store

    def broken(*_args, **_kwargs):
        raise duckdb.IOException("snapshot hilang")

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    monkeypatch.setattr(Store, "summary", broken)
    monkeypatch.setattr(Store, "options", broken)
    at = open_page("ringkasan")
    assert not at.exception
    shown = [e.value for e in at.error] + [e.value for e in at.sidebar.error]
    assert any(m.startswith("Maaf, halaman ini tidak dapat dimuat") for m in shown)
    assert any(m.startswith("Filter tidak dapat dimuat") for m in shown)
    assert not any("IOException" in m or "Error" in m or "Exception" in m for m in shown)
    assert "IOException" in caplog.text  # the operator still finds the cause in the server log


def test_channels_are_shown_by_their_names_and_kept_as_codes_in_the_url(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("dimensi", {"kanal": "lapor"})
    box = at.selectbox(key="f_kanal")
    assert box.options == ["Semua", "Call center", "E-mail", "SP4N-LAPOR!", "WhatsApp"] and box.value == "lapor"
    assert at.query_params["kanal"] == "lapor"  # the URL keeps the code
    at = open_page("dimensi")
    at.segmented_control(key="dimensi_pilih").set_value("kanal").run()
    table = table_with(at, "kanal", "jumlah aduan")
    assert dict(zip(table["kanal"], table["jumlah aduan"])) == {"SP4N-LAPOR!": 18, "E-mail": 2, "WhatsApp": 3,
                                                               "Call center": 1}


def test_quality_tables_put_the_readable_reason_before_the_code(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    with warehouse.connect(tiny_db) as con:
        for i, reason in enumerate(["tanggal tidak terbaca", "tanggal tidak terbaca", "tanggal kosong"]):
            con.execute("insert into intake (record_id, run_id, channel, source_file, file_hash, position, "
                        "content_hash, fate, reason_code, reason) values (?, 'r1', 'whatsapp', 'a.txt', 'h', "
                        "'line 1', 'c', 'quarantined', 'bad_date', ?)", [f"q{i}", reason])
        con.execute("insert into validations values ('r1', 'raw', 'raw_lapor', 'not_null(tracking_id)', 'row', "
                    "true, 18, 0, 'Setiap laporan punya nomor pelacakan')")
    warehouse.publish_snapshot(tiny_db, "r1")
    at = open_page("kualitas")
    validations, quarantine = table_with(at, "kode aturan"), table_with(at, "kode alasan")
    assert list(validations.columns)[:4] == ["suite", "keterangan", "kode aturan", "tingkat"]
    assert validations.iloc[0]["tingkat"] == "baris"
    assert list(quarantine.columns) == ["kanal", "alasan", "kode alasan", "jumlah", "digantikan",
                                        "diterima kemudian dari"]
    assert quarantine.fillna("-").to_dict("records") == [{"kanal": "WhatsApp", "alasan": "tanggal tidak terbaca",
                                                          "kode alasan": "bad_date", "jumlah": 3, "digantikan": 0,
                                                          "diterima kemudian dari": "-"}]


INTAKE = ("insert into intake (record_id, run_id, channel, source_file, file_hash, position, source_ref, "
          "content_hash, fate, reason_code, reason) values (?, ?, ?, ?, ?, 'line 1', ?, ?, ?, ?, ?)")


def superseded_quarantine(db) -> None:
    """Run r1 quarantined a held file's records; run r2, later, accepted two of them from its corrected
    re-delivery (one known by its channel id, one without an id by its content), and one from the same file again
    (not another file: still open). One record was accepted before the quarantine only (not later: still open)."""
    held = "file ditahan: terlalu banyak baris gagal"
    with warehouse.connect(db) as con:
        con.execute("insert into runs (run_id, started_at_utc, outcome, message) values ('r0', '2025-12-31', "
                    "'completed', 'Selesai: uji'), ('r2', '2026-01-02', 'completed', 'Selesai: uji')")
        for row in [
            ("q1", "r1", "lapor", "lapor/rusak.jsonl", "h1", "lapor:2000001", "c1", "quarantined", "file_held", held),
            ("q2", "r1", "lapor", "lapor/rusak.jsonl", "h1", "lapor:2000004", "c4", "quarantined", "file_held", held),
            ("q3", "r1", "lapor", "lapor/rusak.jsonl", "h1", "lapor:2000005", "c5", "quarantined", "file_held", held),
            ("q4", "r1", "email", "email/a.eml", "h3", None, "c-mail", "quarantined", "bad_date", "tanggal"),
            ("q5", "r1", "email", "email/b.eml", "h4", None, "c-other", "quarantined", "bad_date", "tanggal"),
            ("a1", "r2", "lapor", "lapor/rusak-perbaikan.jsonl", "h2", "lapor:2000001", "c1b", "accepted", None, None),
            ("a2", "r0", "lapor", "lapor/lama.jsonl", "h0", "lapor:2000004", "c4", "accepted", None, None),
            ("a3", "r2", "lapor", "lapor/rusak.jsonl", "h1", "lapor:2000005", "c5", "accepted", None, None),
            ("a4", "r2", "email", "email/a-lagi.eml", "h5", None, "c-mail", "merged", None, None),
        ]:
            con.execute(INTAKE, list(row))
    warehouse.publish_snapshot(db, "r2")


def test_quality_page_marks_quarantined_records_a_later_file_took_in_as_superseded(tiny_db, monkeypatch):
    # `awasi quarantine list` marked them "digantikan"; the page counted them as if every one were still open.
    from dashboards.data import Store

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    superseded_quarantine(tiny_db)
    rows = {(r["kanal"], r["kode alasan"]): r for r in Store(tiny_db).quarantine().to_dicts()}
    assert rows[("lapor", "file_held")] | {"alasan": None} == {
        "kanal": "lapor", "alasan": None, "kode alasan": "file_held", "jumlah": 3, "digantikan": 1,
        "berkas_pengganti": "lapor/rusak-perbaikan.jsonl", "berkas_pengganti_n": 1}
    assert (rows[("email", "bad_date")]["digantikan"], rows[("email", "bad_date")]["berkas_pengganti"]) == (
        1, "email/a-lagi.eml")
    at = open_page("kualitas")
    assert not at.exception and not at.error
    shown = table_with(at, "kode alasan").to_dict("records")
    assert shown == [
        {"kanal": "SP4N-LAPOR!", "alasan": "file ditahan: terlalu banyak baris gagal", "kode alasan": "file_held",
         "jumlah": 3, "digantikan": 1, "diterima kemudian dari": "lapor/rusak-perbaikan.jsonl"},
        {"kanal": "E-mail", "alasan": "tanggal", "kode alasan": "bad_date", "jumlah": 2, "digantikan": 1,
         "diterima kemudian dari": "email/a-lagi.eml"}]
    assert any("*Digantikan*: catatan yang kemudian diterima dari berkas lain" in c.value for c in at.caption)


def test_the_superseded_marks_are_the_cli_s_and_an_older_snapshot_without_their_mart_still_shows_them(
        tiny_db, monkeypatch):
    import duckdb

    from dashboards.data import Store
    from flows import marts
    from flows.quarantine import list_quarantined

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    superseded_quarantine(tiny_db)
    _, cli_rows = list_quarantined(tiny_db)
    assert sorted(r[5] for r in cli_rows if r[5]) == ["email/a-lagi.eml", "lapor/rusak-perbaikan.jsonl"]
    expected = Store(tiny_db).quarantine()
    assert expected["digantikan"].sum() == 2
    snapshot = warehouse.current_source(tiny_db)
    warehouse.close_readers()
    with duckdb.connect(str(snapshot)) as con:  # a snapshot published before the mart existed
        con.execute(f"drop table {marts.QUARANTINE_MART}")
    assert Store(tiny_db).quarantine().equals(expected)
    assert not open_page("kualitas").exception


def test_export_page_says_a_year_has_no_complaints_instead_of_offering_an_empty_chart(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("ekspor")
    assert at.number_input(key="tahun").value == 2025  # the newest complaint's year, not the empty new year
    at.number_input(key="tahun").set_value(2019).run()
    assert not at.exception and not at.error
    assert any(i.value.startswith("Tidak ada aduan pada tahun 2019") for i in at.info)
    assert [b.label for b in at.get("download_button")] == ["Unduh CSV", "Unduh XLSX", "Unduh PARQUET"]


def test_a_start_date_after_the_end_date_is_said_instead_of_showing_zeros(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    reversed_range = {"dari": "2025-06-01", "sampai": "2025-01-01"}
    for page in ("ringkasan", "tren", "dimensi", "profil", "ketepatan", "jelajah"):
        at = open_page(page, reversed_range)
        assert not at.exception and not at.error
        assert not at.metric and not at.get("vega_lite_chart") and not at.dataframe, page  # no misleading 0
        assert [w.value for w in at.main.warning][0].startswith("Tanggal pada *Dari tanggal* jatuh setelah"), page
        assert any("perbaiki rentang tanggal" in w.value for w in at.sidebar.warning)
    at = open_page("ringkasan", {"dari": "2025-01-01", "sampai": "2025-06-01"})  # the right order: counted
    assert at.metric[0].value == "17" and not at.warning
    at = open_page("ekspor", reversed_range)  # the export counts whole years: the dates do not matter there
    assert not at.main.warning and at.number_input(key="tahun").value == 2025 and at.get("download_button")


def test_the_agency_ranking_ranks_known_agencies_and_counts_the_unknown_apart(tiny_db, monkeypatch):
    # "(tidak diketahui)" is no agency: with more complaints than any agency it was ranked first.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "update complaints set agency = null where complaint_id <= 'C012'")
    at = open_page("tren")
    assert not at.exception and not at.error
    ranking = chart_rows(at, 1)
    assert [(r["nilai"], r["jumlah"]) for r in ranking] == [("Disdukcapil", 10), ("Dinas Sosial", 2)]
    assert sql(tiny_db, "select count(*) from complaints_effective where agency is null") == 12
    assert "12 aduan tanpa instansi teridentifikasi tidak ikut diperingkat." in [c.value for c in at.caption]
    import json

    spec = json.loads(at.get("vega_lite_chart")[1].proto.spec)
    assert {"field": "nilai", "type": "nominal", "title": "Instansi"} in spec["layer"][0]["encoding"]["tooltip"]


def test_no_rising_agency_is_said_and_the_newest_day_is_written_the_indonesian_way(tiny_db, monkeypatch):
    # An empty "kenaikan tercepat" table showed as an empty box; Ringkasan wrote the newest day as 2025-05-01.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    at = open_page("tren", {"kanal": "callcenter"})
    assert not at.exception and not at.error
    assert sql(tiny_db, "select count(*) from complaints_effective where channel = 'callcenter'") < 3
    assert [i.value for i in at.info] == [
        "Tidak ada instansi dengan sedikitnya 3 aduan dalam 6 bulan terakhir data pada filter ini."]
    assert len(open_page("tren").info) == 0
    at = open_page("ringkasan")
    newest = sql(tiny_db, "select max(day) from complaints_effective")
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    caption = next(c.value for c in at.caption if c.value.startswith("Run terakhir:"))
    assert caption.endswith(f"data s.d. {newest.day} {months[newest.month - 1]} {newest.year}")


def test_timeliness_names_the_complaints_without_an_agency(tiny_db, monkeypatch):
    # Their row of "Per instansi" showed "-" as its agency, as if a value were missing from the table.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "update complaints set agency = null where complaint_id <= 'C003'")
    at = open_page("ketepatan")
    per_agency = table_with(at, "instansi", "terlambat saat ini")
    assert "(tidak diketahui)" in per_agency["instansi"].tolist()
    assert per_agency["instansi"].notna().all()


def test_analysts_see_names_and_plain_words_not_internal_codes(tiny_db, monkeypatch):
    from transforms.labels import LABELS

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    # the classifier stores a cue as "phrase (code)"
    change_warehouse(tiny_db, "update complaints set cues = ['tidak dilayani (tidak_memberikan_pelayanan)', "
                              "'dipersulit (penundaan_berlarut)'] where complaint_id = 'C003'")
    at = open_page("dimensi")  # the category table had a column "kode" of codes
    table = table_with(at, "jumlah aduan")
    assert list(table.columns) == ["kategori", "jumlah aduan", "perlu tinjauan"]
    assert not set(table["kategori"]) & set(LABELS)
    at = open_page("jelajah", {"cari": "dilayani"})
    at.selectbox(key="aduan").select("C003").run()
    cues = [t.value for t in at.text if t.value.startswith("Isyarat")]
    assert cues == ["Isyarat yang ditemukan: tidak dilayani (Tidak Memberikan Pelayanan), "
                    "dipersulit (Penundaan Berlarut)"]
    at = open_page("ringkasan")
    text = " ".join(" ".join(e.proto.body.split()) for e in at.get("markdown") if hasattr(e.proto, "body"))
    assert "nama samaran terkunci" in text and "HMAC" not in text


def test_export_year_is_the_newest_complaints_under_the_filters_the_export_uses(tiny_db, monkeypatch):
    # The export counts every form, so the category filter does not choose its year: under "berpihak" (no complaint)
    # the page offered the empty current year, under "tidak patut" (2024 only) the year before the newest.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    for category in ("berpihak", "tidak_patut"):
        at = open_page("ekspor", {"kategori": category})
        assert not at.exception and not at.error
        assert at.number_input(key="tahun").value == 2025, category
        assert not [i.value for i in at.info]
    at = open_page("ekspor", {"provinsi": "Jawa Barat"})  # the filters the export does use still choose it
    assert at.number_input(key="tahun").value == 2025
    change_warehouse(tiny_db, "update complaints set received_at_local = received_at_local - interval 1 year, "
                              "received_at_utc = received_at_utc - interval 1 year where province = 'Jawa Barat'")
    assert open_page("ekspor", {"provinsi": "Jawa Barat"}).number_input(key="tahun").value == 2024


def test_export_page_says_up_to_which_day_last_year_is_counted(tiny_db, monkeypatch):
    from datetime import date

    from flows import export as export_module

    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    # one of 2024's five delays came after 1 May, 2025's newest day
    change_warehouse(tiny_db, "update complaints set received_at_local = timestamp '2024-06-15 10:00' "
                              "where complaint_id = 'C018'")
    monkeypatch.setattr(export_module, "today_wib", lambda: date(2025, 12, 7))
    at = open_page("ekspor")
    assert not at.exception and not at.error
    table = table_with(at, "kode", "jumlah_tahun_lalu")
    assert dict(zip(table["kode"], table["jumlah_tahun_lalu"]))["penundaan_berlarut"] == 4  # not 5: to 1 May only
    assert ("*jumlah_tahun_lalu*: aduan s.d. 1 Mei 2024 (tahun 2025 belum selesai: dibandingkan sampai hari yang "
            "sama).") in [c.value for c in at.caption]


def no_empty_grid(at: AppTest) -> bool:
    """No table without rows: Streamlit draws "empty" (English) in an empty grid."""
    return all(len(d.value) for d in at.dataframe)


def test_the_validations_shown_are_the_newest_runs_that_checked_data_and_say_which(tiny_db, monkeypatch):
    # A night with no new file validates nothing: the page showed that run's (empty) results as the last run's,
    # and the results of the run before it were out of sight.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "insert into validations values ('r1', 'raw', 'raw_lapor', 'not_null(tracking_id)', "
                              "'row', true, 18, 0, 'Setiap laporan punya nomor pelacakan')")
    at = open_page("kualitas")
    assert table_with(at, "kode aturan")["kode aturan"].tolist() == ["not_null(tracking_id)"]
    assert not any(c.value.startswith("Dari run") for c in at.caption)  # the last run's own: nothing to say
    change_warehouse(tiny_db, "insert into runs (run_id, started_at_utc, outcome, message) "
                              "values ('r2', '2026-01-02', 'completed', 'Selesai: tidak ada berkas baru')",
                     "insert into runs (run_id, started_at_utc, outcome, message) "
                     "values ('r3', '2026-01-03', 'failed', 'Gagal')")
    at = open_page("kualitas")
    assert not at.exception and not at.error
    assert table_with(at, "kode aturan")["kode aturan"].tolist() == ["not_null(tracking_id)"]
    assert ("Dari run r1, run terakhir yang memeriksa data; run sesudahnya tidak menerima berkas baru atau gagal."
            in [c.value for c in at.caption])


def test_a_warehouse_with_nothing_quarantined_says_so_on_the_quality_page(tiny_db, monkeypatch):
    # A night with nothing quarantined showed "Karantina per alasan" as a grid saying "empty"; so did the
    # validations of a run that recorded none.
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    assert sql(tiny_db, "select count(*) from intake") == sql(tiny_db, "select count(*) from validations") == 0
    at = open_page("kualitas")
    assert not at.exception and not at.error and no_empty_grid(at)
    messages = [i.value for i in at.info]
    assert "Tidak ada catatan yang dikarantina." in messages
    assert "Belum ada run yang memeriksa data." in messages
    assert not any("*Digantikan*" in c.value for c in at.caption)  # no notes on the columns of a table not shown
    assert table_with(at, "hasil")["hasil"].tolist() == ["selesai"]  # the run history is still a table
    superseded_quarantine(tiny_db)  # once something is quarantined, its table is back and the message gone
    at = open_page("kualitas")
    assert len(table_with(at, "kode alasan")) == 2
    assert "Tidak ada catatan yang dikarantina." not in [i.value for i in at.info]


def test_a_warehouse_without_runs_says_it_has_no_run_history(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "delete from runs")
    at = open_page("kualitas")
    assert not at.exception and not at.error and no_empty_grid(at)
    assert "Belum ada run yang tercatat." in [i.value for i in at.info]


def test_no_overdue_complaint_under_the_filter_is_said_instead_of_an_empty_list(tiny_db, monkeypatch):
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    change_warehouse(tiny_db, "update complaints set forwarded_at_utc = received_at_utc + interval 1 day, "
                              "acted_at_utc = received_at_utc + interval 2 day where agency = 'Dinas Sosial'")
    at = open_page("ketepatan", {"instansi": "Dinas Sosial"})
    assert not at.exception and not at.error and no_empty_grid(at)
    assert at.metric[3].label == "Terlambat saat ini" and at.metric[3].value == "0"
    assert [i.value for i in at.info] == ["Tidak ada aduan yang terlambat untuk filter dan standar waktu ini."]
    assert table_with(at, "instansi", "terlambat saat ini")["instansi"].tolist() == ["Dinas Sosial"]
    at = open_page("ketepatan", {"instansi": "Disdukcapil"})  # its complaints are still overdue: the list, no message
    assert len(table_with(at, "tahap terlambat")) == 14 and not at.info


@pytest.mark.parametrize("page", ["tren", "dimensi", "profil", "ketepatan", "jelajah", "ekspor"])
def test_no_page_shows_an_empty_table_under_a_filter_that_matches_nothing(tiny_db, monkeypatch, page):
    # the pages whose tables follow the sidebar's filters (Ringkasan has none; Kualitas data ignores the filters)
    monkeypatch.setenv("AWASI_DB_PATH", str(tiny_db))
    for params in ({"kategori": "berpihak"}, {"instansi": "Dinas Sosial", "kanal": "whatsapp"}, {"dari": "2030-01-01"}):
        at = open_page(page, params)
        assert not at.exception and not at.error, (page, params)
        assert no_empty_grid(at), (page, params, [list(d.value.columns) for d in at.dataframe if not len(d.value)])
