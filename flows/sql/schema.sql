-- Awasi warehouse schema. Idempotent: run at the start of every load.

create table if not exists runs (
    run_id                varchar primary key,
    flow_run_id           varchar,
    started_at_utc        timestamp not null,
    finished_at_utc       timestamp,
    duration_s            double,
    outcome               varchar not null,      -- completed | partial (something held back) | failed
    message               varchar,               -- for a duty officer: what happened, what to do
    inbox                 varchar,
    files_seen            integer,
    files_new             integer,
    files_skipped         integer,               -- already received (same content hash)
    records_total         integer,
    accepted              integer,
    merged                integer,
    quarantined           integer,
    complaints_new        integer,
    complaints_updated    integer,
    agency_resolved_share double,                -- share of new complaints whose agency resolved
    counts                json,                  -- {"<channel>": {"accepted": n, "merged": n, "quarantined": n}}
    alerts                json,                  -- list of batch-level findings for the duty officer
    data_docs             varchar                -- GX Data Docs index of this run's validations
);
alter table runs add column if not exists stage_seconds json;   -- {"parse_lapor": s, "classify": s, ...}

create table if not exists files (
    file_hash       varchar primary key,         -- sha256 of the file's bytes: re-delivery is skipped
    channel         varchar not null,
    source_file     varchar not null,            -- path relative to the inbox when first received
    size_bytes      bigint,
    records         integer,
    run_id          varchar not null,
    received_at_utc timestamp not null
);
alter table files add column if not exists modified_at_utc timestamp;   -- the file's modification time

-- Per channel: the newest modification time of a file a run took. Files not newer than it, whose path and
-- size are in `files`, are skipped without being read.
create table if not exists watermarks (
    channel         varchar primary key,
    modified_at_utc timestamp not null,
    run_id          varchar not null,
    updated_at_utc  timestamp not null
);

create table if not exists intake (
    record_id       varchar primary key,         -- file hash | position
    run_id          varchar not null,
    channel         varchar not null,
    source_file     varchar not null,
    file_hash       varchar not null,
    position        varchar not null,            -- "line 3", "line 4 message 2", "row 7", "message 5", "file"
    seq             integer,
    source_ref      varchar,                     -- tracking_id / message id / Message-ID / call_id
    content_hash    varchar not null,
    fate            varchar not null check (fate in ('accepted', 'merged', 'quarantined')),
    complaint_id    varchar,                     -- null only for quarantined records
    reason_code     varchar,
    reason          varchar,                     -- why quarantined, or why merged
    received_at_utc timestamp
);

create table if not exists complaints (
    complaint_id          varchar primary key,   -- stable: channel prefix + hash of the channel's own reference
    channel               varchar not null,
    source_ref            varchar,
    source_file           varchar,
    received_at_utc       timestamp not null,
    received_at_local     timestamp not null,    -- Asia/Jakarta wall time
    last_message_at_utc   timestamp,
    reporter_pseudonym    varchar,               -- HMAC-SHA256 of phone/e-mail; never the raw value
    reporter_keys         varchar[],
    agency_raw            varchar,               -- as written (masked)
    agency                varchar,               -- canonical name from the register
    agency_code           varchar,
    agency_type           varchar,
    agency_match          varchar,               -- field | fuzzy | text | none
    province              varchar,
    regency               varchar,               -- kabupaten/kota
    location_raw          varchar,
    title                 varchar,
    text                  varchar not null,      -- masked
    text_search           varchar,               -- normalised, Sastrawi-stemmed title and text, for search without fts
    channel_category      varchar,               -- the channel's own category, not the maladministration form
    status                varchar,
    is_anonymous          boolean,
    is_secret             boolean,
    first_response_at_utc timestamp,
    attachments           integer,
    records               integer,
    -- classification: filled by the classifier; NULL until then, never a guess
    category              varchar,
    confidence            double,
    needs_review          boolean,
    secondary             varchar[],
    cues                  varchar[],
    classifier_version    varchar,
    run_id                varchar not null,
    loaded_at_utc         timestamp not null
);
alter table complaints add column if not exists forwarded_at_utc timestamp;  -- forwarded to the agency (LAPOR!)
alter table complaints add column if not exists acted_at_utc timestamp;      -- the agency acted on it (LAPOR!)
alter table complaints add column if not exists closed_at_utc timestamp;     -- closed: status Selesai (LAPOR!)

create table if not exists validations (
    run_id          varchar not null,
    stage           varchar not null,            -- raw | complaints | volume
    suite           varchar not null,            -- file name in expectations/suites
    expectation     varchar not null,            -- type(column)
    level           varchar not null,            -- row: failing rows quarantined; batch: batch held back; warning
    success         boolean not null,
    rows_evaluated  integer,
    rows_failed     integer,
    reason          varchar                      -- readable description of the rule
);

-- Columns added after the first release: kept here so older warehouse files are brought up to date.
alter table complaints add column if not exists text_search varchar;
