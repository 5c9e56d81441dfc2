"""`awasi export`: the yearly counts for infographics, as CSV, XLSX, Parquet, PNG or SVG.

Counts come from the `complaints_effective` view (analyst corrections applied) with the chosen review
rule; the table and chart are built by `transforms/infographic.py`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from flows import warehouse
from transforms import infographic
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
              "review": req.review, "scope": list(req.scope) if req.scope is not None else None}
    with warehouse.analytics(db_path) as con:
        raw = con.sql(query, params=params).pl()
        last = con.execute("select run_id, finished_at_utc from runs where outcome <> 'failed' "
                           "order by started_at_utc desc limit 1").fetchall()
    context = {
        "tahun": req.year, "dikelompokkan_menurut": GROUP_NAMES[req.by], "aturan_tinjauan": REVIEW_RULE_NAMES[req.review],
        "keterangan_tinjauan": infographic.REVIEW_NOTE[req.review],
        "wilayah": req.region or "semua", "instansi": req.agency or "semua",
        "kanal": channel_name(req.channel) if req.channel else "semua",
        "run_data": last[0][0] if last else "-", "run_selesai_utc": str(last[0][1]) if last else "-",
        "waktu_ekspor_utc": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
    }
    return infographic.counts_table(raw, req.by), context


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


def export(db_path: Path, req: ExportRequest, fmt: str, out: Path) -> Path:
    out = safe_output(out, fmt)
    out.write_bytes(export_bytes(db_path, req, fmt))
    return out


def export_bytes(db_path: Path, req: ExportRequest, fmt: str) -> bytes:
    """The export file's content (the dashboard's download buttons use this directly)."""
    if fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}")
    table, context = build_counts(db_path, req)
    if fmt in ("csv", "parquet"):  # flat files say which review rule they follow in a column of their own
        flat = table.with_columns(aturan_tinjauan=pl.lit(context["keterangan_tinjauan"]))
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
    where = f"Ombudsman RI Perwakilan {req.office}" if req.office else "Ombudsman RI"
    scope = [f"wilayah {req.region}" if req.region else None, f"instansi {req.agency}" if req.agency else None,
             f"kanal {channel_name(req.channel)}" if req.channel else None]
    scope_txt = ", ".join(s for s in scope if s) or "seluruh wilayah, instansi dan kanal"
    total = int(table["jumlah"].sum())
    return infographic.chart(
        table, by=req.by,
        title=f"Dugaan Maladministrasi {req.year} - {where}",
        subtitle=f"Total {total:,} laporan ({scope_txt}); {infographic.REVIEW_NOTE[req.review]}".replace(
            f"{total:,}", f"{total:,}".replace(",", ".")),
        footnote=f"Sumber: Awasi, data run {context['run_data']}; diekspor {context['waktu_ekspor_utc']} UTC.",
    )


def write_xlsx(table: pl.DataFrame, context: dict, out) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap"
    headers = ["Nama", "Kode", "Jumlah", "Persen", "Jumlah tahun lalu", "Perubahan"]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.iter_rows():
        ws.append(list(row))
    ws.append(["Total", "", int(table["jumlah"].sum()), 100.0 if table.height else 0.0,
               int(table["jumlah_tahun_lalu"].sum()), int(table["perubahan"].sum())])
    ws.column_dimensions["A"].width = 36
    info = wb.create_sheet("Keterangan")
    info.append(["Keterangan", "Nilai"])
    for k, v in context.items():
        info.append([k, str(v)])
    info.column_dimensions["A"].width = 26
    info.column_dimensions["B"].width = 80
    wb.save(out)
