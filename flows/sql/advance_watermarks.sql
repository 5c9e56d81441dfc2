-- Move each channel's watermark forward to the newest file this run took (registered as run_marks); never back.
insert into watermarks (channel, modified_at_utc, run_id, updated_at_utc)
select channel, modified_at_utc, ?, ?
from run_marks
on conflict (channel) do update set
    modified_at_utc = greatest(watermarks.modified_at_utc, excluded.modified_at_utc),
    run_id = excluded.run_id,
    updated_at_utc = excluded.updated_at_utc
