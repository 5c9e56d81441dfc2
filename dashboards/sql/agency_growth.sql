-- Agencies whose complaints rise fastest: last 3 months against the 3 months before (within the filter),
-- counted back from the newest day of receipt in the filter ($last_day, found first by last_day.sql).
with f as ({filtered})
select agency as instansi,
       coalesce(count_if(day > ($last_day::date - interval 3 month)::date), 0)::bigint as tiga_bulan_terakhir,
       coalesce(count_if(day <= ($last_day::date - interval 3 month)::date), 0)::bigint as tiga_bulan_sebelumnya,
       tiga_bulan_terakhir - tiga_bulan_sebelumnya as kenaikan
from f
where agency is not null and day > ($last_day::date - interval 6 month)::date and day <= $last_day::date
group by agency
having tiga_bulan_terakhir + tiga_bulan_sebelumnya >= 3
order by kenaikan desc, instansi
limit 10
