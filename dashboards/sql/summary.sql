-- Ringkasan: totals of the filtered complaints (the CTE f is sql/filters.sql). $hours: the first-response standard.
with f as ({filtered})
select count(*) as total,
       count(*) filter (where pending_review) as pending_review,
       count(*) filter (where responded) as with_response,
       count(*) filter (where response_minutes <= 60 * $hours) as responded_4h,
       count(*) filter (where effective_category is not null and effective_category <> 'bukan_maladministrasi') as maladministration,
       min(day) as first_at, max(day) as last_at
from f
