from awasi.models import lexicon
from transforms.lexicon import Cue, Lexicon
from transforms.textnorm import normalize


def fired(lx, text):
    return [c.cue for c in lx.fired(normalize(text))]


def test_negated_cues_do_not_fire():
    lx = Lexicon([Cue("permintaan_imbalan", "pungli", 2), Cue("permintaan_imbalan", "calo", 1.5),
                  Cue("tidak_memberikan_pelayanan", "tidak ditanggapi", 1.2)])
    assert fired(lx, "Di sini tidak ada pungli, tapi KTP lama") == []
    assert fired(lx, "tidak pernah ada calo di kantor itu") == []
    assert fired(lx, "bukan karena calo") == []
    assert fired(lx, "sdh lapor tp gk ditanggapi dan ada pungli") == ["tidak ditanggapi", "pungli"]
    assert fired(lx, "ada CALO!!") == ["calo"]


def test_shipped_lexicon_covers_every_form():
    lx = lexicon()
    from transforms.labels import LABELS

    assert set(lx.labels) == set(LABELS)
    assert "permintaan_imbalan" in {c.label for c in lx.fired(normalize("dimintai uang pelicin Rp 500 rb"))}


def test_longest_cue_wins_and_matches_do_not_overlap():
    lx = Lexicon([Cue("penundaan_berlarut", "belum ada", 1), Cue("penundaan_berlarut", "belum ada kabar", 1),
                  Cue("tidak_memberikan_pelayanan", "kabar", 1), Cue("tidak_memberikan_pelayanan", "tidak ada respon", 1)])
    assert fired(lx, "sdh 2 bln blm ada kabar") == ["belum ada kabar"]
    assert fired(lx, "belum ada tanggapan, kabar terakhir nihil") == ["belum ada", "kabar"]
    # A cue that itself begins with a negator fires; it is not negated by its own first word.
    assert fired(lx, "gk ada respon sama sekali") == ["tidak ada respon"]
    # Cues match whole words only.
    assert fired(lx, "kabarnya belum adanya") == []


def test_shipped_lexicon_knows_obstruction_and_misuse_of_office():
    """Cues added for the weakest forms: obstruction ("dipersulit") is a procedural deviation, noun forms of
    "sewenang-wenang" and misuse of office are abuse of authority; a negated cue still does not fire."""
    lx = lexicon()

    def labels(text):
        return {c.label for c in lx.fired(normalize(text))}

    assert "penyimpangan_prosedur" in labels("Kami terus dipersulit petugas saat mengurus surat pindah")
    assert "penyimpangan_prosedur" not in labels("alhamdulillah tidak dipersulit sama sekali")
    assert "penyalahgunaan_wewenang" in labels("korban kesewenang-wenangan kepala dusun")
    assert "penyalahgunaan_wewenang" in labels("mobil dinas dipakai mudik keluarga pejabat")
    assert "penundaan_berlarut" in labels("bantuan itu belum terealisasi padahal sudah dijanjikan")
