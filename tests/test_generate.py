import json
from datetime import date

from awasi.sample.writer import write_inbox


def test_manifest_counts_match_the_files(tmp_path):
    m = write_inbox(tmp_path / "a", n=500, seed=11, end=date(2026, 11, 20))
    assert m["total_records"] == 500
    assert sum(v["records"] for v in m["channels"].values()) == 500
    assert set(m["channels"]) == {"lapor", "whatsapp", "email", "callcenter", "sms"}
    assert all(v["malformed"] >= 1 for v in m["channels"].values())
    lapor_lines = sum(len([ln for ln in p.read_bytes().splitlines() if ln.strip()])
                      for p in (tmp_path / "a" / "lapor").glob("*.jsonl"))
    assert lapor_lines == m["channels"]["lapor"]["records"]
    assert json.loads((tmp_path / "a" / "manifest.json").read_text()) == m


def test_same_seed_same_inbox(tmp_path):
    write_inbox(tmp_path / "a", n=300, seed=4, end=date(2026, 11, 20))
    write_inbox(tmp_path / "b", n=300, seed=4, end=date(2026, 11, 20))
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_texts_are_varied_and_carry_personal_data(tmp_path):
    write_inbox(tmp_path / "a", n=800, seed=2, end=date(2026, 11, 20))
    reports = []
    for p in (tmp_path / "a" / "lapor").glob("*.jsonl"):
        for ln in p.read_bytes().splitlines():
            try:
                reports.append(json.loads(ln))
            except ValueError:
                continue  # the deliberately broken lines
    contents = [r["content"] for r in reports if isinstance(r.get("content"), str)]
    assert len(set(contents)) > 0.95 * len(contents)
    assert sum(1 for c in contents if "NIK" in c or "08" in c or "@" in c) > 0.1 * len(contents)
    assert any(" yg " in c or " tdk " in c or " gak " in c or " sdh " in c for c in contents)


def test_refuses_to_overwrite_a_folder_that_is_not_a_sample(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "important.txt").write_text("keep")
    import pytest

    with pytest.raises(FileExistsError):
        write_inbox(tmp_path / "x", n=200, seed=1)
    assert (tmp_path / "x" / "important.txt").exists()


def test_cli_generate_with_fixed_end_is_reproducible(tmp_path):
    from typer.testing import CliRunner

    from awasi.cli import app

    for d in ("a", "b"):
        r = CliRunner().invoke(app, ["generate", "--out", str(tmp_path / d), "--n", "200", "--seed", "3",
                                     "--end", "2026-01-31"])
        assert r.exit_code == 0, r.output
    assert (tmp_path / "a" / "manifest.json").read_text() == (tmp_path / "b" / "manifest.json").read_text()
    assert json.loads((tmp_path / "a" / "manifest.json").read_text())["period"]["to"] == "2026-01-31"
    bad = CliRunner().invoke(app, ["generate", "--out", str(tmp_path / "c"), "--end", "31/01/2026"])
    assert bad.exit_code == 2


def test_a_title_tells_the_same_complaint_as_its_text_which_fits_the_agency():
    # The title comes with the grievance it was written for (it once came from an independent draw: the title
    # "Pengurusan uji KIR berlarut-larut" over a text about moving one's domicile).
    import random
    import re

    from awasi.sample import texts
    from awasi.sample.people import make_context

    rng = random.Random(5)
    bank = texts.phrasebank()["labels"]
    for _ in range(400):
        label, ctx = texts.pick_label(rng), make_context(rng)
        heading, text = texts.complaint(label, ctx, rng, "formal")  # formal: the phrase bank's spelling is kept
        fitting = [b for b in bank[label]["bodies"]
                   if b["title"].replace("{layanan}", ctx.service).replace("{instansi}", ctx.agency) == heading]
        assert fitting, heading
        pattern = ".+?".join(re.escape(piece) for piece in re.split(r"\{\w+\}", fitting[0]["text"]))
        assert re.search(pattern, text, flags=re.DOTALL), (heading, text)
        assert "{" not in heading and "}" not in heading
        # and it fits the agency's sector (a pension payout is not told of a school) and the service: every form
        # has grievances that fit any agency (the rare forms once had none for some sectors, and took any)
        assert not fitting[0]["sectors"] or ctx.sector in fitting[0]["sectors"], (ctx.agency, text)
        assert "services" not in fitting[0] or ctx.service in texts.phrasebank()["service_groups"][
            fitting[0]["services"]], (ctx.service, text)


def test_a_grievance_about_a_kind_of_service_is_told_only_of_such_a_service():
    # "Dana {layanan} ... belum cair" once became "Dana DTKS" (a register, not money), and "mempercepat {layanan}
    # ..., padahal layanan ini gratis" could be told of a vehicle tax.
    import random

    from awasi.sample import texts
    from awasi.sample.people import AGENCIES, make_context

    groups = {k: v for k, v in texts.phrasebank()["service_groups"].items() if not k.startswith("_")}
    assert set().union(*map(set, groups.values())) <= {s for a in AGENCIES for s in a[3]}  # no misspelt service
    rng = random.Random(8)
    told = []
    for _ in range(3000):
        ctx = make_context(rng)
        for label in ("penundaan_berlarut", "permintaan_imbalan"):
            told.append((ctx.service, texts.complaint(label, ctx, rng, "formal")[1]))
    free_told = {service for service, text in told if "padahal layanan ini gratis" in text}
    assert free_told and not free_told & {"pajak kendaraan", "tagihan air", "SIM", "iuran BPJS", "tilang"}
    assert not any("Dana DTKS" in text for _, text in told)
    assert any("Dana BLT" in text or "Dana BPNT" in text or "Dana bantuan PKH" in text for _, text in told)


def test_an_officer_named_in_a_complaint_belongs_to_the_agency_kind():
    import random
    from dataclasses import replace

    from awasi.sample import texts
    from awasi.sample.people import make_context

    rng = random.Random(3)
    school = replace(make_context(rng), sector="Pendidikan")
    named = {texts.fill("{petugas}", school, rng) for _ in range(300)}
    assert "guru kelas" in named and not named & {"oknum polisi", "kepala desa", "pak lurah", "sipir"}


def test_chat_spelling_keeps_sama_sekali_and_sekali_lagi():
    import random

    from awasi.sample.texts import informalize

    rng = random.Random(1)
    written = {informalize("tidak direspon sama sekali, sekali lagi lama sekali", rng, rate=1.0) for _ in range(30)}
    assert all("sama sekali" in w and "sekali lagi" in w for w in written)  # "at all", "once more": not "banget"
    assert any("lama bgt" in w or "lama banget" in w for w in written)     # "very long" is


def test_the_sample_bad_date_mail_is_quarantined_quoting_its_date(tmp_path):
    from transforms.channels.dispatch import parse_file

    write_inbox(tmp_path / "a", n=300, seed=4, end=date(2026, 11, 20))
    records = [r for p in sorted((tmp_path / "a" / "email").iterdir())
               for r in parse_file("email", p.name, "h", p.read_bytes())]
    bad_dates = [r for r in records if r.get("reason_code") == "bad_date"]
    assert [r["reason"] for r in bad_dates] == ["header Date tidak bisa dibaca: 'kemarin sore'"]


def _times_in(path):
    """Every moment a sample file states: ISO times (LAPOR! reports, responses, status steps), WhatsApp's Unix
    timestamps, call-centre times (WIB) and e-mail Date headers."""
    from datetime import datetime, timedelta, timezone
    from email.utils import parsedate_to_datetime
    import re

    wib = timezone(timedelta(hours=7))
    data = path.read_bytes()
    for m in re.finditer(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)", data):
        yield datetime.fromisoformat(m.group().decode().replace("Z", "+00:00"))
    for m in re.finditer(rb'"timestamp": ?"(\d{9,11})"', data):
        yield datetime.fromtimestamp(int(m.group(1)), timezone.utc)
    for m in re.finditer(rb"(?<=,)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?=,)", data):
        yield datetime.fromisoformat(m.group().decode()).replace(tzinfo=wib)
    for m in re.finditer(rb"(?m)^Date: ([^\r\n]*\d{4} \d\d:\d\d[^\r\n]*)", data):
        yield parsedate_to_datetime(m.group(1).decode())


def test_nothing_is_received_answered_or_sent_after_the_sample_ends(tmp_path):
    # LAPOR! responses came up to ten days after the last day, and a WhatsApp conversation's follow-ups, a copy sent
    # again on another channel or a complaint's hour of the day could pass it too; the one report planted with a
    # date a year ahead (for the quarantine) is the only exception.
    from datetime import datetime, timedelta, timezone

    wib = timezone(timedelta(hours=7))
    for end, n, seed in ((date(2026, 11, 20), 2000, 7), (None, 1500, 3)):
        started = datetime.now(wib)
        write_inbox(tmp_path / "s", n=n, seed=seed, end=end)
        last = datetime(end.year, end.month, end.day, 23, tzinfo=wib) if end else datetime.now(wib)
        times = [t for p in (tmp_path / "s").rglob("*") if p.is_file() for t in _times_in(p)]
        assert len(times) > n  # the scan reads every channel's times
        late = sorted(t for t in times if last < t < started + timedelta(days=300))
        assert late == [], (end, late[:5], len(late))
        assert len([t for t in times if t > started + timedelta(days=300)]) == 1
