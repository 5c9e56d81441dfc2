"""The `awasi` command line. Each command is a thin wrapper; the work lives in flows/ and transforms/."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

# Prefect settings that must be in place before Prefect is imported (offline machine, slow cold start).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


class _ClearErrors(TyperGroup):
    """A missing or unreadable file, a bad value in an input file, an unknown id or a warehouse another process
    holds ends a command with one line ("GAGAL / FAILED: ...") and exit status 2, not a Python traceback. Other
    errors (bugs) keep their traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if not _is_clear_error(exc):
                raise
            reason = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            typer.echo(f"GAGAL / FAILED: {reason}", err=True)
            raise typer.Exit(code=2) from None


def _is_clear_error(exc: Exception) -> bool:
    """An error of the user's input or of the machine's moment, said in one line: a missing or unreadable file, a
    bad value, an unknown id, a warehouse another process holds, a file that is no DuckDB database."""
    if isinstance(exc, (OSError, ValueError, KeyError)):
        return True
    if isinstance(exc, RuntimeError):  # typer's own Exit is one too: it passes
        from flows.warehouse import WarehouseBusy

        return isinstance(exc, WarehouseBusy)
    duckdb = sys.modules.get("duckdb")  # loaded by any command that opened a warehouse
    return duckdb is not None and isinstance(exc, duckdb.IOException)


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_ClearErrors,
                  help="Awasi: complaints about Indonesian public services, from inbox to dashboard.")


@app.command()
def generate(
    out: Path = typer.Option(..., "--out", help="Folder to write the inbox into (created)."),
    n: int = typer.Option(2000, "--n", help="Number of records to write across the four channels."),
    seed: int = typer.Option(7, "--seed", help="Random seed: the same seed and end date write the same inbox."),
    end: Optional[str] = typer.Option(None, "--end", help="Last day of the sample (YYYY-MM-DD); default today."),
) -> None:
    """Write a realistic sample inbox for all four channels plus manifest.json (about 2 years up to --end)."""
    from datetime import date

    from awasi.sample.writer import write_inbox

    try:
        end_day = date.fromisoformat(end) if end else None
    except ValueError:
        typer.echo("GAGAL / FAILED: --end must be a date like 2026-11-20", err=True)
        raise typer.Exit(code=2)
    manifest = write_inbox(out, n=n, seed=seed, end=end_day)
    typer.echo(json.dumps(manifest, indent=2, ensure_ascii=False))


@app.command()
def run(
    inbox: Path = typer.Option(..., "--inbox", help="Inbox folder: one sub-folder per channel."),
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file (created when missing)."),
    summary_json: Optional[Path] = typer.Option(None, "--summary-json", help="Also write the run summary as JSON."),
) -> None:
    """Run the nightly flow once over an inbox and print the run summary.

    Exit status 0 when the run completed (quarantined records included), 3 when it was partial (a file
    or channel held back, a channel's volume collapsed), 1 when it failed (nothing of it was stored).
    """
    _run_flow(inbox, db, summary_json=summary_json)


@app.command()
def backfill(
    start: datetime = typer.Option(..., "--from", formats=["%Y-%m-%d"], help="First day of receipt (local date)."),
    end: datetime = typer.Option(..., "--to", formats=["%Y-%m-%d"], help="Last day of receipt (local date)."),
    inbox: Path = typer.Option(..., "--inbox", help="Inbox folder: one sub-folder per channel."),
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
) -> None:
    """Re-process the deliveries received from --from to --to (inbox files by modification day, and the raw
    archive's day folders). Records the warehouse holds already are left alone, so running it again changes
    nothing. Exit status as for `awasi run`."""
    if end < start:
        typer.echo("GAGAL / FAILED: --to lebih awal dari --from", err=True)
        raise typer.Exit(code=2)
    _run_flow(inbox, db, backfill_from=start.date(), backfill_to=end.date())


@app.command()
def alerts(url: str = typer.Option(..., "--url", help="Webhook that receives a JSON post {text: ...}.")) -> None:
    """Alert the operator: post to a webhook when a nightly run is Failed, Crashed or Partial (a Prefect
    automation on the server in PREFECT_API_URL)."""
    from flows.alerts import install_alerts

    automation_id = install_alerts(url)
    typer.echo(f"automation awasi-nightly-alert {automation_id} -> {url}")


EXIT_FAILED, EXIT_PARTIAL = 1, 3


def _run_flow(inbox: Path, db: Path, retry: bool = False, exit_on_partial: bool = True,
              summary_json: Path | None = None, **options) -> dict:
    from awasi.settings import get_settings
    from awasi.temporary_server import prefect_api

    def import_flow():
        from flows.nightly import run_nightly

        return run_nightly

    try:
        with prefect_api(import_flow) as run_nightly:
            result = run_nightly(get_settings(inbox=inbox, db_path=db), retry_quarantined=retry, **options)
    except Exception as exc:  # the flow has recorded the failure; say it plainly and fail
        typer.echo(f"GAGAL / FAILED: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(code=EXIT_FAILED)
    typer.echo(_format_summary(result))
    if summary_json:
        Path(summary_json).write_text(json.dumps(result, default=str, ensure_ascii=False, indent=1), encoding="utf-8")
    if result["outcome"] == "partial":
        typer.echo("SEBAGIAN / PARTIAL: ada data yang ditahan; lihat pesan di atas dan `awasi quarantine list`.",
                   err=True)
        if exit_on_partial:
            raise typer.Exit(code=EXIT_PARTIAL)
    return result


def _format_summary(result: dict) -> str:
    lines = [result["message"], "", f"{'kanal':<12}{'accepted':>10}{'merged':>10}{'quarantined':>13}{'total':>8}"]
    for ch, c in sorted(result["counts"].items()):
        lines.append(f"{ch:<12}{c.get('accepted', 0):>10}{c.get('merged', 0):>10}{c.get('quarantined', 0):>13}"
                     f"{sum(c.values()):>8}")
    lines.append(f"{'TOTAL':<12}{result['accepted']:>10}{result['merged']:>10}{result['quarantined']:>13}"
                 f"{result['records_total']:>8}")
    lines.append(f"run {result['run_id']} ({result['outcome']}) in {result['duration_s']:.1f} s; "
                 f"files new {result['files_new']}, skipped {result['files_skipped']}")
    if result.get("data_docs"):
        lines.append(f"Data Docs: {result['data_docs']}")
    return "\n".join(lines)


@app.command()
def train(
    labels: Optional[Path] = typer.Option(None, "--labels", help="Extra labelled JSON lines (id, text, label)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Models folder (default data/models)."),
) -> None:
    """Train a new classifier version from the project's corpus (plus --labels) and save it."""
    from awasi import models
    from awasi.settings import get_settings

    extra = models.read_labelled(labels) if labels else []
    rows = models.corpus() + extra
    model = models.train(extra)
    folder = models.save(model, out or get_settings().models_dir, rows, str(labels) if labels else None)
    typer.echo(f"model {model.version}: {len(rows)} labelled items -> {folder}")


@app.command()
def classify(
    input: Path = typer.Option(..., "--input", help="JSON lines with id and text."),
    output: Path = typer.Option(..., "--output", help="JSON lines with id, category, confidence, needs_review, secondary, cues."),
    model_version: Optional[str] = typer.Option(None, "--model", help="Model version (default: active)."),
) -> None:
    """Classify complaints from a file."""
    from awasi import models
    from awasi.settings import get_settings

    settings = get_settings(model_version=model_version)
    rows = models.read_jsonl(input)
    model = models.ensure_model(settings.models_dir, settings.model_version)
    predictions = model.predict([str(r.get("text") or "") for r in rows])
    with open(output, "w", encoding="utf-8") as fh:
        for r, p in zip(rows, predictions):
            fh.write(json.dumps({"id": r.get("id"), "category": p.category, "confidence": p.confidence,
                                 "needs_review": p.needs_review, "secondary": p.secondary, "cues": p.cues},
                                ensure_ascii=False) + "\n")
    typer.echo(f"{len(rows)} complaints classified with model {model.version} -> {output}")


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Labelled JSON lines (id, text, label)."),
    model_version: Optional[str] = typer.Option(None, "--model", help="Model version (default: active)."),
    cv: int = typer.Option(0, "--cv", help="K-fold cross-validation: train on the corpus plus the other folds of GOLD."),
    baseline: bool = typer.Option(False, "--baseline", help="Measure the keyword-only baseline instead of a model."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Measure the classifier against gold labels: per-label P/R/F1, macro-F1, accuracy, confusion, review coverage."""
    from awasi import models
    from awasi.settings import get_settings
    from transforms.evaluation import calibration, evaluate as measure, format_report, intervals

    rows = models.read_labelled(gold)
    if not rows:  # every figure would read 0.000, as if the model were always wrong
        raise ValueError(f"{gold} holds no labelled items to measure against")
    if baseline:
        from transforms.classifier import LexiconBaseline

        predicted = LexiconBaseline(models.lexicon()).predict([r["text"] for r in rows])
        version = "keyword-only baseline (lexicon)"
    elif cv:
        predicted = [None] * len(rows)
        folds = [list(range(i, len(rows), cv)) for i in range(cv)]
        for k, test_idx in enumerate(folds, start=1):
            test = set(test_idx)
            model = models.train([r for i, r in enumerate(rows) if i not in test])
            for i, p in zip(test_idx, model.predict([rows[i]["text"] for i in test_idx])):
                predicted[i] = p
            typer.echo(f"fold {k}/{cv} done", err=True)
        version = f"{cv}-fold cross-validation (corpus + other folds)"
    else:
        settings = get_settings(model_version=model_version)
        model = models.ensure_model(settings.models_dir, settings.model_version)
        predicted = model.predict([r["text"] for r in rows])
        version = model.version
    gold_labels, categories = [r["label"] for r in rows], [p.category for p in predicted]
    review = [p.needs_review for p in predicted]
    m = measure(gold_labels, categories, review)
    spans = intervals(gold_labels, categories, review)
    # the keyword baseline gives no probability (its confidence is always 1), so it has no calibration to show
    calib = None if baseline else calibration(gold_labels, categories, [p.confidence for p in predicted], review)
    if as_json:
        typer.echo(json.dumps({"model": version, **m, "intervals_95": spans, "calibration": calib}, indent=2))
    else:
        typer.echo(f"model: {version}\n" + format_report(m, spans, calib))


@app.command()
def reclassify(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    model_version: Optional[str] = typer.Option(None, "--model", help="Model version (default: active)."),
) -> None:
    """Re-run a (new) model over every complaint in the warehouse, in one transaction (read and classified in
    batches, so memory does not grow with the history)."""
    from awasi import models
    from awasi.settings import get_settings
    from flows.classification import reclassify_warehouse

    settings = get_settings(model_version=model_version)
    model = models.ensure_model(settings.models_dir, settings.model_version)
    n = reclassify_warehouse(db, model, memory_limit=settings.duckdb_memory_limit)
    typer.echo(f"{n} complaints reclassified with model {model.version}")


@app.command()
def correct(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    complaint_id: str = typer.Option(..., "--complaint-id"),
    category: str = typer.Option(..., "--category", help="The correct maladministration code."),
    analyst: str = typer.Option(..., "--analyst", help="Who decides."),
    note: str = typer.Option("", "--note"),
) -> None:
    """Record an analyst's correction of a complaint's category (counts and exports use it)."""
    from flows.classification import add_correction

    add_correction(db, complaint_id, category, analyst, note)
    typer.echo(f"{complaint_id}: category corrected to {category} by {analyst}")


@app.command()
def labels(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    output: Path = typer.Option(..., "--output", help="JSON lines to write (id, text, label)."),
) -> None:
    """Write the analysts' decisions (latest per complaint, masked title and text) as labelled items: measure the
    model on them with `awasi evaluate --gold`, teach it with `awasi train --labels`."""
    from flows.classification import write_decision_labels

    written, secret = write_decision_labels(db, output)
    typer.echo(f"{written} analysts' decisions -> {output}"
               + (f" ({secret} secret reports left out)" if secret else ""))


@app.command()
def counts(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    year: Optional[int] = typer.Option(None, "--year", help="Only complaints received (WIB) in this year."),
) -> None:
    """Complaints per maladministration form, corrections applied (the basis of the yearly infographic)."""
    from flows.classification import category_counts

    for code, display, n in category_counts(db, year):
        typer.echo(f"{display:<34}{code:<30}{n:>8}")


@app.command()
def export(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    year: int = typer.Option(..., "--year", help="Year of receipt (WIB)."),
    format: str = typer.Option(..., "--format", help="csv | xlsx | parquet | png | svg"),
    out: Path = typer.Option(..., "--out", help="Output file (its suffix must match the format)."),
    by: str = typer.Option("category", "--by", help="category | agency | region | channel | month"),
    review: str = typer.Option("separate", "--review",
                               help="Complaints still needing review: include | exclude | separate (own row)."),
    region: Optional[str] = typer.Option(None, "--region", help="Province or kabupaten/kota."),
    agency: Optional[str] = typer.Option(None, "--agency", help="Agency name or register code."),
    channel: Optional[str] = typer.Option(None, "--channel", help="lapor | whatsapp | email | callcenter"),
    office: Optional[str] = typer.Option(None, "--office", help="Regional office for the chart title."),
) -> None:
    """Export the yearly counts (corrections applied) for the annual infographic."""
    from flows.export import ExportRequest, export as run_export

    req = ExportRequest(year=year, by=by, review=review, region=region, agency=agency, channel=channel, office=office)
    notes: list[str] = []
    try:
        path = run_export(db, req, format, out, notes)
    except (ValueError, FileNotFoundError) as exc:  # a year without complaints included (PNG/SVG: no empty chart)
        typer.echo(f"GAGAL / FAILED: {exc}", err=True)
        raise typer.Exit(code=2)
    for note in notes:
        typer.echo(f"catatan: {note}", err=True)
    typer.echo(f"ekspor {format}: {path}")


@app.command()
def serve(
    inbox: Path = typer.Option(..., "--inbox", help="Inbox folder the nightly run reads."),
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
) -> None:
    """Serve the nightly schedule (01:00 Asia/Jakarta) on this machine; needs `prefect server start` running."""
    from flows.serve import serve as serve_nightly

    serve_nightly(str(inbox.resolve()), str(db.resolve()))


@app.command()
def dashboard(
    db: Path = typer.Option(Path("data/awasi.duckdb"), "--db", help="DuckDB warehouse file."),
    port: int = typer.Option(8501, "--port"),
    address: str = typer.Option("127.0.0.1", "--address", help="Listen address (default: this machine only)."),
) -> None:
    """Start the analysts' dashboard (Streamlit) on the warehouse's latest snapshot."""
    app_file = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_file), "--server.address", address,
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal",  # no "Deploy" button or developer menu for analysts
           "--", "--db", str(db)]
    typer.echo(f"Dasbor: http://{address}:{port}  (Ctrl+C untuk berhenti)")
    sys.stdout.flush()
    # Streamlit replaces this process, so a service manager's (or a test's) signal reaches it directly.
    os.execv(sys.executable, cmd)


quarantine_app = typer.Typer(no_args_is_help=True, help="See quarantined records and run them again after a fix.")
app.add_typer(quarantine_app, name="quarantine")


@quarantine_app.command("list")
def quarantine_list(
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
    reason_code: Optional[str] = typer.Option(None, "--reason-code", help="Only this reason code."),
    channel: Optional[str] = typer.Option(None, "--channel", help="Only this channel."),
    limit: int = typer.Option(50, "--limit", help="Rows to show (the counts cover everything)."),
) -> None:
    """Counts of quarantined records per reason, then the records themselves (file, position, reason), open ones
    first; a record another file took in later (a held file re-delivered corrected) is marked "digantikan"."""
    from flows.quarantine import list_quarantined

    counts, rows = list_quarantined(db, reason_code=reason_code, channel=channel, limit=limit)
    if not counts:
        typer.echo("Tidak ada catatan di karantina.")
        return
    typer.echo(f"{'kanal':<12}{'reason_code':<58}{'jumlah':>8}{'digantikan':>12}")
    for ch, code, n, superseded in counts:
        typer.echo(f"{ch:<12}{code:<58}{n:>8}{superseded:>12}")
    typer.echo("")
    for ch, source_file, position, code, reason, superseded_by in rows:
        mark = f"  (digantikan: diterima kemudian dari {superseded_by})" if superseded_by else ""
        typer.echo(f"{ch}  {source_file}  {position}  [{code}]  {reason}{mark}")


@quarantine_app.command("retry")
def quarantine_retry(
    inbox: Path = typer.Option(..., "--inbox", help="The inbox that still holds the files."),
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file."),
) -> None:
    """Read the files of quarantined records again and pass those records through every gate once more.

    Records that now pass replace their quarantine rows (same record id, so nothing is counted twice);
    the others stay quarantined with their current reason. A file whose quarantined records were all taken in
    later from another file (superseded) is passed over.
    """
    _run_flow(inbox, db, retry=True)


@app.command()
def demo(
    workdir: Path = typer.Option(Path("data"), "--workdir", help="Where the sample inbox and warehouse go."),
    n: int = typer.Option(2000, "--n", help="Records in the sample inbox."),
    seed: int = typer.Option(7, "--seed"),
    open_dashboard: bool = typer.Option(True, "--dashboard/--no-dashboard", help="Open the dashboard afterwards."),
) -> None:
    """Generate the sample inbox, run the nightly flow on it and open the dashboard (the README's first command)."""
    from awasi.sample.writer import write_inbox

    inbox, db = workdir / "inbox", workdir / "awasi.duckdb"
    manifest = write_inbox(inbox, n=n, seed=seed)
    typer.echo(f"sample inbox: {inbox} ({manifest['total_records']} records)")
    _run_flow(inbox, db, exit_on_partial=False)  # the sample holds faulty deliveries on purpose
    typer.echo(f"warehouse: {db}")
    if open_dashboard:
        dashboard(db=db, port=8501, address="127.0.0.1")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def bench(ctx: typer.Context) -> None:
    """The national-scale benchmark (bench/bench_flow.py): generate N mixed records (default 1,000,000), run the
    nightly flow and the nothing-new run, time the raw read_json reference and every dashboard page's queries at
    1M and 10M complaints; writes bench/last-run.md. Options are bench_flow.py's: --n, --inbox, --workdir, --keep,
    --dashboard-rows, --repeat, --out, --seed (`awasi bench --help-bench` lists them)."""
    import subprocess

    from awasi.settings import REPO_ROOT

    script = REPO_ROOT / "bench" / "bench_flow.py"
    if not script.exists():
        typer.echo(f"GAGAL / FAILED: {script} not found; the benchmark runs from a checkout of the repository",
                   err=True)
        raise typer.Exit(code=2)
    args = ["--help" if a == "--help-bench" else a for a in ctx.args]
    raise typer.Exit(code=subprocess.call([sys.executable, str(script), *args]))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
