-- Complaints per effective category (corrections applied). $1: year (WIB) or null for all.
select effective_category as category, count(*) as n
from complaints_effective
where $1::integer is null or year(received_at_local) = $1
group by effective_category
order by n desc
