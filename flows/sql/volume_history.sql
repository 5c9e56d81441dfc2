-- Per-channel counts of recent runs that received new files and did not fail. $1: how many runs.
select counts
from runs
where outcome <> 'failed' and coalesce(files_new, 0) > 0 and counts is not null
order by started_at_utc desc
limit $1
