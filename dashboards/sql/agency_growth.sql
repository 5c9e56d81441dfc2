-- Agencies whose complaints rise fastest: last 3 months against the 3 months before (within the filter).
with f as ({filtered}),
edge as (select max(received_at_local) as last_at from f),
windowed as (
    select agency,
           count(*) filter (where received_at_local > last_at - interval 3 month) as recent,
           count(*) filter (where received_at_local <= last_at - interval 3 month
                            and received_at_local > last_at - interval 6 month) as previous
    from f, edge
    where agency is not null
    group by agency
)
select agency as instansi, recent as tiga_bulan_terakhir, previous as tiga_bulan_sebelumnya,
       recent - previous as kenaikan
from windowed
where recent + previous >= 3
order by kenaikan desc, instansi
limit 10
