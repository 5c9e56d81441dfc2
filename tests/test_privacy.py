import polars as pl

from transforms.privacy import identity_keys, mask_text, normalize_phone, protect_records, pseudonym


def test_masks_identifiers_and_keeps_text_readable():
    text = ("Saya Budi Santoso, NIK 3201.0123.4567.8901, KK 3201012345678902, hp 0812-3456-7890 / +62 813 1111 2222,"
            " email budi.s@gmail.com. Ibu Siti Aminah di loket bilang tunggu. Pak Lurah diam saja. RT 05 RW 03, Rp 500.000")
    out = mask_text(text, ["Budi Santoso"])
    assert out == ("Saya [NAMA], NIK [NIK], KK [NIK], hp [TELEPON] / [TELEPON], email [EMAIL]. Ibu [NAMA] di loket "
                   "bilang tunggu. Pak Lurah diam saja. RT 05 RW 03, Rp 500.000")


def test_self_introduced_names_are_masked():
    assert mask_text("Perkenalkan saya Andi Wijaya dari Bekasi") == "Perkenalkan saya [NAMA] dari Bekasi"


def test_pseudonym_is_keyed_and_phone_forms_agree():
    assert normalize_phone("0812-3456-7890") == normalize_phone("+62 812 3456 7890") == "6281234567890"
    k = identity_keys("0812-3456-7890", "Budi@Example.ID")
    assert k == ["tel:6281234567890", "email:budi@example.id"]
    assert pseudonym(k[0], b"a") != pseudonym(k[0], b"b")
    assert len(pseudonym(k[0], b"a")) == 32


def test_protect_records_drops_raw_identifiers():
    frame = pl.DataFrame({"reporter_name": ["Budi"], "reporter_phone": ["0812 3456 7890"],
                          "reporter_email": [None], "text": ["Budi di sini, hp 081234567890"], "title": ["Budi"],
                          "agency_raw": ["Polsek"], "location_raw": ["Jl. Melati No. 3, Kota Bogor"],
                          "is_secret": [None]})
    out = protect_records(frame, b"k")
    assert "reporter_phone" not in out.columns and "reporter_name" not in out.columns
    assert out["text"][0] == "[NAMA] di sini, hp [TELEPON]"
    assert out["location_raw"][0] == "[ALAMAT], Kota Bogor" and out["agency_raw"][0] == "Polsek"
    assert out["reporter_pseudonym"][0] == pseudonym("tel:6281234567890", b"k")


def test_confidentiality_requests_make_a_report_secret_and_own_nik_is_a_key():
    from transforms.privacy import asks_confidentiality

    assert asks_confidentiality("Mohon identitas saya dirahasiakan karena takut.")
    assert asks_confidentiality("tolong nama saya dirahasiakan ya pak")
    assert asks_confidentiality("Jangan sebut nama saya di balasan")
    assert not asks_confidentiality("Dokumen rahasia negara tidak boleh dibocorkan")
    frame = pl.DataFrame({"reporter_name": [None, None], "reporter_phone": [None, None], "reporter_email": [None, None],
                          "text": ["NIK saya 3201 0123 4567 8901. Mohon dirahasiakan identitas saya.", "KTP belum jadi"],
                          "title": [None, None], "agency_raw": [None, None], "location_raw": [None, None],
                          "is_secret": [False, None]})
    out = protect_records(frame, b"k")
    assert out["is_secret"].to_list() == [True, False]
    assert out["reporter_keys"][0].to_list() == [pseudonym("nik:3201012345678901", b"k")]
    assert "3201" not in out["text"][0]
