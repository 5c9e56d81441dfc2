-- The night's usable records, with only the columns that decide roles, threads and duplicates, numbered in the
-- order they are processed: by received time, file and position (staging order breaks the remaining ties).
-- Records with a reason_code were quarantined at the raw gate and take no part. $1: the staged Parquet files.
create or replace table night as
select record_key, channel, coalesce(source_ref, 'sha:' || content_hash) as ref,
       received_at::timestamp as received_at,  -- naive UTC (the connection's time zone is UTC)
       parent_refs, reporter_pseudonym as who, reporter_keys,
       coalesce(text, '') <> '' as has_text,
       row_number() over (order by received_at nulls first, source_file nulls first, seq nulls first,
                                   filename, file_row_number) as ord
from read_parquet($1, union_by_name = true, filename = true, file_row_number = true)
where reason_code is null
