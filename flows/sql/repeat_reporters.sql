-- Reporters with more than one complaint among the rows of `f` (the caller defines f), and their complaints.
-- Anonymous complaints (no reporter key) are not counted. Over all complaints this is the mart
-- `reporter_repeats`; the dashboard runs it over its filter otherwise.
select count(*) as repeat_reporters, coalesce(sum(n), 0)::bigint as repeat_complaints
from (
    select reporter_key, count(*) as n
    from f
    where reporter_key is not null
    group by reporter_key
    having count(*) > 1
)
