select run_id, started_at_utc, outcome, records_total, accepted, merged, quarantined, complaints_new,
       agency_resolved_share, message
from runs
order by started_at_utc desc
limit 30
