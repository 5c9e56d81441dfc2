-- Ringkasan's change: complaints in the chosen period ($p_start..$p_end) and in the period of the same length
-- just before it ($b_start..$b_end), one pass over the filtered complaints (called with no date filter).
with f as ({filtered})
select count(*) filter (where day between $p_start::date and $p_end::date) as current,
       count(*) filter (where day between $b_start::date and $b_end::date) as before
from f
where day between $b_start::date and $p_end::date
