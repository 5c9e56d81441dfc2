-- Ringkasan's change: complaints in the chosen period ($p_start..$p_end) and in the period of the same length
-- just before it ($b_start..$b_end), one pass over the filtered complaints (called with no date filter).
with f as ({filtered})
select coalesce(count_if(day between $p_start::date and $p_end::date), 0)::bigint as current,
       coalesce(count_if(day between $b_start::date and $b_end::date), 0)::bigint as before
from f
where day between $b_start::date and $p_end::date
