from datetime import datetime, timezone

import polars as pl

from transforms.normalize import clean_text, normalize_records
from transforms.schema import records_frame


def test_clean_text_strips_html_and_space():
    assert clean_text("<p>Jalan&nbsp;rusak</p>\r\n\r\n\r\n<br>  parah \x00") == "Jalan rusak\n\nparah"
    assert clean_text(None) == ""


def test_local_time_is_jakarta_wall_time_and_length_is_counted():
    rec = {"channel": "lapor", "source_file": "f", "file_hash": "h", "position": "line 1", "seq": 1,
           "content_hash": "c", "text": " <b>KTP</b>  belum jadi ", "received_at": datetime(2025, 3, 4, 20, tzinfo=timezone.utc),
           "parent_refs": [], "attachments": 0}
    out = normalize_records(records_frame([rec]))
    assert out["received_at_local"][0] == datetime(2025, 3, 5, 3, 0)
    assert out.schema["received_at_local"] == pl.Datetime("us")
    assert out["text"][0] == "KTP belum jadi" and out["text_chars"][0] == 14


def test_column_cleaning_equals_cleaning_each_text():
    from transforms.normalize import clean_texts

    texts = ["<p>Jalan&nbsp;rusak</p>", " a \t b \r\n\r\n\r\n\r\n c ", "x\x00y\x7f", "\u3000 KTP \u00a0 belum\x1c",
             "a &amp; b", "", None, "tanpa apa-apa", "rusak.\\nHubungi 0812\\r\\n<b>x</b>", "a\\tb\\r\\nc"]
    assert clean_texts(pl.Series(texts, dtype=pl.String)).to_list() == [
        clean_text(t) if t is not None else None for t in texts]


def test_escaped_line_breaks_become_white_space_so_identifiers_are_masked():
    # An export left line breaks as the two characters backslash and n: the masks' word boundaries did not see the
    # start of a phone number after one ('...\\n0812...'), and words were glued ('nSaya').
    from transforms.privacy import mask_text
    from transforms.textnorm import normalize

    raw = "Terima kasih.\\nBudi\\n081234567890\\r\\nNIK\\t3201012345678901"
    assert clean_text(raw) == "Terima kasih.\nBudi\n081234567890\nNIK 3201012345678901"
    # "Budi", alone on the line under "Terima kasih.", is a signed name
    assert mask_text(clean_text(raw)) == "Terima kasih.\n[NAMA]\n[TELEPON]\nNIK [NIK]"
    assert normalize("rusak.\\nSaya") == "rusak saya"


def rec(seq, **over):
    return {"channel": "lapor", "source_file": "f", "file_hash": "h", "position": f"line {seq}", "seq": seq,
            "content_hash": str(seq), "text": "KTP belum jadi", "parent_refs": [], "attachments": 0, **over}


def test_one_value_of_the_wrong_type_quarantines_its_record_not_the_frame():
    # A dict where text belongs made pl.DataFrame raise ComputeError, failing every file of the channel's
    # partition; a lone surrogate (a JSON "\ud83d" escape cut in half) raised UnicodeEncodeError the same way.
    frame = records_frame([rec(1), rec(2, text={"text": "halo"}), rec(3, text="KTP \ud83d belum jadi"),
                           rec(4, reason_code="bad_json", reason="JSON tidak valid", attachments="x"), rec(5, title=7)])
    assert frame["seq"].to_list() == [1, 2, 3, 4, 5]
    assert frame["reason_code"].to_list() == [None, "bad_field", None, "bad_json", None]
    assert frame["text"].to_list() == ["KTP belum jadi", None, "KTP \ufffd belum jadi", "KTP belum jadi", "KTP belum jadi"]
    assert frame["reason"][1] == "nilai tidak sesuai jenis kolomnya: text (dict)"
    assert frame["reason"][3] == "JSON tidak valid" and frame["attachments"][3] is None
    assert frame["title"][4] == "7"


def test_a_list_value_that_does_not_fit_is_repaired_or_quarantined_like_any_other():
    # The list column is built through Arrow (schema.string_lists): it must refuse what Polars refused, so that
    # the same repair applies, and keep null lists and null items apart from empty ones.
    frame = records_frame([rec(1, parent_refs=["mid:a", None]), rec(2, parent_refs=[7]), rec(3, parent_refs=None),
                           rec(4, parent_refs=["mid:\ud83d"]), rec(5)])
    assert frame["parent_refs"].to_list() == [["mid:a", None], None, None, ["mid:\ufffd"], []]
    assert frame["reason_code"].to_list() == [None, "bad_field", None, None, None]
    assert frame["reason"][1] == "nilai tidak sesuai jenis kolomnya: parent_refs (list)"
    assert frame.schema["parent_refs"] == pl.List(pl.String)
