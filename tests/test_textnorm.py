from transforms.textnorm import normalize, stem, stems


def test_informal_spelling_is_expanded():
    assert normalize("KTP sy blm jd, udh 3 bln gk ada kabar yg jelas krn petugasnya gak ada!!!") == \
        "ktp saya belum jadi sudah 3 bulan tidak ada kabar yang jelas karena petugasnya tidak ada"


def test_stretched_letters_html_and_masks():
    assert normalize("<p>tolonggggg pak, lamaaaa bgt</p> hub [TELEPON]") == "tolong bapak lama banget hub _telepon_"


def test_stemming_is_cached_and_keeps_short_tokens():
    assert stem("pelayanan") == "layan" and stem("dipingpong") == "pingpong"
    assert stems("Pungutan di kelurahan") == "pungut di lurah"
    assert stem("kk") == "kk" and stem("_nik_") == "_nik_"
    assert stem.cache_info().hits >= 0


def test_normalize_reads_text_as_the_cleaned_text_would_read():
    # normalize skips clean_text's white-space passes; control characters and HTML must still be handled alike
    from transforms.normalize import clean_text

    tricky = ["ab\x0bcd  \r\n\r\n\r\nef\xa0gh", "<p>Sudah&nbsp;3 bulan</p><br>belum\tjadi", "x\x00y [NIK]-lamaaa \x7f",
              "  \u2003 tdk\x0cada  ", "&amp; pungli\r\rdi\x1fkelurahan"]
    for text in tricky:
        assert normalize(text) == normalize(clean_text(text)), text
    assert normalize("ab\x0bcd") == "abcd" and normalize("<b>KTP</b> blm") == "ktp belum"


def test_every_mask_the_privacy_step_writes_becomes_one_token():
    # A mask missing from textnorm's list is read as a plain word ("[AKUN]" as "akun", "account"), which the
    # classifier and search would take for the complainant's own words.
    import re

    from transforms.privacy import mask_text

    masked = mask_text("Saya Budi Santoso, NIK 3201012345678901, hp 0812-3456-7890, budi@mail.id, IG @budi_s, "
                       "rek BRI 1234567890, akta kelahiran 3273-LT-01022020-0011, TTL: Bandung, 1 Maret 1975, "
                       "B 1234 KJT, Jl. Melati No. 3")
    masks = re.findall(r"\[([A-Z_]+)\]", masked)
    assert len(set(masks)) == 10, masked  # every kind privacy.py writes
    assert normalize(masked).split().count("_akun_") == 1
    for mask in masks:
        assert normalize(f"hub [{mask}] segera") == f"hub _{mask.lower()}_ segera", mask
