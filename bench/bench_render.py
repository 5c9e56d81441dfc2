"""Benchmark: how long each dashboard page takes to render in a real browser, on a large warehouse.

    .venv/bin/python bench/bench_render.py [--rows 1000000] [--repeat 5]

Builds the synthetic warehouse of `bench_dashboard.py`, starts `awasi dashboard` on it, and drives Debian's
chromium (Playwright) through every page in two ways:
- *interaction*: clicking the page in the sidebar navigation of an open session, and choosing a province in the
  sidebar filter (what an analyst does all day);
- *new session*: opening the page's URL, without filters and with a province + year filter in the URL (a shared
  link; this includes loading the app shell and a new Streamlit session, about 0.8 s on its own).
A render is timed from the click or navigation until the page's last section is visible and Streamlit reports the
script finished (`data-test-script-state="notRunning"`): server queries, Python, and the browser drawing the
elements. Reports p50/p95 seconds per page.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGES = [("", "Total aduan", "Ringkasan"), ("tren", "Peringkat instansi", "Tren per instansi"),
         ("dimensi", "Kabupaten/kota", "Kategori, Kanal, Wilayah"), ("profil", "Instansi sejenis", "Profil instansi"),
         ("ketepatan", "Daftar terlambat", "Ketepatan waktu"), ("jelajah", "Baca aduan", "Jelajah aduan"),
         ("kualitas", "Riwayat run", "Kualitas data"), ("ekspor", "Unduh PNG", "Ekspor infografis")]
FILTERS = {"no filter": "", "province + year": "?provinsi=Provinsi+7&dari=2025-01-01&sampai=2025-12-31"}


def start_dashboard(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "awasi.cli", "dashboard", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the dashboard did not start")


def main() -> None:
    from bench_dashboard import build

    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", action="store_true", help="keep the synthetic warehouse (default: removed at the end)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="awasi-bench-render-"))
    db = folder / "w.duckdb"
    try:
        build(db, args.rows)
        measure_in_browser(db, args)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
            print(f"removed {folder} (--keep keeps it)")


def measure_in_browser(db: Path, args) -> None:
    from playwright.sync_api import sync_playwright

    proc, url = start_dashboard(db)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    results, clicks, filters_changed = [], {}, {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)  # warm-up: first session start, imports, caches
            page.get_by_text("Total aduan").filter(visible=True).first.wait_for(timeout=120_000)
            done = '[data-testid="stApp"][data-test-script-state="notRunning"]'
            for _ in range(args.repeat + 1):
                for path, marker, title in PAGES:
                    started = time.perf_counter()
                    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
                    page.get_by_text(marker).filter(visible=True).first.wait_for(timeout=120_000)
                    page.locator(done).wait_for(timeout=120_000)
                    clicks.setdefault(path or "ringkasan", []).append(time.perf_counter() - started)
            # a filter change in the sidebar: choose a province, then back to all, on each page in turn
            for path, marker, title in PAGES:
                page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
                page.get_by_text(marker).filter(visible=True).first.wait_for(timeout=120_000)
                page.locator(done).wait_for(timeout=120_000)
                for i in range(args.repeat + 1):
                    choice = "Provinsi 7" if i % 2 == 0 else "Semua"
                    started = time.perf_counter()
                    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
                        has_text="Provinsi")
                    box.click()
                    page.keyboard.type(choice)
                    page.keyboard.press("Enter")
                    try:  # the rerun starts...
                        page.locator('[data-testid="stApp"][data-test-script-state="running"]').wait_for(timeout=3_000)
                    except Exception:
                        pass  # ...or was already over
                    page.locator(done).wait_for(timeout=120_000)
                    filters_changed.setdefault(path or "ringkasan", []).append(time.perf_counter() - started)
            for name, times in filters_changed.items():
                times = sorted(times[1:])
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                results.append((name, "interaction (province filter)", statistics.median(times), p95))
                print(f"{name:<12}{'filter':<18}p50 {statistics.median(times):5.2f} s  p95 {p95:5.2f} s", flush=True)
            for name, times in clicks.items():
                times = sorted(times[1:])  # the first round warms each page's caches
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                results.append((name, "interaction (sidebar click)", statistics.median(times), p95))
                print(f"{name:<12}{'interaction':<18}p50 {statistics.median(times):5.2f} s  p95 {p95:5.2f} s", flush=True)
            for path, marker, _title in PAGES:
                for fname, query in FILTERS.items():
                    times = []
                    for _ in range(args.repeat):
                        started = time.perf_counter()
                        page.goto(f"{url}/{path}{query}")
                        page.get_by_text(marker).filter(visible=True).first.wait_for(timeout=120_000)
                        page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
                            timeout=120_000)
                        times.append(time.perf_counter() - started)
                    times.sort()
                    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                    results.append((path or "ringkasan", f"new session, {fname}", statistics.median(times), p95))
                    print(f"{path or 'ringkasan':<12}{fname:<18}p50 {statistics.median(times):5.2f} s  p95 {p95:5.2f} s",
                          flush=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"\n| page | how | p50 s | p95 s |  ({args.rows:,} complaints)\n|---|---|---|---|")
    for page_name, fname, p50, p95 in results:
        print(f"| {page_name} | {fname} | {p50:.2f} | {p95:.2f} |")


if __name__ == "__main__":
    main()
