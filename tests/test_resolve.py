from pathlib import Path

import polars as pl
import pytest

from awasi.settings import REPO_ROOT
from flows.registers import agency_register, region_register
from transforms.resolve import resolve_places


@pytest.fixture(scope="module")
def registers():
    return agency_register(Path(REPO_ROOT / "data" / "registers"), 85.0), region_register()


@pytest.mark.parametrize("text,expected", [
    ("Kota Bekasi", ("Jawa Barat", "Kota Bekasi")),
    ("kab. bogor", ("Jawa Barat", "Kabupaten Bogor")),
    ("Kota Adm. Jakarta Selatan", ("DKI Jakarta", "Kota Jakarta Selatan")),
    ("sleman, diy", ("DI Yogyakarta", "Kabupaten Sleman")),
    ("Bandung", ("Jawa Barat", None)),      # both Kota and Kabupaten Bandung exist
    ("batu", (None, None)),                 # an ordinary word, not Kota Batu
    ("tidak disebut", (None, None)),
])
def test_regions(registers, text, expected):
    assert registers[1].resolve(text) == expected


def test_register_has_every_kabupaten_kota(registers):
    assert len(registers[1].regencies) == 514


def test_agencies_from_field_fuzzy_and_text(registers):
    frame = pl.DataFrame({
        "agency_raw": ["Disdukcapil Kota Bekasi", "dukcapil bekasi", "RS Umum Daerah", None, "Toko Sembako"],
        "location_raw": ["Kota Bekasi", "Kota Bekasi", "Kota Depok", None, None],
        "text": ["x", "x", "x", "sertifikat di kantor pertanahan kab. sleman belum jadi", "harga naik"],
    })
    out = resolve_places(frame, *registers)
    assert out["agency"].to_list() == [
        "Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi", "Dinas Kependudukan dan Pencatatan Sipil Kota Bekasi",
        "Rumah Sakit Umum Daerah Kota Depok", "Kementerian ATR/BPN (Kantor Pertanahan) Kabupaten Sleman", None]
    assert out["agency_match"].to_list() == ["field", "field", "fuzzy", "text", "none"]
