"""`awasi export`: the yearly counts for infographics, as CSV, XLSX, Parquet, PNG or SVG.

Counts come from the `complaints_effective` view (analyst corrections applied) with the chosen review
rule; the table and chart are built by `transforms/infographic.py`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import polars as pl

from flows import warehouse
from transforms import infographic
from transforms.indonesian_numbers import angka
from transforms.labels import channel_name

GROUPS = {  # --by value -> SQL expression (fixed here, never taken from the user)
    "category": "coalesce(effective_category, '(belum diklasifikasi)')",
    "agency": "agency",
    "region": "province",
    "channel": "channel",
    "month": "strftime(received_at_local, '%m')",
}
FORMATS = ("csv", "xlsx", "parquet", "png", "svg")
REVIEW_RULES = ("include", "exclude", "separate")
# What the XLSX sheet "Keterangan" says for the CLI's codes (--by, --review).
GROUP_NAMES = {"category": "bentuk maladministrasi (kategori)", "agency": "instansi", "region": "provinsi",
               "channel": "kanal", "month": "bulan"}
REVIEW_RULE_NAMES = {"include": "ikut dihitung menurut kategori mesin", "exclude": "tidak dihitung",
                     "separate": "baris tersendiri (Perlu Tinjauan Analis)"}


class NoComplaints(ValueError):
    """The chosen year has no complaints under the filters: no infographic is drawn (an empty chart says nothing)."""


def no_complaints_message(req: "ExportRequest") -> str:
    return (f"Tidak ada aduan pada tahun {req.year} untuk filter ini (wilayah, instansi, kanal); "
            "infografis tidak dibuat.")


def office_name(office: str | None) -> str | None:
    """The office as the title wants it after "Ombudsman RI Perwakilan": "Perwakilan Jawa Barat" or "Ombudsman RI
    Perwakilan Jawa Barat" typed in full gives "Jawa Barat", so the title does not say "Perwakilan" twice."""
    if not office:
        return None
    name = re.sub(r"^(ombudsman\s+(ri|r\.i\.|republik\s+indonesia)\s*)?(perwakilan\s+)?", "",
                  " ".join(office.split()), flags=re.IGNORECASE)
    return name or None


def today_wib() -> date:
    return datetime.now(timezone(timedelta(hours=7))).date()


@dataclass
class ExportRequest:
    year: int
    by: str = "category"
    review: str = "separate"
    region: str | None = None
    agency: str | None = None
    channel: str | None = None
    office: str | None = None  # "Ombudsman RI Perwakilan <office>" in the chart title
    scope: tuple[str, ...] | None = None  # agencies an agency-scoped dashboard account may see; None = all

    def check(self) -> None:
        if self.by not in GROUPS:
            raise ValueError(f"--by must be one of {', '.join(GROUPS)}")
        if self.review not in REVIEW_RULES:
            raise ValueError(f"--review must be one of {', '.join(REVIEW_RULES)}")
        if not 2000 <= self.year <= 2100:
            raise ValueError("--year must be a year between 2000 and 2100")


def build_counts(db_path: Path, req: ExportRequest) -> tuple[pl.DataFrame, dict]:
    """The counts table and the context (filters, latest run) for one export."""
    req.check()
    query = warehouse.sql("export_counts").replace("{group_expr}", GROUPS[req.by])
    params = {"year": req.year, "region": req.region, "agency": req.agency, "channel": req.channel,
              "review": req.review, "scope": list(req.scope) if req.scope is not None else None,
              "today": today_wib()}
    with warehouse.analytics(db_path) as con:
        raw = con.sql(query, params=params).pl()
        last = con.execute("select run_id, finished_at_utc from runs where outcome <> 'failed' "
                           "order by started_at_utc desc limit 1").fetchall()
    context = {
        "tahun": req.year, "dikelompokkan_menurut": GROUP_NAMES[req.by],
        "aturan_tinjauan": REVIEW_RULE_NAMES[req.review],
        "keterangan_tinjauan": infographic.REVIEW_NOTE[req.review],
        "wilayah": req.region or "semua", "instansi": req.agency or "semua",
        "kanal": channel_name(req.channel) if req.channel else "semua",
        "run_data": last[0][0] if last else "-", "run_selesai_utc": str(last[0][1]) if last else "-",
        "waktu_ekspor_utc": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
    }
    table = infographic.counts_table(raw, req.by)
    context["aduan_tahun_ini"] = int(table["jumlah"].sum())
    context["data_sampai"] = raw["last_day"].max() if raw.height else None  # newest day of receipt in the year
    # A year not over yet is compared with the year before up to the same day (export_counts.sql), and says so.
    context["tahun_lalu_sampai"] = raw["prev_until"].max() if raw.height else None
    context["periode_tahun_lalu"] = previous_period(req.year, context["tahun_lalu_sampai"])
    if req.by == "category":
        context["kelompok_baris"] = (
            "baris 'dugaan maladministrasi' adalah sepuluh bentuk maladministrasi: hanya baris ini yang ada di "
            "infografis dan dijumlahkan sebagai total dugaan maladministrasi; 'bukan maladministrasi' dan "
            "'perlu tinjauan analis' dicatat terpisah; persen = bagian dari semua laporan pada tabel")
    else:
        context["kelompok_baris"] = ("setiap baris menghitung semua laporan (termasuk bukan maladministrasi); "
                                     "persen = bagian dari semua laporan pada tabel")
    return table, context


def previous_period(year: int, until: date | None) -> str:
    """What `jumlah_tahun_lalu` counts: "s.d. 7 Des 2025" (a year not over yet), or "seluruh tahun 2025"."""
    return f"s.d. {infographic.short_date(until)}" if until else f"seluruh tahun {year - 1}"


def safe_output(out: Path, fmt: str, exports_dir: Path | None = None) -> Path:
    """Where an export may be written.

    A relative path is taken inside the exports folder (`AWASI_EXPORTS_DIR`, default data/exports) and may not
    climb out of it ("../../etc/x.csv" is refused); an absolute path is the operator's explicit choice. The
    file must end in the format's suffix, not be a folder, and its folder must exist (or be the exports folder).
    """
    out = Path(out).expanduser()
    if not out.is_absolute():
        from awasi.settings import get_settings

        base = Path(exports_dir or get_settings().exports_dir).resolve()
        base.mkdir(parents=True, exist_ok=True)
        out = (base / out).resolve()
        if base not in out.parents:
            raise ValueError(f"the output must stay inside the exports folder {base}")
    if out.suffix.lower() != f".{fmt}":
        raise ValueError(f"the output file must end in .{fmt}")
    if out.exists() and out.is_dir():
        raise ValueError(f"{out} is a folder")
    if not out.resolve().parent.is_dir():
        raise ValueError(f"folder {out.resolve().parent} does not exist")
    return out


def export(db_path: Path, req: ExportRequest, fmt: str, out: Path, notes: list[str] | None = None) -> Path:
    """Write the export file. A year without complaints: PNG/SVG raise NoComplaints (nothing is written); the data
    files are written (with the previous year's counts, if any) and `notes` gets the message."""
    out = safe_output(out, fmt)
    out.write_bytes(export_bytes(db_path, req, fmt, notes))
    return out


def export_bytes(db_path: Path, req: ExportRequest, fmt: str, notes: list[str] | None = None) -> bytes:
    """The export file's content (the dashboard's download buttons use this directly)."""
    if fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}")
    table, context = build_counts(db_path, req)
    if not context["aduan_tahun_ini"]:
        if fmt in ("png", "svg"):
            raise NoComplaints(no_complaints_message(req))
        if notes is not None:
            notes.append(f"Tidak ada aduan pada tahun {req.year} untuk filter ini; berkas hanya berisi "
                         "jumlah tahun lalu (jika ada).")
    if fmt in ("csv", "parquet"):  # flat files say which review rule they follow in a column of their own
        flat = table.with_columns(aturan_tinjauan=pl.lit(context["keterangan_tinjauan"]),
                                  periode_tahun_lalu=pl.lit(context["periode_tahun_lalu"]))
        if fmt == "csv":
            return flat.write_csv().encode("utf-8")
        buf = io.BytesIO()
        flat.write_parquet(buf)
        return buf.getvalue()
    if fmt == "xlsx":
        buf = io.BytesIO()
        write_xlsx(table, context, buf)
        return buf.getvalue()
    import vl_convert as vlc

    spec = chart_for(table, context, req).to_json()
    return vlc.vegalite_to_png(spec, scale=2) if fmt == "png" else vlc.vegalite_to_svg(spec).encode("utf-8")


def chart_for(table: pl.DataFrame, context: dict, req: ExportRequest):
    """The infographic. Grouped by category (the Ombudsman's infographic: reports per form of alleged
    maladministration) it shows and totals the ten forms only; the non-maladministration reports are left out and
    counted in the footnote, and under the `separate` rule the reports still needing review are their own bar,
    outside the total. Grouped otherwise, every report counts and the title says "Laporan Masyarakat"."""
    office = office_name(req.office)
    where = f"Ombudsman RI Perwakilan {office}" if office else "Ombudsman RI"
    scope = [f"wilayah {req.region}" if req.region else None, f"instansi {req.agency}" if req.agency else None,
             f"kanal {channel_name(req.channel)}" if req.channel else None]
    scope_txt = ", ".join(s for s in scope if s) or "seluruh wilayah, instansi dan kanal"
    last_day = context.get("data_sampai")
    partial_year = context.get("tahun_lalu_sampai") is not None  # the year is not over (export_counts.sql)
    period = f", data s.d. {infographic.short_date(last_day)}" if partial_year else ""
    review_note = infographic.REVIEW_NOTE[req.review][0].upper() + infographic.REVIEW_NOTE[req.review][1:]
    footnote = []
    if req.by == "category":
        def count(group: str) -> int:
            return int(table.filter(pl.col("kelompok") == group)["jumlah"].sum())

        # the forms largest first, then the reports still needing review and any not classified yet
        rank = {infographic.GROUP_ALLEGED: 0, infographic.GROUP_REVIEW: 1, infographic.GROUP_UNCLASSIFIED: 2}
        shown = table.filter(pl.col("kelompok") != infographic.GROUP_NOT).sort(
            pl.col("kelompok").replace_strict(rank, default=3), maintain_order=True)
        title = f"Dugaan Maladministrasi {req.year} - {where}"
        subtitle = [f"Total {angka(count(infographic.GROUP_ALLEGED))} laporan dugaan maladministrasi "
                    f"({scope_txt}{period})"]
        in_review = count(infographic.GROUP_REVIEW)
        if req.review == "separate" and in_review:
            subtitle.append(f"Ditambah {angka(in_review)} laporan yang masih perlu tinjauan analis (batang tersendiri, "
                            "di luar total)")
        else:
            subtitle.append(review_note)
        unclassified = count(infographic.GROUP_UNCLASSIFIED)
        footnote.append(f"Tidak termasuk {angka(count(infographic.GROUP_NOT))} laporan bukan maladministrasi"
                        + (f" dan {angka(unclassified)} laporan belum diklasifikasi." if unclassified else "."))
    else:
        shown = table
        title = f"Laporan Masyarakat {req.year} per {GROUP_NAMES[req.by]} - {where}"
        subtitle = [f"Total {angka(int(table['jumlah'].sum()))} laporan, termasuk bukan maladministrasi "
                    f"({scope_txt}{period})", review_note]
    footnote.append(f"Sumber: Awasi, data run {context['run_data']}; diekspor {context['waktu_ekspor_utc']} UTC.")
    return infographic.chart(shown, by=req.by, title=title, subtitle=subtitle, footnote=footnote)


def write_xlsx(table: pl.DataFrame, context: dict, out) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    headers = ["Nama", "Kode", "Jumlah", "Persen", f"Jumlah tahun lalu ({context['periode_tahun_lalu']})",
               "Perubahan", "Kelompok"]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.iter_rows():
        ws.append(list(row))

    def total(name: str, rows: pl.DataFrame) -> None:
        ws.append([name, "", int(rows["jumlah"].sum()), round(float(rows["persen"].sum()), 1) if rows.height else 0.0,
                   int(rows["jumlah_tahun_lalu"].sum()), int(rows["perubahan"].sum())])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)

    if (table["kelompok"] != infographic.GROUP_ALL).any():  # by category: the infographic's total first
        total("Total dugaan maladministrasi", table.filter(pl.col("kelompok") == infographic.GROUP_ALLEGED))
        total("Total semua laporan (termasuk bukan maladministrasi)", table)
    else:
        total("Total", table)
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["E"].width = 30
    ws.column_dimensions["G"].width = 24
    info = wb.create_sheet("Keterangan")
    info.append(["Keterangan", "Nilai"])
    for k, v in context.items():
        info.append([k, "-" if v is None else str(v)])
    info.column_dimensions["A"].width = 26
    info.column_dimensions["B"].width = 80
    wb.save(out)
