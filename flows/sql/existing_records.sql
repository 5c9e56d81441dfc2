-- Record ids of the batch (registered as batch_records) that already have an intake row.
select i.record_id
from intake i
join batch_records b on b.record_id = i.record_id
