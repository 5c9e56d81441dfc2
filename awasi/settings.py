"""The one typed settings object.

Every value can be set with an environment variable prefixed ``AWASI_`` (for example
``AWASI_DB_PATH=/srv/awasi/awasi.duckdb``). Settings are read once at the edge (CLI, flow entry)
and passed down; transforms never read the environment themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AWASI_", extra="ignore")

    db_path: Path = Field(REPO_ROOT / "data" / "awasi.duckdb", description="DuckDB warehouse file")
    inbox: Path = Field(REPO_ROOT / "data" / "inbox", description="Folder with one sub-folder per channel")
    registers_dir: Path = Field(REPO_ROOT / "data" / "registers", description="Agency register files")
    timezone: str = Field("Asia/Jakarta", description="Local time zone of received times")

    # Personal data: the key of the reporter pseudonym (HMAC-SHA256). Never commit it.
    pseudonym_key: str | None = Field(None, description="Secret key for reporter pseudonyms")
    pseudonym_key_block: str | None = Field(None, description="Name of a Prefect Secret block holding that key")
    pseudonym_key_file: Path = Field(
        REPO_ROOT / "data" / ".pseudonym_key",
        description="Where a local key is created (owner-only) when no key is given",
    )

    exports_dir: Path = Field(REPO_ROOT / "data" / "exports", description="Where relative export paths go")

    # Raw archive (personal data: owner-only, removed after the retention period)
    archive_dir: Path = Field(REPO_ROOT / "data" / "archive", description="Where delivered files are kept")
    raw_retention_days: int = Field(365, description="Days a delivered raw file is kept in the archive")

    # Intake rules
    whatsapp_gap_minutes: int = Field(30, description="Messages from one sender closer than this form one complaint")
    duplicate_window_days: int = Field(7, description="Cross-channel duplicates are looked for within this window")
    duplicate_similarity: float = Field(90.0, description="Text similarity (0-100) above which texts are near-identical")
    agency_match_threshold: float = Field(85.0, description="Fuzzy score (0-100) needed to resolve an agency")
    min_text_chars: int = Field(3, description="Shorter complaint texts are quarantined")
    max_text_chars: int = Field(20_000, description="Longer complaint texts are quarantined")
    earliest_date: str = Field("2000-01-01", description="Received times before this date are impossible")
    read_retries: int = Field(3, description="Attempts to read one inbox file before it is quarantined")
    read_retry_delay_s: float = Field(0.5, description="Wait before the second read attempt; doubles after each")

    # Running: retries of a failing partition task, and where partitions (channel x day) run
    task_retries: int = Field(2, description="Retries of a partition's parse/stage task before it is reported")
    task_retry_delay_s: float = Field(5.0, description="Seconds before a failed partition task is retried")
    task_runner: Literal["threads", "processes", "dask"] = Field(
        "processes", description="processes (a pool of worker processes, started only for a night larger than one "
        "stage batch), threads (in the flow's process: less memory, one core for Python code), or dask (prefect-dask)")
    process_workers: int | None = Field(None, description="Worker processes of the process runner (one per core "
                                        "when unset)")
    thread_workers: int = Field(4, description="Threads of the thread runner")
    dask_workers: int = Field(2, description="Worker processes of the local Dask cluster (task_runner=dask)")
    dask_address: str | None = Field(None, description="Scheduler of an existing Dask cluster, e.g. tcp://host:8786")

    # Batches: bound the memory of a run whatever the size of the night
    stage_batch_bytes: int = Field(
        16_000_000, description="Inbox bytes parsed and staged by one task (small partitions of a channel share one)")
    batch_records: int = Field(
        100_000, description="Records per batch of the later steps (classify, complaint gate, load); the night is "
        "spilled to a scratch folder next to the warehouse and loaded batch by batch in one transaction")
    duckdb_memory_limit: str = Field(
        "512MB", description="Memory limit of each DuckDB connection of a run's night-wide steps (the scratch database "
        "that decides the night's complaints, the load transaction) and of `awasi reclassify`; DuckDB spills to disk "
        "beyond it")

    # Classifier
    models_dir: Path = Field(REPO_ROOT / "data" / "models", description="Versioned classifier models")
    model_version: str | None = Field(None, description="Active model version; newest when unset")

    # Data-quality gates (Great Expectations)
    gx_dir: Path = Field(REPO_ROOT / "data" / "gx", description="GX file context: validation results and Data Docs")
    hold_min_records: int = Field(5, description="Files with at least this many records can be held back whole")
    hold_failed_share: float = Field(0.5, description="A file is held back when more than this share of it fails")


def get_settings(**overrides) -> Settings:
    """Build settings from the environment, with explicit overrides (from CLI options) on top."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)
