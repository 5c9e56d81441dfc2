"""Run an expectation suite on a Polars frame through GX's pandas datasource.

Each suite lives in `expectations/suites/<name>.json` (reviewed, versioned). Every expectation carries
`meta.level`: `row` failures quarantine the failing rows (the index column names them), `batch` failures
hold the whole batch back, `warning` failures are recorded only. `meta.reason` is the readable reason
(Indonesian, shown to analysts and duty officers). Results are stored in a GX file context under
`gx_dir`, whose Data Docs site is rebuilt after each validation.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

SUITES_DIR = Path(__file__).parent / "suites"
_CONTEXTS: dict[str, object] = {}


@dataclass
class ExpectationResult:
    suite: str
    expectation: str          # e.g. "expect_column_values_to_be_between(received_at)"
    level: str                # row | batch | warning
    reason: str
    success: bool
    rows_evaluated: int
    rows_failed: int
    failed: dict[str, object] = field(default_factory=dict)  # index key -> offending value (row level)


@dataclass
class SuiteResult:
    suite: str
    stage: str
    results: list[ExpectationResult]

    @property
    def batch_failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success and r.level == "batch"]


def load_suite_dict(name: str) -> dict:
    return json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def suite_columns(name: str) -> list[str]:
    cols = []
    for e in load_suite_dict(name)["expectations"]:
        for key in ("column",):
            if key in e["kwargs"] and e["kwargs"][key] not in cols:
                cols.append(e["kwargs"][key])
        cond = e["kwargs"].get("row_condition")
        if cond:
            cols.append(cond.split("==")[0].strip())
    return cols


# GX's file stores that `run_suite` writes again on every validation from the repository's suites.
_REWRITTEN_STORES = ("expectations", "validation_definitions", "checkpoints")


def drop_broken_store_files(gx_dir: Path) -> list[Path]:
    """Remove stored suites, validation definitions and checkpoints that are not a JSON object (a run killed while
    GX wrote one leaves it empty or cut short, and GX then fails on it in every later run). They hold nothing of
    their own: `run_suite` writes them again from `expectations/suites/`. Returns the files removed."""
    removed = []
    for store in _REWRITTEN_STORES:
        for path in (Path(gx_dir) / "gx" / store).glob("*.json"):
            try:
                intact = isinstance(json.loads(path.read_text(encoding="utf-8")), dict)
            except (ValueError, UnicodeDecodeError):
                intact = False
            if not intact:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def _open_file_context(gx_dir: Path):
    """GX's file context under `gx_dir`. GX writes its project file (`gx/great_expectations.yml`) in place, so a
    run killed during that write leaves it empty or cut short, and GX then fails to open the project in every later
    run (with a different error at each cut). The file holds GX's default project plus the data source that
    `run_suite` adds again when it is missing: when the context does not open, the file is moved aside (kept as
    `great_expectations.yml.broken`, for inspection), GX writes a fresh one, and a second failure is raised."""
    import great_expectations as gx

    project_file = Path(gx_dir) / "gx" / "great_expectations.yml"
    try:
        return gx.get_context(mode="file", project_root_dir=str(gx_dir))
    except Exception as first:
        if not project_file.exists():
            raise
        aside = project_file.with_name(project_file.name + ".broken")
        project_file.replace(aside)
        logging.getLogger(__name__).warning("GX project file %s could not be opened (%s: %s); moved to %s and "
                                            "written afresh", project_file, type(first).__name__, first, aside.name)
        return gx.get_context(mode="file", project_root_dir=str(gx_dir))


def _context(gx_dir: Path):
    key = str(gx_dir)
    # At every use, not once per process: another process's run, killed while GX wrote, may have left a broken
    # file since this process opened the context (a few small files: well under a millisecond).
    drop_broken_store_files(gx_dir)
    if key not in _CONTEXTS:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        from great_expectations.data_context.types.base import ProgressBarsConfig

        for name in ("great_expectations", "great_expectations._docs_decorators"):
            logging.getLogger(name).setLevel(logging.WARNING)
        ctx = _open_file_context(gx_dir)
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        _CONTEXTS[key] = ctx
    return _CONTEXTS[key]


def _pandas_source(ctx):
    """The project's pandas data source, added once: adding it again at every validation rewrote GX's project
    file each time, the write a killed run can cut short (see `_open_file_context`)."""
    try:
        return ctx.data_sources.get("awasi")
    except KeyError:
        return ctx.data_sources.add_pandas("awasi")


def run_suite(frame: pl.DataFrame, suite_name: str, key_column: str, params: dict, gx_dir: Path,
              docs: bool = True) -> SuiteResult:
    """Validate `frame` with the named suite; row failures are reported by `key_column`.

    With `docs`, the Data Docs site is rebuilt at once; a run validating many batches passes False and calls
    `build_docs` once at the end (each rebuild renders every stored result: seconds, growing with history)."""
    import great_expectations as gx

    spec = load_suite_dict(suite_name)
    ctx = _context(Path(gx_dir))
    suite = ctx.suites.add_or_update(gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"],
                                                         meta=spec.get("meta", {})))
    source = _pandas_source(ctx)
    try:
        asset = source.get_asset(suite_name)
    except LookupError:
        asset = source.add_dataframe_asset(suite_name)
    try:
        batch = asset.get_batch_definition("whole")
    except (KeyError, LookupError):
        batch = asset.add_batch_definition_whole_dataframe("whole")
    vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(name=suite_name, data=batch, suite=suite))
    checkpoint = ctx.checkpoints.add_or_update(gx.Checkpoint(
        name=suite_name, validation_definitions=[vd],
        actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")] if docs else [],
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [key_column]},
    ))
    columns = [c for c in dict.fromkeys([key_column, *suite_columns(suite_name)]) if c in frame.columns]
    pdf = frame.select(columns).to_pandas()
    run = checkpoint.run(batch_parameters={"dataframe": pdf}, expectation_parameters=params)
    # GX keeps the validated frame reachable from its batch objects (reference cycles, and the data source's
    # batch cache) until a full garbage collection; emptied here, it holds no memory while it waits.
    pdf.drop(columns=list(pdf.columns), inplace=True)
    [validation] = list(run.run_results.values())
    results = []
    for r in validation.results:
        cfg = r.expectation_config
        meta = cfg.meta or {}
        res = r.result or {}
        failed = {}
        for item in res.get("unexpected_index_list") or []:
            if isinstance(item, dict) and key_column in item:
                value = item.get(cfg.kwargs.get("column"))
                failed.setdefault(str(item[key_column]), _plain(value))
        if r.exception_info and r.exception_info.get("raised_exception"):
            raise RuntimeError(f"expectation {cfg.type} of suite {suite_name} could not run: "
                               f"{r.exception_info.get('exception_message')}")
        results.append(ExpectationResult(
            suite=suite_name, expectation=f"{cfg.type}({cfg.kwargs.get('column', '')})",
            level=meta.get("level", "batch"), reason=meta.get("reason", cfg.type), success=bool(r.success),
            rows_evaluated=int(res.get("element_count") or len(pdf)),
            rows_failed=int(res.get("unexpected_count") or 0), failed=failed,
        ))
    return SuiteResult(suite_name, spec.get("meta", {}).get("stage", ""), results)


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def build_docs(gx_dir: Path) -> Path:
    """Rebuild the Data Docs site from every stored validation result; the index page."""
    _context(Path(gx_dir)).build_data_docs()
    return data_docs_index(gx_dir)


def data_docs_index(gx_dir: Path) -> Path:
    return Path(gx_dir) / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
