"""The dashboard in a real browser: Debian's chromium (installed by .ci/run) driven by Playwright.

Starts `awasi dashboard` on a free local port, loads each page headless, checks the visible text and saves
a screenshot per page under the test's temporary folder (path printed).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAGES = [("", "Total aduan"), ("tren", "Peringkat instansi"), ("dimensi", "Kabupaten/kota"), ("ekspor", "Unduh PNG"),
         ("profil", "Instansi sejenis"), ("ketepatan", "Daftar terlambat"),
         ("jelajah", "Baca aduan"), ("kualitas", "Riwayat run")]

if not CHROMIUM:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required in CI (.ci/run installs Debian's chromium)")
    pytest.skip("chromium not installed (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tiny_db):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "awasi.cli", "dashboard", "--db", str(tiny_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("the dashboard did not start within 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_every_page_in_a_real_browser(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, text in PAGES:
            page.goto(f"{server}/{path}")
            try:
                page.get_by_text(text).filter(visible=True).first.wait_for(timeout=45_000)
            except Exception as exc:  # say what the page showed instead
                raise AssertionError(f"/{path}: {text!r} not shown; page says: {page.inner_text('body')[:600]}") from exc
            page.wait_for_timeout(800)
            body = page.inner_text("body")
            assert "Traceback" not in body and "Maaf, halaman ini" not in body and "Page not found" not in body
            assert "Deploy" not in body  # Streamlit's developer toolbar is not shown to analysts
            shot = tmp_path / f"{path or 'ringkasan'}.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
        page.goto(f"{server}/ekspor")  # the download is made on click (deferred) and is a real PNG
        page.get_by_text("Unduh PNG").filter(visible=True).first.wait_for(timeout=45_000)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_text("Unduh PNG").filter(visible=True).first.click()
        png = Path(download.value.path()).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000
        page.goto(f"{server}/?provinsi=Jawa+Barat")
        page.get_by_text("Total aduan").filter(visible=True).first.wait_for(timeout=45_000)
        page.wait_for_timeout(800)
        assert "5" in page.locator('[data-testid="stMetricValue"]').first.inner_text()
        browser.close()
    print(f"screenshots: {tmp_path}")


def test_on_a_375_px_phone_the_legend_sits_below_and_fits(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 375, "height": 1400})
        page.goto(f"{server}/tren")
        page.get_by_text("Peringkat instansi").filter(visible=True).first.wait_for(timeout=45_000)
        page.wait_for_timeout(2000)
        monthly = page.evaluate("""() => {
            const c = document.querySelector('[data-testid="stVegaLiteChart"]');
            const bars = [...c.querySelectorAll('g.mark-rect path')].map(r => r.getBoundingClientRect());
            const legend = c.querySelector('g.role-legend').getBoundingClientRect();
            return {left: Math.min(...bars.map(b => b.left)), right: Math.max(...bars.map(b => b.right)),
                    bottom: Math.max(...bars.map(b => b.bottom)), legendTop: legend.top, legendRight: legend.right};
        }""")
        browser.close()
    assert monthly["legendTop"] >= monthly["bottom"] and monthly["legendRight"] <= 375  # below, and on the screen
    assert monthly["right"] - monthly["left"] >= 200  # the months keep the chart's width


def test_a_timeliness_standard_cannot_be_typed_out_of_bounds(server):
    """Typing "-5" into a standard showed Streamlit's English "Number is outside the allowed range"; the standards
    are sliders now: typed characters do nothing, the keys move it within its bounds only."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/ketepatan")
        page.get_by_text("Daftar terlambat").filter(visible=True).first.wait_for(timeout=45_000)
        control = page.get_by_label("Standar tanggapan pertama (jam)").first
        field = control.locator("xpath=descendant-or-self::*[@tabindex or self::input]").first  # what takes keys
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type("-5")
        page.keyboard.press("Enter")
        page.wait_for_timeout(1500)
        body = page.inner_text("body")
        assert "outside the allowed range" not in body and "Error" not in body
        assert "Tanggapan ≤ 4 jam" in body  # the standard as it was
        field.focus()
        page.keyboard.press("Home")  # the lowest the standard goes
        page.get_by_text("Tanggapan ≤ 1 jam").first.wait_for(timeout=15_000)
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(1500)
        body = page.inner_text("body")
        assert "Tanggapan ≤ 1 jam" in body and "Tanggapan ≤ 0 jam" not in body and "Error" not in body
        browser.close()


@pytest.mark.usefixtures("prefect_backend")
def test_dashboard_keeps_answering_while_the_nightly_run_writes(server, tiny_db, tmp_path):
    """`awasi run` (its own process) loads a night into the same warehouse while the browser keeps reloading the
    dashboard: every load shows numbers, none shows an error, and after the run the dashboard shows the new
    total."""
    from datetime import date

    from playwright.sync_api import sync_playwright
    from prefect.settings import PREFECT_API_URL

    from awasi.sample.writer import write_inbox

    manifest = write_inbox(tmp_path / "inbox", n=300, seed=12, end=date(2026, 11, 20))
    # The run uses the session's Prefect server instead of starting a temporary one (10-20 s).
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    run = subprocess.Popen([sys.executable, "-m", "awasi.cli", "run", "--inbox", str(tmp_path / "inbox"),
                            "--db", str(tiny_db)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           env=env)
    loads = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            while run.poll() is None:
                page.goto(f"{server}/")
                try:
                    page.get_by_text("Total aduan").filter(visible=True).first.wait_for(timeout=45_000)
                except Exception as exc:  # say what the page showed instead
                    raise AssertionError(f"load {len(loads) + 1} during the run: page says "
                                         f"{page.inner_text('body')[:600]}") from exc
                body = page.inner_text("body")
                assert "Maaf, halaman ini" not in body and "Traceback" not in body and "IOException" not in body
                loads.append(page.locator('[data-testid="stMetricValue"]').first.inner_text())
            output = run.stdout.read()
            assert run.returncode in (0, 3), output
            assert len(loads) >= 3  # the dashboard answered again and again during the run
            page.goto(f"{server}/")
            page.wait_for_timeout(1500)
            page.get_by_text("Total aduan").filter(visible=True).first.wait_for(timeout=45_000)
            new_total = 24 + manifest["expected"]["accepted"]
            assert page.locator('[data-testid="stMetricValue"]').first.inner_text().replace(".", "") == str(new_total)
        finally:
            if run.poll() is None:
                run.kill()
            browser.close()


def test_an_agency_chosen_on_its_profile_survives_a_reload(server, tmp_path):
    """Chosen on Profil instansi, the agency was in neither the sidebar's filter nor the URL: a reload (or the link
    shared) showed the first agency again."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/profil")
        main, sidebar = page.locator('[data-testid="stMain"]'), page.locator('[data-testid="stSidebar"]')
        main.get_by_text("Instansi sejenis").first.wait_for(timeout=45_000)
        chosen = main.get_by_role("combobox", name="Instansi")  # the page's box; the sidebar has one of that name
        filtered = sidebar.get_by_role("combobox", name="Instansi")
        assert chosen.input_value() == "Disdukcapil" and filtered.input_value() == "Semua"
        chosen.click()
        page.get_by_role("option", name="Dinas Sosial").click()
        page.wait_for_url("**instansi=Dinas+Sosial**", timeout=15_000)
        # each check waits (up to 20 s) for the page to settle: fixed pauses were too short on a busy machine
        expect(main.locator('[data-testid="stMetricValue"]').first).to_have_text("5", timeout=20_000)
        expect(filtered).to_have_value("Dinas Sosial", timeout=20_000)  # the sidebar's filter shows the choice
        page.reload()
        main.get_by_text("Instansi sejenis").first.wait_for(timeout=45_000)
        expect(chosen).to_have_value("Dinas Sosial", timeout=20_000)
        expect(filtered).to_have_value("Dinas Sosial", timeout=20_000)
        expect(main.locator('[data-testid="stMetricValue"]').first).to_have_text("5", timeout=20_000)
        page.screenshot(path=str(tmp_path / "profil-reloaded.png"))
        page.get_by_role("link", name="Ringkasan").click()  # another page of the session keeps the filter
        page.get_by_text("Total aduan").first.wait_for(timeout=45_000)
        expect(filtered).to_have_value("Dinas Sosial", timeout=20_000)
        assert "instansi=Dinas+Sosial" in page.url
        expect(main.locator('[data-testid="stMetricValue"]').first).to_have_text("5", timeout=20_000)
        page.get_by_role("link", name="Profil instansi").click()
        main.get_by_text("Instansi sejenis").first.wait_for(timeout=45_000)
        expect(chosen).to_have_value("Dinas Sosial", timeout=20_000)
        filtered.click()  # the sidebar's filter chosen again: the page follows, and so does the link
        page.get_by_role("option", name="Disdukcapil").click()
        page.wait_for_url("**instansi=Disdukcapil**", timeout=15_000)
        expect(chosen).to_have_value("Disdukcapil", timeout=20_000)
        expect(main.locator('[data-testid="stMetricValue"]').first).to_have_text("19", timeout=20_000)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Maaf, halaman ini" not in body
        browser.close()
    print(f"screenshot: {tmp_path}")


def test_the_change_under_total_complaints_is_read_in_full_at_every_width(server, tmp_path):
    """"+17 vs periode sebelumnya" was cut with "...": Streamlit writes a metric's delta on one line, cut to the
    column's width (a quarter of the page). The delta is the number now, and the comparison a caption that wraps."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in (1024, 1280, 1920):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(server)
            page.get_by_text("Total aduan").filter(visible=True).first.wait_for(timeout=45_000)
            page.wait_for_timeout(1500)
            delta = page.locator('[data-testid="stMetricDelta"]').first
            cut = delta.evaluate("d => [d, ...d.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1)"
                                 ".map(e => e.tagName + ' ' + e.scrollWidth + ' > ' + e.clientWidth)")
            assert not cut, (width, delta.inner_text(), cut)
            assert delta.inner_text().strip() == "+17"
            caption = page.get_by_text("Perubahan +17 aduan dibanding periode sebelumnya: 17 aduan pada "
                                       "02/04/2025-01/05/2025 (30 hari terakhir data), 0 pada 03/03/2025-01/04/2025.")
            assert caption.is_visible(), width
            page.screenshot(path=str(tmp_path / f"ringkasan-{width}.png"))
            page.close()
        browser.close()
    print(f"screenshots: {tmp_path}")


def test_the_quality_page_shows_a_quarantined_record_taken_in_later_as_superseded(server, tiny_db, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.test_dashboard import superseded_quarantine

    superseded_quarantine(tiny_db)  # a new snapshot: the running dashboard reads it from its next query on
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/kualitas")
        page.get_by_text("Karantina per alasan").first.wait_for(timeout=45_000)
        # the quarantine's grid by its header, not its place (an empty table before it is a message, not a grid);
        # the table's cells exist only once the grid has drawn: wait for its header (a fixed pause was too short on
        # a busy machine and read no cell at all); the grid's accessible cells are hidden, so attached, not visible
        header = page.locator('[role="columnheader"]', has_text="diterima kemudian dari").first
        table = page.locator('[data-testid="stDataFrame"]').filter(has=header)
        header.wait_for(state="attached", timeout=45_000)
        page.wait_for_timeout(500)
        cells = table.locator('[role="columnheader"], [role="gridcell"]').all_inner_texts()
        assert "digantikan" in cells and "diterima kemudian dari" in cells, cells
        assert "lapor/rusak-perbaikan.jsonl" in cells and "email/a-lagi.eml" in cells, cells
        page.screenshot(path=str(tmp_path / "kualitas.png"), full_page=True)
        browser.close()
    print(f"screenshot: {tmp_path}")


def test_an_empty_table_is_a_message_in_indonesian_not_an_empty_grid(server):
    """With nothing quarantined, "Karantina per alasan" was a grid with Streamlit's "empty" drawn on its canvas (no
    text to find there); it is a message now, and the page's only grid is the run history."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/kualitas")
        main = page.locator('[data-testid="stMain"]')
        expect(main.get_by_text("Tidak ada catatan yang dikarantina.")).to_be_visible(timeout=45_000)
        expect(main.get_by_text("Belum ada run yang memeriksa data.")).to_be_visible()
        grids = main.locator('[data-testid="stDataFrame"]')
        expect(grids).to_have_count(1, timeout=20_000)
        expect(grids.locator('[role="columnheader"]', has_text="porsi instansi teridentifikasi")).to_have_count(1)
        browser.close()


def test_no_metric_label_is_cut_at_1024_or_1400_px(server, tiny_db):
    """Labels were cut with "..." ("Peringkat (jenis tidak diket...", "Ditindaklanjuti ≤ 5 hari ke...", at 1024 px most
    of the five in a row): a label is cut when its text is wider than its box."""
    from playwright.sync_api import expect, sync_playwright

    from flows.classification import add_correction

    add_correction(tiny_db, "C002", "penundaan_berlarut", "analis-1")  # Kualitas data shows its metrics
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width, height in ((1400, 1000), (1024, 800)):
            page = browser.new_page(viewport={"width": width, "height": height})
            for path, count in (("", 4), ("profil", 5), ("ketepatan", 5), ("kualitas", 3)):
                page.goto(f"{server}/{path}")
                labels = page.locator('[data-testid="stMain"] [data-testid="stMetricLabel"]')
                expect(labels).to_have_count(count, timeout=45_000)
                cut = labels.evaluate_all("ls => ls.flatMap(l => [l, ...l.querySelectorAll('*')])"
                                          ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)")
                assert not cut, (width, path, cut)
            page.close()
        browser.close()
