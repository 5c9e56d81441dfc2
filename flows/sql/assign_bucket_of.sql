-- The load batch of each record of one staged file, in the file's order: all records of a complaint share one.
-- $1: the staged Parquet file, $2: number of load batches.
select load_batch(r.complaint_id, s.record_key, $2) as bucket
from read_parquet($1, file_row_number = true) as s
left join roles as r using (record_key)
order by s.file_row_number
