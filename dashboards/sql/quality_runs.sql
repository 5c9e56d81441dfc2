-- The last 30 runs (Kualitas data). Messages stored before ebfe3f1 said "instansi teridentifikasi pada - aduan baru"
-- for a run that added no complaint; they are shown with the wording the flow writes now (flows/nightly.py,
-- `_message`). The stored row stays as it was.
select run_id, started_at_utc, outcome, records_total, accepted, merged, quarantined, complaints_new,
       agency_resolved_share,
       replace(message, 'instansi teridentifikasi pada - aduan baru',
               'tidak ada aduan baru yang instansinya perlu diidentifikasi') as message
from runs
order by started_at_utc desc
limit 30
