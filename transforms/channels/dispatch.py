"""Pick the parser for an inbox file from its channel folder and file name."""

from __future__ import annotations

from transforms.channels import callcenter, email, lapor, whatsapp
from transforms.channels.common import base_record, bomless_utf16, broken, wide_encoding

PARSERS = {
    ("lapor", ".jsonl"): lapor.parse,
    ("whatsapp", ".jsonl"): whatsapp.parse,
    ("email", ".eml"): email.parse,
    ("email", ".mbox"): email.parse,
    ("callcenter", ".csv"): callcenter.parse,
}


def file_record(channel: str, source_file: str, file_hash: str, code: str, reason: str) -> dict:
    """The single record that stands for a whole file that cannot be used."""
    rec = base_record(channel, source_file, file_hash or "", 1, "file", (file_hash or source_file).encode())
    return broken(rec, code, reason)


def _suffix(source_file: str) -> str:
    return "." + source_file.rsplit(".", 1)[-1].lower() if "." in source_file else ""


def has_parser(channel: str, source_file: str) -> bool:
    """Whether a parser reads a file of this channel folder and name (else it is misplaced: an unknown channel
    folder or file type)."""
    return (channel, _suffix(source_file)) in PARSERS


# Said with a misplaced file's reason: moved where it fits, the next run reads it (flows/inbox.misplaced_hash).
_MOVE_IT = "; pindahkan berkas ke folder kanal yang benar dengan ekstensi yang benar, run berikutnya membacanya"


def parse_file(channel: str, source_file: str, file_hash: str, data: bytes) -> list[dict]:
    """Parse one file's bytes. Never raises: unknown kinds and empty files become one quarantined record.

    A file that starts with a UTF-16 or UTF-32 byte-order mark, or is UTF-16 text without one (common.bomless_utf16),
    is turned into UTF-8 first, so every parser reads it as it reads a UTF-8 delivery (the same report in either
    gives the same content hash). The checks are one look at the first bytes and one scan for a NUL byte: a UTF-8
    file pays nothing more.
    """
    suffix = _suffix(source_file)
    parser = PARSERS.get((channel, suffix))
    if parser is None:
        known = sorted({c for c, _ in PARSERS})
        if channel not in known:
            return [file_record(channel, source_file, file_hash, "unknown_channel",
                                f"kanal tidak dikenal: {channel!r} (dikenal: {', '.join(known)}){_MOVE_IT}")]
        return [file_record(channel, source_file, file_hash, "unknown_file_type",
                            f"jenis berkas {suffix or '(tanpa ekstensi)'} tidak dikenal untuk kanal {channel}"
                            f"{_MOVE_IT}")]
    wide = wide_encoding(data)
    if wide is not None:
        try:
            data = data.decode(wide.lower()).encode("utf-8")  # the codec drops the byte-order mark
        except UnicodeDecodeError:  # e.g. cut off in the middle of a character
            return [file_record(channel, source_file, file_hash, "bad_encoding",
                                f"berkas diawali penanda {wide} (BOM) tetapi isinya bukan {wide} yang sah "
                                f"(mis. terpotong); simpan ulang sebagai UTF-8 lalu kirim lagi")]
    else:
        bomless = bomless_utf16(data)
        if bomless is not None:
            if len(data) % 2:  # the rest is UTF-16 text: cut off in the middle of a character, as with a BOM
                return [file_record(channel, source_file, file_hash, "bad_encoding",
                                    "berkas tampak UTF-16 tanpa penanda (BOM) tetapi panjangnya ganjil (mis. "
                                    "terpotong); simpan ulang sebagai UTF-8 lalu kirim lagi")]
            data = data.decode(bomless).encode("utf-8")
    if not data.strip():
        return [file_record(channel, source_file, file_hash, "empty_file", "berkas kosong")]
    try:
        records = parser(data, source_file, file_hash)
    except Exception as exc:  # a parser bug must not lose the file: quarantine it whole
        return [file_record(channel, source_file, file_hash, "parser_error",
                            f"berkas tidak bisa diurai ({type(exc).__name__})")]  # the class only, as per record
    if not records:
        return [file_record(channel, source_file, file_hash, "no_records", "berkas tidak berisi satu pun catatan")]
    return records
