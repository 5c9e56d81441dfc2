-- Ringkasan: totals of the filtered complaints (the CTE f is sql/filters.sql).
with f as ({filtered}),
reporters as (
    select reporter_pseudonym, count(*) as n
    from f
    where reporter_pseudonym is not null
    group by reporter_pseudonym
)
select count(*) as total,
       count(*) filter (where pending_review) as pending_review,
       count(*) filter (where first_response_at_utc is not null) as with_response,
       count(*) filter (where first_response_at_utc is not null
                        and first_response_at_utc - received_at_utc <= interval 4 hours) as responded_4h,
       count(*) filter (where effective_category is not null and effective_category <> 'bukan_maladministrasi') as maladministration,
       min(received_at_local) as first_at, max(received_at_local) as last_at,
       (select count(*) from reporters where n > 1) as repeat_reporters,
       (select coalesce(sum(n), 0) from reporters where n > 1) as repeat_complaints
from f
