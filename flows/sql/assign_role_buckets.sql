-- Every role row with its load batch. $1: number of load batches.
select *, load_batch(complaint_id, record_key, $1) as bucket
from roles
