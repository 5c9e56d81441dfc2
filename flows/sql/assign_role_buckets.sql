-- Every role row with its load batch (the same rule as assign_bucket_of). $1: number of load batches.
select *, (hash(coalesce(complaint_id, record_key)) % $1::ubigint)::integer as bucket
from roles
