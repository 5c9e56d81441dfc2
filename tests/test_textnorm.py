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
