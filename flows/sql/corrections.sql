-- Analysts' corrections live in their own small DuckDB file (<warehouse>.corrections.duckdb), written by
-- the dashboard and `awasi correct` with short connections, so they never wait for the nightly writer.
create table if not exists corrections (
    complaint_id      varchar not null,
    category          varchar not null,          -- the analyst's maladministration code
    analyst           varchar not null,
    corrected_at_utc  timestamp not null,
    note              varchar
);
