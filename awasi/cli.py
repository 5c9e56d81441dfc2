"""The `awasi` command line. Each command is a thin wrapper; the work lives in flows/ and transforms/."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

# Prefect settings that must be in place before Prefect is imported (offline machine, slow cold start).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Awasi: complaints about Indonesian public services, from inbox to dashboard.")


@app.command()
def generate(
    out: Path = typer.Option(..., "--out", help="Folder to write the inbox into (created)."),
    n: int = typer.Option(2000, "--n", help="Number of records to write across the four channels."),
    seed: int = typer.Option(7, "--seed", help="Random seed: the same seed writes the same inbox."),
) -> None:
    """Write a realistic sample inbox for all four channels plus manifest.json."""
    from awasi.sample.writer import write_inbox

    manifest = write_inbox(out, n=n, seed=seed)
    typer.echo(json.dumps(manifest, indent=2, ensure_ascii=False))


@app.command()
def run(
    inbox: Path = typer.Option(..., "--inbox", help="Inbox folder: one sub-folder per channel."),
    db: Path = typer.Option(..., "--db", help="DuckDB warehouse file (created when missing)."),
) -> None:
    """Run the nightly flow once over an inbox and print the run summary.

    Exit status 0 when the run completed (quarantined records included), 1 when it failed.
    """
    _run_flow(inbox, db)


def _run_flow(inbox: Path, db: Path) -> dict:
    from flows.nightly import nightly

    try:
        result = nightly(inbox=str(inbox), db=str(db))
    except Exception as exc:  # the flow has recorded the failure; say it plainly and fail
        typer.echo(f"GAGAL / FAILED: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(code=1)
    typer.echo(_format_summary(result))
    return result


def _format_summary(result: dict) -> str:
    lines = [result["message"], "", f"{'kanal':<12}{'accepted':>10}{'merged':>10}{'quarantined':>13}{'total':>8}"]
    for ch, c in sorted(result["counts"].items()):
        lines.append(f"{ch:<12}{c.get('accepted', 0):>10}{c.get('merged', 0):>10}{c.get('quarantined', 0):>13}"
                     f"{sum(c.values()):>8}")
    lines.append(f"{'TOTAL':<12}{result['accepted']:>10}{result['merged']:>10}{result['quarantined']:>13}"
                 f"{result['records_total']:>8}")
    lines.append(f"run {result['run_id']} in {result['duration_s']:.1f} s; files new {result['files_new']}, "
                 f"skipped {result['files_skipped']}")
    return "\n".join(lines)


@app.command()
def demo(
    workdir: Path = typer.Option(Path("data"), "--workdir", help="Where the sample inbox and warehouse go."),
    n: int = typer.Option(2000, "--n", help="Records in the sample inbox."),
    seed: int = typer.Option(7, "--seed"),
) -> None:
    """Generate the bundled sample inbox and run the nightly flow on it (the README's first command)."""
    from awasi.sample.writer import write_inbox

    inbox, db = workdir / "inbox", workdir / "awasi.duckdb"
    manifest = write_inbox(inbox, n=n, seed=seed)
    typer.echo(f"sample inbox: {inbox} ({manifest['total_records']} records)")
    _run_flow(inbox, db)
    typer.echo(f"warehouse: {db}")


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
