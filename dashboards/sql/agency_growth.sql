-- Agencies whose complaints rise fastest: last 3 months against the 3 months before (within the filter),
-- counted back from the newest day of receipt in the filter.
with f as ({filtered}),
edge as (select max(day) as last_day from f),
windowed as (
    select agency,
           count(*) filter (where day > last_day - interval 3 month) as recent,
           count(*) filter (where day <= last_day - interval 3 month
                            and day > last_day - interval 6 month) as previous
    from f, edge
    where agency is not null and day > last_day - interval 6 month
    group by agency
)
select agency as instansi, recent as tiga_bulan_terakhir, previous as tiga_bulan_sebelumnya,
       recent - previous as kenaikan
from windowed
where recent + previous >= 3
order by kenaikan desc, instansi
limit 10
