-- Ringkasan: totals of the filtered complaints (the CTE f is sql/filters.sql). $hours: the first-response standard.
-- The first response is measured as on Ketepatan waktu: answered within $hours hours, out of every complaint of the
-- channels that record response times (response_channels.sql), answered or not.
with f as ({filtered})
select count(*) as total,
       coalesce(count_if(pending_review), 0)::bigint as pending_review,
       coalesce(count_if({response_channels}), 0)::bigint as response_recorded,
       coalesce(count_if({response_channels} and response_minutes <= 60 * $hours), 0)::bigint as responded_4h,
       coalesce(count_if(maladministration), 0)::bigint as maladministration,
       min(day) as first_at, max(day) as last_at
from f
