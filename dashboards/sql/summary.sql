-- Ringkasan: totals of the filtered complaints (the CTE f is sql/filters.sql). $hours: the first-response standard.
with f as ({filtered})
select count(*) as total,
       coalesce(count_if(pending_review), 0)::bigint as pending_review,
       coalesce(count_if(responded), 0)::bigint as with_response,
       coalesce(count_if(response_minutes <= 60 * $hours), 0)::bigint as responded_4h,
       coalesce(count_if(maladministration), 0)::bigint as maladministration,
       min(day) as first_at, max(day) as last_at
from f
