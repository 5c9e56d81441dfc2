-- Complaints per value of one dimension (the grouped column is a fixed name chosen in code).
with f as ({filtered})
select coalesce(cast({dimension} as varchar), '(tidak diketahui)') as nilai, count(*) as jumlah,
       coalesce(count_if(pending_review), 0)::bigint as perlu_tinjauan
from f
group by all
order by jumlah desc, nilai
